"""Checks on one exchange: the one place for every kind, used by the runner (`run`) and the
tutorials alike.

    status      the HTTP status equals `expected` (a number)
    exists      the JMESPath `path` finds something (not null) in the response body
    equals      the JMESPath `path` finds exactly `expected`
    matches     the JMESPath `path` finds a value whose text matches the regular expression `expected`
    event       an event in the sandbox's event log has every field of `expected`
                ({JMESPath into the record: value}); the latest such record is the one found
    diagnosis   the troubleshooting entry `expected` (an id of resources/troubleshooting.json)
                explains the exchange: an error made on purpose

Like saves, a path is tried on the body, then under the operation's output payload name, so
both `Id` and `ApplicationResponse.Id` work for CreateApp.

`check()` gives a `CheckResult`: whether it held, what was expected and what was found, as
values (for a front end's own sentence) and as one English line (the runner's report).
What is wrong with an assertion before anything is sent (an unknown kind, a bad JMESPath...)
is said where drafts are read: `request.assertions.assertion_problems`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import jmespath
import jmespath.exceptions

from workbench.core.request.assertions import EXPECTS_ERRORS, KINDS  # noqa: F401 - the kinds, with the checks


@dataclass(frozen=True)
class Observed:
    """What a check reads: one exchange's answer, what was diagnosed, the sandbox's events."""

    status: int | None  # None: nothing came back
    body: Any = None  # the parsed JSON body (None when it is not JSON)
    payload: str | None = None  # the operation's output payload member name, if it has one
    diagnoses: tuple[str, ...] = ()  # ids of the diagnoses of the exchange
    events: tuple[dict, ...] = ()  # the event log records the check may look at, oldest first
    error: str = ""  # why nothing came back


@dataclass(frozen=True)
class CheckResult:
    kind: str
    passed: bool
    path: str = ""
    expected: Any = None  # the value the check wanted (status, JSON value, pattern, {field: value}, id)
    found: Any = None  # what was there: the status, the JMESPath value, the event record, the diagnosis ids
    message: str = ""  # one English line, as the runner reports it
    extra: dict = field(default_factory=dict)  # e.g. {"seen": [...]} for an event check: what the log held

    def to_dict(self) -> dict:
        data = {"kind": self.kind, "passed": self.passed, "expected": self.expected, "found": self.found}
        if not self.passed:
            data["message"] = self.message
        if self.path:
            data["path"] = self.path
        if self.extra:
            data.update(self.extra)
        return data


def _text(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def search(path: str, body, payload: str | None = None):
    """The JMESPath `path` in `body`, else in `{payload: body}`; None when it finds nothing."""
    if body is None:
        return None
    found = jmespath.search(path, body)
    if found is None and payload:
        found = jmespath.search(path, {payload: body})
    return found


def _same(found, expected) -> bool:
    """Equal as JSON values (true is not 1); a number also equals its text ("200" == 200)."""
    if isinstance(found, bool) or isinstance(expected, bool):
        return found is expected
    return found == expected or (isinstance(found, (int, float)) and str(found) == str(expected))


def check(assertion, observed: Observed) -> CheckResult:
    """Whether `assertion` (kind, path, expected) holds for `observed`."""
    kind, path, expected = assertion.kind, assertion.path, assertion.expected
    if kind == "status":
        wanted = int(expected) if str(expected).isdigit() else expected
        return CheckResult(kind, observed.status == wanted, expected=wanted, found=observed.status,
                           message=f"status: expected {wanted}, got {observed.status}")
    if kind == "diagnosis":
        found = list(observed.diagnoses)
        passed = expected in found
        said = ", ".join(found) or "no diagnosis"
        return CheckResult(kind, passed, expected=expected, found=found,
                           message=f"diagnosis: expected {expected}, got {said}")
    if kind == "event":
        return _check_event(dict(expected or {}), observed)
    try:
        found = search(path, observed.body, observed.payload)
    except jmespath.exceptions.JMESPathError as exc:
        return CheckResult(kind, False, path, expected, None, f"{path}: not a JMESPath expression ({exc})")
    if kind == "exists":
        return CheckResult(kind, found is not None, path, None, found,
                           f"{path}: expected to exist, found nothing")
    if kind == "matches":
        text = found if isinstance(found, str) else None if found is None else _text(found)
        passed = text is not None and re.search(str(expected), text) is not None
        return CheckResult(kind, passed, path, expected, found,
                           f"{path}: expected to match {_text(expected)}, got {_text(found)}")
    return CheckResult(kind, _same(found, expected), path, expected, found,
                       f"{path}: expected {_text(expected)}, got {_text(found)}")


def _check_event(fields: dict, observed: Observed) -> CheckResult:
    """The latest record with every field of `fields`; else what the log held instead."""
    for record in reversed(observed.events):
        if all(_same(jmespath.search(path, record), value) for path, value in fields.items()):
            return CheckResult("event", True, expected=fields, found=record, message="")
    first = next(iter(fields), None)
    seen = sorted({str(v) for v in (jmespath.search(first, r) for r in observed.events) if v is not None}) if first else []
    wanted = ", ".join(f"{k} = {_text(v)}" for k, v in fields.items())
    count = len(observed.events)
    message = (f"event: expected one with {wanted}; the event log has no event since the request"
               if not count else f"event: expected one with {wanted}; none among the {count} event(s) since the request"
               + (f" ({first}: {', '.join(seen)})" if seen else ""))
    return CheckResult("event", False, expected=fields, found=None, message=message,
                       extra={"events_seen": count, "values_seen": seen})


def unexpected_error(assertions, observed: Observed) -> str | None:
    """A 4xx/5xx answer fails a request whose assertions do not expect one (no status or
    diagnosis assertion); None otherwise."""
    if observed.status is None or observed.status < 400 or any(a.kind in EXPECTS_ERRORS for a in assertions):
        return None
    body = observed.body
    message = (body.get("message") or body.get("Message")) if isinstance(body, dict) else None
    return f"HTTP {observed.status}" + (f": {message}" if message else "")


def check_assertion(assertion, status: int, body, payload: str | None = None) -> str | None:
    """None when `assertion` holds on (status, body), else the runner's one-line failure."""
    result = check(assertion, Observed(status, body, payload))
    return None if result.passed else result.message


