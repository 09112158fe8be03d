"""Command-line start-up, whole process, as ratios to floors measured in the same run.

    .venv/bin/python benchmarks/bench_startup.py [REPEATS]

Each row runs a command and its floor REPEATS times each (default 15), alternating, as
fresh processes, takes the medians (p95 printed too) and divides them:

    --help             / python -c pass                          target <= 2.5x
    library list       / python -c "import botocore.session"     target <= 1.3x
    send GetApps       / aws pinpoint get-apps (the AWS CLI)      target <= 0.5x
                         both against the same running local sandbox

The sandbox is started once in the background (temp config/data dirs) and stopped at the
end. Byte-code caching is on (PYTHONDONTWRITEBYTECODE dropped), as on an installed system. Without the AWS CLI on PATH the last row is skipped. Nothing is asserted.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CLI = str(BIN / "pinpoint-workbench")
PY = sys.executable


def run_once(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def stats(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def row(name: str, argv, floor_name: str, floor_argv, target: float, env: dict, repeats: int) -> None:
    """Floor and command alternate, so a load change on a shared machine hits both alike."""
    run_once(floor_argv, env), run_once(argv, env)  # warm the file cache (and write byte-code) once
    floor_samples, samples = [], []
    for _ in range(repeats):
        floor_samples.append(run_once(floor_argv, env))
        samples.append(run_once(argv, env))
    (floor, floor_p95), (median, p95) = stats(floor_samples), stats(samples)
    ratio = median / floor
    verdict = "ok" if ratio <= target else "OVER"
    print(f"{name:<14} {median * 1000:7.1f} ms (p95 {p95 * 1000:6.1f})   {floor_name:<32} {floor * 1000:7.1f} ms "
          f"(p95 {floor_p95 * 1000:6.1f})   ratio {ratio:5.2f}x  target <= {target}x  {verdict}")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: .pyc kept
        env = dict(env, PINPOINT_WORKBENCH_CONFIG_DIR=f"{tmp}/config", PINPOINT_WORKBENCH_DATA_DIR=f"{tmp}/data",
                   XDG_RUNTIME_DIR=f"{tmp}/run", XDG_CACHE_HOME=f"{tmp}/cache", XDG_DATA_HOME=f"{tmp}/data-home")
        os.makedirs(f"{tmp}/run", mode=0o700)
        print(f"{repeats} runs each, medians; floors measured in this run\n")
        row("--help", [CLI, "--help"], "python -c pass", [PY, "-c", "pass"], 2.5, env, repeats)
        row("library list", [CLI, "library", "list"], "python -c 'import botocore.session'",
            [PY, "-c", "import botocore.session"], 1.3, env, repeats)
        started = subprocess.run([CLI, "sandbox", "start", "--json"], env=env, capture_output=True, text=True, check=True)
        url = json.loads(started.stdout)["url"]
        try:
            aws = shutil.which("aws")
            if aws is None:
                print("send GetApps    skipped: the AWS CLI (aws) is not on PATH")
                return
            from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_REGION, SANDBOX_SECRET_ACCESS_KEY

            aws_env = dict(env, AWS_ACCESS_KEY_ID=SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY=SANDBOX_SECRET_ACCESS_KEY,
                           AWS_DEFAULT_REGION=SANDBOX_REGION, AWS_CONFIG_FILE=os.devnull,
                           AWS_SHARED_CREDENTIALS_FILE=os.devnull)
            row("send GetApps", [CLI, "send", "GetApps"], "aws pinpoint get-apps",
                [aws, "pinpoint", "get-apps", "--endpoint-url", url], 0.5, aws_env, repeats)
        finally:
            subprocess.run([CLI, "sandbox", "stop"], env=env, capture_output=True)


if __name__ == "__main__":
    main()
