"""The credentials of one environment: access key id, secret (a password field; the stored
value is never shown, only "stored, AKIA****MPLE"), session token; Save, Test (the signed
harmless read), Clear, each ending with what happened ("saved: …", "not saved: why"). When
no keyring is usable, the choices in plain words, one of them "keep for this session only"
(memory, forgotten when the window closes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLayout, QLineEdit,
                               QPushButton, QVBoxLayout)

from workbench.ui.accessible import named

from workbench.ui.credential_words import source_words


def sso_login_hint(env, error: str) -> str:
    """For an AWS profile whose SSO token is missing or expired: the command that renews it."""
    source = env.credential_source
    if source.kind == "profile" and "sso" in error.lower() and ("expired" in error.lower() or "token" in error.lower()):
        return QCoreApplication.translate("CredentialsDialog", "The SSO session has expired: run  aws sso login --profile "
                                          "{profile}  in a terminal, then Test.").format(profile=source.profile)
    return ""


class CredentialsDialog(QDialog):
    def __init__(self, actions, env, parent=None):
        super().__init__(parent)
        self.actions, self.env = actions, env
        named(self, "credentialsDialog", self.tr("Credentials of {name}").format(name=env.name))
        self.setWindowTitle(self.tr("Credentials — {name}").format(name=env.name))
        self.stored_known = False  # the stored-credentials line says what is stored (no longer "reading…")
        self.stored = named(QLabel(self.tr("reading…")), "storedCredentials", self.tr("Stored credentials"))
        self.key_id = named(QLineEdit(), "accessKeyId", self.tr("Access key ID"))
        self.key_id.setPlaceholderText("AKIA…")
        self.secret = named(QLineEdit(), "secretAccessKey", self.tr("Secret access key"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("typed here, kept in the keyring, never shown again"))
        self.token = named(QLineEdit(), "sessionToken", self.tr("Session token"))
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("optional (temporary credentials)"))
        form = QFormLayout()
        form.addRow(self.tr("Stored"), self.stored)
        form.addRow(self.tr("Access key ID"), self.key_id)
        form.addRow(self.tr("Secret access key"), self.secret)
        form.addRow(self.tr("Session token"), self.token)

        self.source_note = named(QLabel(), "credentialSourceNote", self.tr("Where the credentials come from"))
        self.source_note.setWordWrap(True)
        self.no_keyring = named(QFrame(), "noKeyringChoices", self.tr("No keyring: choices"))
        self.no_keyring.setFrameShape(QFrame.Shape.StyledPanel)
        self.no_keyring_text = named(QLabel(), "noKeyringText", self.tr("Why the keyring cannot be used"))
        self.no_keyring_text.setWordWrap(True)
        self.session_only = named(QPushButton(self.tr("Keep for this session only")), "keepForSession",
                                  self.tr("Keep the credentials for this session only"))
        self.session_only.clicked.connect(lambda: self._save(session_only=True))
        box = QVBoxLayout(self.no_keyring)
        box.addWidget(self.no_keyring_text)
        box.addWidget(self.session_only)
        self.no_keyring.hide()

        self.save_button = named(QPushButton(self.tr("Save")), "saveCredentials", self.tr("Save the credentials"))
        self.test_button = named(QPushButton(self.tr("Test")), "testCredentials",
                                 self.tr("Test the credentials with a signed read"))
        self.clear_button = named(QPushButton(self.tr("Clear")), "clearCredentials", self.tr("Delete the stored credentials"))
        self.save_button.clicked.connect(lambda: self._save(session_only=False))
        self.test_button.clicked.connect(self._test)
        self.clear_button.clicked.connect(lambda: self.actions.clear(self.env.name))
        buttons = QHBoxLayout()
        for button in (self.save_button, self.test_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.result = named(QLabel(), "testResult", self.tr("Test result"))
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        named(close.button(QDialogButtonBox.StandardButton.Close), "closeCredentials", self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see ui/dialogs.py
        layout.addWidget(self.source_note)
        layout.addLayout(form)
        layout.addWidget(self.no_keyring)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(close)
        self.resize(560, 380)

        actions.stored_status.connect(self._stored)
        actions.keyring_unavailable.connect(self._unavailable)
        actions.tested.connect(self._tested)
        actions.credentials_saved.connect(self._saved)
        actions.credentials_failed.connect(self._not_saved)
        self._show_source()
        actions.stored(env.name)

    def _show_source(self) -> None:
        kind = self.env.credential_source.kind
        typed = kind == "keyring"
        for widget in (self.key_id, self.secret, self.token, self.save_button, self.clear_button):
            widget.setEnabled(typed)
        text = self.tr("{name} ({region}) takes its credentials from: {source}.").format(
            name=self.env.name, region=self.env.region, source=source_words(self.env.credential_source))
        self.source_note.setText(text + ("" if typed else " " + self.tr("Nothing to type here; Test checks them.")))

    def _stored(self, name: str, text: str) -> None:
        if name == self.env.name:
            self.stored_known = True
            self.stored.setText(text if self.env.credential_source.kind == "keyring"
                                else source_words(self.env.credential_source))

    def _unavailable(self, name: str, reason: str) -> None:
        if name == self.env.name:
            self.no_keyring_text.setText(self.tr(
                "The OS keyring is not usable here ({reason}).\n"
                "Pinpoint Workbench never stores secrets in a file. You can:\n"
                "  • keep these credentials for this session only: in memory, forgotten when the window closes;\n"
                "  • use an AWS profile instead (Environments → Credentials from: AWS profile);\n"
                "  • unlock or install a keyring (gnome-keyring, KWallet; macOS and Windows have one), then Save "
                "again.").format(reason=reason))
            self.no_keyring.show()

    def _outcome(self, name: str, text: str, saved: bool) -> None:
        """How a save or a clear ended: "saved: …", "not saved: why", "… cleared". Once saved,
        the widgets forget the secret; after a refusal it stays typed (hidden) for another way
        to keep it (this session only)."""
        if name != self.env.name:
            return
        self.result.setText(text)
        if saved:
            self.secret.clear()
            self.token.clear()

    def _saved(self, name: str, text: str) -> None:
        self._outcome(name, text, saved=True)

    def _not_saved(self, name: str, text: str) -> None:
        self._outcome(name, text, saved=False)

    def _save(self, session_only: bool) -> None:
        self.result.setText(self.tr("saving…"))
        self.actions.store(self.env.name, self.key_id.text(), self.secret.text(), self.token.text(),
                           session_only=session_only)

    def _test(self) -> None:
        self.result.setText(self.tr("testing: a signed GetApps…"))
        self.test_button.setEnabled(False)
        self.actions.test(self.env.name)

    def _tested(self, name: str, report: dict) -> None:
        if name != self.env.name:
            return
        self.test_button.setEnabled(True)
        if report.get("host"):
            status = f"HTTP {report['status']}" if report.get("status") else self.tr("no response")
            lines = [self.tr("{operation} at {host} ({region}): {status}").format(
                operation=report['operation'], host=report['host'], region=report['region'], status=status)
                + (self.tr(" — the credentials work") if report.get("ok") else "")]
        else:
            lines = [self.tr("not sent")]
        if report.get("identity"):
            lines.append(self.tr("identity: {identity}").format(identity=report['identity']))
        if report.get("error"):
            lines.append(self.tr("error: {error}").format(error=report['error']))
            hint = sso_login_hint(self.env, report["error"])
            if hint:
                lines.append(hint)
        self.result.setText("\n".join(lines))

