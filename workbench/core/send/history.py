"""Every send, from any front end, in one SQLite file (WAL, so the window and a terminal can
both write): `data_dir/history.sqlite3`.

One row per send: time, environment, region, operation, the draft (so it can be replayed),
status or error, elapsed time, sizes, the inspection record (already secret-free) and the
response headers and body. The body is capped per entry; the total stored response bytes
are capped too, the oldest entries dropped first. Nothing here ever holds a secret key,
session token or signature: the inspection record is redacted by the signer, response
headers go through the same redaction, and a draft holds only `{{ variable }}` references.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from workbench.core.common import safe_json
from workbench.core.request.drafts import RequestDraft
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.paths import data_dir
from workbench.core.environments.secret_variables import redact, secret_values

FILE_NAME = "history.sqlite3"
ENTRY_BODY_CAP = 256 * 1024  # response body bytes kept per entry
TOTAL_CAP = 32 * 1024 * 1024  # response body bytes kept in all
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sends (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time REAL NOT NULL,
    environment TEXT NOT NULL,
    region TEXT NOT NULL,
    operation TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    draft TEXT NOT NULL,
    sent INTEGER NOT NULL,
    status INTEGER,
    error TEXT,
    elapsed_ms REAL,
    request_bytes INTEGER NOT NULL,
    response_bytes INTEGER,
    inspection TEXT NOT NULL,
    response_headers TEXT,
    response_body BLOB,
    body_truncated INTEGER NOT NULL DEFAULT 0
);
"""


class HistoryEntryNotFound(WorkbenchError):
    fmt = "no history entry {id}"


class HistoryUnavailable(WorkbenchError):
    fmt = "the history at {path} cannot be used: {detail}"


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    time: float
    environment: str
    region: str
    operation: str
    method: str
    url: str
    draft: RequestDraft
    sent: bool
    status: int | None
    error: dict | None
    elapsed_ms: float | None
    request_bytes: int
    response_bytes: int | None
    inspection: dict
    response_headers: tuple[tuple[str, str], ...] = ()
    response_body: bytes = b""
    body_truncated: bool = False

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.time))

    def summary(self) -> dict:
        return {
            "id": self.id, "time": self.when, "environment": self.environment, "region": self.region,
            "operation": self.operation, "method": self.method, "url": self.url, "sent": self.sent,
            "status": self.status, "error": self.error, "elapsed_ms": self.elapsed_ms,
            "request_bytes": self.request_bytes, "response_bytes": self.response_bytes,
        }

    def body_text(self) -> str:
        return self.response_body.decode("utf-8", errors="replace")

    def to_dict(self) -> dict:
        body: object = self.body_text()
        if not self.body_truncated:
            try:
                body = safe_json.loads(body) if body else body
            except ValueError:
                pass
        return self.summary() | {
            "draft": self.draft.to_dict(),
            "inspection": self.inspection,
            "response_headers": dict(self.response_headers),
            "response_body": body,
            "body_truncated": self.body_truncated,
        }


def _secret_values_of(plan) -> set[str]:
    if plan.prepared is None:
        return set()
    return secret_values(plan.prepared.rendered.variables, plan.environment.secret_variables)


def _redacted_bytes(body: bytes, hidden: set[str]) -> bytes:
    if not body or not hidden:
        return body
    return redact(body.decode("utf-8", errors="surrogateescape"), hidden).encode("utf-8", errors="surrogateescape")


