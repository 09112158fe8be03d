"""The window's environment manager and credentials dialog (issue 11) on the real keyring
(gnome-keyring in the test's own D-Bus session), the real sandbox and real widgets."""

from __future__ import annotations

import io
import json

import pytest
from PySide6.QtCore import Qt

from workbench.cli import main as cli_main
from workbench.cli.context import CliContext
from workbench.core.environments.credentials import KeyringCredentialStore
from workbench.core.sandbox.server import SandboxServer
from workbench.ui.app import build
from workbench.ui.app_context import AppContext

CANARY_KEY_ID = "AKIAWINDEXAMPLE00001"
CANARY_SECRET = "canary-WINDOW-secret-never-in-a-file-0123456789"
CANARY_TOKEN = "canary-WINDOW-session-token-never-in-a-file"


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer(tutorial_policy=True) as server:
        yield server


def environ_for(tmp_path, **extra) -> dict:
    return {"HOME": str(tmp_path / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
            "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data"), **extra}


@pytest.fixture
def open_window(qtbot, tmp_path, sandbox):
    windows = []

    def open_(environ):
        context = AppContext(environ, tmp_path / "config", tmp_path / "data", sandbox_url=lambda: sandbox.url)
        window, controller = build(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
            window.start()
        qtbot.waitUntil(lambda: controller.current_env is not None and bool(controller.current_env.hosts), timeout=10000)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()


def cli(environ, *argv) -> int:
    out, err = io.StringIO(), io.StringIO()
    return int(cli_main(list(argv), CliContext(out, err, io.StringIO(""), environ)))


def written_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.mark.keyring
def test_create_from_the_region_picker_store_credentials_and_test(qtbot, tmp_path, open_window, keyring_env,
                                                                  secret_service, keyring_service_name):
    environ = environ_for(tmp_path, **keyring_env)
    window = open_window(environ)
    manager = window.extras.open_manager()
    assert manager.objectName() == "environmentManager"
    qtbot.waitUntil(lambda: manager.region.count() > 10, timeout=20000)

    qtbot.mouseClick(manager.findChild(type(manager.save_button), "newEnvironment"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(manager.name, "dev-eu")
    manager.region.setCurrentIndex(manager.region.findData("eu-west-1"))
    offers = manager.offers.text()
    assert "Pinpoint ✓" in offers and "Email ✓" in offers
    manager._add_variable_row("projectId", "p-eu")
    assert manager.variable_model.index(0, 2).data() == "environment dev-eu"
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: "dev-eu" in manager.environment_names(), timeout=10000)
    except Exception:
        raise AssertionError(manager.message.text()) from None
    saved = json.loads((tmp_path / "config" / "environments.json").read_text())
    assert any(e["name"] == "dev-eu" and e["region"] == "eu-west-1" and e["variables"] == {"projectId": "p-eu"}
               for e in saved["environments"])
    assert window.env_bar.switcher.findText("dev-eu", Qt.MatchFlag.MatchStartsWith) >= 0

    manager.credentials_button.click()
    dialog = _dialog(window)
    assert dialog.objectName() == "credentialsDialog"
    qtbot.waitUntil(lambda: dialog.stored.text() == "nothing stored", timeout=10000)
    qtbot.keyClicks(dialog.key_id, CANARY_KEY_ID)
    qtbot.keyClicks(dialog.secret, CANARY_SECRET)
    qtbot.keyClicks(dialog.token, CANARY_TOKEN)
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Password
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stored.text().startswith("stored in the keyring"), timeout=10000)
    assert dialog.stored.text() == "stored in the keyring, AKIA************0001 + session token"
    assert dialog.secret.text() == "" and dialog.token.text() == ""
    stored = KeyringCredentialStore(keyring_service_name, backend=secret_service.backend).get("dev-eu")
    assert (stored.secret_access_key, stored.session_token) == (CANARY_SECRET, CANARY_TOKEN)
    dialog.close()

    # the sandbox's Test: the signed harmless read answered by the sandbox, with its identity
    sandbox_dialog = window.extras.open_credentials("sandbox")
    qtbot.mouseClick(sandbox_dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "identity" in sandbox_dialog.result.text(), timeout=20000)
    lines = sandbox_dialog.result.text().splitlines()
    assert lines[0].startswith("pinpoint:GetApps at 127.0.0.1:") and lines[0].endswith("HTTP 200 — the credentials work")
    assert lines[1] == "identity: arn:aws:iam::123456789012:user/workbench-sandbox"
    sandbox_dialog.close()

    window.close()
    leaks = [p for p in written_files(tmp_path) if CANARY_SECRET.encode() in p.read_bytes()
             or CANARY_TOKEN.encode() in p.read_bytes()]
    assert leaks == []


def _dialog(window):
    from workbench.ui.manage.credentials_dialog import CredentialsDialog

    found = [w for w in window.findChildren(CredentialsDialog) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_an_environment_added_from_a_terminal_appears_in_the_open_window(qtbot, tmp_path, open_window):
    environ = environ_for(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    window = open_window(environ)
    manager = window.extras.open_manager()
    assert manager.environment_names() == ["sandbox"]
    assert cli(environ, "env", "add", "ops-west", "--region", "us-west-2") == 0
    qtbot.waitUntil(lambda: "ops-west" in manager.environment_names(), timeout=15000)
    assert "ops-west" in window.controller.environments


def test_no_keyring_offers_keep_for_this_session_only_which_works(qtbot, tmp_path, open_window):
    environ = environ_for(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert cli(environ, "env", "add", "dev", "--region", "us-east-1") == 0
    window = open_window(environ)
    dialog = window.extras.open_credentials("dev")
    qtbot.waitUntil(lambda: dialog.no_keyring.isVisible(), timeout=10000)
    assert "keep these credentials for this session only" in dialog.no_keyring_text.text()
    qtbot.keyClicks(dialog.key_id, CANARY_KEY_ID)
    qtbot.keyClicks(dialog.secret, CANARY_SECRET)
    qtbot.mouseClick(dialog.session_only, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stored.text().startswith("stored for this session only"), timeout=10000)
    assert window.controller.session_credentials.get("dev").secret_access_key == CANARY_SECRET
    window.controller.select_environment("dev")
    qtbot.waitUntil(lambda: "AKIA************0001" in window.env_bar.credentials.text(), timeout=10000)
    window.close()
    assert [p for p in written_files(tmp_path) if CANARY_SECRET.encode() in p.read_bytes()] == []


def test_delete_asks_first_and_a_bad_account_id_is_named(qtbot, tmp_path, open_window):
    environ = environ_for(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert cli(environ, "env", "add", "old", "--region", "us-east-1") == 0
    window = open_window(environ)
    manager = window.extras.open_manager()
    qtbot.waitUntil(lambda: "old" in manager.environment_names())
    manager.select_environment("old")
    manager.account.setText("12345")
    manager.save()
    qtbot.waitUntil(lambda: "account_id: an AWS account ID is 12 digits, found '12345'" in manager.message.text())
    _answer_confirmation(qtbot, "confirmNo")
    manager._delete()
    assert "old" in window.controller.environments
    _answer_confirmation(qtbot, "confirmYes")
    manager._delete()
    qtbot.waitUntil(lambda: "old" not in manager.environment_names(), timeout=10000)


def _answer_confirmation(qtbot, button):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)


@pytest.mark.keyring
def test_import_a_postman_environment_secret_to_the_keyring_then_duplicate_into_a_region(
        qtbot, tmp_path, open_window, keyring_env, secret_service, keyring_service_name):
    from pathlib import Path

    data = json.loads((Path(__file__).parent / "data" / "tutorial-us-east-1.postman_environment.json").read_text())
    for value in data["values"]:
        if value["key"] == "secretAccessKey":
            value["value"] = CANARY_SECRET
    export = tmp_path / "inbox" / "tutorial.postman_environment.json"
    export.parent.mkdir()
    export.write_text(json.dumps(data))
    window = open_window(environ_for(tmp_path, **keyring_env))
    manager = window.extras.open_manager()
    manager.import_file(str(export))
    name = "Amazon Pinpoint - US East (N. Virginia)"
    qtbot.waitUntil(lambda: name in manager.environment_names(), timeout=15000)
    assert manager.message.text().startswith(f"imported {name}, its access key in the keyring")
    keyring = KeyringCredentialStore(keyring_service_name, backend=secret_service.backend)
    assert keyring.get(name).secret_access_key == CANARY_SECRET

    window.extras.actions.duplicate(name, "tutorial-eu", "eu-west-1")
    qtbot.waitUntil(lambda: "tutorial-eu" in manager.environment_names(), timeout=15000)
    assert window.controller.environments["tutorial-eu"].region == "eu-west-1"
    assert KeyringCredentialStore(keyring_service_name, backend=secret_service.backend).get(
        "tutorial-eu").secret_access_key == CANARY_SECRET

    export.unlink()  # the input file held the canary on purpose; nothing the window wrote may
    window.close()
    assert [p for p in written_files(tmp_path) if CANARY_SECRET.encode() in p.read_bytes()] == []


def test_an_expired_sso_session_gets_the_aws_sso_login_hint():
    from workbench.core.environments.model import Environment
    from workbench.core.environments.credentials import CredentialSource
    from workbench.ui.manage.credentials_dialog import sso_login_hint

    env = Environment(name="corp", region="us-east-1", credential_source=CredentialSource("profile", "corp-sso"))
    error = "AWS profile 'corp-sso' cannot be used: Error when retrieving token from sso: Token has expired and refresh failed"
    assert sso_login_hint(env, error) == ("The SSO session has expired: run  aws sso login --profile corp-sso  "
                                          "in a terminal, then Test.")
    assert sso_login_hint(env, "AWS refused: AccessDenied") == ""


def test_every_colour_name_env_add_accepts_is_one_the_window_can_show():
    from PySide6.QtGui import QColor

    from workbench.core.common.colours import CSS_COLOUR_NAMES

    assert {name for name in CSS_COLOUR_NAMES if not QColor(name).isValid()} == set()
    assert {name for name in CSS_COLOUR_NAMES if not QColor(name.upper()).isValid()} == set()
