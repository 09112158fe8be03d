"""The deadline of every send: one daemon thread that aborts exchanges past their deadline
(no thread per send). An exchange leaves the watch when its `finished` is set."""

from __future__ import annotations

import heapq
import itertools
import threading
import time


class Watchdog:
    def __init__(self) -> None:
        self._heap: list = []  # (deadline, sequence, exchange), earliest first
        self._sequence = itertools.count()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, exchange, deadline: float) -> None:
        """Call `exchange.abort(expired=True)` at `deadline` (time.monotonic) unless it finished."""
        with self._condition:
            heapq.heappush(self._heap, (deadline, next(self._sequence), exchange))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="workbench-deadlines", daemon=True)
                self._thread.start()
            elif self._heap[0][2] is exchange:
                self._condition.notify()

    def _run(self) -> None:
        while True:
            with self._condition:
                while self._heap and self._heap[0][2].finished:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._condition.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._condition.wait(wait)
                    continue
                _, _, exchange = heapq.heappop(self._heap)
            exchange.abort(expired=True)


WATCHDOG = Watchdog()
