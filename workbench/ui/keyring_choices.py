"""What to do when the OS keyring cannot be used: the choices, and the one the window can do
itself: keep an access key in memory for this session only (never written anywhere)."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit, QVBoxLayout)

from workbench.core.credentials import Credentials
from workbench.ui.accessible import named

CHOICES = """\
<p>The OS keyring cannot be used, so the credentials of <b>{env}</b> cannot be read from it.
Choose one:</p>
<ul>
<li><b>Unlock or install a keyring</b> (a Secret Service such as gnome-keyring or KWallet;
macOS Keychain and Windows Credential Locker work out of the box), then send again.</li>
<li><b>Use an AWS profile</b>: an environment whose credentials come from a named profile
(<code>pinpoint-workbench env add NAME --region REGION --profile PROFILE</code>).</li>
<li><b>Keep an access key for this session only</b>, below: it stays in this window's memory
and is forgotten when the window closes.</li>
</ul>
<p>Pinpoint Workbench never stores secrets in a file.</p>"""


def offer_keyring_choices(parent, controller, env_name: str) -> bool:
    """Explain the choices; True when the user kept credentials for this session."""
    dialog = named(QDialog(parent), "keyringChoices", "The keyring is not usable")
    dialog.setWindowTitle("The keyring is not usable")
    text = named(QLabel(CHOICES.format(env=env_name)), "keyringChoicesText", "The choices")
    text.setWordWrap(True)
    key_id = named(QLineEdit(), "sessionAccessKeyId", "Access key ID")
    secret = named(QLineEdit(), "sessionSecretKey", "Secret access key")
    token = named(QLineEdit(), "sessionToken", "Session token (optional)")
    for field in (secret, token):
        field.setEchoMode(QLineEdit.EchoMode.Password)
    form = QFormLayout()
    form.addRow("Access key ID", key_id)
    form.addRow("Secret access key", secret)
    form.addRow("Session token", token)
    buttons = QDialogButtonBox()
    keep = named(buttons.addButton("Keep for this session", QDialogButtonBox.ButtonRole.AcceptRole),
                 "keepForSessionButton", "Keep for this session")
    named(buttons.addButton(QDialogButtonBox.StandardButton.Close), "closeChoicesButton", "Close")
    keep.setEnabled(False)

    def complete() -> None:
        keep.setEnabled(bool(key_id.text().strip() and secret.text()))

    key_id.textChanged.connect(complete)
    secret.textChanged.connect(complete)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(text)
    layout.addLayout(form)
    layout.addWidget(buttons)
    dialog.resize(560, 380)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    controller.keep_for_session(env_name, Credentials(key_id.text().strip(), secret.text(), token.text() or None))
    return True
