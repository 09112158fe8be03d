"""What was signed and how: the request as sent, credential scope, signed headers, the
canonical request, string to sign and payload hash (signature and token redacted), and
"copy as curl"."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.core.interop.curl_export import curl_command
from workbench.ui.accessible import named
from workbench.ui.editors import JsonView


class InspectPane(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = named(QLabel(self.tr("Send a request to see what was signed.")), "inspectSummary",
                             self.tr("Signing summary"))
        self.summary.setWordWrap(True)
        self.curl_button = named(QPushButton(self.tr("Copy as curl")), "copyCurlButton", self.tr("Copy as curl"),
                                 self.tr("curl --aws-sigv4 with credentials from $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY"))
        self.curl_button.setEnabled(False)
        self.curl_button.clicked.connect(self.copy_curl)
        self.view = named(JsonView(json_syntax=False), "inspectView", self.tr("Inspection: request as sent and its signing"))
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.curl_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self._curl = ""

    def show_inspection(self, inspection, body_text: str = "", redact=lambda text: text) -> None:
        """`redact(text)` hides the values of secret variables (in headers, the URL, the body)."""
        self.summary.setText(escape(redact(self.tr(
            "{method} signed for {signing_name} in {region}; scope {scope}; key {key}; signature {signature}").format(
            method=inspection.method, signing_name=inspection.signing_name, region=inspection.region,
            scope=inspection.credential_scope,
            key=f"{inspection.access_key_id[:4]}…{inspection.access_key_id[-4:]}",
            signature=inspection.signature_redacted))))
        self.view.setPlainText(redact(inspection.to_text()))
        self._curl = redact(curl_command(inspection, body_text))
        self.curl_button.setEnabled(True)

    def copy_curl(self) -> str:
        QGuiApplication.clipboard().setText(self._curl)
        return self._curl
