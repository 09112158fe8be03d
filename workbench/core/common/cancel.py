"""Cancel from any thread, for every step that can block (credentials, keyring, sandbox
start, network). A step that notices a cancel raises `Cancelled` naming its phase
(see `workbench.core.common.progress.PHASES`)."""

from __future__ import annotations

import threading

from workbench.core.common.errors import WorkbenchError


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


def run_cancellable(work, cancel: CancelToken | None, phase: str):
    """`work()` for a step that may block without a way to interrupt it (botocore resolving an
    SSO / assume-role / credential_process profile, a keyring call over D-Bus): it runs in a
    helper thread, and a cancel returns at once with Cancelled(phase). The abandoned call
    finishes (or fails) on its own; its result is dropped, and nothing is written by it
    through us."""
    if cancel is None:
        return work()
    if cancel.cancelled:
        raise Cancelled(phase=phase)
    finished = threading.Event()
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc
        finished.set()

    unregister = cancel._on_cancel(finished.set)
    try:
        threading.Thread(target=run, name=f"workbench-{phase}", daemon=True).start()
        finished.wait()
    finally:
        unregister()
    if "value" not in outcome and "error" not in outcome:
        raise Cancelled(phase=phase)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
