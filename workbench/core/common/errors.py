"""Typed errors as data, and located problems.

A `WorkbenchError` carries:
- `code`: a stable snake_case name of what went wrong (`missing_variable`,
  `untrusted_destination`...), by default derived from the class name;
- `fields`: the structured facts (host, environment, variable, JSON path...);
- `remedy`: an optional action a front end can offer (`allow_any_host`,
  `set_variable:projectId`, `store_credentials:dev`, `start_sandbox`, `confirm`...).
  The command line words a remedy as a command, the window makes it a button;
- a message built from the class's `fmt` and the fields. No core message names a
  command-line flag or command: that wording belongs to the front end.

Building an error never raises: a `fmt` naming a field that was not passed shows it as
`<name?>`. A `Problem` is one located finding from a loader or validator: validators
collect all of them instead of stopping at the first.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import PurePath

# Attributes of the exception itself that a field of the same name must not replace.
_RESERVED = frozenset({"args", "code", "remedy", "fields", "with_traceback", "add_note", "to_dict"})


class _Lenient(dict):
    def __missing__(self, key):
        return _Missing(key)


class _Missing:
    """Stands in for a field `fmt` names but nobody passed: shows as <name?>."""

    def __init__(self, name: str):
        self.name = name

    def __format__(self, spec: str) -> str:
        return f"<{self.name}?>"

    def __repr__(self) -> str:
        return f"<{self.name}?>"

    __str__ = __repr__

    def __getattr__(self, attr):
        return self

    def __getitem__(self, item):
        return self


def format_message(fmt: str, fields: dict) -> str:
    """`fmt.format(**fields)`, except that it never raises."""
    try:
        return string.Formatter().vformat(fmt, (), _Lenient(fields))
    except (ValueError, TypeError, IndexError, AttributeError, KeyError):
        details = ", ".join(f"{k}={v!r}" for k, v in fields.items())
        return f"{fmt} ({details})" if details else fmt


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.strip("_")).lower()


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose."""

    fmt = "{message}"
    code = "workbench_error"
    remedy: str | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:
            cls.code = _snake(cls.__name__)

    def __init__(self, message: str | None = None, *, remedy: str | None = None, **fields):
        self.fields = dict(fields)
        if message is not None:
            self.fields.setdefault("message", message)
        for key, value in self.fields.items():
            if key not in _RESERVED:
                setattr(self, key, value)
        if remedy is not None:
            self.remedy = remedy
        super().__init__(format_message(self.fmt, self.fields))

    def to_dict(self) -> dict:
        """{code, message, fields, remedy}: JSON-ready (values made plain)."""
        fields = {k: _plain(v) for k, v in self.fields.items() if k != "message"}
        return {"code": self.code, "message": str(self), "fields": fields, "remedy": self.remedy}


def _plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return str(value)


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


@dataclass(frozen=True)
class Note:
    """Something to tell the user before a send (not an error): `kind` is stable
    (`end_of_support`, `not_in_sandbox`, `placeholder`, `one_off_sandbox`...), `message`
    says it in words, `remedy` is an action a front end may offer."""

    kind: str
    message: str
    remedy: str | None = None

    def to_dict(self) -> dict:
        data = {"kind": self.kind, "message": self.message}
        if self.remedy:
            data["remedy"] = self.remedy
        return data

    def __str__(self) -> str:
        return self.message
