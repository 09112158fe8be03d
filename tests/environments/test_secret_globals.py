"""Secret globals: a secret-named global (from the window's "Save as variable", from
`--save-global`, from a saved draft) keeps its value in the OS keyring, only its name in
globals.json; the send service resolves it in every environment and masks it everywhere.
Reproduction (issue 17): from the window it was written to globals.json in plain text."""

from __future__ import annotations

import json
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.helpers.echo_server import echo_server
from workbench.core.common.paths import config_dir, data_dir
from workbench.core.environments.credentials import KeyringCredentialStore
from workbench.core.environments.globals_store import GlobalsStore, SecretGlobalRefused
from workbench.core.environments.secret_variables import MASK, SecretVariableStore
from workbench.core.request.drafts import AwsV4Auth, RequestDraft
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace

CANARY = f"CANARYglobal{uuid.uuid4().hex}"


def globals_entry(keyring_env) -> dict:
    return SecretVariableStore(KeyringCredentialStore.from_environ(keyring_env)).get(".globals")


def files_holding(root, needle: str) -> list:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def test_a_secret_global_goes_to_the_keyring_and_only_its_name_to_the_file(tmp_path, keyring_store):
    path = tmp_path / "globals.json"
    path.write_text(json.dumps({"schema_version": 1, "variables": {"apiToken": "leaked-before", "region": "eu"}}))
    store = GlobalsStore(path, keyring=lambda: keyring_store)
    store.set_variables({"apiToken": CANARY, "projectId": "p1"})
    data = json.loads(path.read_text())
    assert data == {"schema_version": 1, "variables": {"region": "eu", "projectId": "p1"}, "secret_variables": ["apiToken"]}
    again = GlobalsStore(path, keyring=lambda: keyring_store)
    assert again.secret_values() == {"apiToken": CANARY} and again.variables == {"region": "eu", "projectId": "p1"}


def test_without_a_keyring_a_secret_global_is_refused_and_nothing_is_written(tmp_path, no_keyring_env):
    path = tmp_path / "globals.json"
    with pytest.raises(SecretGlobalRefused) as refused:
        GlobalsStore(path).set_variables({"apiToken": CANARY, "projectId": "p1"})
    assert str(refused.value) == "apiToken: a secret global is kept only in the OS keyring, and this store has none"
    from workbench.core.environments.credentials import KeyringUnavailable

    with pytest.raises(KeyringUnavailable):
        GlobalsStore(path, keyring=lambda: KeyringCredentialStore.from_environ(no_keyring_env)).set_variables({"apiToken": CANARY})
    assert not path.exists()


def test_a_damaged_list_of_secret_names_is_reported_and_the_rest_still_loads(tmp_path):
    path = tmp_path / "globals.json"
    path.write_text(json.dumps({"schema_version": 1, "variables": {"a": "1"}, "secret_variables": {"apiToken": "x"}}))
    store = GlobalsStore(path)
    assert store.variables == {"a": "1"} and store.secret_variables == ()
    assert [str(p) for p in store.problems] == [f"{path}: $.secret_variables: must be a list of names; ignored"]


@pytest.fixture
def environ(tmp_path, keyring_env):
    return keyring_env | {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
                          "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_RUNTIME_DIR": str(tmp_path / "runtime")}


def test_the_send_service_resolves_a_secret_global_in_every_environment_and_masks_it(tmp_path, environ, keyring_env):
    with echo_server() as server:
        workspace = Workspace.from_environ(environ, sandbox_url=lambda: server.url(""))
        service = SendService(workspace)
        kept, warnings = service.save_variables({"apiToken": CANARY})
        assert kept == {"apiToken": CANARY} and warnings == []
        draft = RequestDraft(method="POST", url="{{ endpoint }}/v1/echo".replace("{{ endpoint }}", server.url("")),
                             headers=(("X-Token", "{{apiToken}}"),), body='{"t": "{{ apiToken }}"}',
                             auth=AwsV4Auth(signing_name="mobiletargeting"))
        outcome = service.send("sandbox", draft)
        workspace.close()
    assert server.requests[0].header("X-Token") == CANARY  # the send used the value ...
    assert CANARY in outcome.hidden  # ... and whatever shows the outcome masks it
    assert globals_entry(keyring_env) == {"apiToken": CANARY}
    assert files_holding(tmp_path, CANARY) == []  # globals.json, the history: none holds it


@pytest.fixture
def window(qtbot, environ):
    """The window over the same folders as the command line, its sandbox an echo server
    that answers with a token-like value to keep."""
    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    with echo_server({"Value": CANARY}) as server:
        context = AppContext(environ, config_dir(environ), data_dir(environ), sandbox_url=lambda: server.url(""))
        window, controller = build(context, persist=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
            window.start()
        qtbot.waitUntil(lambda: controller.current_env is not None and bool(controller.current_env.hosts), timeout=10000)
        window.server = server
        yield window
        window.close()


def test_a_secret_named_global_saved_from_the_window_lands_in_the_keyring_not_in_globals_json(
        qtbot, window, tmp_path, keyring_env, run_cli):
    from tests.ui.ui_helpers import answer_next_dialog, find_tree_row

    tab = window.open_operation("pinpoint:GetApps")
    qtbot.mouseClick(tab.findChild(QPushButton, "sendButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.response_body is not None, timeout=20000)
    token_row = find_tree_row(tab.response.tree_model, "$.Value")
    answer_next_dialog(qtbot, text="apiToken", scope="global")
    with qtbot.waitSignal(window.controller.globals_changed, timeout=10000):
        tab.response.request_save_variable(token_row)  # the tree's "Save as variable…", as a global

    assert globals_entry(keyring_env) == {"apiToken": CANARY}
    globals_file = config_dir(dict(keyring_env, XDG_CONFIG_HOME=str(tmp_path / "config"))) / "globals.json"
    assert json.loads(globals_file.read_text()) == {"schema_version": 1, "variables": {}, "secret_variables": ["apiToken"]}
    assert window.controller.globals_ == {"apiToken": MASK}  # shown as set, never its value

    # the command line does the same with the same kind of value
    other = f"CANARYcli{uuid.uuid4().hex}"
    with echo_server({"Value": other}) as server:
        run_cli("env", "add", "echo", "--region", "us-east-1", "--from-process-env", env=keyring_env)
        saved = run_cli("raw", "GET", server.url("/v1/token"), "--signing-name", "mobiletargeting", "--env", "echo",
                        "--allow-any-host", "--save-global", "sessionToken=Value",
                        env=keyring_env | {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "x" * 40})
    assert saved.status == 0, saved.stderr
    assert f"saved sessionToken={MASK} in the globals" in saved.stderr and other not in saved.stdout + saved.stderr
    assert globals_entry(keyring_env) == {"apiToken": CANARY, "sessionToken": other}
    assert json.loads(globals_file.read_text())["secret_variables"] == ["apiToken", "sessionToken"]
    # (the history keeps the answers the values came from: they were no secret when they came)
    assert files_holding(tmp_path / "config", CANARY) == [] and files_holding(tmp_path / "config", other) == []

    # and a request in the window uses the secret global: sent, never shown
    use = window.open_operation("pinpoint:GetApps")
    use.editor.headers.set_value("X-Token", "{{apiToken}}")
    before = len(window.server.requests)
    qtbot.mouseClick(use.findChild(QPushButton, "sendButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: use.exchange is not None, timeout=20000)
    assert window.server.requests[before].header("X-Token") == CANARY
    assert CANARY not in use.inspect.view.toPlainText() + use.inspect.copy_curl()
