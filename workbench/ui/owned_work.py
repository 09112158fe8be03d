"""Run core work in the controller's pool for a widget that may be gone by the time the
answer comes (a closed dialog, a closed window): the callbacks are then dropped instead of
touching a deleted widget."""

from __future__ import annotations

import shiboken6


def run_for(owner, controller, fn, on_result, on_error=None):
    def alive(callback):
        return lambda value: callback(value) if shiboken6.isValid(owner) else None

    return controller.run_in_worker(fn, alive(on_result), alive(on_error) if on_error is not None else None)
