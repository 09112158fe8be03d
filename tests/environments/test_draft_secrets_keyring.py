"""A draft's secrets, wherever a draft is written: the window's Ctrl+S and its session file,
`import curl`, `import postman`. The file keeps `{{x_api_key}}`, the value goes to the
globals' keyring entry, and the saved draft still sends as it did. Reproduction (issue
17): an imported x-api-key header kept its value in plain text in the draft file. Without
a keyring nothing is written, and the message says why."""

from __future__ import annotations

import json
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.helpers.echo_server import echo_server
from workbench.core.common.paths import config_dir, data_dir
from workbench.core.environments.credentials import KeyringCredentialStore
from workbench.core.environments.secret_variables import MASK, SecretVariableStore
from workbench.core.request.drafts import load_draft

API_KEY = f"CANARYapikey{uuid.uuid4().hex}"
TYPED = f"CANARYtyped{uuid.uuid4().hex}"


def globals_entry(keyring_env) -> dict:
    return SecretVariableStore(KeyringCredentialStore.from_environ(keyring_env)).get(".globals")


def files_holding(root, needle: str) -> list:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def open_window(qtbot, environ, server):
    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    context = AppContext(environ, config_dir(environ), data_dir(environ), sandbox_url=lambda: server.url(""))
    window, controller = build(context, persist=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=30000):
        window.show()
        window.start()
    qtbot.waitUntil(lambda: controller.current_env is not None and bool(controller.current_env.hosts), timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def environ_for(tmp_path, keyring_env) -> dict:
    return keyring_env | {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
                          "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_RUNTIME_DIR": str(tmp_path / "runtime")}


def test_ctrl_s_keeps_a_header_secret_in_the_keyring_and_the_saved_draft_still_sends_it(qtbot, tmp_path, keyring_env):
    environ = environ_for(tmp_path, keyring_env)
    with echo_server() as server:
        window = open_window(qtbot, environ, server)
        tab = window.open_operation("pinpoint:GetApps")
        tab.editor.headers.set_value("x-api-key", API_KEY)
        assert tab.editor.headers.index(0, 1).data() == MASK  # typed, and shown masked
        with qtbot.waitSignal(window.controller.draft_saved, timeout=10000):
            qtbot.keyClick(tab.editor.url, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not tab.dirty)

        saved = load_draft(tab.saved_path)
        assert saved.headers == (("x-api-key", "{{x_api_key}}"),)
        assert tab.to_model().headers == (("x-api-key", "{{x_api_key}}"),)  # the tab shows what the file holds
        assert globals_entry(keyring_env) == {"x_api_key": API_KEY}

        qtbot.mouseClick(tab.findChild(QPushButton, "sendButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.exchange is not None, timeout=20000)
        assert server.requests[-1].header("x-api-key") == API_KEY  # resolved from the keyring at send time
        assert API_KEY not in tab.inspect.view.toPlainText() + tab.response.raw.toPlainText()

        # an unsaved tab with a typed secret: the session file keeps it the same way
        other = window.open_operation("pinpoint:GetApps")
        other.editor.headers.set_value("Authorization", TYPED)
        window.controller.save_session(window.session(), wait=True)
        window.close()
    session = json.loads((config_dir(environ) / "window-session.json").read_text())
    assert {"Authorization": "{{authorization}}"} in [dict(tab["draft"].get("headers", [])) for tab in session["tabs"]]
    assert globals_entry(keyring_env) == {"x_api_key": API_KEY, "authorization": TYPED}
    assert files_holding(tmp_path, API_KEY) == [] and files_holding(tmp_path, TYPED) == []


def test_without_a_keyring_ctrl_s_writes_nothing_and_says_why(qtbot, tmp_path, no_keyring_env):
    environ = environ_for(tmp_path, no_keyring_env)
    with echo_server() as server:
        window = open_window(qtbot, environ, server)
        tab = window.open_operation("pinpoint:GetApps")
        tab.editor.headers.set_value("x-api-key", API_KEY)
        with qtbot.waitSignal(window.controller.notice, timeout=10000) as said:
            qtbot.keyClick(tab.editor.url, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        window.close()
    assert said.args[0].startswith("not saved: ") and "keyring" in said.args[0]
    assert tab.dirty and tab.saved_path == ""
    assert files_holding(tmp_path, API_KEY) == []


def test_import_curl_keeps_the_api_key_in_the_keyring_and_says_so(run_cli, tmp_path, keyring_env):
    line = f"curl -X GET https://pinpoint.us-east-1.amazonaws.com/v1/apps -H 'x-api-key: {API_KEY}'"
    out = tmp_path / "GetApps.request.json"
    result = run_cli("import", "curl", "-", "--out", str(out), stdin=line, env=keyring_env)
    assert result.status == 0, result.stderr
    assert json.loads(out.read_text())["headers"] == [["x-api-key", "{{x_api_key}}"]]
    assert "note: header x-api-key: kept in the keyring as the secret global x_api_key" in result.stderr
    assert globals_entry(keyring_env) == {"x_api_key": API_KEY}
    printed = run_cli("import", "curl", "-", stdin=line, env=keyring_env)  # printed rather than written: the same draft
    assert json.loads(printed.stdout)["headers"] == [["x-api-key", "{{x_api_key}}"]]
    assert API_KEY not in result.stdout + result.stderr + printed.stdout + printed.stderr
    assert files_holding(tmp_path, API_KEY) == []


def test_import_curl_without_a_keyring_writes_nothing(run_cli, tmp_path, no_keyring_env):
    line = f"curl https://pinpoint.us-east-1.amazonaws.com/v1/apps -H 'x-api-key: {API_KEY}'"
    out = tmp_path / "GetApps.request.json"
    result = run_cli("import", "curl", "-", "--out", str(out), stdin=line, env=no_keyring_env)
    assert result.status == 1 and "keyring" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and API_KEY not in result.stdout + result.stderr


def test_import_postman_keeps_header_and_variable_secrets_in_the_keyring_and_again_changes_nothing(
        run_cli, tmp_path, keyring_env):
    collection = {
        "info": {"name": "keys", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "variable": [{"key": "apiSecret", "value": TYPED}],
        "item": [{"name": "GetApps", "request": {
            "method": "GET", "url": "https://pinpoint.us-east-1.amazonaws.com/v1/apps",
            "header": [{"key": "x-api-key", "value": API_KEY}, {"key": "X-Partner", "value": "{{apiSecret}}"}]}}],
    }
    source = tmp_path / "keys.postman_collection.json"
    source.write_text(json.dumps(collection))
    into = tmp_path / "collections" / "keys"
    first = run_cli("import", "postman", str(source), "--into", str(into), "--json", env=keyring_env)
    assert first.status == 0, first.stderr
    assert sorted(first.json["secrets"]) == ["header x-api-key: kept in the keyring as the secret global x_api_key",
                                             "variable apiSecret: kept in the keyring as the secret global apiSecret"]
    [draft_file] = into.rglob("*.request.json")
    draft = load_draft(draft_file)
    assert dict(draft.headers) == {"x-api-key": "{{x_api_key}}", "X-Partner": "{{apiSecret}}"}
    assert "apiSecret" not in dict(draft.variables)
    assert globals_entry(keyring_env) == {"x_api_key": API_KEY, "apiSecret": TYPED}
    again = run_cli("import", "postman", str(source), "--into", str(into), env=keyring_env)
    assert again.status == 0, again.stderr  # the same names, the same files: nothing to overwrite
    assert files_holding(into, API_KEY) == [] and files_holding(into, TYPED) == []
    assert API_KEY not in first.stdout + again.stdout + again.stderr


@pytest.mark.parametrize("where", ["add_request", "save_draft"])
def test_the_core_writers_refuse_a_secret_the_service_kept_first(tmp_path, keyring_env, where):
    from workbench.core.request.collections import add_request
    from workbench.core.request.draft_secrets import SecretInDraft
    from workbench.core.request.drafts import RequestDraft, save_draft
    from workbench.core.send.service import SendService
    from workbench.core.send.workspace import Workspace

    draft = RequestDraft(name="keyed", operation="pinpoint:GetApps", variables=(("password", TYPED),))
    write = (lambda d: add_request(tmp_path / "col", d)) if where == "add_request" else \
        (lambda d: save_draft(tmp_path / "keyed.request.json", d))
    with pytest.raises(SecretInDraft):
        write(draft)
    workspace = Workspace.from_environ(environ_for(tmp_path, keyring_env))
    written, secrets = SendService(workspace).keep_draft_secrets(draft)
    workspace.close()
    write(written)
    assert [s.name for s in secrets] == ["password"] and globals_entry(keyring_env) == {"password": TYPED}
    assert files_holding(tmp_path, TYPED) == []
