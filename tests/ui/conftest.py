"""Fixtures for the window's tests: real widgets (offscreen), a real sandbox on 127.0.0.1
with the tutorial policy, temporary config and data dirs injected through AppContext."""

from __future__ import annotations

import pytest

from workbench.core.sandbox.server import SandboxServer
from workbench.ui.app import build
from ui_helpers import StalledServer, make_context


@pytest.fixture(scope="session")
def tutorial_sandbox():
    with SandboxServer(tutorial_policy=True) as server:
        yield server


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
            window.start()
        qtbot.waitUntil(lambda: controller.current_env is not None and bool(controller.current_env.hosts), timeout=10000)
        window.activateWindow()  # keyboard shortcuts go to the active window (on a real display too)
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()


@pytest.fixture
def window(open_window, context):
    return open_window(context)


@pytest.fixture
def stalled_server():
    server = StalledServer()
    yield server
    server.close()


@pytest.fixture
def app_look_restored(qapp):
    """Saving preferences applies the theme and the text size to the whole QApplication
    (palette and style sheet): put them back for the tests that follow."""
    from workbench.ui import theme

    palette, sheet = qapp.palette(), qapp.styleSheet()
    yield
    theme.set_font_size(qapp, None)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
