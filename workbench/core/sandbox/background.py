"""Sandboxes in their own process: the long-lived background one (`sandbox start`) and
one-off ones that die with the process that started them.

The background sandbox is detached (own session) and recorded in a state file (statefile).
A record is trusted only if its pid is alive AND the port answers our status endpoint with
that pid; anything else is stale and gets cleaned. It keeps its state under
`paths.data_dir(environ)/sandbox` (store.py): it survives `stop` and restarts; `reset_data`
empties it. It starts with a minimal environment: no AWS_* variables, no proxies.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.common.paths import private_opener
from workbench.core.common.progress import Progress, ProgressCallback, no_progress
from workbench.core.sandbox.errors import SandboxError
from workbench.core.sandbox.statefile import (LOG_FILE_NAME, STATUS_PATH, SandboxRecord,
                                              read_record, remove_record, state_file)
from workbench.core.sandbox.store import reset_data, sandbox_data_dir

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


# Background sandboxes this process started, by pid: they outlive this process on purpose, so
# their Popen objects are kept (dropping one whose child still runs is a ResourceWarning) and
# an exited one is reaped through its Popen (else it lingers as a zombie of a long-lived window).
_started: dict[int, subprocess.Popen] = {}


def pid_alive(pid: int) -> bool:
    process = _started.get(pid)
    if process is not None:
        if process.poll() is None:
            return True
        del _started[pid]
        return False
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
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """An exited process its parent has not reaped yet (Linux): it answers signals but runs
    nothing. A stop from another process must not wait for the parent to reap it."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2:][:1] == b"Z"


def _reap_when_it_exits(process: subprocess.Popen) -> None:
    """The sandbox outlives the start, and may be stopped by another process (`sandbox stop`
    in a terminal): a thread here waits for it, so it never stays a zombie of ours."""
    import threading

    threading.Thread(target=process.wait, name=f"reap-sandbox-{process.pid}", daemon=True).start()


def probe(url: str, timeout: float = 2.0) -> dict | None:
    """The sandbox status a URL answers, or None if nothing (or something else) answers.

    One HTTP/1.0 GET on a plain socket: the sandbox is always plain HTTP on loopback, so it
    goes straight to its port (never through a proxy the environment names, as urllib would
    send it), and costs none of urllib.request's imports (http.client, email, ssl: 30 ms
    the window's start spent on them while it loaded the library)."""
    import socket
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        address = (parts.hostname, parts.port or 80)
    except ValueError:
        return None
    if parts.scheme != "http" or not parts.hostname:
        return None
    request = f"GET {STATUS_PATH} HTTP/1.0\r\nHost: {parts.netloc}\r\nAccept: application/json\r\n\r\n"
    try:
        with socket.create_connection(address, timeout=timeout) as sock:
            sock.sendall(request.encode("ascii"))
            status, body = _read_answer(sock)
    except (OSError, UnicodeError, ValueError):
        return None
    if status != 200:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("service") == "pinpoint-workbench-sandbox" \
        else None


_MAX_STATUS = 1024 * 1024  # a status is a few hundred bytes; anything past this is not the sandbox


