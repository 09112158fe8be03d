"""Workers on the thread pool with signals back to the UI thread, a cancel token, and one exclusive
worker per pane (starting a new one cancels the old)."""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
import traceback
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from workbench.core.common.cancel import CancelToken, Cancelled
from workbench.core.common.errors import WorkbenchError


_gc_lock = threading.Lock()
_gc_pausers = 0


BIG_GRAPH = 50_000  # tracked objects made under one pause past which they are frozen (a 10 MB JSON answer: ~80k)


@contextlib.contextmanager
def collector_paused():
    """For building a big object graph (a parsed 10 MB response is about a million objects):
    no cyclic garbage collection meanwhile, so the collector does not walk a half-built graph
    again and again while holding the interpreter lock (the UI thread would stall).

    When the pause made more than BIG_GRAPH tracked objects, they go to the collector's
    permanent generation (gc.freeze): otherwise the next three collections each walk all of
    them, hundreds of milliseconds with the interpreter lock held. Reference counting still
    frees them when the response is dropped (JSON has no cycles). A freeze also pins the
    cycles alive at that moment that die later, so it is kept for big graphs: after a usual
    response (nearly every send) nothing is frozen and the window does not grow."""
    global _gc_pausers
    with _gc_lock:
        _gc_pausers += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if not _gc_pausers:
                if gc.get_count()[0] > BIG_GRAPH:  # tracked objects made since the last collection
                    gc.freeze()
                gc.enable()


class WorkerSignals(QObject):
    progressed = Signal(object)  # a core Progress record
    returned = Signal(object)  # the function's result
    errored = Signal(object)  # a WorkbenchError (Cancelled when cancelled)
    finished = Signal()


class Worker:
    """Runs `fn(cancel=token, progress=callback)` on the pool. Unexpected exceptions come back
    as a WorkbenchError carrying the traceback's last line, never as a crash.

    Not a QRunnable: the pool is handed the bound `run` and lets go of it when it returns
    (a QRunnable subclass handed to the pool kept a reference PySide never dropped, with or
    without auto-delete). Kept in `_alive` until finished, so signals outlive the caller's
    reference; released by a slot that holds only the key: a slot holding the worker would
    make a cycle through Qt's connection (worker -> signals -> connection -> slot -> worker)
    that Python's collector cannot see."""

    _alive: dict[int, "Worker"] = {}

    def __init__(self, fn: Callable, *, progress: bool = True):
        self.fn = fn
        self.wants_progress = progress
        self.cancel_token = CancelToken()
        self.signals = WorkerSignals()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def start(self, pool: QThreadPool | None = None) -> "Worker":
        Worker._alive[id(self)] = self
        self.signals.finished.connect(functools.partial(Worker._alive.pop, id(self), None))
        (pool or QThreadPool.globalInstance()).start(self.run)
        return self

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the signals' QObject is gone: the application is shutting down
            pass

    def _run(self) -> None:
        try:
            kwargs = {"cancel": self.cancel_token}
            if self.wants_progress:
                kwargs["progress"] = self.signals.progressed.emit
            result = self.fn(**kwargs)
        except WorkbenchError as exc:
            self.signals.errored.emit(exc)
        except Exception as exc:  # noqa: BLE001 - a bug must not take the window down
            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            self.signals.errored.emit(WorkbenchError(QCoreApplication.translate("Worker", "unexpected failure: {error}")
                                                     .format(error=last)))
        else:
            if self.cancel_token.cancelled:
                self.signals.errored.emit(Cancelled(phase="finishing"))
            else:
                self.signals.returned.emit(result)
        finally:
            self.signals.finished.emit()


class ExclusiveRunner(QObject):
    """At most one running worker for one pane or tab: `run()` cancels the previous one."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool
        self.current: Worker | None = None

    def run(self, fn: Callable, *, on_result=None, on_error=None, on_progress=None) -> Worker:
        self.cancel()
        worker = Worker(fn, progress=on_progress is not None)
        self.current = worker
        if on_result:
            worker.signals.returned.connect(on_result)
        if on_error:
            worker.signals.errored.connect(on_error)
        if on_progress:
            worker.signals.progressed.connect(on_progress)
        worker.signals.finished.connect(functools.partial(self._finished, id(worker)))  # no cycle: see Worker
        worker.start(self.pool)
        self.busy_changed.emit(True)
        return worker

    def _finished(self, worker_id: int) -> None:
        if self.current is not None and id(self.current) == worker_id:
            self.current = None
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return self.current is not None

    def cancel(self) -> None:
        if self.current is not None:
            self.current.cancel()
            self.current = None
            self.busy_changed.emit(False)
