"""`python -m workbench.core.sandbox.serve`: a sandbox in its own process.

--state-file PATH   background mode: record pid/port there once listening, remove on exit.
--data-dir PATH     keep the sandbox's state there (across restarts); default: nothing kept.
--log-file PATH     log there, rotated at --log-max-bytes (3 old files kept).
--events-max-bytes  the event log (events.jsonl) rotates past this size (3 old files kept).
--watch-stdin       one-off mode: print one JSON line {"url", "pid"} on stdout when ready,
                    exit when stdin reaches EOF (the parent died or closed the pipe).
--owner-pid PID     background mode owned by a process (a window that started it for
                    itself): stop when that process is gone, however it ended.
SIGTERM/SIGINT stop it cleanly.
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import os
import signal
import sys
import threading
from pathlib import Path

from workbench.core.sandbox.events import EVENTS_MAX_BYTES
from workbench.core.sandbox.server import SandboxError, SandboxServer
from workbench.core.sandbox.statefile import SandboxRecord, remove_record, write_record

EXIT_CANNOT_LISTEN = 3
LOG_MAX_BYTES = 1024 * 1024
LOG_BACKUPS = 3


class _LogStream:
    """sys.stderr replacement once logging is set up: tracebacks go into the rotated log."""

    def __init__(self, logger: logging.Logger):
        self._logger = logger

    def write(self, text: str) -> int:
        for line in text.rstrip("\n").splitlines():
            self._logger.error(line)
        return len(text)

    def flush(self) -> None:
        pass


def _setup_logging(path: Path, max_bytes: int) -> None:
    os.umask(0o077)  # the log and its rotations: 0600, like every file of this process
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes,
                                                   backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for noisy in ("werkzeug", "botocore", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    sys.stderr = _LogStream(logging.getLogger("sandbox.stderr"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.core.sandbox.serve")
    parser.add_argument("--state-file", type=Path)
    parser.add_argument("--tutorial-policy", action="store_true")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--watch-stdin", action="store_true")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--log-file", type=Path)
    parser.add_argument("--log-max-bytes", type=int, default=LOG_MAX_BYTES)
    parser.add_argument("--events-max-bytes", type=int, default=EVENTS_MAX_BYTES)
    parser.add_argument("--owner-pid", type=int)
    args = parser.parse_args(argv)
    if args.log_file:
        _setup_logging(args.log_file, args.log_max_bytes)

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    try:
        server = SandboxServer(tutorial_policy=args.tutorial_policy, port=args.port,
                               data_dir=args.data_dir,
                               events_max_bytes=args.events_max_bytes).start()
    except SandboxError as exc:
        print(str(exc), file=sys.stderr, flush=True)
        return EXIT_CANNOT_LISTEN
    logging.getLogger("sandbox").info("listening on %s, state in %s", server.url,
                                      args.data_dir or "a temporary directory")
    try:
        info = server.info()
        if args.state_file:
            write_record(args.state_file, SandboxRecord(os.getpid(), server.port, info.url,
                                                        info.tutorial_policy, info.started_at))
        if args.watch_stdin:
            print(json.dumps({"url": info.url, "pid": os.getpid()}), flush=True)
            threading.Thread(target=_wait_for_eof, args=(stop,), daemon=True).start()
        while not stop.wait(1.0):
            if args.owner_pid and not _alive(args.owner_pid):
                logging.getLogger("sandbox").info("its owner (pid %s) is gone: stopping", args.owner_pid)
                break
    finally:
        server.stop()
        if args.state_file:
            remove_record(args.state_file, os.getpid())
    return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's: alive
        return True
    return True


def _wait_for_eof(stop: threading.Event) -> None:
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        stop.set()


if __name__ == "__main__":
    sys.exit(main())
