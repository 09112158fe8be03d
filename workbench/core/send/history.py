"""Every send, from any front end, in one SQLite file (WAL, so the window and a terminal can
both write): `data_dir/history.sqlite3`.

One row per send: time, environment, region, operation, the draft (so it can be replayed),
status or error, elapsed time, sizes, the inspection record (already secret-free) and the
response headers and body. The body is capped per entry; the total stored response bytes
and the entry count are capped too, the oldest entries dropped first (in batches, so a
send costs the same with 1 or 100,000 entries kept). Nothing here ever holds a secret key,
session token or signature: the inspection record is redacted by the signer, response
headers go through the same redaction, a draft holds only `{{ variable }}` references, and
the response body has secret-named fields and the send's secret values masked
(`body_redaction`; live output shows the body as it came).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from workbench.core.common import safe_json
from workbench.core.request.drafts import RequestDraft
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.paths import data_dir, private_dir
from workbench.core.environments.secret_variables import redact, secret_values
from workbench.core.send.body_redaction import redact_body
from workbench.core.send.history_pages import HistoryPage, page_from_row, record_pages

FILE_NAME = "history.sqlite3"
ENTRY_BODY_CAP = 256 * 1024  # response body bytes kept per entry
TOTAL_CAP = 32 * 1024 * 1024  # response body bytes kept in all
ENTRY_CAP = 100_000  # entries kept in all
TRIM_SLACK = 8  # a trim frees 1/8 of the cap beyond what is over it, so trims are rare
SCHEMA_VERSION = 2

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
CREATE INDEX IF NOT EXISTS sends_by_environment ON sends (environment, id);
CREATE INDEX IF NOT EXISTS sends_by_operation ON sends (operation, id);
CREATE INDEX IF NOT EXISTS sends_by_status_class ON sends (COALESCE(status / 100, 0), id);
-- running totals, kept by the triggers in the same transaction as the row they count
CREATE TABLE IF NOT EXISTS totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    entries INTEGER NOT NULL,
    body_bytes INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS sends_counted AFTER INSERT ON sends BEGIN
    UPDATE totals SET entries = entries + 1, body_bytes = body_bytes + COALESCE(LENGTH(NEW.response_body), 0);
END;
CREATE TRIGGER IF NOT EXISTS sends_uncounted AFTER DELETE ON sends BEGIN
    UPDATE totals SET entries = entries - 1, body_bytes = body_bytes - COALESCE(LENGTH(OLD.response_body), 0);
END;
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
_DAMAGED_FILE = ("file is not a database", "malformed", "not a database")
STATUS_CLASSES = {"2xx": 2, "3xx": 3, "4xx": 4, "5xx": 5, "no response": 0}  # COALESCE(status / 100, 0)


class HistoryEntryNotFound(WorkbenchError):
    fmt = "no history entry {id}"


class HistoryUnavailable(WorkbenchError):
    fmt = "the history at {path} cannot be used: {detail}"


class HistoryEntryDamaged(WorkbenchError):
    fmt = "history entry {id} is damaged and cannot be read: {detail}"


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
    response_body: bytes | None = b""  # None: not read (list, get(body=False)); get(id) reads it
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
        if self.response_body is None:
            raise ValueError(f"history entry {self.id} was listed without its body: get({self.id}) reads it")
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


class HistoryStore:
    """The history file. Thread-safe (one connection per store, used under a lock); several
    processes may write at once (SQLite WAL).

    Recording costs the same however many entries are kept: the entry count and body bytes
    are running totals (kept by triggers), and when either passes its cap the oldest entries
    go in one batch that frees an eighth of the cap. A file that is not a database is moved
    aside and a new one started; a dropped table is created again; a row that cannot be read
    is skipped by `list` (its id in `skipped`) and named by `get`. What was recovered is said
    in `notes`."""

    def __init__(self, path: Path | str, *, entry_body_cap: int = ENTRY_BODY_CAP, total_cap: int = TOTAL_CAP,
                 entry_cap: int = ENTRY_CAP):
        self.path = Path(path)
        self.entry_body_cap = entry_body_cap
        self.total_cap = total_cap
        self.entry_cap = entry_cap
        self.notes: list[str] = []
        self.skipped: tuple[int, ...] = ()
        self._lock = threading.Lock()
        try:
            private_dir(self.path.parent)
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            raise HistoryUnavailable(path=str(self.path), detail=str(exc)) from None
        self.path.chmod(0o600)

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if not any(sign in str(exc) for sign in _DAMAGED_FILE):
                raise
        aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                os.replace(source, f"{aside}{suffix}")
        self.notes.append(f"the history file was damaged: moved to {aside.name}, a new history started")
        return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a kept send survives a killed process; fsync at checkpoints
            _create_schema(db)
        except BaseException:
            db.close()
            raise
        return db

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
        response headers and body); the plan's secret variables are always among them. The
        response body also has the values of secret-named fields masked (body_redaction)."""
        from workbench.core.send.signing import redact_headers

        hidden = set(hidden or ()) | _secret_values_of(plan)
        inspection = exchange.inspection
        response = exchange.response
        body, truncated, headers = b"", False, None
        if response is not None:
            body = redact_body(response.body[: self.entry_body_cap], hidden)
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
        with self._lock, _failing_as(self.path):
            return self._again_if_dropped(lambda: self._insert(row))

    def _insert(self, row) -> int:
        with self._db:
            entry_id = self._db.execute(
                "INSERT INTO sends (time, environment, region, operation, method, url, draft, sent, status, error, "
                "elapsed_ms, request_bytes, response_bytes, inspection, response_headers, response_body, body_truncated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row).lastrowid
            self._trim(entry_id)
        return entry_id

    def _trim(self, newest: int) -> None:
        """Over a cap: drop the oldest entries in one batch, down to 7/8 of it (never `newest`)."""
        entries, body_bytes = self._db.execute("SELECT entries, body_bytes FROM totals").fetchone()
        if entries <= self.entry_cap and body_bytes <= self.total_cap:
            return
        drop_entries = entries - (self.entry_cap - self.entry_cap // TRIM_SLACK) if entries > self.entry_cap else 0
        free_bytes = body_bytes - (self.total_cap - self.total_cap // TRIM_SLACK) if body_bytes > self.total_cap else 0
        last, dropped, freed = None, 0, 0
        oldest = self._db.execute("SELECT id, COALESCE(LENGTH(response_body), 0) FROM sends WHERE id < ? ORDER BY id",
                                  (newest,))
        for entry_id, size in oldest:  # stepped lazily: reads only the rows that go
            if dropped >= drop_entries and freed >= free_bytes:
                break
            last, dropped, freed = entry_id, dropped + 1, freed + size
        oldest.close()
        if last is not None:
            self._db.execute("DELETE FROM sends WHERE id <= ?", (last,))

    def _again_if_dropped(self, action):
        """`action()`, once more after creating the schema again if a table was dropped."""
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):
                raise
        _create_schema(self._db)
        self.notes.append("the history's tables were missing: created again")
        return action()

    # ---- reading

    def list(self, limit: int = 50, *, before: int | None = None, environment: str | None = None,
             operation: str | None = None, status_class: str | None = None) -> list[HistoryEntry]:
        """The newest `limit` entries, newest first: older than the entry `before` when given,
        only an environment's, an operation's, or a status class's ("2xx".."5xx", or
        "no response": no status) when given. A row that cannot be read is skipped (its id
        goes to `skipped`). Without their bodies (`response_body` None: up to 256 KiB each,
        and a list shows none of it): `get(id)` reads an entry whole."""
        where, params = [], []
        if before is not None:
            where.append("id < ?")
            params.append(_sqlite_int(before))
        if environment is not None:
            where.append("environment = ?")
            params.append(environment)
        if operation is not None:
            where.append("operation = ?")
            params.append(operation)
        if status_class is not None:  # as the index reads it
            where.append("COALESCE(status / 100, 0) = ?")
            params.append(STATUS_CLASSES[status_class])
        sql = f"SELECT {_LISTED} FROM sends {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY id DESC LIMIT ?"
        params.append(max(0, min(limit, 2**31)))
        with self._lock, _failing_as(self.path):
            rows = self._again_if_dropped(lambda: self._db.execute(sql, params).fetchall())
        entries, skipped = [], []
        for row in rows:
            try:
                entries.append(_entry(row, body=False))
            except HistoryEntryDamaged:
                skipped.append(row[0])
        self.skipped = tuple(skipped)
        return entries

    # ---- multi-page fetches (core.send.pages)

    def record_fetch(self, plan, exchange, pages, hidden=()) -> int:
        """Keep a multi-page fetch as one entry (`exchange`: the first page's request with the
        merged result, or the failing page's answer) and its `pages`; returns the entry's id."""
        hidden = set(hidden) | _secret_values_of(plan)
        entry_id = self.record(plan, exchange, hidden=hidden)
        with self._lock, _failing_as(self.path):
            record_pages(self._db, entry_id, pages, hidden)
        return entry_id

    def pages(self, entry_id: int) -> list[HistoryPage]:
        """The pages of entry `entry_id` in order ([] for a single send)."""
        with self._lock, _failing_as(self.path):
            rows = self._db.execute("SELECT entry_id, number, url, status, error, elapsed_ms, items, next_token, "
                                    "inspection, response_headers, response_body, body_truncated FROM pages "
                                    "WHERE entry_id = ? ORDER BY number", (entry_id,)).fetchall()
        return [page_from_row(row) for row in rows]

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

    def get(self, entry_id: int, *, body: bool = True) -> HistoryEntry:
        """One entry, whole; with `body=False` as `list` gives it (no body read)."""
        with self._lock, _failing_as(self.path):
            row = self._again_if_dropped(lambda: self._db.execute(
                f"SELECT {_COLUMNS if body else _LISTED} FROM sends WHERE id = ?", (_sqlite_int(entry_id),)).fetchone())
        if row is None:
            raise HistoryEntryNotFound(id=entry_id)
        return _entry(row, body=body)


def _create_schema(db: sqlite3.Connection) -> None:
    db.executescript(_SCHEMA)
    if db.execute("SELECT 1 FROM totals").fetchone() is None:  # a new file, or one from before the totals
        db.execute("INSERT INTO totals (id, entries, body_bytes) "
                   "SELECT 1, COUNT(*), COALESCE(SUM(LENGTH(response_body)), 0) FROM sends")
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _sqlite_int(value: int) -> int:
    """An id as SQLite can take it: one past the range matches nothing, as it should."""
    return max(-(2**63), min(int(value), 2**63 - 1))


@contextlib.contextmanager
def _failing_as(path: Path):
    try:
        yield
    except sqlite3.Error as exc:
        raise HistoryUnavailable(path=str(path), detail=str(exc)) from None


_COLUMNS = ("id, time, environment, region, operation, method, url, draft, sent, status, error, elapsed_ms, "
            "request_bytes, response_bytes, inspection, response_headers, response_body, body_truncated")
_LISTED = _COLUMNS.replace("response_body", "NULL")  # the same row without its body


def _json(text, entry_id: int, column: str):
    if text is None:
        return None
    return safe_json.loads(text, source=f"history entry {entry_id} ({column})")


def _entry(row, body: bool = True) -> HistoryEntry:
    (entry_id, when, environment, region, operation, method, url, draft, sent, status, error, elapsed_ms,
     request_bytes, response_bytes, inspection, headers, kept_body, truncated) = row
    try:
        return HistoryEntry(
            id=entry_id, time=float(when), environment=str(environment), region=str(region),
            operation=str(operation), method=str(method), url=str(url),
            draft=RequestDraft.from_dict(_json(draft, entry_id, "draft"), where=f"history entry {entry_id}"),
            sent=bool(sent), status=status, error=_json(error, entry_id, "error") if error else None,
            elapsed_ms=elapsed_ms, request_bytes=request_bytes, response_bytes=response_bytes,
            inspection=_json(inspection, entry_id, "inspection"),
            response_headers=tuple((str(k), str(v)) for k, v in _json(headers, entry_id, "headers") or ()),
            response_body=bytes(kept_body or b"") if body else None, body_truncated=bool(truncated),
        )
    except (WorkbenchError, ValueError, TypeError, RecursionError) as exc:
        raise HistoryEntryDamaged(id=entry_id, detail=str(exc)) from None
