"""A background sandbox started for one process only (the window's screenshot runs) stops
when that process is gone, even when it was killed before it could stop it (issue 22,
item 7: a killed window left its sandbox running)."""

from __future__ import annotations

import subprocess
import sys
import time

from workbench.core.sandbox.background import pid_alive, read_status, start_background, stop_background

GUARD = 60.0  # seconds: only a hung test waits this long; nothing asserts on time


def test_a_sandbox_owned_by_a_killed_process_stops(tmp_path):
    environ = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_RUNTIME_DIR": str(tmp_path / "runtime")}
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        status = start_background(environ, owner_pid=owner.pid)
        assert status.running
        pid = status.record.pid
        owner.kill()  # no chance to stop anything
        owner.wait()
        deadline = time.monotonic() + GUARD
        while pid_alive(pid):
            assert time.monotonic() < deadline, "the sandbox outlived its owner"
            time.sleep(0.1)
        assert not read_status(environ).running
    finally:
        owner.kill()
        stop_background(environ)

