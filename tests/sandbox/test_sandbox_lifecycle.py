"""Background sandbox through the CLI, stale records, one-off sandboxes, no orphans."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from botocore.exceptions import EndpointConnectionError
from sandbox_helpers import make_client

from workbench.core.sandbox.background import ensure_sandbox, spawn_child
from workbench.core.sandbox.statefile import SandboxRecord, state_file, write_record
from workbench.core.sandbox.server import SandboxError, SandboxServer

ROOT = Path(__file__).resolve().parents[2]


def alive(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_start_status_stop(run_cli):
    result = run_cli("sandbox", "status")
    assert result.status == 1
    assert "not running" in result.stdout

    result = run_cli("sandbox", "start", "--tutorial-policy")
    assert result.status == 0, result.stderr
    assert result.stdout.startswith("Sandbox running at http://127.0.0.1:")
    try:
        status = run_cli("sandbox", "status", "--json")
        assert status.status == 0
        data = status.json
        assert data["running"] is True and data["tutorial_policy"] is True
        assert data["url"] == f"http://127.0.0.1:{data['port']}"
        client = make_client(data["url"])
        assert "Item" in client.get_apps()["ApplicationsResponse"]

        again = run_cli("sandbox", "start")
        assert again.status == 0
        assert "already running" in again.stdout
        assert "different tutorial-policy setting" in again.stderr

        with ensure_sandbox() as handle:  # a send would reuse it
            assert (handle.url, handle.started_here, handle.kind) == (data["url"], False, "background")
    finally:
        stopped = run_cli("sandbox", "stop")
    assert stopped.status == 0
    assert stopped.stdout.startswith("Stopped the sandbox at")
    assert wait_gone(data["pid"])
    assert not Path(data["state_file"]).exists()
    assert run_cli("sandbox", "stop").stdout == "The sandbox was not running.\n"


def test_stale_record_is_cleaned(run_cli):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    path = state_file()
    write_record(path, SandboxRecord(dead.pid, 9, "http://127.0.0.1:9", False, 0.0))
    result = run_cli("sandbox", "status")
    assert result.status == 1
    assert f"removed a stale sandbox record (process {dead.pid} is gone)" in result.stderr
    assert not path.exists()


def test_record_of_a_live_process_that_is_not_the_sandbox_is_stale(run_cli):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        write_record(state_file(), SandboxRecord(os.getpid(), port, f"http://127.0.0.1:{port}", False, 0.0))
        result = run_cli("sandbox", "status", "--json")
    assert result.status == 1
    assert "nothing answers as the sandbox" in result.json["stale_cleaned"]


def test_corrupt_state_file_counts_as_absent(run_cli):
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json")
    assert run_cli("sandbox", "status").status == 1
    assert not path.exists()


def test_port_in_use(run_cli):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SandboxError, match=f"cannot listen on 127.0.0.1:{port}"):
            SandboxServer(port=port).start()
        result = run_cli("sandbox", "start", "--port", str(port))
    assert result.status == 1
    assert "the background sandbox exited at start" in result.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_ensure_sandbox_starts_one_for_this_command(run_cli):  # run_cli: isolated XDG dirs
    handle = ensure_sandbox()
    try:
        assert handle.started_here and handle.kind == "in-process"
        make_client(handle.url).get_apps()
    finally:
        handle.close()
    with pytest.raises(EndpointConnectionError):
        make_client(handle.url).get_apps()


def test_child_sandbox_serves_and_closes():
    child = spawn_child()
    try:
        make_client(child.url).get_apps()
    finally:
        child.close()
    assert wait_gone(child.pid)


def test_child_sandbox_dies_with_its_parent_on_kill_9(tmp_path):
    script = textwrap.dedent("""
        import sys, time
        from workbench.core.sandbox.background import spawn_child
        child = spawn_child()
        print(child.pid, flush=True)
        time.sleep(120)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        child_pid = int(parent.stdout.readline())
        assert alive(child_pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert wait_gone(child_pid), "the one-off sandbox outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        parent.stdout.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_zombie_of_another_process_counts_as_gone():
    """`sandbox stop` from a terminal must not wait out its timeout for a sandbox that has
    exited but is still an unreaped child (a zombie) of the window that started it."""
    from workbench.core.sandbox.background import pid_alive

    # a parent that starts a child, lets it exit, never reaps it, and says its pid
    parent = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "pass"])
        print(child.pid, flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        pid = int(parent.stdout.readline())
        deadline = time.monotonic() + 30
        while Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1][1:2] != b"Z":
            assert time.monotonic() < deadline, "the child never exited"
            time.sleep(0.05)
        os.kill(pid, 0)  # a zombie still takes signals: only its state says it is gone
        assert not pid_alive(pid)
    finally:
        parent.stdin.close()
        parent.wait(timeout=30)
        parent.stdout.close()
