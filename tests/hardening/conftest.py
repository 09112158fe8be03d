"""The fuzz tests' tally: bad inputs tried and tracebacks seen, printed after the run."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

import pytest


@dataclass
class Tally:
    tried: dict = field(default_factory=dict)  # family -> count
    tracebacks: list = field(default_factory=list)  # (family, input, traceback text)

    def attempt(self, family: str, what, action):
        """Run `action()`; an exception escaping it is a traceback the user would see."""
        self.tried[family] = self.tried.get(family, 0) + 1
        try:
            return action()
        except Exception:  # noqa: BLE001 - counting exactly what escapes
            self.tracebacks.append((family, repr(what)[:200], traceback.format_exc()))
            return None


TALLY = Tally()


@pytest.fixture
def tally() -> Tally:
    return TALLY


def pytest_terminal_summary(terminalreporter):
    if TALLY.tried:
        per_family = ", ".join(f"{family} {count}" for family, count in sorted(TALLY.tried.items()))
        terminalreporter.write_line(
            f"hardening fuzz: {sum(TALLY.tried.values())} bad inputs tried ({per_family}); "
            f"{len(TALLY.tracebacks)} tracebacks"
        )
