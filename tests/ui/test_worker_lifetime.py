"""Workers are released after their work: nothing keeps a finished worker (its signals, its
cancel token, the closure it ran) alive, so a window that sends all day does not grow."""

from __future__ import annotations

import gc
import time
import weakref

from PySide6.QtCore import QThreadPool
from ui_helpers import open_operation, send, wait_for_body

from workbench.ui.workers import ExclusiveRunner, Worker


class Payload:
    """Something a worker's function holds on to (a send's plan, its exchange...)."""


def _all_gone(qtbot, refs, timeout_s: float = 10.0) -> bool:
    """Run the event loop (the finished signals' queued slots, deferred deletes) until every
    referent is gone; False if some is still alive after `timeout_s` (a generous bound)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        qtbot.wait(20)
        gc.collect()
        if all(ref() is None for ref in refs):
            return True
    return False


def test_a_worker_and_what_it_ran_are_gone_after_it_finished(qtbot):
    payload = Payload()
    worker = Worker(lambda cancel, progress, payload=payload: payload)
    got = []
    worker.signals.returned.connect(got.append)
    refs = [weakref.ref(worker), weakref.ref(payload), weakref.ref(worker.cancel_token)]
    with qtbot.waitSignal(worker.signals.finished):
        worker.start(QThreadPool.globalInstance())
    del worker, payload
    assert got and isinstance(got[0], Payload)
    got.clear()
    assert _all_gone(qtbot, refs)


def test_an_exclusive_runners_workers_are_gone_after_they_finished_or_were_replaced(qtbot):
    runner = ExclusiveRunner()
    refs = []
    for _ in range(3):  # the first two are cancelled by the next run(): they finish all the same
        worker = runner.run(lambda cancel, payload=Payload(): payload, on_result=lambda _: None)
        refs.append(weakref.ref(worker))
        del worker
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert _all_gone(qtbot, refs)


def test_the_windows_send_workers_are_gone_after_the_send(qtbot, window):
    tab = open_operation(qtbot, window, "GetApps")
    seen = []  # the send's worker while it hands back the exchange, the body's while it hands back the body

    def running(*_):
        seen.extend(weakref.ref(w) for w in list(Worker._alive.values()))

    window.controller.exchange_received.connect(running)
    window.controller.body_loaded.connect(running)
    for _ in range(3):
        assert send(qtbot, tab).startswith("200")
        wait_for_body(qtbot, tab)
    assert len(seen) >= 3  # at least each send's own worker was caught alive
    qtbot.waitUntil(lambda: not window.controller.is_busy(tab.tab_id))
    assert _all_gone(qtbot, seen)
