"""The sandbox's kept state as it grows: each cost at N = 1, 1k, 10k, 100k opted-out numbers,
as a ratio to its cost at N = 1 measured in the same run.

    .venv/bin/python benchmarks/bench_sandbox_scale.py [LARGEST]

For each N, a state directory is filled with N opted-out numbers (in one transaction: the
filling is not measured); then, in process (the emulation's handlers, no HTTP), the measures
take turns over the N's (a load change on the shared machine hits every N alike):
  write    PutOptedOutNumber, committed                       (median of 50)
  restart  open the state + the emulation + the first write    (median of 7 fresh opens)
  page     DescribeOptedOutNumbers, 50 a page: the first page, and the last 50 (their
           NextToken from one page of all the others)             (median of 50)
Goal: every row flat (1.0x; the machine is shared, ratios move by +-0.3). Nothing is asserted.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from scale_table import run_and_print
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


def sample(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


ROUNDS = 50  # rounds go over every N in turn, so a load change on the shared machine hits all alike


def measure_all(directory: Path, sizes) -> dict:
    samples = {n: {"write": [], "restart": [], "first page": [], "last page": []} for n in sizes}
    opened, deep = {}, {}
    for n in sizes:
        fill(directory / str(n), n)
        store, sms = open_sms(directory / str(n))
        deep[n] = sms.handle("DescribeOptedOutNumbers", {"OptOutListName": "Default", "MaxResults": max(1, n - 50)})
        opened[n] = (store, sms)
    counter = 0
    for _ in range(ROUNDS):
        for n in sizes:
            store, sms = opened[n]
            counter += 1
            number = f"+1360{counter:07d}"
            samples[n]["write"].append(sample(lambda: sms.handle(
                "PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": number})))
            samples[n]["first page"].append(sample(lambda: sms.handle(
                "DescribeOptedOutNumbers", {"OptOutListName": "Default", "MaxResults": 50})))
            token = deep[n].get("NextToken")
            samples[n]["last page"].append(sample(lambda: sms.handle(
                "DescribeOptedOutNumbers", {"OptOutListName": "Default", "MaxResults": 50,
                                            **({"NextToken": token} if token else {})})))
    for store, _ in opened.values():
        store.close()
    for round_ in range(7):
        for n in sizes:
            def restart():
                store, sms = open_sms(directory / str(n))
                sms.handle("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": f"+1425{round_:07d}"})
                store.close()
            samples[n]["restart"].append(sample(restart))
    return {n: {name: statistics.median(values) for name, values in by_name.items()} for n, by_name in samples.items()}


def main() -> None:
    run_and_print(measure_all, SIZES, "sandbox state, in process",
                  "pages: to N = 1,000, the first N whose pages are full: at N = 1 they hold the few numbers written",
                  lambda name: "page" in name)


if __name__ == "__main__":
    main()
