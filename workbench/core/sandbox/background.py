"""Sandboxes in their own process: the long-lived background one (`sandbox start`) and
one-off ones that die with the process that started them.

The background sandbox is detached (own session) and recorded in a state file (statefile).
A record is trusted only if its pid is alive AND the port answers our status endpoint with
that pid; anything else is stale and gets cleaned.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from workbench.core.sandbox.front import STATUS_PATH
from workbench.core.sandbox.server import SandboxError
from workbench.core.sandbox.statefile import (LOG_FILE_NAME, SandboxRecord, read_record,
                                              remove_record, state_file)

START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


@dataclass(frozen=True)
class SandboxStatus:
    running: bool
    state_file: str
    record: SandboxRecord | None = None
    stale_cleaned: str | None = None  # why a stale record was removed, if one was
    already_running: bool = False  # for start: it was running before

    @property
    def url(self) -> str | None:
        return self.record.url if self.record else None

    def to_dict(self) -> dict:
        data = {"running": self.running, "state_file": self.state_file}
        if self.record:
            data.update(self.record.to_dict())
        if self.stale_cleaned:
            data["stale_cleaned"] = self.stale_cleaned
        if self.already_running:
            data["already_running"] = True
        return data


def pid_alive(pid: int) -> bool:
    try:  # reap it first if it is our own exited child (else it lingers as a zombie)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def probe(url: str, timeout: float = 2.0) -> dict | None:
    """The sandbox status a URL answers, or None if nothing (or something else) answers."""
    try:
        with urllib.request.urlopen(url + STATUS_PATH, timeout=timeout) as response:
            data = json.loads(response.read())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("service") == "pinpoint-workbench-sandbox" \
        else None


def _stale_reason(record: SandboxRecord) -> str | None:
    if not pid_alive(record.pid):
        return f"process {record.pid} is gone"
    answer = probe(record.url)
    if answer is None:
        return f"nothing answers as the sandbox on port {record.port}"
    if answer.get("pid") != record.pid:
        return f"port {record.port} is served by another process ({answer.get('pid')})"
    return None


def read_status(environ: Mapping[str, str] | None = None) -> SandboxStatus:
    """Whether a background sandbox runs; a stale record is removed and reported."""
    path = state_file(environ)
    record = read_record(path)
    if record is None:
        return SandboxStatus(False, str(path))
    reason = _stale_reason(record)
    if reason:
        remove_record(path, record.pid)
        return SandboxStatus(False, str(path), stale_cleaned=reason)
    return SandboxStatus(True, str(path), record)


def _serve_command(*extra: str) -> list[str]:
    return [sys.executable, "-m", "workbench.core.sandbox.serve", *extra]


def _child_env() -> dict:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def start_background(environ: Mapping[str, str] | None = None, *, tutorial_policy: bool = False,
                     port: int = 0, timeout: float = START_TIMEOUT) -> SandboxStatus:
    """Start the detached background sandbox (or report the one already running)."""
    current = read_status(environ)
    if current.running:
        return SandboxStatus(True, current.state_file, current.record, already_running=True)
    path = Path(current.state_file)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    args = ["--state-file", str(path), "--port", str(port)]
    if tutorial_policy:
        args.append("--tutorial-policy")
    log_path = path.parent / LOG_FILE_NAME
    with open(log_path, "ab") as log:
        process = subprocess.Popen(_serve_command(*args), stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=log, start_new_session=True, env=_child_env(),
                                   close_fds=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        record = read_record(path)
        if record is not None and record.pid == process.pid:
            return SandboxStatus(True, str(path), record, stale_cleaned=current.stale_cleaned)
        if process.poll() is not None:
            raise SandboxError(f"the background sandbox exited at start: {_last_line(log_path)}")
        time.sleep(0.05)
    process.kill()
    process.wait()
    raise SandboxError(f"the background sandbox did not start within {timeout:.0f} s "
                       f"(see {log_path})")


def _last_line(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return "no log"
    return lines[-1] if lines else "no output"


def stop_background(environ: Mapping[str, str] | None = None,
                    timeout: float = STOP_TIMEOUT) -> SandboxStatus:
    """Stop the background sandbox; returns the status it had (running=False if none)."""
    status = read_status(environ)
    if not status.running or status.record is None:
        return status
    pid = status.record.pid
    _terminate(pid, timeout)
    remove_record(Path(status.state_file), pid)
    return status


def _terminate(pid: int, timeout: float) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    while pid_alive(pid) and time.monotonic() < deadline + 5:
        time.sleep(0.05)


@dataclass
class ChildSandbox:
    """A one-off sandbox process tied to ours by a pipe: when we die, it exits."""

    url: str
    pid: int
    _process: subprocess.Popen = field(repr=False)

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()  # EOF: the child stops by itself
            try:
                self._process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def to_dict(self) -> dict:
        return {"url": self.url, "pid": self.pid}


def spawn_child(*, tutorial_policy: bool = False, timeout: float = START_TIMEOUT) -> ChildSandbox:
    args = ["--watch-stdin"] + (["--tutorial-policy"] if tutorial_policy else [])
    process = subprocess.Popen(_serve_command(*args), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=_child_env(), close_fds=True)
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout)
    line = process.stdout.readline() if ready else b""
    try:
        data = json.loads(line)
    except ValueError:
        process.kill()
        process.wait()
        raise SandboxError("the one-off sandbox process did not start") from None
    process.stdout.close()
    return ChildSandbox(data["url"], data["pid"], process)


@dataclass
class SandboxHandle:
    """A sandbox for one command: `close()` stops it only if this process started it."""

    url: str
    started_here: bool
    kind: str  # "background" | "in-process" | "child"
    _close: Callable[[], None] = field(default=lambda: None, repr=False)

    def close(self) -> None:
        closer, self._close = self._close, (lambda: None)
        closer()

    def to_dict(self) -> dict:
        return {"url": self.url, "started_here": self.started_here, "kind": self.kind}

    def __enter__(self) -> "SandboxHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def ensure_sandbox(environ: Mapping[str, str] | None = None, *, tutorial_policy: bool = False,
                   mode: str = "in-process") -> SandboxHandle:
    """A sandbox to send to: the running background one, else a new one for this process
    only (`mode` "in-process": threads here; "child": a process tied to this one)."""
    status = read_status(environ)
    if status.running and status.record is not None:
        return SandboxHandle(status.record.url, False, "background")
    if mode == "child":
        child = spawn_child(tutorial_policy=tutorial_policy)
        return SandboxHandle(child.url, True, "child", child.close)
    from workbench.core.sandbox.server import SandboxServer

    server = SandboxServer(tutorial_policy=tutorial_policy).start()
    return SandboxHandle(server.url, True, "in-process", server.stop)
