"""Ctrl-C for commands that block on the network, the keyring or the sandbox: the first
SIGINT cancels the command's CancelToken (so the step in flight raises Cancelled naming
its phase, and the command reports it like any other error); a second one interrupts at once."""

from __future__ import annotations

import contextlib


@contextlib.contextmanager
def interrupt_cancels(cancel):
    """While it lasts, the first Ctrl-C (SIGINT) cancels `cancel` instead of raising
    KeyboardInterrupt wherever the command happens to be; a second one interrupts at once."""
    import signal
    import threading  # here: `--help` and commands that never block need neither

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_interrupt(signum, frame) -> None:
        signal.signal(signal.SIGINT, previous)
        # not here: the token's callbacks take a lock the interrupted code may hold
        threading.Thread(target=cancel.cancel, name="interrupted", daemon=True).start()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def interrupt_raises():
    """Inside `interrupt_cancels`: Ctrl-C raises KeyboardInterrupt again (a question waiting for
    the user's answer has nothing to cancel, and a blocked read would not notice the token)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
