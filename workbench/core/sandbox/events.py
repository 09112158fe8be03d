"""The sandbox's event log: the records AWS would publish for each message (the SMS and
voice v2 event destination format: `eventType` TEXT_* / VOICE_* / MEDIA_*, camelCase
fields, times in epoch milliseconds), plus the sandbox's own notes (verification and OTP
codes that would reach a phone), one JSON object per line in `events.jsonl`.

Every record gets `sequence` (1, 2, ...) so a reader can follow from where it left off.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Iterator

from workbench.core.cancel import CancelToken


class EventLog:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._sequence = sum(1 for _ in read_events(self.path))

    def append(self, record: dict) -> dict:
        with self._lock:
            self._sequence += 1
            record = {"sequence": self._sequence, **record}
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(record, separators=(",", ":")) + "\n")
        return record


def read_events(path: Path, after: int = 0) -> Iterator[dict]:
    """Records with a sequence above `after`; a torn last line (a write under way) is skipped."""
    try:
        handle = open(path, encoding="utf-8")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("sequence", 0) > after:
                yield record


def follow_events(path: Path, cancel: CancelToken, after: int = 0,
                  poll: float = 0.2) -> Iterator[dict]:
    """Records as they arrive until `cancel` fires (the log may not exist yet)."""
    seen, identity = after, _identity(path)
    while not cancel.cancelled:
        current = _identity(path)
        if current != identity:  # emptied by `sandbox reset`, or replaced: start over
            seen, identity = 0, current
        for record in read_events(path, seen):
            seen = record["sequence"]
            yield record
        waiter = threading.Event()
        unregister = cancel._on_cancel(waiter.set)
        waiter.wait(poll)
        unregister()


def _identity(path: Path) -> tuple | None:
    """Which log this is: its file and first record (a file number can be reused)."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            return stat.st_dev, stat.st_ino, handle.readline()
    except OSError:
        return None


def now_ms() -> int:
    return int(time.time() * 1000)
