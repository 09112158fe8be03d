"""No usable keyring: the request editor keeps its room (one elided line, details on demand),
the toolbar says "keyring unavailable", and the remedy button opens the credentials dialog with
the choices, one of them (keep an access key for this session only) done there."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY
from ui_helpers import make_context, open_operation, send


def _no_keyring_context(tmp_path, sandbox_url):
    context = make_context(tmp_path, sandbox_url, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    context.config_dir.mkdir(parents=True)
    host = sandbox_url.split("://")[-1]  # signed and sent there (https: a TLS failure, after signing)
    (context.config_dir / "environments.json").write_text(json.dumps({
        "schema_version": 1,
        "environments": [{"name": "dev2", "region": "us-east-1", "hosts": {"pinpoint": host}}],  # keyring credentials
    }))
    return context


def _select(qtbot, window, name):
    switcher = window.env_bar.switcher
    switcher.setCurrentIndex(switcher.findData(name))
    switcher.activated.emit(switcher.currentIndex())
    qtbot.waitUntil(lambda: window.controller.current_env_name == name)


def test_no_keyring_keeps_the_editor_usable_and_offers_the_session_choice(qtbot, open_window, tmp_path,
                                                                          tutorial_sandbox):
    window = open_window(_no_keyring_context(tmp_path, tutorial_sandbox.url))
    _select(qtbot, window, "dev2")
    status = window.env_bar.credentials
    qtbot.waitUntil(lambda: status.text().startswith("keyring unavailable: "))
    assert "credentials missing" not in status.text()
    assert status.toolTip() == status.text()  # the whole reason on hover
    assert status.geometry().right() <= window.env_bar.width()  # nothing cut off by the window's edge
    if status.fontMetrics().horizontalAdvance(status.text()) > status.width():  # too long: said short, not cut
        assert status.painted_text() == "keyring unavailable (hover for why)"

    tab = open_operation(qtbot, window, "GetApps")
    sections_before = tab.editor.sections.height()
    assert send(qtbot, tab) == "Not sent"
    banner = tab.editor.banner
    assert banner.text().startswith("Not sent: The OS keyring is not usable")
    assert "\n" not in banner.painted_text()  # one line ...
    line = banner.fontMetrics().height()
    assert banner.height() < 2 * line and tab.editor.banner_box.height() < 3 * line  # one row, its buttons included
    assert tab.editor.sections.height() >= sections_before - 3 * line  # Params keep their room
    details = tab.editor.details
    assert not details.isVisible()
    qtbot.mouseClick(tab.editor.details_button, Qt.MouseButton.LeftButton)
    assert details.isVisible() and "keep the secret in memory for this session only" in details.text()

    remedy = tab.findChild(QPushButton, "remedy_use_profile")
    assert remedy is not None and remedy.isVisible()
    qtbot.mouseClick(remedy, Qt.MouseButton.LeftButton)  # the credentials dialog, with the choices
    dialog = window.findChild(QDialog, "credentialsDialog")
    assert dialog is not None
    choices = dialog.findChild(QLabel, "noKeyringText")
    qtbot.waitUntil(choices.isVisible)
    assert "for this session only" in choices.text() and "AWS profile" in choices.text()
    dialog.findChild(QLineEdit, "accessKeyId").setText(SANDBOX_ACCESS_KEY_ID)
    dialog.findChild(QLineEdit, "secretAccessKey").setText(SANDBOX_SECRET_ACCESS_KEY)
    qtbot.mouseClick(dialog.findChild(QPushButton, "keepForSession"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status.text().startswith("credentials: kept for this session only"))
    assert SANDBOX_SECRET_ACCESS_KEY not in status.text()

    assert send(qtbot, tab) != "Not sent"  # signed with the kept key, and sent
    summary = tab.inspect.summary.text()
    assert f"key {SANDBOX_ACCESS_KEY_ID[:4]}…{SANDBOX_ACCESS_KEY_ID[-4:]}" in summary
