"""The history as it grows: each cost at N = 1, 1k, 10k, 100k kept entries, as a ratio to its
cost at N = 1 measured in the same run.

    .venv/bin/python benchmarks/bench_history_scale.py [LARGEST]

For each N a history file is filled with N entries like a real send's (copies of one
recorded row, 250-byte body: 100k of them stay under the 32 MiB cap: the filling is not
measured); then the measures below take turns over the N's (a load change on the shared
machine hits every N alike):
  record   HistoryStore.record of a GetApp send with a 250-byte body     (median of 300)
  list     the newest 200 (what the window loads)                      (median of 30)
  filter   the newest 50 of one status class ("4xx": one in 10 rows)  (median of 30)
  open     get(id) of the oldest entry                                 (median of 30)
and "at the cap": N entries whose bodies fill the 32 MiB total, so every record is over it
(trims come in batches: the median is a record without one, p95 shows the batch).
Goal: every row flat (1.0x; the machine is shared, ratios move by +-0.3). Nothing is asserted.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from pathlib import Path

from scale_table import run_and_print
from workbench.core.environments.credentials import Credentials
from workbench.core.environments.model import Environment
from workbench.core.request.drafts import RequestDraft
from workbench.core.send.history import TOTAL_CAP, HistoryStore
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.send.transport import Response

SIZES = (1, 1_000, 10_000, 100_000)
KEYS = Credentials("AKIDEXAMPLEBENCH001", "bench-secret-EXAMPLE", None, "test")
BODY = b'{"ApplicationResponse": {"Id": "p9", "Name": "' + b"n" * 200 + b'"}}'


def a_send(body: bytes = BODY, status: int = 200):
    plan = build_plan(RequestDraft(operation="GetApp", variables=(("projectId", "p9"),)),
                      Environment("dev", "eu-west-1", variables={"projectId": "p1"}))
    signed = run_plan(plan, credentials=KEYS, environ={}, dry_run=True)
    response = Response(status, "OK", (("Content-Type", "application/json"),), body, size_bytes=len(body), elapsed_ms=5.0)
    return plan, replace(signed, sent=True, response=response)


def fill(path: Path, n: int, body_bytes: int) -> None:
    """n entries: one recorded, the others copied from it in SQL (every tenth a 404)."""
    with HistoryStore(path) as store:
        store.record(*a_send(b"x" * body_bytes))
        db = store._db
        db.execute("BEGIN")
        db.execute("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?) "
                   "INSERT INTO sends (time, environment, region, operation, method, url, draft, sent, status, error, "
                   "elapsed_ms, request_bytes, response_bytes, inspection, response_headers, response_body, body_truncated) "
                   "SELECT time, environment, region, operation, method, url, draft, sent, "
                   "CASE WHEN k.i % 10 = 0 THEN 404 ELSE status END, error, elapsed_ms, request_bytes, response_bytes, "
                   "inspection, response_headers, response_body, body_truncated FROM sends, k WHERE sends.id = 1",
                   (n - 1,))
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as a history left by earlier sessions


def sample(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


ROUNDS = 30  # samples of each measure; rounds go over every N in turn, so load changes hit all alike


def measure_all(directory: Path, sizes) -> dict:
    send = a_send()
    stores, samples = {}, {n: {} for n in sizes}
    for n in sizes:
        fill(directory / f"h{n}.sqlite3", n, len(BODY))
        fill(directory / f"capped{n}.sqlite3", n, TOTAL_CAP // n)  # the bodies fill the cap whatever n is
        store = HistoryStore(directory / f"h{n}.sqlite3")
        capped = HistoryStore(directory / f"capped{n}.sqlite3", entry_body_cap=TOTAL_CAP)
        oldest = store._db.execute("SELECT MIN(id) FROM sends").fetchone()[0]
        stores[n] = (store, capped, oldest)
    for _ in range(ROUNDS):  # reading first: at 100k, records reach the entry cap and trim the oldest
        for n in sizes:
            store, capped, oldest = stores[n]
            for name, fn in (("list", lambda: store.list(200)), ("filter", lambda: store.list(50, status_class="4xx")),
                             ("open", lambda: store.get(oldest))):
                samples[n].setdefault(name, []).append(sample(fn))
    for _ in range(ROUNDS * 10):
        for n in sizes:
            store, capped, _ = stores[n]
            samples[n].setdefault("record", []).append(sample(lambda: store.record(*send)))
            samples[n].setdefault("at the cap", []).append(sample(lambda: capped.record(*send)))
    for store, capped, _ in stores.values():
        store.close()
        capped.close()
    results = {}
    for n in sizes:
        results[n] = {}
        for name, values in samples[n].items():
            values.sort()
            results[n][name] = statistics.median(values)
            if name in ("record", "at the cap"):
                results[n][f"{name} p95"] = values[int(len(values) * 0.95)]
    return results


def main() -> None:
    run_and_print(measure_all, SIZES, "history, one file",
                  "list and filter: to N = 1,000, the first N with a full page to return",
                  lambda name: name in ("list", "filter"))


if __name__ == "__main__":
    main()
