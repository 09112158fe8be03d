"""The whole send path against the local sandbox, as ratios to raw botocore in the same run.

    .venv/bin/python benchmarks/bench_send_path.py [N]

One in-process `SandboxServer`; GetApps, then CreateApp, N times each (default 200) per way.
The ways are interleaved: every iteration runs each way once, in a rotated order, so drift
(moto's state, CPU frequency, GC) lands on all of them alike.

Ways (each to the verifying front, and straight to the sandbox's moto server):
  floor pooled   `AWSRequest` + `SigV4Auth.add_auth` + botocore's `URLLib3Session.send`,
                 connection kept alive and reused, botocore's default socket options (no
                 TCP_NODELAY): what a boto3 client pointed at the sandbox does;
  floor nodelay  the same, pooled, with TCP_NODELAY on the client socket;
  floor fresh    the same with `Connection: close` added after signing: one TCP connection
                 per request;
  wb fresh       what every front end runs: `plan.build_plan(draft, env)` (render, validate,
                 notes, destination check) + `plan.run_plan(plan, credentials=...)` (sign +
                 `transport.send`), one connection per request (SendOptions(keep_alive=False)):
                 compared with floor fresh; per-step samples split plan / sign+send;
  wb pooled      the same with the transport's kept-alive connections (TCP_NODELAY, like
                 floor nodelay): compared with floor nodelay and floor pooled.

Straight to moto, the request carries the real API host (`pinpoint.us-east-1.amazonaws.com`)
in its signed Host header, as the front sets it when forwarding; moto needs it to pick the
backend. Everything is printed as median / p95 per request and ratios; nothing is asserted.
"""

from __future__ import annotations

import gc
import socket
import statistics
import sys
import time
from collections import defaultdict

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials as BotocoreCredentials
from botocore.httpsession import URLLib3Session

from workbench.core.send import transport
from workbench.core.environments.credentials import SANDBOX_CREDENTIALS
from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import sandbox_environment
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.environments.sandbox_identity import SANDBOX_REGION
from workbench.core.sandbox.server import SandboxServer

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
WARMUP = 10
SIGNING_NAME = "mobiletargeting"
TARGET = 1.15  # the target: workbench within 1.15x of the floor
PINPOINT_HOST = f"pinpoint.{SANDBOX_REGION}.amazonaws.com"


def moto_url(sandbox: SandboxServer) -> str:
    # Private attribute: the SandboxServer has no public accessor for its moto server.
    host, port = sandbox._moto.address
    return f"http://{host}:{port}"


class Floor:
    """Raw botocore: AWSRequest + SigV4Auth.add_auth + URLLib3Session."""

    def __init__(self, base_url: str, host_header: str | None, fresh_connection: bool,
                 nodelay: bool = False):
        creds = SANDBOX_CREDENTIALS
        self.signer = SigV4Auth(BotocoreCredentials(creds.access_key_id, creds.secret_access_key,
                                                    creds.session_token), SIGNING_NAME, SANDBOX_REGION)
        options = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)] if nodelay else None
        self.session = URLLib3Session(socket_options=options)
        self.base_url = base_url
        self.host_header = host_header
        self.fresh = fresh_connection

    def __call__(self, method: str, body: bytes | None) -> int:
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.host_header:
            headers["Host"] = self.host_header
        request = AWSRequest(method=method, url=self.base_url + "/v1/apps", headers=headers,
                             data=body)
        self.signer.add_auth(request)
        if self.fresh:
            request.headers["Connection"] = "close"  # unsigned; framing only
        response = self.session.send(request.prepare())
        response.content  # read it all
        return response.status_code


