"""The headless runner against raw botocore on the same folder, same sandbox, same run.

    .venv/bin/python benchmarks/bench_runner.py [ROUNDS]

One in-process `SandboxServer`. The folder is the guide's tutorial flow: GetApps, CreateApp
(saving its Id), GetApp, DeleteApp. Each round runs it once per way, in a rotated order:

  botocore   a botocore client (`session.create_client("pinpoint", endpoint_url=sandbox)`):
             serialize, sign, send over a pooled connection, parse; the Id passed by hand;
  runner     `runner.run_steps` over the four drafts in one send-service session (as `run`
             does): plan (render + validate), sign, send, record in the history (a
             temporary one), extract the saved value, check the assertions.

  newman     (when `newman` is on PATH or NEWMAN names it, e.g. after
             `npm install --prefix /tmp/nm newman`, NEWMAN=/tmp/nm/node_modules/.bin/newman):
             the same folder exported with `export_collection` (saves and assertions become
             Postman test scripts), ROUNDS iterations in one newman process; its per-request
             time comes from newman's own run timings, so node's start-up is not counted.

Printed: median / p95 per request for each way and the ratios to botocore (the issue's
goal: the runner within 1.2x; newman measured 1.6x). Nothing is asserted.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import botocore.session

from workbench.core.environments.credentials import SANDBOX_CREDENTIALS
from workbench.core.request.drafts import Assertion, RequestDraft
from workbench.core.environments.model import sandbox_environment
from workbench.core.send.runner import RunStep, run_steps
from workbench.core.sandbox.server import SandboxServer
from workbench.core.environments.sandbox_identity import SANDBOX_REGION

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


def runner_round(service) -> None:
    with service.open("sandbox") as session:
        report = run_steps("bench", FOLDER, session)
    assert report.ok, report.to_dict()


def send_service(sandbox_url: str, folder: str):
    """The send service over a throwaway workspace whose sandbox is `sandbox_url`."""
    from workbench.core.send.service import SendService
    from workbench.core.send.workspace import Workspace

    environ = {"PINPOINT_WORKBENCH_CONFIG_DIR": f"{folder}/config", "PINPOINT_WORKBENCH_DATA_DIR": f"{folder}/data",
               "HOME": folder, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return SendService(Workspace.from_environ(environ, sandbox_url=lambda: sandbox_url))


def newman_per_request(newman: str, env, rounds: int) -> float | None:
    """Median-free: newman reports one total; the mean per request over `rounds` iterations."""
    from workbench.core.interop.postman_export import export_collection, export_environment

    collection = export_collection("bench", [(s.folder, s.draft) for s in FOLDER])
    for item in collection["item"][0]["item"]:
        url = item["request"]["url"]
        url["protocol"] = "http"
        url["raw"] = "http" + url["raw"][len("https"):]
    environment = export_environment(env)
    for value in environment["values"]:
        if value["key"] == "accessKey":
            value["value"] = SANDBOX_CREDENTIALS.access_key_id
        elif value["key"] == "secretAccessKey":
            value["value"] = SANDBOX_CREDENTIALS.secret_access_key
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: Path(tmp) / f"{name}.json" for name in ("collection", "environment", "report")}
        paths["collection"].write_text(json.dumps(collection))
        paths["environment"].write_text(json.dumps(environment))
        done = subprocess.run([newman, "run", str(paths["collection"]), "-e", str(paths["environment"]), "-n", str(rounds),
                               "--reporters", "json", "--reporter-json-export", str(paths["report"])],
                              capture_output=True, text=True, timeout=900)
        if not paths["report"].exists():
            print(f"  newman did not run: {done.stderr.strip()[:300]}")
            return None
        run = json.loads(paths["report"].read_text())["run"]
    failed = run["stats"]["requests"]["failed"] + run["stats"]["assertions"]["failed"]
    if failed or run["failures"]:
        print(f"  newman: {len(run['failures'])} failures, e.g. {run['failures'][0]['error']['message'] if run['failures'] else ''}")
    requests = run["stats"]["requests"]["total"]
    return (run["timings"]["completed"] - run["timings"]["started"]) / 1000 / requests


def main() -> None:
    with SandboxServer() as sandbox, tempfile.TemporaryDirectory() as folder:
        service = send_service(sandbox.url, folder)
        session = botocore.session.get_session()
        client = session.create_client(
            "pinpoint", region_name=SANDBOX_REGION, endpoint_url=sandbox.url,
            aws_access_key_id=SANDBOX_CREDENTIALS.access_key_id, aws_secret_access_key=SANDBOX_CREDENTIALS.secret_access_key,
        )
        ways = {"botocore": lambda: botocore_round(client), "runner": lambda: runner_round(service)}
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
        service.workspace.close()
    print(f"{ROUNDS} rounds of {len(FOLDER)} requests (GetApps, CreateApp, GetApp, DeleteApp) against the sandbox")
    for name in names:
        values = sorted(times[name])
        p95 = values[int(len(values) * 0.95) - 1]
        print(f"  {name:<9} median {statistics.median(values) * 1000:7.2f} ms/request   p95 {p95 * 1000:7.2f} ms")
    ratio = statistics.median(times["runner"]) / statistics.median(times["botocore"])
    print(f"  runner / botocore (median per request): {ratio:.2f}x   (goal 1.2x; newman was 1.6x)")
    newman = os.environ.get("NEWMAN") or shutil.which("newman")
    if newman:
        with SandboxServer() as sandbox:
            per_request = newman_per_request(newman, sandbox_environment(sandbox.url), ROUNDS)
        if per_request is not None:
            botocore_mean = statistics.mean(times["botocore"])
            print(f"  newman    mean   {per_request * 1000:7.2f} ms/request   (botocore mean {botocore_mean * 1000:.2f} ms)")
            print(f"  newman / botocore (mean per request): {per_request / botocore_mean:.2f}x")
    else:
        print("  newman: not found (set NEWMAN=/path/to/newman to compare)")


if __name__ == "__main__":
    main()
