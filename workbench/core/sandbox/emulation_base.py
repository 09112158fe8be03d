"""What the stateful emulations share (SMS and voice v2, v1, Pinpoint messaging): an
operation `Name` is the method `op_Name`; it runs under the store's lock, and what it changes
is saved before the answer goes out (an operation whose name starts with one of `READS`
changes nothing)."""

from __future__ import annotations

from workbench.core.sandbox.events import EventLog
from workbench.core.sandbox.store import SandboxStore


class StatefulEmulation:
    API = ""  # botocore's name of the API
    STATE_KEY = ""  # where its state lives in the store
    READS: tuple[str, ...] = ("Get", "Describe", "List")

    def __init__(self, store: SandboxStore, events: EventLog):
        self.store = store
        self.events = events
        self.state = store.state.setdefault(self.STATE_KEY, self.empty_state())

    @staticmethod
    def empty_state() -> dict:
        return {}

    @classmethod
    def operations(cls) -> frozenset[str]:
        return frozenset(name[3:] for name in dir(cls) if name.startswith("op_"))

    def handle(self, operation: str, params: dict) -> dict:
        with self.store.lock:
            answer = self.dispatch(operation, params)
            if not operation.startswith(self.READS):
                self.store.save()
            return answer

    def dispatch(self, operation: str, params: dict) -> dict:
        return getattr(self, f"op_{operation}")(params)
