"""The command palette's ranking per keystroke, as a ratio to the floor of a plain substring
filter over the same items (every library operation plus a few hundred history-like items).

    .venv/bin/python benchmarks/bench_palette.py

Medians of several runs in this process; the floor is measured in the same run. The palette
ranks on the UI thread while typing, so its absolute cost is printed too.
"""

from __future__ import annotations

import statistics
import time

from workbench.core.library.templates import default_library
from workbench.core.library.index import build_entries
from workbench.ui.panes.command_palette import PaletteItem, rank

REPEATS = 9
QUERIES = ("g", "ge", "get", "getapp", "getsegvers", "post campaigns", "sms v2 send", "zzz")


def items() -> list[PaletteItem]:
    entries = build_entries(default_library(), set())
    found = [PaletteItem("operation", e.operation, f"{e.method} {e.path}  ({e.api})", lambda: None) for e in entries]
    found += [PaletteItem("history", f"#{i} GetApp", f"GET https://pinpoint.us-east-1.amazonaws.com/v1/apps/p{i}",
                          lambda: None) for i in range(200)]
    return found


def timed(fn) -> float:
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for query in QUERIES:
            fn(query)
        runs.append((time.perf_counter() - start) / len(QUERIES))
    return statistics.median(runs)


def main() -> None:
    pool = items()
    floor = timed(lambda q: [i for i in pool if q.lower() in i.haystack])
    ranked = timed(lambda q: rank(q, pool))
    print(f"{len(pool)} items; per keystroke: substring floor {floor * 1000:.2f} ms, "
          f"palette rank {ranked * 1000:.2f} ms = {ranked / floor:.1f}x the floor")


if __name__ == "__main__":
    main()
