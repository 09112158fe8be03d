"""The account health check's wall time against the same calls sent one after another, same
sandbox, same run.

    .venv/bin/python benchmarks/bench_health.py [ROUNDS]

One in-process `SandboxServer` with 10 projects, a few phone numbers and a configuration
set (so the per-project calls fan out: about 90 calls in all). Each round runs the check
twice, in a rotated order:

  one after another   `run_health(..., workers=1)`: every call in turn (every page of each);
  concurrent          `run_health(...)` as the command line and the window run it (8 workers).

Both make the same calls through the send service (each one signed, recorded in the history
and diagnosed). Printed: median / p95 wall time of each and the ratio (concurrent /
sequential; below 1 is the gain). On this shared 2-core machine the sandbox serves the calls
from the same process, so the gain is bounded by its CPU, not by the network as against AWS.
Nothing is asserted.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time

from workbench.core.health import run_health
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox.server import SandboxServer
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 7


def seed(session) -> None:
    for i in range(10):
        session.send(RequestDraft(operation="pinpoint:CreateApp", body=f'{{"Name": "bench-{i}"}}'), record=False)
    for kind in ("SIMULATOR", "TOLL_FREE", "LONG_CODE"):
        body = ('{"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"], '
                f'"NumberType": "{kind}"}}')
        session.send(RequestDraft(operation="pinpoint-sms-voice-v2:RequestPhoneNumber", body=body), record=False)
    session.send(RequestDraft(operation="pinpoint-sms-voice-v2:CreateConfigurationSet",
                              body='{"ConfigurationSetName": "bench"}'), record=False)


def main() -> None:
    with SandboxServer() as server, tempfile.TemporaryDirectory() as home:
        environ = {"XDG_CONFIG_HOME": f"{home}/c", "XDG_DATA_HOME": f"{home}/d", "HOME": home,
                   "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        workspace = Workspace.from_environ(environ, sandbox_url=lambda: server.url)
        service = SendService(workspace)
        with service.open("sandbox") as session:
            seed(session)

        def check(workers: int):  # one session per check, as `health` opens one per command
            with service.open("sandbox") as session:
                return run_health(session, workers=workers)

        ways = {"one after another": lambda: check(1), "concurrent": lambda: check(8)}
        calls = len(check(8).calls)  # warm up: models, templates, connections
        times = {way: [] for way in ways}
        order = list(ways)
        for round_ in range(ROUNDS):
            for way in order[round_ % 2:] + order[:round_ % 2]:
                started = time.perf_counter()
                ways[way]()
                times[way].append(time.perf_counter() - started)
        workspace.close()
    print(f"health check: {calls} calls, {ROUNDS} rounds")
    floor = statistics.median(times["one after another"])
    for way, values in times.items():
        values.sort()
        median, p95 = statistics.median(values), values[int(0.95 * (len(values) - 1))]
        print(f"  {way:<18} median {median * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms   {median / floor:5.2f}x one after another")


if __name__ == "__main__":
    main()
