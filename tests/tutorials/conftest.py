"""Fixtures for the tutorials' tests: recorded exchanges to replay, a sandbox and the send
service over temporary stores, and the window over a sandbox without the tutorial policy (a
lesson's clean-up deletes with the sandbox's own identity)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.sandbox.server import SandboxServer
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace

DATA = Path(__file__).resolve().parents[1] / "data" / "tutorials"


@pytest.fixture(scope="session")
def recorded():
    """name -> Exchange, from exchanges recorded against the sandbox (tests/data/tutorials), and
    "events" -> the event log records those sends wrote."""
    from workbench.core.send.history_exchange import inspection_from_dict
    from workbench.core.send.send_flow import Exchange
    from workbench.core.send.transport import Response

    data = json.loads((DATA / "recorded_exchanges.json").read_text(encoding="utf-8"))
    out = {"events": tuple(data.pop("events"))}
    for name, saved in data.items():
        body = json.dumps(saved["body"]).encode()
        response = Response(saved["status"], saved["reason"], tuple(tuple(h) for h in saved["headers"].items()), body,
                            size_bytes=len(body), elapsed_ms=saved["elapsed_ms"])
        out[name] = Exchange(saved["environment"], inspection_from_dict(saved["inspection"]), response=response,
                             operation=saved["operation"], region="us-east-1")
        out[f"{name}:diagnoses"] = tuple(saved["diagnoses"])
    return out


def environ_for(tmp_path) -> dict:
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
            "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.fixture
def fresh_sandbox():
    with SandboxServer() as server:
        yield server


@pytest.fixture
def service(fresh_sandbox, tmp_path):
    workspace = Workspace.from_environ(environ_for(tmp_path), sandbox_url=lambda: fresh_sandbox.url)
    yield SendService(workspace)
    workspace.close()


@pytest.fixture(scope="session")
def open_sandbox():
    """One sandbox without the tutorial policy for the window's tests."""
    with SandboxServer() as server:
        yield server


@pytest.fixture
def make_window(qtbot):
    """make_window(tmp_path, sandbox_url) -> a shown MainWindow over temporary config and data
    dirs, ready (library loaded, sandbox environment reachable)."""
    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    windows = []

    def make(base: Path, url: str):
        environ = {"HOME": str(base / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(base / "config"),
                   "PINPOINT_WORKBENCH_DATA_DIR": str(base / "data"),
                   "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # no lesson reads the keyring
        context = AppContext(environ, base / "config", base / "data", sandbox_url=lambda: url)
        window, controller = build(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
            window.start()
        qtbot.waitUntil(lambda: controller.current_env is not None and bool(controller.current_env.hosts), timeout=10000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():  # a test may have closed it already (a restart)
            window.close()