class HistoryStore:
    """The history file. Thread-safe (one connection per store, used under a lock); several
    processes may write at once (SQLite WAL)."""

    def __init__(self, path: Path | str, *, entry_body_cap: int = ENTRY_BODY_CAP, total_cap: int = TOTAL_CAP):
        self.path = Path(path)
        self.entry_body_cap = entry_body_cap
        self.total_cap = total_cap
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            raise HistoryUnavailable(path=str(self.path), detail=str(exc)) from None
        self.path.chmod(0o600)

    @classmethod
    def at_default_location(cls, environ: Mapping[str, str] | None = None) -> "HistoryStore":
        return cls(data_dir(environ) / FILE_NAME)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "HistoryStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing

    def record(self, plan, exchange, hidden: Iterable[str] | None = None) -> int:
        """Keep one send (a SendPlan and the Exchange `run_plan` returned); returns its id.

        `hidden`: secret values to mask wherever they appear (URL, draft, error, inspection,
        response headers and body); the plan's secret variables are always among them."""
        from workbench.core.send.signing import redact_headers

        hidden = set(hidden or ()) | _secret_values_of(plan)
        inspection = exchange.inspection
        response = exchange.response
        body, truncated, headers = b"", False, None
        if response is not None:
            body = _redacted_bytes(response.body[: self.entry_body_cap], hidden)
            truncated = response.truncated or len(response.body) > self.entry_body_cap
            headers = redact(json.dumps(redact_headers(response.headers)), hidden)
        error = exchange.error.to_dict() | {"type": type(exchange.error).__name__} if exchange.error else None
        row = (
            time.time(), exchange.environment, plan.region, exchange.operation or plan.operation,
            inspection.method, redact(inspection.url, hidden), redact(json.dumps(plan.draft.to_dict(), sort_keys=True), hidden),
            int(exchange.sent), response.status if response else None, redact(json.dumps(error), hidden) if error else None,
            response.elapsed_ms if response else None, inspection.body_size,
            response.size_bytes if response else None, redact(json.dumps(inspection.to_dict()), hidden), headers, body, int(truncated),
        )
        with self._lock, _failing_as(self.path), self._db:
            cursor = self._db.execute(
                "INSERT INTO sends (time, environment, region, operation, method, url, draft, sent, status, error, "
                "elapsed_ms, request_bytes, response_bytes, inspection, response_headers, response_body, body_truncated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            entry_id = cursor.lastrowid
            self._trim()
        return entry_id

    def _trim(self) -> None:
        """Drop the oldest entries until the stored response bodies fit the total cap."""
        total = self._db.execute("SELECT COALESCE(SUM(LENGTH(response_body)), 0) FROM sends").fetchone()[0]
        if total <= self.total_cap:
            return
        for entry_id, size in self._db.execute("SELECT id, COALESCE(LENGTH(response_body), 0) FROM sends ORDER BY id").fetchall():
            if total <= self.total_cap:
                break
            self._db.execute("DELETE FROM sends WHERE id = ?", (entry_id,))
            total -= size

    # ---- reading

    def list(self, limit: int = 50) -> list[HistoryEntry]:
        """The newest `limit` entries, newest first."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM sends ORDER BY id DESC LIMIT ?", (max(0, limit),)).fetchall()
        return [_entry(row) for row in rows]

    def get(self, entry_id: int) -> HistoryEntry:
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM sends WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise HistoryEntryNotFound(id=entry_id)
        return _entry(row)


@contextlib.contextmanager
def _failing_as(path: Path):
    try:
        yield
    except sqlite3.Error as exc:
        raise HistoryUnavailable(path=str(path), detail=str(exc)) from None


_COLUMNS = ("id, time, environment, region, operation, method, url, draft, sent, status, error, elapsed_ms, "
            "request_bytes, response_bytes, inspection, response_headers, response_body, body_truncated")


def _entry(row) -> HistoryEntry:
    (entry_id, when, environment, region, operation, method, url, draft, sent, status, error, elapsed_ms,
     request_bytes, response_bytes, inspection, headers, body, truncated) = row
    return HistoryEntry(
        id=entry_id, time=when, environment=environment, region=region, operation=operation, method=method,
        url=url, draft=RequestDraft.from_dict(json.loads(draft), where=f"history entry {entry_id}"), sent=bool(sent),
        status=status, error=json.loads(error) if error else None, elapsed_ms=elapsed_ms,
        request_bytes=request_bytes, response_bytes=response_bytes, inspection=json.loads(inspection),
        response_headers=tuple(tuple(pair) for pair in json.loads(headers)) if headers else (),
        response_body=bytes(body or b""), body_truncated=bool(truncated),
    )
