"""An environment edit through the environment service (lock, re-read, check every rule,
change one field, save atomically), as a ratio to the floor: the same file re-read and
written atomically with nothing checked, for 1, 100 and 1000 environments in the file.
Printed, never asserted.

    .venv/bin/python benchmarks/bench_env_service.py [ROUNDS]

The service re-reads the whole file under its lock on every change (so the window and a
terminal never lose each other's changes), so a change costs in the size of the file; the
ratio says what the checks and the model add on top of that read and write.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workbench.core.common.storage import atomic_write_json, file_lock, load_json_versioned
from workbench.core.environments.service import EnvironmentService
from workbench.core.environments.store import EnvironmentStore

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 30


def filled(path: Path, count: int) -> EnvironmentService:
    service = EnvironmentService(EnvironmentStore(path), {})
    environments = [{"name": f"env-{i:04d}", "region": "eu-west-1" if i % 2 else "us-east-1",
                     "account_id": "123456789012", "variables": {"projectId": f"p-{i}", "segmentId": f"s-{i}"},
                     "hosts": {"pinpoint": f"vpce-{i}.pinpoint.example.internal"},
                     "confirmed_hosts": [f"vpce-{i}.pinpoint.example.internal"]} for i in range(count)]
    atomic_write_json(path, {"schema_version": 1, "environments": environments})
    service.store.reload()
    return service


def floor(path: Path) -> None:
    with file_lock(path):
        data = load_json_versioned(path, 1, {}).data
        data["environments"][0]["account_id"] = "210987654321"
        atomic_write_json(path, data, private=True)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    print(f"environment edit via the service vs re-read + atomic write of the same file, {ROUNDS} rounds")
    print(f"{'environments':>12}  {'service ms':>10}  {'floor ms':>8}  {'ratio':>5}")
    for count in (1, 100, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "environments.json"
            service = filled(path, count)
            ours, base = [], []
            gc.disable()
            for round_ in range(ROUNDS):  # interleaved: drift lands on both alike
                account = "111111111111" if round_ % 2 else "222222222222"
                start = time.perf_counter()
                service.edit("env-0000", {"account_id": account})
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                floor(path)
                base.append(time.perf_counter() - start)
            gc.enable()
            print(f"{count:>12}  {median_ms(ours):>10.2f}  {median_ms(base):>8.2f}  "
                  f"{median_ms(ours) / median_ms(base):>5.1f}x")


if __name__ == "__main__":
    main()
