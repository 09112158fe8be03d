"""Tools -> Open reproduction bundle: what the bundle holds (operation, where and when it was
sent, the answer and its diagnosis) and two ways on: open its request in a tab, or reproduce
it in the sandbox (its answer loaded as a scenario, then its request sent to the sandbox,
which answers as the customer's service did: try a fix there)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLayout, QPushButton, QTextBrowser, QVBoxLayout

from workbench.ui.accessible import named
from workbench.ui.owned_work import run_for


def bundle_html(data: dict) -> str:
    env = data.get("environment") or {}
    response = data.get("response") or {}
    sent = QCoreApplication.translate("BundleDialog", "Sent in {name} ({region}, account {account}) on {when}").format(
        name=env.get('name'), region=env.get('region'), account=env.get('account'), when=data.get('created'))
    rows = [f"<h3>{html.escape(str(data.get('operation')))}</h3>", f"<p>{html.escape(sent)}</p>"]
    if response:
        rows.append("<p>" + html.escape(QCoreApplication.translate("BundleDialog", "Answer: HTTP {status}").format(
            status=response.get('status'))) + "</p>")
    elif data.get("error"):
        rows.append("<p>" + html.escape(QCoreApplication.translate("BundleDialog", "No answer: {message}").format(
            message=(data.get('error') or {}).get('message'))) + "</p>")
    for item in data.get("diagnosis") or []:
        rows.append(f"<p><b>{html.escape(str(item.get('title')))}</b>: {html.escape(str(item.get('summary', '')))}</p>")
    return "".join(rows)


class BundleDialog(QDialog):
    open_requested = Signal(object)  # the bundle's RequestDraft
    reproduce_ready = Signal(object)  # its answer is loaded in the sandbox: send this draft there

    def __init__(self, controller, path: str, parent=None):
        super().__init__(parent)
        self.controller, self.path = controller, path
        self.data = self.draft = None
        named(self, "bundleDialog", self.tr("Reproduction bundle"))
        self.setWindowTitle(self.tr("Reproduction bundle: {path}").format(path=path))
        self.resize(640, 420)
        self.summary = named(QTextBrowser(), "bundleSummary", self.tr("What the bundle holds"))
        self.open_button = named(QPushButton(self.tr("Open as a request")), "bundleOpen",
                                 self.tr("Open the bundle's request in a tab"))
        self.reproduce_button = named(QPushButton(self.tr("Reproduce in the sandbox")), "bundleReproduce",
                                      self.tr("Load the bundle's answer into the sandbox and send its request there"))
        self.message = named(QLabel(self.tr("Reading the bundle…")), "bundleMessage", self.tr("Bundle status"))
        self.message.setWordWrap(True)
        for button in (self.open_button, self.reproduce_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reproduce_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see ui/dialogs.py
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.draft))
        self.reproduce_button.clicked.connect(self.reproduce)
        self._read()

    def _read(self) -> None:
        from pathlib import Path

        from workbench.core.interop.bundle import read_bundle

        path = self.path

        def work():
            return read_bundle(Path(path).read_text(encoding="utf-8", errors="replace"), source=path)

        run_for(self, self.controller, work, self._opened,
                lambda error: self.message.setText(self.tr("Not a usable bundle: {error}").format(error=error)))

    def _opened(self, result) -> None:
        self.data, self.draft = result
        self.summary.setHtml(bundle_html(self.data))
        self.message.setText(self.tr("Reproduce it in the sandbox to get the same answer there, then try a fix."))
        self.open_button.setEnabled(True)
        self.reproduce_button.setEnabled(True)

    def reproduce(self) -> None:
        from workbench.core.interop.scenario_files import scenario_from_bundle
        from workbench.core.sandbox import scenarios
        from workbench.ui.support_services import scenarios_directory

        data, path, directory = self.data, self.path, scenarios_directory(self.controller)

        def work():
            scenario = scenario_from_bundle(data, path)
            scenarios.load(directory, [scenario])
            return scenario.name

        def loaded(name) -> None:
            self.message.setText(self.tr("Scenario {name} loaded into the sandbox: its request is sent there in a new "
                                         "tab.").format(name=name))
            self.reproduce_ready.emit(self.draft)

        run_for(self, self.controller, work, loaded,
                lambda error: self.message.setText(self.tr("Not reproduced: {error}").format(error=error)))
