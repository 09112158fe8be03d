"""Fixtures for the window's tests: real widgets (offscreen), a real sandbox on 127.0.0.1
with the tutorial policy, temporary config and data dirs injected through AppContext."""

from __future__ import annotations

import socket
import threading

import pytest

from workbench.core.sandbox.server import SandboxServer
from workbench.ui.app import build
from workbench.ui.app_context import AppContext


@pytest.fixture(scope="session")
def tutorial_sandbox():
    with SandboxServer(tutorial_policy=True) as server:
        yield server


def make_context(tmp_path, sandbox_url: str, **environ) -> AppContext:
    base = {"HOME": str(tmp_path / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
            "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data")}
    return AppContext(base | environ, tmp_path / "config", tmp_path / "data", sandbox_url=lambda: sandbox_url)


@pytest.fixture
def context(tmp_path, tutorial_sandbox):
    return make_context(tmp_path, tutorial_sandbox.url)


@pytest.fixture
def open_window(qtbot):
    """open_window(context) -> a shown MainWindow whose library and saved tabs are loaded."""
    windows = []

    def open_(context):
        window, controller = build(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
            controller.start()
        qtbot.waitUntil(lambda: controller.current_env is not None and bool(controller.current_env.hosts), timeout=10000)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()


@pytest.fixture
def window(open_window, context):
    return open_window(context)


class StalledServer:
    """Accepts connections on 127.0.0.1 and never answers (until closed)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.connected = threading.Event()
        self.conns = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            self.connected.set()

    def close(self):
        self.sock.close()
        for conn in self.conns:
            conn.close()


@pytest.fixture
def stalled_server():
    server = StalledServer()
    yield server
    server.close()
