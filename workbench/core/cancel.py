"""Cancel from any thread, for every step that can block (credentials, keyring, sandbox
start, network). A step that notices a cancel raises `Cancelled` naming its phase
(see `workbench.core.progress.PHASES`)."""

from __future__ import annotations

import threading

from workbench.core.errors import WorkbenchError


class Cancelled(WorkbenchError):
    fmt = "cancelled while {phase}"

    def __init__(self, message: str | None = None, **fields):
        fields.setdefault("phase", "running")
        super().__init__(message, **fields)


class CancelToken:
    """Thread-safe cancel flag; `cancel()` may be called from any thread, any number of times."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def _on_cancel(self, callback):
        """Run `callback` on cancel (now if already cancelled); returns an unregister function."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)

                def unregister() -> None:
                    with self._lock:
                        if callback in self._callbacks:
                            self._callbacks.remove(callback)

                return unregister
        callback()
        return lambda: None