class Workbench:
    """plan.build_plan + plan.run_plan, as the CLI and the window run them; per-step samples."""

    def __init__(self, base_url: str, host_header: str | None, keep_alive: bool):
        self.options = transport.SendOptions(keep_alive=keep_alive)
        self.env = sandbox_environment(base_url)
        self.operations = {"GET": "pinpoint:GetApps", "POST": "pinpoint:CreateApp"}
        self.extra = (("Host", host_header),) if host_header else ()
        self.steps: dict[str, list[float]] = defaultdict(list)

    def __call__(self, method: str, body: bytes | None) -> int:
        t0 = time.perf_counter()
        draft = RequestDraft(operation=self.operations[method], headers=self.extra,
                             body=body.decode() if body is not None else None)
        plan = build_plan(draft, self.env)
        t1 = time.perf_counter()
        exchange = run_plan(plan, credentials=SANDBOX_CREDENTIALS, environ={}, options=self.options)
        t2 = time.perf_counter()
        self.steps["plan"].append(t1 - t0)
        self.steps["sign + send"].append(t2 - t1)
        return exchange.response.status


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def run(ways: dict, method: str, n: int) -> dict[str, list[float]]:
    names = list(ways)
    samples: dict[str, list[float]] = {name: [] for name in names}
    counter = iter(range(10**9))

    def body() -> bytes | None:
        return f'{{"Name": "bench-{next(counter)}"}}'.encode() if method == "POST" else None

    expected = 201 if method == "POST" else 200
    for i in range(WARMUP):
        for name in names:
            status = ways[name](method, body())
            assert status == expected, f"{name} {method}: HTTP {status}"
    for way in ways.values():
        if isinstance(way, Workbench):
            way.steps.clear()
    gc.collect()
    for i in range(n):
        order = names[i % len(names):] + names[:i % len(names)]
        for name in order:
            payload = body()
            start = time.perf_counter()
            status = ways[name](method, payload)
            samples[name].append(time.perf_counter() - start)
            if status != expected:
                raise SystemExit(f"{name} {method}: HTTP {status}")
    return samples


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.3f}"


def report(title: str, samples: dict[str, list[float]], ways: dict) -> None:
    med = {k: statistics.median(v) for k, v in samples.items()}
    print(f"\n== {title}: {N} requests per way, ms per request ==")
    print(f"{'way':34} {'median':>8} {'p95':>8}")
    for name, values in samples.items():
        print(f"{name:34} {ms(med[name])} {ms(p95(values))}")
        way = ways[name]
        if isinstance(way, Workbench):
            for step, vals in way.steps.items():
                print(f"  {'- ' + step:32} {ms(statistics.median(vals))} {ms(p95(vals))}")
    print("ratios (medians):")
    for where in ("front", "moto"):
        for ours, floor in (("wb fresh", "floor fresh"), ("wb pooled", "floor nodelay"), ("wb pooled", "floor pooled")):
            ratio = med[f"{where}: {ours}"] / med[f"{where}: {floor}"]
            verdict = "MET" if ratio <= TARGET else "NOT met"
            print(f"  {where:5} {ours:9} / {floor:13} {ratio:6.2f}x   target <= {TARGET}x: {verdict}")
    for way in ("floor pooled", "floor nodelay", "floor fresh", "wb fresh", "wb pooled"):
        print(f"  via front / straight to moto, {way:13}    "
              f"{med[f'front: {way}'] / med[f'moto: {way}']:6.2f}x"
              f"  (+{(med[f'front: {way}'] - med[f'moto: {way}']) * 1000:.3f} ms)")


def main() -> None:
    with SandboxServer() as sandbox:
        front, moto = sandbox.url, moto_url(sandbox)
        ways = {
            "front: floor pooled": Floor(front, None, fresh_connection=False),
            "front: floor nodelay": Floor(front, None, fresh_connection=False, nodelay=True),
            "front: floor fresh": Floor(front, None, fresh_connection=True),
            "front: wb fresh": Workbench(front, None, keep_alive=False),
            "front: wb pooled": Workbench(front, None, keep_alive=True),
            "moto: floor pooled": Floor(moto, PINPOINT_HOST, fresh_connection=False),
            "moto: floor nodelay": Floor(moto, PINPOINT_HOST, fresh_connection=False, nodelay=True),
            "moto: floor fresh": Floor(moto, PINPOINT_HOST, fresh_connection=True),
            "moto: wb fresh": Workbench(moto, PINPOINT_HOST, keep_alive=False),
            "moto: wb pooled": Workbench(moto, PINPOINT_HOST, keep_alive=True),
        }
        print(f"sandbox front {front}, moto {moto}; python {sys.version.split()[0]}")
        # A few apps so GetApps returns something; GetApps runs before CreateApp so its
        # answer does not grow during the measurement.
        for i in range(3):
            ways["front: floor pooled"]("POST", f'{{"Name": "seed-{i}"}}'.encode())
        get = run(ways, "GET", N)
        report("GetApps", get, ways)
        for way in ways.values():
            if isinstance(way, Workbench):
                way.steps.clear()
        create = run(ways, "POST", N)
        report("CreateApp", create, ways)


if __name__ == "__main__":
    main()
