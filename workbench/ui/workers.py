"""QRunnable workers with signals back to the UI thread, a cancel token, and one exclusive
worker per pane (starting a new one cancels the old)."""

from __future__ import annotations

import contextlib
import gc
import threading
import traceback
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workbench.core.common.cancel import CancelToken, Cancelled
from workbench.core.common.errors import WorkbenchError


_gc_lock = threading.Lock()
_gc_pausers = 0


@contextlib.contextmanager
def collector_paused():
    """For building a big object graph (a parsed 10 MB response is about a million objects):
    no cyclic garbage collection meanwhile, then the survivors move to the collector's
    permanent generation. Otherwise the next full collections traverse all of them while
    holding the interpreter lock, and the UI thread stalls for hundreds of milliseconds.
    Reference counting still frees them when the response is dropped (JSON has no cycles);
    cyclic garbage is collected first (cheap: what start-up loaded is frozen already), so a
    freeze pins only what is alive."""
    global _gc_pausers
    with _gc_lock:
        _gc_pausers += 1
        if _gc_pausers == 1:
            gc.collect()
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if not _gc_pausers:
                gc.freeze()
                gc.enable()


class WorkerSignals(QObject):
    progressed = Signal(object)  # a core Progress record
    returned = Signal(object)  # the function's result
    errored = Signal(object)  # a WorkbenchError (Cancelled when cancelled)
    finished = Signal()


class Worker(QRunnable):
    """Runs `fn(cancel=token, progress=callback)` on the pool. Unexpected exceptions come back
    as a WorkbenchError carrying the traceback's last line, never as a crash."""

    _alive: set["Worker"] = set()  # kept until finished, so signals outlive the caller's reference

    def __init__(self, fn: Callable, *, progress: bool = True):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.wants_progress = progress
        self.cancel_token = CancelToken()
        self.signals = WorkerSignals()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def start(self, pool: QThreadPool | None = None) -> "Worker":
        Worker._alive.add(self)
        self.signals.finished.connect(lambda: Worker._alive.discard(self))
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def run(self) -> None:
        try:
            kwargs = {"cancel": self.cancel_token}
            if self.wants_progress:
                kwargs["progress"] = self.signals.progressed.emit
            result = self.fn(**kwargs)
        except WorkbenchError as exc:
            self.signals.errored.emit(exc)
        except Exception as exc:  # noqa: BLE001 - a bug must not take the window down
            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            self.signals.errored.emit(WorkbenchError(f"unexpected failure: {last}"))
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
        worker.signals.finished.connect(lambda: self._finished(worker))
        worker.start(self.pool)
        self.busy_changed.emit(True)
        return worker

    def _finished(self, worker: Worker) -> None:
        if self.current is worker:
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
