"""The sandbox's event log: the records AWS would publish for each message (the SMS and
voice v2 event destination format: `eventType` TEXT_* / VOICE_* / MEDIA_*, camelCase
fields, times in epoch milliseconds), plus the sandbox's own notes (verification and OTP
codes that would reach a phone), one JSON object per line in `events.jsonl`.

Every record gets `sequence` (1, 2, ...) so a reader can follow from where it left off.
The log is capped like sandbox.log: past `max_bytes` it rotates to events.jsonl.1 (.2, .3;
the oldest is dropped); readers read the kept files oldest first, and a follower carries on
across a rotation (and starts over after `sandbox reset`).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path
from typing import Iterator

from workbench.core.common.cancel import CancelToken


EVENTS_MAX_BYTES = 1024 * 1024
EVENTS_BACKUPS = 3
_SEQUENCE = re.compile(rb'\{"sequence":(\d+)[,}]')  # how append starts every line


class EventLog:
    def __init__(self, path: Path, max_bytes: int = EVENTS_MAX_BYTES,
                 backups: int = EVENTS_BACKUPS):
        self.path = Path(path)
        self.max_bytes, self.backups = max_bytes, backups
        self._lock = threading.Lock()
        self._sequence = 0
        for record in read_events(self.path):
            self._sequence = record["sequence"]

    def append(self, record: dict) -> dict:
        with self._lock:
            self._sequence += 1
            record = {"sequence": self._sequence, **record}
            line = (json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8")
            if self._size() and self._size() + len(line) > self.max_bytes:
                self._rotate()
            with open(self.path, "ab") as handle:
                handle.write(line)
        return record

    def _size(self) -> int:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def _rotate(self) -> None:
        """events.jsonl -> .1 -> .2 ... (as logging's RotatingFileHandler does)."""
        for number in range(self.backups - 1, 0, -1):
            older = _backup(self.path, number)
            if older.exists():
                os.replace(older, _backup(self.path, number + 1))
        if self.backups:
            os.replace(self.path, _backup(self.path, 1))
        else:
            self.path.unlink()


def _backup(path: Path, number: int) -> Path:
    return path.with_name(f"{path.name}.{number}")


def log_files(path: Path) -> list[Path]:
    """The log's files that exist, oldest first (the rotated ones, then `path`)."""
    backups = sorted((p for p in path.parent.glob(f"{path.name}.*")
                      if p.name.rpartition(".")[2].isdigit()),
                     key=lambda p: -int(p.name.rpartition(".")[2]))
    return backups + [path]


def read_events(path: Path, after: int = 0) -> Iterator[dict]:
    """Records with a sequence above `after`, oldest first, from every kept file of the log;
    a torn last line (a write under way) is skipped."""
    for file in log_files(path):
        for record in _read_file(file, after):
            after = record["sequence"]
            yield record


def _read_file(path: Path, after: int) -> Iterator[dict]:
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            known = _SEQUENCE.match(line)
            if known and int(known.group(1)) <= after:
                continue  # seen already: not parsed again on every poll
            try:
                record = json.loads(line)
            except ValueError:
                continue
            sequence = record.get("sequence") if isinstance(record, dict) else None
            if isinstance(sequence, int) and sequence > after:
                yield record


def follow_events(path: Path, cancel: CancelToken, after: int = 0,
                  poll: float = 0.2) -> Iterator[dict]:
    """Records as they arrive until `cancel` fires (the log may not exist yet)."""
    seen, identity, whole = after, _identity(path), True
    while not cancel.cancelled:
        current = _identity(path)
        if current is not None and current != identity:
            if identity is not None and not _rotated_from(path, identity):
                seen = 0  # emptied by `sandbox reset`, or replaced: start over
            identity, whole = current, True  # what reached the rotated files too
        records = read_events(path, seen) if whole else _read_file(path, seen)
        whole = False
        for record in records:
            seen = record["sequence"]
            yield record
        waiter = threading.Event()
        unregister = cancel._on_cancel(waiter.set)
        waiter.wait(poll)
        unregister()


def _rotated_from(path: Path, identity: tuple) -> bool:
    """Whether the file last read was rotated away (rather than the log started over): it
    is one of the backups now, or the oldest kept record is not the log's first."""
    files = log_files(path)
    if any(_identity(file) == identity for file in files[:-1]):
        return True
    oldest = next(_read_file(files[0], 0), None) if len(files) > 1 else None
    return oldest is not None and oldest["sequence"] > 1


def _identity(path: Path) -> tuple | None:
    """Which file this is: its file number and first record (a file number can be reused);
    None while it is missing or empty."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            first = handle.readline()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino, first) if first else None


def now_ms() -> int:
    return int(time.time() * 1000)
