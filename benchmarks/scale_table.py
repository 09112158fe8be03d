"""The scale benchmarks' shared run and table: measure every N (after a warm-up at the
smallest), print each measure's median per N and its ratio to a base N measured in the same
run (goal: flat)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def run_and_print(measure_all, sizes, title: str, note: str, full_at_1000) -> None:
    """`measure_all(folder, sizes)` -> {n: {measure: ms}}; `full_at_1000(measure)`: whether its
    ratio is taken to N = 1,000 (the first N with full pages) instead of the smallest N."""
    largest = int(sys.argv[1]) if len(sys.argv) > 1 else sizes[-1]
    sizes = [n for n in sizes if n <= largest]
    with tempfile.TemporaryDirectory() as tmp:
        measure_all(Path(tmp), sizes[:1])  # warm up: imports, caches
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure_all(Path(tmp), sizes)
    width = max(len(name) for name in rows[sizes[0]]) + 4
    print(f"{title}; medians in ms, and as a ratio to N = 1 (goal: flat)")
    print(f"({note})\n")
    print(f"{'':<{width}}" + "".join(f"{f'N = {n:,}':>22}" for n in sizes))
    for name in rows[sizes[0]]:
        base = rows[1000 if full_at_1000(name) and 1000 in rows else sizes[0]][name]
        cells = "".join(f"{rows[n][name]:9.2f} ms {rows[n][name] / base:6.2f}x  " for n in sizes)
        print(f"{name:<{width}}{cells}")
