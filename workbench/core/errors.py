"""Typed errors and located problems.

A `WorkbenchError` carries a message built from its `fmt` and keyword fields, so callers
(CLI, UI) can show the message and still read the fields. A `Problem` is one located
finding from a loader or validator: validators collect all of them instead of stopping
at the first.
"""

from __future__ import annotations

from dataclasses import dataclass


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose."""

    fmt = "{message}"

    def __init__(self, message: str | None = None, **fields):
        self.fields = dict(fields)
        if message is not None:
            self.fields.setdefault("message", message)
        for key, value in self.fields.items():
            setattr(self, key, value)
        super().__init__(self.fmt.format(**self.fields))


@dataclass(frozen=True)
class Problem:
    """One finding, located: `path` is a JSON path ($.Body.Name) or a place (url, header X)."""

    path: str
    message: str
    severity: str = "error"  # "error" | "warning"

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message, "severity": self.severity}

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
