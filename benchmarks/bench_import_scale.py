"""Postman import as collections grow: N = 1, 1k, 10k (100k with an argument) requests, as
ratios to writing the same files durably, and per request to N = 1, in the same run.

    .venv/bin/python benchmarks/bench_import_scale.py [LARGEST]     (default 10000)

The collection: N requests in folders of up to 1,000, their names repeating inside a folder
(20 distinct names, as "Get app" repeats in real collections: the import numbers them),
each a GetApp or CreateApp with a body and awsv4 auth. Each N runs:
  import  `import postman FILE --into DIR --json` in this process (parse, link to the
          library, plan the files, check what is there, write them)
  floor   the same files (same bytes, same folders) written directly: open, write, fsync,
          close, then one fsync per folder
Wall and CPU time of each (medians of 3 for N <= 1k, one run above), their ratio (goal <= 1.5x
at 10k), and the import's time per request as a ratio to N = 1's (goal: flat; 10k within
10x of 1k overall). Nothing is asserted.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workbench.cli import main as cli_main
from workbench.cli.context import CliContext

SIZES = (1, 1_000, 10_000, 100_000)
V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
AUTH = {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "{{accessKey}}"},
                                    {"key": "secretKey", "value": "{{secretKey}}"},
                                    {"key": "region", "value": "{{region}}"}, {"key": "service", "value": "mobiletargeting"}]}


def a_request(i: int) -> dict:
    if i % 2:
        request = {"method": "GET", "url": {"raw": "https://{{endpoint}}/v1/apps/{{projectId}}",
                                            "host": ["{{endpoint}}"], "path": ["v1", "apps", "{{projectId}}"]}}
    else:
        request = {"method": "POST", "url": {"raw": "https://{{endpoint}}/v1/apps", "host": ["{{endpoint}}"],
                                             "path": ["v1", "apps"]},
                   "header": [{"key": "Content-Type", "value": "application/json"}],
                   "body": {"mode": "raw", "raw": json.dumps({"CreateApplicationRequest": {"Name": f"app {i}"}})}}
    return {"name": f"{'Get app' if i % 2 else 'Create app'} {i % 10}", "request": request}


def collection(n: int) -> dict:
    folders = [{"name": f"Folder {f}", "item": [a_request(i) for i in range(f * 1000, min(n, (f + 1) * 1000))]}
               for f in range(-(-n // 1000))]
    return {"info": {"name": f"Scale {n}", "schema": V21}, "auth": AUTH, "item": folders}


def timed(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def import_into(source: Path, into: Path, environ: dict) -> None:
    out = io.StringIO()
    status = cli_main(["import", "postman", str(source), "--into", str(into), "--json"],
                      CliContext(out, io.StringIO(), io.StringIO(), environ))
    if status != 0:
        raise SystemExit(f"import failed: {out.getvalue()[-500:]}")


def write_floor(files: list[tuple[Path, bytes]], into: Path) -> None:
    folders = set()
    for relative, data in files:
        path = into / relative
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    for folder in folders:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def measure(tmp: Path, n: int, environ: dict) -> dict:
    source = tmp / f"scale-{n}.postman_collection.json"
    source.write_text(json.dumps(collection(n)))
    runs = 3 if n <= 1000 else 1
    imports, floors = [], []
    for run in range(runs):
        into = tmp / f"import-{n}-{run}"
        imports.append(timed(lambda: import_into(source, into, environ)))
        files = [(p.relative_to(into), p.read_bytes()) for p in sorted(into.rglob("*")) if p.is_file()]
        floors.append(timed(lambda: write_floor(files, tmp / f"floor-{n}-{run}")))
    return {"files": len(files),
            "import wall": statistics.median(w for w, _ in imports), "import cpu": statistics.median(c for _, c in imports),
            "floor wall": statistics.median(w for w, _ in floors), "floor cpu": statistics.median(c for _, c in floors)}


def main() -> None:
    largest = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sizes = [n for n in SIZES if n <= largest]
    with tempfile.TemporaryDirectory() as tmp:
        environ = {"HOME": tmp, "PINPOINT_WORKBENCH_CONFIG_DIR": f"{tmp}/config", "PINPOINT_WORKBENCH_DATA_DIR": f"{tmp}/data",
                   "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        measure(Path(tmp), 1, environ)  # warm up: imports, the library
        rows = {n: measure(Path(tmp), n, environ) for n in sizes}
    base = rows[sizes[0]]
    print("Postman import vs writing the same files durably; time per request as a ratio to N = 1\n")
    print(f"{'N':>8} {'files':>7} {'import wall':>12} {'floor wall':>11} {'ratio':>6}   {'import cpu':>11} "
          f"{'floor cpu':>10} {'ratio':>6}   {'per request vs N=1':>18}")
    for n, r in rows.items():
        per_request = (r["import wall"] / n) / (base["import wall"] / sizes[0])
        print(f"{n:>8,} {r['files']:>7,} {r['import wall']:>10.2f} s {r['floor wall']:>9.2f} s "
              f"{r['import wall'] / r['floor wall']:>5.2f}x   {r['import cpu']:>9.2f} s {r['floor cpu']:>8.2f} s "
              f"{r['import cpu'] / max(r['floor cpu'], 1e-6):>5.2f}x   {per_request:>17.2f}x")
    if 1_000 in rows and 10_000 in rows:
        big, small = rows[10_000], rows[1_000]
        print(f"\n10,000 requests / 1,000: import {big['import wall'] / small['import wall']:.1f}x wall, "
              f"{big['import cpu'] / small['import cpu']:.1f}x CPU (goal <= 10x: linear); writing the same files "
              f"alone: {big['floor wall'] / small['floor wall']:.1f}x wall (the file system's share)")


if __name__ == "__main__":
    main()
