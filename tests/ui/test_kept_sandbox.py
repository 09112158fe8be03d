"""The window uses the command line's kept background sandbox: what one creates, the other
sees, and it keeps running when the window closes. Starting it shows progress and can be
cancelled."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbench.core.sandbox.background import read_status, stop_background
from workbench.ui.app import build
from workbench.ui.app_context import AppContext
from ui_helpers import open_operation, send, wait_for_body


@pytest.fixture
def environ(tmp_path):
    environ = {"HOME": str(tmp_path / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
               "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data"),
               "XDG_CACHE_HOME": str(tmp_path / "cache"),  # where the kept sandbox's state file is
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    yield environ
    stop_background(environ)


def _window(qtbot, environ, wait_for_sandbox=True):
    window, controller = build(AppContext.from_environ(environ), persist=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=30000):
        window.show()
        window.start()
    if wait_for_sandbox:
        qtbot.waitUntil(lambda: bool(controller.current_env.hosts), timeout=60000)
    return window


def test_the_window_and_the_command_line_share_the_kept_sandbox(qtbot, environ, run_cli, tmp_path):
    window = _window(qtbot, environ)
    assert "sandbox identity" in window.env_bar.credentials.text()
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.body.setPlainText(json.dumps({"Name": "from-window"}))
    assert send(qtbot, tab).startswith("201")
    window.close()

    kept = read_status(environ)
    assert kept.running  # still up after the window closed
    listed = run_cli("send", "GetApps", "--json", env=environ)
    assert listed.status == 0, listed.stderr
    assert read_status(environ).record.pid == kept.record.pid  # the same sandbox, not a second one
    assert "from-window" in listed.stdout

    body = tmp_path / "create.json"
    body.write_text(json.dumps({"Name": "from-cli"}))
    created = run_cli("send", "CreateApp", "--body", str(body), env=environ)
    assert created.status == 0, created.stdout + created.stderr

    window = _window(qtbot, environ)
    tab = open_operation(qtbot, window, "GetApps")
    assert send(qtbot, tab).startswith("200")
    wait_for_body(qtbot, tab)
    names = [item["Name"] for item in tab.exchange.response.json()["Item"]]
    assert {"from-window", "from-cli"} <= set(names)
    window.close()


def test_starting_the_sandbox_shows_progress_and_can_be_cancelled(qtbot, environ):
    window = _window(qtbot, environ, wait_for_sandbox=False)
    bar = window.env_bar
    qtbot.waitUntil(lambda: bar.cancel_sandbox_button.isVisible(), timeout=10000)
    assert bar.credentials.text().startswith("local sandbox: starting")
    qtbot.mouseClick(bar.cancel_sandbox_button, Qt.MouseButton.LeftButton)
    assert bar.credentials.text() == "local sandbox: not started (cancelled)"
    qtbot.waitUntil(lambda: not bar.cancel_sandbox_button.isVisible())
    qtbot.waitUntil(lambda: window.controller.pool.activeThreadCount() == 0, timeout=30000)
    assert not read_status(environ).running  # the half-started sandbox was stopped

    window.controller.select_environment("sandbox")  # choosing it again starts it
    qtbot.waitUntil(lambda: bool(window.controller.current_env.hosts), timeout=60000)
    assert read_status(environ).running
    window.close()


def test_a_screenshot_run_leaves_no_sandbox_running_but_keeps_its_state(environ, run_cli, tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")} | environ
    result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(tmp_path / "x.png"),
                             "--operation", "CreateApp", "--send"], env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not read_status(environ).running
    listed = run_cli("send", "GetApps", "--json", env=environ)  # starts the kept sandbox on the same state
    assert listed.status == 0 and '"<Name>"' in listed.stdout  # the app the screenshot run created


def test_a_sandbox_the_window_started_leaves_no_zombie_when_stopped_from_a_terminal(qtbot, environ):
    """The window starts the kept sandbox (its child); `sandbox stop` in a terminal ends it:
    the window reaps it, so it does not linger as a zombie (which made that stop wait out
    its 10 s timeout)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    window = _window(qtbot, environ)
    pid = read_status(environ).record.pid
    assert Path(f"/proc/{pid}").exists() or sys.platform != "linux"
    stopped = subprocess.run([sys.executable, "-m", "workbench", "sandbox", "stop"], env=os.environ | environ,
                             capture_output=True, text=True, timeout=120)
    assert stopped.returncode == 0, stopped.stderr
    assert not read_status(environ).running
    if sys.platform == "linux":  # gone for good: reaped by the window, not a <defunct> entry
        qtbot.waitUntil(lambda: not Path(f"/proc/{pid}").exists(), timeout=10000)
    window.close()


def test_first_start_says_one_sandbox_state_everywhere_and_the_send_shows_its_phases(qtbot, environ):
    """While the window starts the kept sandbox, the top right and the status bar both say
    it is starting; "Try it" during the start waits for that start (not a second one) and
    the tab says what it waits for; then both say running, on the same port."""
    import fcntl

    from workbench.core.sandbox.statefile import state_file

    folder = state_file(environ).parent
    folder.mkdir(parents=True, exist_ok=True)
    held = open(folder / "sandbox.lock", "a")  # the start waits here until the test lets it go
    fcntl.flock(held, fcntl.LOCK_EX)
    try:
        window = _window(qtbot, environ, wait_for_sandbox=False)
        bar, panel, controller = window.env_bar, window.extras.sandbox, window.controller
        qtbot.waitUntil(lambda: bar.cancel_sandbox_button.isVisible(), timeout=10000)
        assert bar.credentials.text() == "local sandbox: starting…"
        qtbot.waitUntil(lambda: panel.button.text() == "sandbox: starting…")
        start = controller._runners["sandbox"].current

        phases = []
        controller.send_progress.connect(lambda tab_id, progress: phases.append(progress.phase))
        tab = window.extras.try_sandbox()
        assert controller._runners["sandbox"].current is start  # the start under way is kept
        qtbot.waitUntil(lambda: tab.editor.phase.text() == "starting the local sandbox", timeout=10000)
    finally:
        fcntl.flock(held, fcntl.LOCK_UN)
        held.close()
    qtbot.waitUntil(lambda: tab.exchange is not None, timeout=60000)
    assert tab.findChild(QLabel, "responseStatus").text() == "200 OK"
    assert phases[0] == "sandbox" and phases.index("sandbox") < phases.index("sending")

    port = read_status(environ).record.port
    qtbot.waitUntil(lambda: panel.button.text() == f"sandbox: running on :{port} · tutorial policy off")
    assert bar.credentials.text() == f"sandbox identity, 127.0.0.1:{port}"
    window.close()


def test_the_sandbox_is_started_even_when_the_library_fails_to_load(qtbot, environ, monkeypatch):
    """At start-up the kept sandbox is checked once the library's load has ended: a load that
    fails says why, and the sandbox still starts."""
    from workbench.ui.controller import Controller

    def broken_load(self):
        raise OSError("the library folder went away")

    monkeypatch.setattr(Controller, "_load_library", broken_load)
    window, controller = build(AppContext.from_environ(environ), persist=False)
    qtbot.addWidget(window)
    notices = []
    controller.notice.connect(notices.append)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: bool(getattr(controller.environments.get("sandbox"), "hosts", None)), timeout=60000)
    assert any("the library folder went away" in notice for notice in notices)
    assert read_status(environ).running
