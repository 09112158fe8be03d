"""Issue 22 item 9: what the workbench keeps is private (directories 0700, files 0600, the
sandbox's log and lock too; an existing directory is tightened when the workbench writes
there), and `env import` never prints a value Postman typed secret."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def mode(path) -> str:
    return oct(os.stat(path).st_mode & 0o777)


def test_the_config_dir_and_environments_file_are_created_private(run_cli, tmp_path):
    assert run_cli("env", "add", "dev", "--region", "us-east-1").status == 0
    config = tmp_path / "config"  # XDG_CONFIG_HOME, created by the workbench too
    assert (mode(config), mode(config / "pinpoint-workbench")) == ("0o700", "0o700")
    assert mode(config / "pinpoint-workbench" / "environments.json") == "0o600"


def test_an_existing_config_dir_and_files_are_tightened_when_written(run_cli, tmp_path):
    config = tmp_path / "config" / "pinpoint-workbench"
    config.mkdir(parents=True, mode=0o755)
    os.chmod(config, 0o755)
    (config / "environments.json").write_text(json.dumps({"schema_version": 1, "environments": []}))
    os.chmod(config / "environments.json", 0o644)
    assert run_cli("env", "list").status == 0  # reading changes nothing
    assert mode(config) == "0o755"
    assert run_cli("env", "set", "sandbox", "projectId=p1").status == 0
    assert (mode(config), mode(config / "environments.json")) == ("0o700", "0o600")


def test_globals_preferences_window_session_and_history_are_private(tmp_path):
    from workbench.core.environments.globals_store import GlobalsStore
    from workbench.core.send.history import HistoryStore
    from workbench.core.settings.preferences import Preferences, save_preferences
    from workbench.core.settings.window_session import WindowSession, save_session

    config, data = tmp_path / "config", tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    GlobalsStore(config / "globals.json").set_variables({"a": "1"})
    save_preferences(config, Preferences())
    save_session(config / "window-session.json", WindowSession())
    HistoryStore(data / "history.sqlite")
    assert (mode(config), mode(data)) == ("0o700", "0o700")
    for name in ("globals.json", "preferences.json", "window-session.json"):
        assert mode(config / name) == "0o600", name
    assert mode(data / "history.sqlite") == "0o600"


def test_the_sandbox_log_lock_and_data_are_private(run_cli, tmp_path):
    from workbench.core.sandbox.statefile import state_file

    result = run_cli("send", "GetApps")  # starts the kept background sandbox (stopped after the test)
    assert result.status == 0, result.stderr
    environ = {"XDG_RUNTIME_DIR": str(tmp_path / "runtime"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    state = state_file(environ).parent
    assert mode(state) == "0o700"
    assert (mode(state / "sandbox.log"), mode(state / "sandbox.lock")) == ("0o600", "0o600")
    data = tmp_path / "data" / "pinpoint-workbench"
    assert (mode(tmp_path / "data"), mode(data), mode(data / "sandbox")) == ("0o700", "0o700", "0o700")


@pytest.fixture
def secret_typed_export(tmp_path):
    def export(**values) -> str:
        path = tmp_path / "secret-typed.postman_environment.json"
        path.write_text(json.dumps({"name": "typed", "_postman_variable_scope": "environment", "values": [
            {"key": key, "value": value, "type": "secret", "enabled": True} for key, value in values.items()]}))
        return str(path)
    return export


def test_env_import_never_prints_a_secret_typed_value(run_cli, secret_typed_export):
    canary = "canary-TYPED-secret-4f2e"
    path = secret_typed_export(region="us-east-1", serviceName=canary, accountId=canary + "-1")
    for argv in (("env", "import", path, "--skip-secrets"), ("env", "import", path, "--skip-secrets", "--json",
                                                              "--name", "again")):
        result = run_cli(*argv)
        assert result.status == 0, result.stderr
        assert canary not in result.stdout + result.stderr
        assert "serviceName (********): ignored" in result.stdout + result.stderr
        assert "accountId: ******** is not a 12-digit AWS account ID; not imported" in result.stdout + result.stderr
    # a plain (default-typed) value is still quoted, so a user can see what was wrong
    plain = Path(secret_typed_export(region="us-east-1"))
    data = json.loads(plain.read_text())
    data["values"].append({"key": "accountId", "value": "12345", "type": "default", "enabled": True})
    plain.write_text(json.dumps(data))
    shown = run_cli("env", "import", str(plain), "--name", "plain")
    assert "accountId: '12345' is not a 12-digit AWS account ID; not imported" in shown.stderr
