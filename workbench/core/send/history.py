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
""" + """
-- the pages of a multi-page fetch (send --all-pages), kept with the one entry that stands
-- for the fetch (its response: the merged result); they go when their entry goes
CREATE TABLE IF NOT EXISTS pages (
    entry_id INTEGER NOT NULL,
    number INTEGER NOT NULL,
    url TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    elapsed_ms REAL,
    items INTEGER NOT NULL DEFAULT 0,
    next_token TEXT,
    inspection TEXT NOT NULL,
    response_headers TEXT,
    response_body BLOB,
    body_truncated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entry_id, number)
);
CREATE INDEX IF NOT EXISTS pages_with_body ON pages (entry_id) WHERE response_body IS NOT NULL;
CREATE TRIGGER IF NOT EXISTS pages_follow_their_entry AFTER DELETE ON sends BEGIN
    DELETE FROM pages WHERE entry_id = OLD.id;
END;
"""
PAGE_BODY_CAP = 64 * 1024  # response body bytes kept per page
FETCH_PAGE_BODIES_CAP = 1024 * 1024  # page bodies kept per fetch (past it: the page without its body)
FETCHES_WITH_PAGE_BODIES = 32  # the newest fetches keep their pages' bodies; older ones keep the rest


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

    # ---- multi-page fetches (core.send.pages)

    def record_fetch(self, plan, exchange, pages, hidden=()) -> int:
        """Keep a multi-page fetch as one entry (`exchange`: the first page's request with the
        merged result, or the failing page's answer) and its `pages`; returns the entry's id."""
        hidden = set(hidden) | _secret_values_of(plan)
        entry_id = self.record(plan, exchange, hidden=hidden)
        with self._lock, _failing_as(self.path):
            _record_pages(self._db, entry_id, pages, hidden)
        return entry_id

    def pages(self, entry_id: int) -> list[HistoryPage]:
        """The pages of entry `entry_id` in order ([] for a single send)."""
        with self._lock, _failing_as(self.path):
            rows = self._db.execute("SELECT entry_id, number, url, status, error, elapsed_ms, items, next_token, "
                                    "inspection, response_headers, response_body, body_truncated FROM pages "
                                    "WHERE entry_id = ? ORDER BY number", (entry_id,)).fetchall()
        return [_page(row) for row in rows]

    def page_counts(self, entry_ids) -> dict[int, int]:
        """entry id -> its number of pages, for the entries among `entry_ids` that are fetches."""
        ids, counts = [int(i) for i in entry_ids], {}
        with self._lock, _failing_as(self.path):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                counts.update(self._db.execute(
                    f"SELECT entry_id, COUNT(*) FROM pages WHERE entry_id IN ({','.join('?' * len(chunk))}) "
                    "GROUP BY entry_id", chunk).fetchall())
        return counts

    def get(self, entry_id: int) -> HistoryEntry:
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM sends WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise HistoryEntryNotFound(id=entry_id)
        return _entry(row)


@dataclass(frozen=True)
class HistoryPage:
    """One page of a multi-page fetch, as kept (secret-free, its body capped)."""

    entry_id: int
    number: int  # 1-based
    url: str
    status: int | None
    error: dict | None
    elapsed_ms: float | None
    items: int
    next_token: str | None  # the token this page's answer gave (None on the last page)
    inspection: dict
    response_headers: tuple[tuple[str, str], ...] = ()
    response_body: bytes = b""
    body_truncated: bool = False  # part of the body kept, or (older fetches) none of it

    def to_dict(self) -> dict:
        body: object = self.response_body.decode("utf-8", errors="replace")
        if body and not self.body_truncated:
            try:
                body = safe_json.loads(body)
            except ValueError:
                pass
        return {"number": self.number, "url": self.url, "status": self.status, "error": self.error,
                "elapsed_ms": self.elapsed_ms, "items": self.items, "next_token": self.next_token,
                "inspection": self.inspection, "response_headers": dict(self.response_headers),
                "response_body": body, "body_truncated": self.body_truncated}


def _record_pages(db, entry_id: int, pages, hidden) -> None:
    """`pages` (core.send.pages.Page) of the fetch kept as entry `entry_id`."""
    from workbench.core.send.signing import redact_headers

    budget = FETCH_PAGE_BODIES_CAP
    rows = []
    for page in pages:
        exchange = page.outcome.exchange
        response = exchange.response if exchange is not None else None
        inspection = exchange.inspection.to_dict() if exchange is not None else {}
        body, truncated, headers = b"", False, None
        if response is not None:
            body = response.body[: min(PAGE_BODY_CAP, budget)]
            budget -= len(body)
            truncated = response.truncated or len(response.body) > len(body)
            headers = redact(json.dumps(redact_headers(response.headers)), hidden)
            body = _redacted_bytes(body, hidden)
        error = exchange.error if exchange is not None else page.outcome.error
        error = redact(json.dumps(error.to_dict() | {"type": type(error).__name__}), hidden) if error else None
        rows.append((entry_id, page.number, redact(inspection.get("url", ""), hidden),
                     response.status if response is not None else None, error,
                     response.elapsed_ms if response is not None else None, page.items,
                     redact(page.next_token, hidden) if page.next_token else None,
                     redact(json.dumps(inspection), hidden), headers, body, int(truncated)))
    with db:
        db.executemany("INSERT OR REPLACE INTO pages (entry_id, number, url, status, error, elapsed_ms, items, "
                       "next_token, inspection, response_headers, response_body, body_truncated) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        # only the newest fetches keep their pages' bodies (through the partial index: flat in the size kept)
        kept = db.execute("SELECT DISTINCT entry_id FROM pages WHERE response_body IS NOT NULL "
                          "ORDER BY entry_id DESC LIMIT 1 OFFSET ?", (FETCHES_WITH_PAGE_BODIES - 1,)).fetchone()
        if kept is not None:
            db.execute("UPDATE pages SET response_body = NULL, body_truncated = 1 "
                       "WHERE response_body IS NOT NULL AND entry_id < ?", (kept[0],))


def _page(row) -> HistoryPage:
    (entry_id, number, url, status, error, elapsed_ms, items, next_token, inspection, headers, body, truncated) = row
    return HistoryPage(entry_id, number, url, status, json.loads(error) if error else None, elapsed_ms, items or 0,
                       next_token, json.loads(inspection), tuple(tuple(p) for p in json.loads(headers)) if headers else (),
                       bytes(body or b""), bool(truncated))


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
