"""Shared test fixtures: in-process CLI runs with captured output."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import pytest

from workbench.cli import main
from workbench.cli.context import CliContext


@dataclass
class CliResult:
    status: int
    stdout: str
    stderr: str

    @property
    def json(self):
        return json.loads(self.stdout)


@pytest.fixture(autouse=True)
def _window_in_english(request):
    """A window test sees the window as an English user does: English's plural forms ("1 match",
    "2 matches") installed on the QApplication, as the launcher installs them; a test that
    switches languages (tests/ui/test_i18n_*) is followed by English again."""
    if not {"qapp", "qtbot", "qtmodeltester"} & set(request.fixturenames):
        yield
        return
    from workbench.ui import translation

    app = request.getfixturevalue("qapp")
    if translation.installed_language() != "en":
        translation.install(app, "en")
    yield


@pytest.fixture
def run_cli(monkeypatch, tmp_path):
    """Run `pinpoint-workbench ARGS` in-process with isolated config/cache dirs."""

    base_env = {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    for key, value in base_env.items():
        monkeypatch.setenv(key, value)
    # never the session's own keyring (reading it would start a Secret Service on the test
    # D-Bus session): a test that wants one passes its backend in `env`
    base_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

    def run(*argv: str, stdin: str = "", env: dict | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        environ = dict(base_env)
        environ.update(env or {})
        ctx = CliContext(out, err, io.StringIO(stdin), environ)
        status = main(list(argv), ctx)
        return CliResult(int(status), out.getvalue(), err.getvalue())

    yield run
    # a send to the sandbox environment starts the kept background sandbox: never leave one
    # running after the test that started it
    from workbench.core.sandbox.background import stop_background

    stop_background(base_env)
