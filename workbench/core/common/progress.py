"""Progress of a long step, as data: every blocking step of a send reports through one
callback, so the command line can print a phase and the window can show it.

Phases, in the order a send goes through them (a step that does not apply is skipped):
credentials, keyring, sandbox, dns, connect, tls, sending, waiting, downloading, done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

PHASES = ("credentials", "keyring", "sandbox", "dns", "connect", "tls", "sending", "waiting", "downloading", "done")


@dataclass(frozen=True)
class Progress:
    phase: str  # one of PHASES
    detail: str = ""  # e.g. the host being connected to, the profile being resolved
    done: int | None = None  # bytes so far (downloading, sending)
    total: int | None = None  # bytes expected, when known

    def to_dict(self) -> dict:
        data = {"phase": self.phase}
        for key in ("detail", "done", "total"):
            value = getattr(self, key)
            if value not in (None, ""):
                data[key] = value
        return data


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The default callback: report nowhere."""