def needs_diagnoses(assertions) -> bool:
    return any(a.kind == "diagnosis" for a in assertions)


def needs_events(assertions) -> bool:
    return any(a.kind == "event" for a in assertions)


def observe(exchange, *, diagnoses=(), events=()) -> Observed:
    """What the checks read from a send's exchange (None: nothing was signed)."""
    from workbench.core.send.saves import _output_payload

    response = exchange.response if exchange is not None else None
    if response is None:
        error = str(exchange.error) if exchange is not None and exchange.error else "nothing was sent"
        return Observed(None, diagnoses=tuple(diagnoses), events=tuple(events), error=error)
    return Observed(response.status, response.json(), _output_payload(exchange.operation or ""),
                    tuple(diagnoses), tuple(events))


class EventWindow:
    """The sandbox's event log from a point on: `mark()` before a send, `since(mark)` after it.
    For an environment that is not the sandbox (or a sandbox that does not say where its log
    is), the window is always empty."""

    def __init__(self, path=None):
        from pathlib import Path

        self.path = Path(path) if path else None

    @classmethod
    def for_environment(cls, env) -> "EventWindow":
        """The log of the sandbox `env` points at, found through its status address."""
        if not getattr(env, "is_sandbox", False) or not env.hosts:
            return cls(None)
        from workbench.core.sandbox.background import probe

        status = probe(f"{env.scheme}://{next(iter(env.hosts.values()))}")
        return cls((status or {}).get("events"))

    def mark(self) -> int:
        """The sequence of the log's last record now (0: none), read from the end of the file:
        the cost does not grow with the log."""
        if self.path is None:
            return 0
        from workbench.core.sandbox.events import log_files

        for file in reversed(log_files(self.path)):  # the current file, else the newest rotated one
            last = _last_sequence(file)
            if last:
                return last
        return 0

    def since(self, mark: int) -> tuple[dict, ...]:
        if self.path is None:
            return ()
        from workbench.core.sandbox.events import read_events

        return tuple(read_events(self.path, after=mark))


_TAIL = 64 * 1024
_LINE_SEQUENCE = re.compile(rb'^\{"sequence":(\d+)[,}]', re.M)


def _last_sequence(path) -> int:
    """The sequence of the last whole record of one log file (0 when it has none)."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - _TAIL))
            tail = handle.read()
    except OSError:
        return 0
    found = _LINE_SEQUENCE.findall(tail)
    return int(found[-1]) if found else 0
