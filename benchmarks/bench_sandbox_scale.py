"""The sandbox's kept state as it grows: each cost at N = 1, 1k, 10k, 100k opted-out numbers,
as a ratio to its cost at N = 1 measured in the same run.

    .venv/bin/python benchmarks/bench_sandbox_scale.py [LARGEST]

For each N, a fresh state directory is filled with N opted-out numbers (in one transaction:
the filling is not measured), then, in process (the emulation's handlers, no HTTP):
  write    PutOptedOutNumber, committed                       (median of 200)
  restart  open the state + the emulation + the first write    (median of 7 fresh opens)
  page     DescribeOptedOutNumbers, 50 a page: the first page, and the last page (its
           NextToken from one page of all the others)             (median of 50)
Goal: every row flat (1.0x; the machine is shared, ratios move by +-0.3). Nothing is asserted.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from workbench.core.sandbox.events import EventLog
from workbench.core.sandbox.smsv2 import SmsVoiceV2
from workbench.core.sandbox.store import SandboxStore

SIZES = (1, 1_000, 10_000, 100_000)


def open_sms(directory: Path):
    store = SandboxStore(directory)
    return store, SmsVoiceV2(store, EventLog(store.events_path, 1 << 30))


def fill(directory: Path, n: int) -> None:
    store, sms = open_sms(directory)
    with store.lock:
        numbers = sms.state["opt_out_lists"]["Default"]["Numbers"]
        for i in range(n):
            numbers[f"+1206{i:07d}"] = {"OptedOutTimestamp": 1.0, "EndUserOptedOut": False}
        store.save()
    store.close()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(directory: Path, n: int) -> dict:
    fill(directory, n)
    restarts = []
    for i in range(7):
        start = time.perf_counter()
        store, sms = open_sms(directory)
        sms.handle("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": f"+1425{i:07d}"})
        restarts.append(time.perf_counter() - start)
        store.close()
    store, sms = open_sms(directory)
    writes = []
    for i in range(200):
        start = time.perf_counter()
        sms.handle("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": f"+1360{i:07d}"})
        writes.append(time.perf_counter() - start)
    size, total = 50, n + 7 + 200
    deep = sms.handle("DescribeOptedOutNumbers", {"OptOutListName": "Default", "MaxResults": total - size})
    first, last = [], []
    for _ in range(50):
        start = time.perf_counter()
        sms.handle("DescribeOptedOutNumbers", {"OptOutListName": "Default", "MaxResults": size})
        first.append(time.perf_counter() - start)
        start = time.perf_counter()
        page = sms.handle("DescribeOptedOutNumbers", {"OptOutListName": "Default", "MaxResults": size,
                                                      "NextToken": deep["NextToken"]})
        last.append(time.perf_counter() - start)
    assert len(page["OptedOutNumbers"]) == size and "NextToken" not in page
    store.close()
    return {"write": median_ms(writes), "restart": median_ms(restarts), "first page": median_ms(first),
            "last page": median_ms(last)}


def main() -> None:
    largest = int(sys.argv[1]) if len(sys.argv) > 1 else SIZES[-1]
    sizes = [n for n in SIZES if n <= largest]
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        measure(Path(tmp), sizes[0])  # warm up: imports, caches
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            rows[n] = measure(Path(tmp), n)
    base = rows[sizes[0]]
    print("sandbox state, in process; medians in ms, and as a ratio to N = 1 (goal: flat)\n")
    print(f"{'':<12}" + "".join(f"{f'N = {n:,}':>22}" for n in sizes))
    for name in base:
        cells = "".join(f"{rows[n][name]:9.2f} ms {rows[n][name] / base[name]:6.2f}x  " for n in sizes)
        print(f"{name:<12}{cells}")


if __name__ == "__main__":
    main()
