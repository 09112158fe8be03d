"""Library load and search, as ratios to the floor of parsing the four botocore models.

    .venv/bin/python benchmarks/bench_library.py

Each measurement is the median of several runs in this process; the floor is measured in
the same run, so the ratios compare like with like on whatever machine runs this.
"""

from __future__ import annotations

import statistics
import time

import botocore.loaders

from workbench.core.library.catalog import APIS
from workbench.core.library.templates import load_library

REPEATS = 7


def median_seconds(fn) -> float:
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def parse_models():
    loader = botocore.loaders.Loader()  # a fresh loader: no cache between runs
    for api in APIS:
        loader.load_service_model(api, "service-2")


def main() -> None:
    floor = median_seconds(parse_models)
    load = median_seconds(load_library)
    library = load_library()
    search = median_seconds(lambda: [library.search(q) for q in ("sms", "phone number", "campaign", "tags", "otp")])
    print(f"floor: parse the 4 botocore service models  {floor * 1000:8.2f} ms  1.00x")
    print(f"load the whole library ({len(library)} templates)   {load * 1000:8.2f} ms  {load / floor:.2f}x")
    print(f"5 searches over the library                 {search * 1000:8.2f} ms  {search / floor:.2f}x")


if __name__ == "__main__":
    main()
