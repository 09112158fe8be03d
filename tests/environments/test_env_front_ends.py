"""Issue 17's environment reproductions, each rule through both front ends: the command line
in-process (`run_cli`) and the window's environment manager driven by objectName (pytest-qt),
both on the real keyring (gnome-keyring in the test's D-Bus session). Every change goes
through the one environment service; a canary secret never reaches a file or an output."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QListView, QPushButton

from workbench.core.environments.keyring_store import KeyringCredentialStore
from workbench.core.environments.credentials import Credentials
from workbench.core.environments.secret_variables import SecretVariableStore

CANARY = "canary-ENVSVC-secret-never-in-a-file-5d1c"
CANARY_KEY_SECRET = "canary-ENVSVC-access-secret-0a9b8c7d6e5f"
HOST = "vpce-1.pinpoint.example.internal"

pytestmark = pytest.mark.keyring


def dev_entry(**extra) -> dict:
    return {"name": "dev", "region": "us-east-1", "account_id": "111111111111", "hosts": {"pinpoint": HOST},
            "confirmed_hosts": [HOST], "secret_variables": ["partnerKey"], "variables": {"projectId": "p1"},
            **extra}


@pytest.fixture
def setup(tmp_path, keyring_env, secret_service, keyring_service_name, run_cli):
    """environments.json with `dev` (a secret variable in the keyring, a confirmed host, an
    access key in the keyring), in the config dir both front ends use."""
    config = tmp_path / "config" / "pinpoint-workbench"

    class Setup:
        environ = {**keyring_env, "HOME": str(tmp_path / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(config),
                   "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data")}
        keyring = KeyringCredentialStore(keyring_service_name, backend=secret_service.backend)
        secrets = SecretVariableStore(keyring)
        outputs: list = []

        def write(self, *entries):
            config.mkdir(parents=True, exist_ok=True)
            (config / "environments.json").write_text(json.dumps({"schema_version": 1, "environments": list(entries)}))
            for entry in entries:
                if entry.get("secret_variables"):
                    self.secrets.set(entry["name"], {name: CANARY for name in entry["secret_variables"]})
                self.keyring.set(entry["name"], Credentials("AKIAENVSVCEXAMPLE001", CANARY_KEY_SECRET))

        def saved(self) -> dict:
            return {e["name"]: e for e in json.loads((config / "environments.json").read_text())["environments"]}

        def cli(self, *argv):
            result = run_cli(*argv, env=self.environ)
            self.outputs.append(result.stdout + result.stderr)
            return result

    yield Setup()
    leaks = [str(p) for p in tmp_path.rglob("*") if p.is_file()
             and (CANARY.encode() in p.read_bytes() or CANARY_KEY_SECRET.encode() in p.read_bytes())]
    assert leaks == []
    assert not [text for text in Setup.outputs if CANARY in text or CANARY_KEY_SECRET in text]


@pytest.fixture
def manager(qtbot, tmp_path, setup):
    """-> open(): the window on `setup`'s files, its environment manager open."""
    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    windows = []

    def open_():
        context = AppContext(setup.environ, tmp_path / "config" / "pinpoint-workbench", tmp_path / "data",
                             sandbox_url=lambda: "http://127.0.0.1:9")
        window, _controller = build(context, persist=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
            window.start()
        windows.append(window)
        found = window.extras.open_manager()
        qtbot.waitUntil(lambda: found.region.count() > 10, timeout=20000)
        return found

    yield open_
    for window in windows:
        window.close()


def click(qtbot, parent, name):
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick(qtbot, manager, env_name):
    """Click the environment's row in the list (objectName environmentList)."""
    qtbot.waitUntil(lambda: env_name in manager.environment_names(), timeout=10000)
    view = manager.findChild(QListView, "environmentList")
    index = view.model().index(manager.environment_names().index(env_name), 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert manager.findChild(QLineEdit, "environmentName").text() == env_name


def type_into(qtbot, manager, name, text):
    field = manager.findChild(QLineEdit, name)
    field.clear()
    qtbot.keyClicks(field, text)


def message(manager) -> str:
    return manager.findChild(QLabel, "environmentMessage").text()


def answer_confirmation(qtbot, button):
    from PySide6.QtCore import QTimer

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)


# --------------------------------------------------------------------------- an edit keeps what it did not change


def test_window_edit_of_the_account_keeps_secret_variables_and_confirmed_hosts(qtbot, setup, manager):
    setup.write(dev_entry())
    window_manager = manager()
    pick(qtbot, window_manager, "dev")
    type_into(qtbot, window_manager, "accountId", "222222222222")
    click(qtbot, window_manager, "saveEnvironment")
    qtbot.waitUntil(lambda: setup.saved()["dev"].get("account_id") == "222222222222", timeout=10000)
    assert setup.saved()["dev"] == dev_entry(account_id="222222222222")
    assert setup.secrets.get("dev") == {"partnerKey": CANARY}
    qtbot.waitUntil(lambda: message(window_manager).startswith("environment dev saved"), timeout=10000)


def test_cli_edit_of_the_account_keeps_secret_variables_and_confirmed_hosts(setup):
    setup.write(dev_entry())
    result = setup.cli("env", "edit", "dev", "--account", "222222222222")
    assert result.status == 0, result.stderr
    assert result.stdout == "saved environment 'dev' (us-east-1)\n"
    assert setup.saved()["dev"] == dev_entry(account_id="222222222222")
    assert setup.secrets.get("dev") == {"partnerKey": CANARY}
    assert setup.cli("env", "edit", "dev").status == 1  # nothing to change: said, nothing written


def test_window_edit_changes_a_variable_without_reading_or_losing_the_secret(qtbot, setup, manager):
    setup.write(dev_entry(variables={"projectId": "p1", "apiToken": CANARY}))  # a legacy plain secret
    window_manager = manager()
    pick(qtbot, window_manager, "dev")
    model = window_manager.variable_model
    shown = {model.index(row, 0).data(): model.index(row, 1).data() for row in range(model.rowCount())}
    assert shown == {"apiToken": "********", "partnerKey": "********", "projectId": "p1"}  # never the value
    model.setData(model.index(sorted(shown).index("projectId"), 1), "p2")
    click(qtbot, window_manager, "saveEnvironment")
    qtbot.waitUntil(lambda: setup.saved()["dev"]["variables"].get("projectId") == "p2", timeout=10000)
    assert setup.saved()["dev"]["secret_variables"] == ["partnerKey"]
    assert setup.secrets.get("dev") == {"partnerKey": CANARY}
    setup.write(dev_entry())  # (the legacy plain secret leaves the file before the canary scan)


# --------------------------------------------------------------------------- remove takes its keyring entries


def test_window_remove_clears_the_secret_variables_and_credentials_from_the_keyring(qtbot, setup, manager):
    setup.write(dev_entry(), dev_entry(name="keep"))
    window_manager = manager()
    pick(qtbot, window_manager, "dev")
    answer_confirmation(qtbot, "confirmYes")
    click(qtbot, window_manager, "deleteEnvironment")
    qtbot.waitUntil(lambda: message(window_manager).startswith("environment dev deleted"), timeout=10000)
    assert message(window_manager) == "environment dev deleted with its keyring entries"
    assert "dev" not in setup.saved()
    assert setup.secrets.get("dev") == {} and KeyringCredentialStore.from_environ(setup.environ).get("dev") is None
    assert setup.secrets.get("keep") == {"partnerKey": CANARY}  # only what `dev` owned
    qtbot.waitUntil(lambda: "dev" not in window_manager.environment_names(), timeout=10000)


def test_cli_remove_clears_the_secret_variables_and_credentials_from_the_keyring(setup):
    setup.write(dev_entry(), dev_entry(name="keep"))
    result = setup.cli("env", "remove", "dev")
    assert result.stdout == "removed environment 'dev' and its keyring entry\n"
    assert setup.secrets.get("dev") == {} and KeyringCredentialStore.from_environ(setup.environ).get("dev") is None
    assert setup.secrets.get("keep") == {"partnerKey": CANARY}


# --------------------------------------------------------------------------- rename and duplicate carry the secrets


def test_window_rename_moves_the_keyring_entries(qtbot, setup, manager):
    setup.write(dev_entry())
    window_manager = manager()
    pick(qtbot, window_manager, "dev")
    type_into(qtbot, window_manager, "environmentName", "dev-renamed")
    click(qtbot, window_manager, "saveEnvironment")
    qtbot.waitUntil(lambda: "dev-renamed" in setup.saved(), timeout=10000)
    assert setup.saved()["dev-renamed"] == dev_entry(name="dev-renamed") and "dev" not in setup.saved()
    fresh = KeyringCredentialStore.from_environ(setup.environ)
    assert SecretVariableStore(fresh).get("dev-renamed") == {"partnerKey": CANARY}
    assert fresh.get("dev-renamed").secret_access_key == CANARY_KEY_SECRET
    assert SecretVariableStore(fresh).get("dev") == {} and fresh.get("dev") is None
    qtbot.waitUntil(lambda: window_manager.editing == "dev-renamed", timeout=10000)


def test_cli_rename_and_duplicate_carry_the_keyring_entries(setup):
    setup.write(dev_entry())
    assert setup.cli("env", "edit", "dev", "--name", "ops").status == 0
    copied = setup.cli("env", "duplicate", "ops", "ops-eu", "--region", "eu-west-1", "--json")
    assert copied.status == 0, copied.stderr
    assert copied.json["region"] == "eu-west-1" and copied.json["confirmed_hosts"] == [HOST]
    fresh = KeyringCredentialStore.from_environ(setup.environ)
    for name in ("ops", "ops-eu"):
        assert SecretVariableStore(fresh).get(name) == {"partnerKey": CANARY}
        assert fresh.get(name).secret_access_key == CANARY_KEY_SECRET
    assert set(setup.saved()) == {"ops", "ops-eu"} and fresh.get("dev") is None


# --------------------------------------------------------------------------- the same rules, the same words


@pytest.fixture
def bad_bundles(tmp_path):
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("just some text\n")
    return {"missing": str(tmp_path / "nonexistent.pem"), "not_pem": str(not_pem)}


@pytest.mark.parametrize("field, flag, value, expected", [
    ("environmentColour", "--colour", "notacolour",
     "colour: not a colour: 'notacolour'; a colour is #RRGGBB (e.g. #c62828) or a CSS colour name (e.g. teal)"),
    ("caBundle", "--ca-bundle", "{missing}", "ca_bundle: cannot use the CA bundle {missing}: No such file or directory"),
    ("caBundle", "--ca-bundle", "{not_pem}", "ca_bundle: cannot use the CA bundle {not_pem}: no PEM certificates in it"),
])
def test_a_bad_colour_or_ca_bundle_is_refused_alike_by_both_front_ends(qtbot, setup, manager, bad_bundles,
                                                                       field, flag, value, expected):
    value, expected = value.format(**bad_bundles), expected.format(**bad_bundles)
    setup.write(dev_entry())
    added = setup.cli("env", "add", "x", "--region", "us-east-1", flag, value)
    assert (added.status, added.stderr) == (1, f"error: environment x: {expected}\n")
    edited = setup.cli("env", "edit", "dev", flag, value)
    assert (edited.status, edited.stderr) == (1, f"error: environment dev: {expected}\n")

    window_manager = manager()
    click(qtbot, window_manager, "newEnvironment")
    type_into(qtbot, window_manager, "environmentName", "x")
    type_into(qtbot, window_manager, field, value)
    click(qtbot, window_manager, "saveEnvironment")
    qtbot.waitUntil(lambda: message(window_manager) != "saving…", timeout=10000)
    assert message(window_manager) == f"environment x: {expected}"  # the command line's words
    pick(qtbot, window_manager, "dev")
    type_into(qtbot, window_manager, field, value)
    click(qtbot, window_manager, "saveEnvironment")
    qtbot.waitUntil(lambda: message(window_manager) != "saving…", timeout=10000)
    assert message(window_manager) == f"environment dev: {expected}"
    assert set(setup.saved()) == {"dev"} and setup.saved()["dev"] == dev_entry()


def test_a_good_ca_bundle_and_colour_from_the_window(qtbot, setup, manager, tmp_path):
    import certifi

    setup.write(dev_entry())
    window_manager = manager()
    pick(qtbot, window_manager, "dev")
    type_into(qtbot, window_manager, "caBundle", certifi.where())
    type_into(qtbot, window_manager, "environmentColour", "teal")
    window_manager.findChild(QCheckBox, "productionFlag").setChecked(True)
    click(qtbot, window_manager, "saveEnvironment")
    qtbot.waitUntil(lambda: setup.saved()["dev"].get("production") is True, timeout=10000)
    assert setup.saved()["dev"] == dev_entry(ca_bundle=certifi.where(), colour="teal", production=True)


# --------------------------------------------------------------------------- variables: secrets to the keyring


def test_secret_named_variables_go_to_the_keyring_from_both_front_ends(qtbot, setup, manager):
    setup.write(dev_entry())
    result = setup.cli("env", "set", "dev", f"apiToken={CANARY}", "campaignId=c1")
    assert result.status == 0 and "apiToken: secret; the value went to the OS keyring" in result.stderr
    assert setup.secrets.get("dev") == {"apiToken": CANARY, "partnerKey": CANARY}

    window_manager = manager()
    controller = window_manager.controller
    controller.select_environment("dev")
    controller.set_variable("environment", "clientSecret", CANARY)  # "save as variable" in the window
    qtbot.waitUntil(lambda: "clientSecret" in setup.saved()["dev"]["secret_variables"], timeout=10000)
    pick(qtbot, window_manager, "dev")
    window_manager._add_variable_row("password", CANARY)  # typed into the manager's table
    click(qtbot, window_manager, "saveEnvironment")
    qtbot.waitUntil(lambda: "password" in setup.saved()["dev"]["secret_variables"], timeout=10000)
    saved = setup.saved()["dev"]
    assert saved["secret_variables"] == ["apiToken", "clientSecret", "partnerKey", "password"]
    assert saved["variables"] == {"campaignId": "c1", "projectId": "p1"}
    assert setup.secrets.get("dev") == {name: CANARY for name in saved["secret_variables"]}
    assert setup.cli("env", "unset", "dev", "apiToken", "clientSecret", "password").status == 0
    assert setup.secrets.get("dev") == {"partnerKey": CANARY}
