"""What a language other than English costs, against English measured in the same run.

    .venv/bin/python benchmarks/bench_i18n.py [ROUNDS]

  first guide the troubleshooting guide shown the first time in zh_CN / ko_KR (read the
              catalogue and the overlay, lay it over every entry, word every guide text, give
              every entry as the guide shows it) against the floor: the same in English (read
              the catalogue, word every text). Each round starts cold (the caches cleared).
  guide again `catalogue(language)` once loaded (a translation's guide texts are worded once,
              when it is laid over), against `catalogue()` in English (worded on each call).
  tutorials   `load_tutorials(language=...)` against `load_tutorials()` (English, same checks).

Printed: medians (and p95) and the ratios. Nothing is asserted.
"""

from __future__ import annotations

import statistics
import sys
import time

from workbench.core.diagnose import catalogue as guide
from workbench.core.tutorials import load_tutorials

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
LANGUAGES = ("zh_CN", "ko_KR")
catalogue_module = sys.modules["workbench.core.diagnose.catalogue"]


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def summary(samples) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered):7.2f} ms  p95 {p95:7.2f} ms"


def cold(language: str) -> None:
    catalogue_module._english_entries.cache_clear()
    catalogue_module._localized.cache_clear()
    guide(language)


def line(name: str, samples, floor) -> None:
    ratio = statistics.median(samples) / statistics.median(floor)
    print(f"  {name:<22} {summary(samples)}  {ratio:5.2f}x")


def main() -> None:
    guide("en")  # warm the checks' imports
    floor = [timed(lambda: cold("en")) for _ in range(ROUNDS)]
    print(f"first guide, cold ({len(catalogue_module.entries())} entries)")
    print(f"  {'English (floor)':<22} {summary(floor)}")
    for language in LANGUAGES:
        line(language, [timed(lambda: cold(language)) for _ in range(ROUNDS)], floor)

    english = [timed(lambda: guide("en")) for _ in range(ROUNDS)]
    print("guide again, every entry as shown")
    print(f"  {'English (floor)':<22} {summary(english)}")
    for language in LANGUAGES:
        guide(language)
        line(language, [timed(lambda: guide(language)) for _ in range(ROUNDS)], english)

    load_tutorials()  # the library and the catalogue are cached after the first read
    english = [timed(load_tutorials) for _ in range(max(ROUNDS // 4, 3))]
    print("tutorials")
    print(f"  {'English (floor)':<22} {summary(english)}")
    for language in LANGUAGES:
        line(language, [timed(lambda: load_tutorials(language=language)) for _ in range(max(ROUNDS // 4, 3))], english)


if __name__ == "__main__":
    main()
