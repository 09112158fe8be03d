"""The headless runner against raw botocore on the same folder, same sandbox, same run.

    .venv/bin/python benchmarks/bench_runner.py [ROUNDS]

One in-process `SandboxServer`. The folder is the guide's tutorial flow: GetApps, CreateApp
(saving its Id), GetApp, DeleteApp. Each round runs it once per way, in a rotated order:

  botocore   a botocore client (`session.create_client("pinpoint", endpoint_url=sandbox)`):
             serialize, sign, send over a pooled connection, parse; the Id passed by hand;
  runner     `runner.run_steps` over the four drafts: plan (render + validate), sign, send,
             extract the saved value, check the assertions.

Printed: median / p95 per request for each way and the runner/botocore ratio (the issue's
goal: within 1.2x; newman measured 1.6x on the same folder). Nothing is asserted.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time

import botocore.session

from workbench.core.credentials import SANDBOX_CREDENTIALS
from workbench.core.drafts import Assertion, RequestDraft
from workbench.core.environments import sandbox_environment
from workbench.core.runner import RunStep, run_steps
from workbench.core.sandbox.server import SandboxServer
from workbench.core.sandbox_identity import SANDBOX_REGION

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
WARMUP = 5
FOLDER = [
    RunStep(("Apps",), RequestDraft(name="GetApps", operation="pinpoint:GetApps", assertions=(Assertion("status", expected=200),))),
    RunStep(("Apps",), RequestDraft(name="CreateApp", operation="pinpoint:CreateApp", body=json.dumps({"Name": "bench"}),
                                    saves=(("projectId", "Id"),), assertions=(Assertion("status", expected=201),))),
    RunStep(("Apps",), RequestDraft(name="GetApp", operation="pinpoint:GetApp", assertions=(Assertion("equals", "Name", "bench"),))),
    RunStep(("Apps",), RequestDraft(name="DeleteApp", operation="pinpoint:DeleteApp", assertions=(Assertion("status", expected=200),))),
]


def botocore_round(client) -> None:
    client.get_apps()
    app_id = client.create_app(CreateApplicationRequest={"Name": "bench"})["ApplicationResponse"]["Id"]
    assert client.get_app(ApplicationId=app_id)["ApplicationResponse"]["Name"] == "bench"
    client.delete_app(ApplicationId=app_id)


def runner_round(env) -> None:
    report = run_steps("bench", FOLDER, env, SANDBOX_CREDENTIALS)
    assert report.ok, report.to_dict()


def main() -> None:
    with SandboxServer() as sandbox:
        env = sandbox_environment(sandbox.url)
        session = botocore.session.get_session()
        client = session.create_client(
            "pinpoint", region_name=SANDBOX_REGION, endpoint_url=sandbox.url,
            aws_access_key_id=SANDBOX_CREDENTIALS.access_key_id, aws_secret_access_key=SANDBOX_CREDENTIALS.secret_access_key,
        )
        ways = {"botocore": lambda: botocore_round(client), "runner": lambda: runner_round(env)}
        times: dict[str, list[float]] = {name: [] for name in ways}
        names = list(ways)
        for i in range(WARMUP + ROUNDS):
            order = names[i % len(names):] + names[: i % len(names)]
            for name in order:
                gc.collect()
                start = time.perf_counter()
                ways[name]()
                elapsed = (time.perf_counter() - start) / len(FOLDER)
                if i >= WARMUP:
                    times[name].append(elapsed)
    print(f"{ROUNDS} rounds of {len(FOLDER)} requests (GetApps, CreateApp, GetApp, DeleteApp) against the sandbox")
    for name in names:
        values = sorted(times[name])
        p95 = values[int(len(values) * 0.95) - 1]
        print(f"  {name:<9} median {statistics.median(values) * 1000:7.2f} ms/request   p95 {p95 * 1000:7.2f} ms")
    ratio = statistics.median(times["runner"]) / statistics.median(times["botocore"])
    print(f"  runner / botocore (median per request): {ratio:.2f}x   (goal 1.2x; newman was 1.6x)")


if __name__ == "__main__":
    main()
