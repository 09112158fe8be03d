"""What a lesson costs beyond its own sends, against a floor measured in the same run.

    .venv/bin/python benchmarks/bench_tutorials.py [ROUNDS]

One in-process `SandboxServer`, one send service over temporary stores.

  loading    `load_tutorials()` (parse, validate every check's JMESPath and pattern, cross-check
             operations, variants, drafts and guide entries) against the floor: `json.loads`
             of the same files.
  running    per lesson, `run_tutorial` (send every step, read the event log, diagnose, check,
             carry) against the floor: the same drafts, with the same values, sent through the
             same `SendSession.send` and nothing else. The ratio is the engine's overhead.

Printed: medians (and p95) and the ratios. Nothing is asserted.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time

from workbench.core.sandbox.server import SandboxServer
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace
from workbench.core.tutorials import TUTORIALS_DIR, load_tutorials, run_tutorial, step_signing

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def summary(samples) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered):8.1f} ms  p95 {p95:8.1f} ms"


def main() -> None:
    files = sorted(TUTORIALS_DIR.glob("*.json"))
    load_tutorials()  # warm: the library and the catalogue are cached after the first read
    parse = [timed(lambda: [json.loads(f.read_text(encoding="utf-8")) for f in files]) for _ in range(ROUNDS * 4)]
    load = [timed(load_tutorials) for _ in range(ROUNDS * 4)]
    print(f"loading {len(files)} lessons")
    print(f"  json.loads (floor)  {summary(parse)}")
    print(f"  load_tutorials      {summary(load)}  {statistics.median(load) / statistics.median(parse):6.1f}x")

    lessons = load_tutorials().tutorials
    tmp = tempfile.mkdtemp()
    environ = {"XDG_CONFIG_HOME": f"{tmp}/config", "XDG_DATA_HOME": f"{tmp}/data", "HOME": tmp,
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    with SandboxServer() as sandbox:
        service = SendService(Workspace.from_environ(environ, sandbox_url=lambda: sandbox.url))
        with service.open("sandbox") as session:
            print("running each lesson (the floor: its drafts sent through the send service, nothing checked)")
            for tutorial in lessons:
                engine, floor = [], []
                for _ in range(ROUNDS):
                    holder = {}
                    engine.append(timed(lambda: holder.setdefault("run", run_tutorial(tutorial, session))))
                    values = holder["run"].variables
                    values.update({k: v for line in holder["run"].steps if line.outcome for k, v in line.outcome.carried.items()})
                    drafts = [(s.draft(values), step_signing(tutorial, s, session.environment)) for s in tutorial.steps if s.sends]
                    floor.append(timed(lambda: [session.send(d, keep_saves=False, credentials=g.credentials,
                                                              signed_at=g.signed_at()) for d, g in drafts]))
                ratio = statistics.median(engine) / statistics.median(floor)
                print(f"  {tutorial.id:<18} floor {summary(floor)}   engine {summary(engine)}  {ratio:5.2f}x")
        service.workspace.close()


if __name__ == "__main__":
    main()