def _read_answer(sock) -> tuple[int, bytes]:
    """(status code, body) of one HTTP answer: the body its Content-Length gives, else what
    comes until the connection closes. ValueError for anything that is not an HTTP answer."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk or len(data) > _MAX_STATUS:
            raise ValueError("no HTTP answer")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    version, code = (lines[0].split(b" ", 2) + [b""])[:2]
    if not version.startswith(b"HTTP/1.") or not code.isdigit():
        raise ValueError("not an HTTP status line")
    length = next((line.split(b":", 1)[1].strip() for line in lines[1:]
                   if line.lower().startswith(b"content-length:")), None)
    wanted = int(length) if length is not None and length.isdigit() else _MAX_STATUS
    if wanted > _MAX_STATUS:
        raise ValueError("too long for a status")
    while len(body) < wanted:
        chunk = sock.recv(65536)
        if not chunk:
            if length is not None:
                raise ValueError("the answer ended early")
            break
        body += chunk
    return int(code), body[:wanted]


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


# What a sandbox process inherits: enough to run Python and find its files, nothing that
# carries credentials (AWS_*) or sends traffic elsewhere (proxies).
_CHILD_ENV_KEYS = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR",
                   "TEMP", "TMP", "SYSTEMROOT", "WINDIR", "PYTHONPATH", "VIRTUAL_ENV")


def _child_env() -> dict:
    env = {key: os.environ[key] for key in _CHILD_ENV_KEYS if key in os.environ}
    env.update({key: value for key, value in os.environ.items() if key.startswith("LC_")})
    root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


@contextlib.contextmanager
def _start_lock(directory: Path):
    """One sandbox start at a time per state directory (two first sends race otherwise)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; a lost race is cleaned as stale
        yield
        return
    with open(directory / "sandbox.lock", "a", opener=private_opener) as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start_background(environ: Mapping[str, str] | None = None, *, tutorial_policy: bool = False,
                     port: int = 0, timeout: float = START_TIMEOUT,
                     cancel: CancelToken | None = None,
                     progress: ProgressCallback | None = None,
                     log_max_bytes: int | None = None,
                     events_max_bytes: int | None = None,
                     owner_pid: int | None = None) -> SandboxStatus:
    """Start the detached background sandbox (or report the one already running).
    `owner_pid`: it stops when that process is gone (killed or not), for a sandbox a
    process starts for itself only.

    Raises `Cancelled(phase="sandbox")` if `cancel` fires before it answers (the half-started
    process is killed), `SandboxError` if it cannot start."""
    progress = progress or no_progress
    path = state_file(environ)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _start_lock(path.parent):
        current = read_status(environ)
        if current.running:
            return SandboxStatus(True, current.state_file, current.record, already_running=True)
        data = sandbox_data_dir(environ)
        args = ["--state-file", str(path), "--port", str(port), "--data-dir", str(data),
                "--log-file", str(path.parent / LOG_FILE_NAME)]
        if log_max_bytes:
            args += ["--log-max-bytes", str(log_max_bytes)]
        if events_max_bytes:
            args += ["--events-max-bytes", str(events_max_bytes)]
        if tutorial_policy:
            args.append("--tutorial-policy")
        if owner_pid:
            args += ["--owner-pid", str(owner_pid)]
        progress(Progress("sandbox", "starting the local sandbox"))
        return _wait_started(path, _serve_command(*args), current, timeout, cancel, progress)


def _wait_started(path: Path, command: list[str], current: SandboxStatus, timeout: float,
                  cancel: CancelToken | None, progress: ProgressCallback) -> SandboxStatus:
    log_path = path.parent / LOG_FILE_NAME
    with open(log_path, "ab", opener=private_opener) as log:  # until the child's own (rotating) log takes over
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                   start_new_session=True, env=_child_env(), close_fds=True)
    _started[process.pid] = process
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cancel is not None and cancel.cancelled:
            _kill(process)
            raise Cancelled(phase="sandbox")
        record = read_record(path)
        if record is not None and record.pid == process.pid:
            _reap_when_it_exits(process)
            progress(Progress("sandbox", f"sandbox running at {record.url}"))
            return SandboxStatus(True, str(path), record, stale_cleaned=current.stale_cleaned)
        if process.poll() is not None:
            raise SandboxError(f"the background sandbox exited at start: {_last_line(log_path)}")
        time.sleep(0.05)
    _kill(process)
    raise SandboxError(f"the background sandbox did not start within {timeout:.0f} s "
                       f"(see {log_path})")


def _kill(process: subprocess.Popen) -> None:
    process.kill()
    process.wait()
    _started.pop(process.pid, None)


def ensure_running(environ: Mapping[str, str] | None = None, *,
                   cancel: CancelToken | None = None,
                   progress: ProgressCallback | None = None,
                   tutorial_policy: bool = False,
                   timeout: float = START_TIMEOUT,
                   owner_pid: int | None = None) -> SandboxStatus:
    """The background sandbox every send to the sandbox environment uses: the running one,
    else one started now that stays up after this process (its state is kept). Returns its
    status: `.url`, `.already_running` (False when started by this call)."""
    status = read_status(environ)
    if status.running:
        return SandboxStatus(True, status.state_file, status.record, already_running=True)
    return start_background(environ, tutorial_policy=tutorial_policy, timeout=timeout,
                            cancel=cancel, progress=progress, owner_pid=owner_pid)


def reset_background(environ: Mapping[str, str] | None = None) -> tuple[bool, SandboxStatus]:
    """Empty the kept state (stopping the sandbox first, starting it again if it ran).
    Returns (there was state, the status after)."""
    was = stop_background(environ)
    existed = reset_data(sandbox_data_dir(environ))
    if was.running and was.record is not None:
        return existed, start_background(environ, tutorial_policy=was.record.tutorial_policy)
    return existed, read_status(environ)


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
