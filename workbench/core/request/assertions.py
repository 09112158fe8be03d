"""The kinds of check a request may carry (a draft's assertions, a tutorial step's checks) and
what is wrong with one before anything runs. Evaluated in `send.checks`, which documents
each kind."""

from __future__ import annotations

import json
import re
from typing import Any

import jmespath
import jmespath.exceptions

from workbench.core.common.errors import Problem

KINDS = ("status", "exists", "equals", "matches", "event", "diagnosis")
# Kinds that say an error answer is expected: a 4xx/5xx is then no failure by itself.
EXPECTS_ERRORS = ("status", "diagnosis")


def _text(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def assertion_problems(kind: str, path: str = "", expected: Any = None, known_diagnoses=None) -> list[Problem]:
    """What is wrong with an assertion, each located on its field (kind, path, expected):
    [] when it can be checked."""
    if kind not in KINDS:
        return [Problem("kind", f"unknown check kind {_text(kind)} (one of {', '.join(KINDS)})")]
    problems = []
    if kind in ("exists", "equals", "matches"):
        if not isinstance(path, str) or not path.strip():
            problems.append(Problem("path", f"a {kind} check needs a JMESPath 'path'"))
        else:
            problems += jmespath_problems(path, "path")
    if kind == "status" and not (isinstance(expected, int) and not isinstance(expected, bool) and 100 <= expected <= 599):
        problems.append(Problem("expected", f"a status check expects an HTTP status (100-599), not {_text(expected)}"))
    if kind == "matches":
        if not isinstance(expected, str):
            problems.append(Problem("expected", f"a matches check expects a regular expression (a string), not {_text(expected)}"))
        else:
            try:
                re.compile(expected)
            except re.error as exc:
                problems.append(Problem("expected", f"{_text(expected)} is not a regular expression ({exc})"))
    if kind == "event":
        if not isinstance(expected, dict) or not expected:
            problems.append(Problem("expected", "an event check expects an object of {JMESPath into the record: value}"))
        else:
            for key in expected:
                problems += jmespath_problems(key, "expected")
    if kind == "diagnosis":
        if not isinstance(expected, str) or not expected:
            problems.append(Problem("expected", "a diagnosis check expects the id of a troubleshooting entry"))
        elif known_diagnoses is not None and expected not in known_diagnoses:
            problems.append(Problem("expected", f"no troubleshooting entry {expected!r}"))
    return problems


def jmespath_problems(expression: str, where: str) -> list[Problem]:
    """[] when `expression` compiles, else why not (located at `where`)."""
    try:
        jmespath.compile(expression)
    except jmespath.exceptions.JMESPathError as exc:
        return [Problem(where, f"{expression!r} is not a JMESPath expression ({str(exc).splitlines()[0]})")]
    return []
