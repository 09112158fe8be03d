"""JSON from users, parsed without falling over.

Python's parser raises RecursionError on deeply nested input, ValueError ("Exceeds the
limit") on integers longer than 4,300 digits, reads 400-digit floats as infinity, accepts
NaN/Infinity, and keeps lone surrogates ("\\ud800") that crash every later encode. Here
each of those is a `JsonInputError` that names the source, line and column:

    data = safe_json.loads(text, source="environments.json")

Every path that parses JSON someone else wrote (environment files, Postman and other
imports, bodies, server answers) goes through `loads`. It costs little over `json.loads`:
numbers are checked by the parser's own hooks, and the tree is walked only when the text
could nest too deep or hold a surrogate escape (benchmarks/bench_hardening.py).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from workbench.core.common.errors import WorkbenchError

MAX_DEPTH = 100  # the deepest Pinpoint input shape nests about 12 levels
MAX_NUMBER_LENGTH = 100  # characters in one number literal
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class JsonInputError(WorkbenchError, ValueError):
    """JSON that cannot be used, located: `source`, `line`, `column` (1-based), `detail`."""

    code = "invalid_json"
    fmt = "{source}: {detail} at line {line}, column {column}{reason}"

    def __init__(self, source: str, line: int, column: int, detail: str, reason: str = ""):
        super().__init__(source=source, line=line, column=column, detail=detail, reason=reason)


def loads(text: str | bytes, source: str = "<input>", *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse `text`; JsonInputError for bad syntax, nesting deeper than `max_depth`, numbers
    longer than MAX_NUMBER_LENGTH or out of range, NaN/Infinity, invalid UTF-8 or lone
    surrogates."""

    if isinstance(text, (bytes, bytearray)):
        text = decode_utf8(bytes(text), source)
    if not text.isascii() and _SURROGATE.search(text):
        raise _located(text, _SURROGATE.search(text).start(), source, "not valid Unicode text (a lone surrogate)")
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise JsonInputError(source=source, line=exc.lineno, column=exc.colno, detail="invalid JSON", reason=f": {exc.msg}") from None
    except RecursionError:
        raise _too_deep(text, source, max_depth) from None
    except _BadNumber as exc:
        raise _located(text, max(text.find(exc.literal), 0), source, exc.detail) from None
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        _check_tree(data, text, source, max_depth)
    elif text.count("[") + text.count("{") > max_depth:  # the common small, plain body skips the walk
        _check_depth(data, text, source, max_depth)
    return data


def decode_utf8(raw: bytes, source: str = "<input>") -> str:
    """`raw` as UTF-8 text (a BOM is dropped); JsonInputError locating the first bad byte."""

    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        head = raw[:start].decode("utf-8", errors="replace")
        line = head.count("\n") + 1
        column = len(head) - (head.rfind("\n") + 1) + 1
        raise JsonInputError(
            source=source, line=line, column=column, detail=f"not UTF-8 text (byte {start} is 0x{raw[start]:02x})"
        ) from None


def describe(exc: JsonInputError) -> str:
    """The message without the source: 'invalid JSON at line 1, column 2: Expecting value'."""

    return f"{exc.detail} at line {exc.line}, column {exc.column}{exc.reason}"


class _BadNumber(ValueError):
    def __init__(self, literal: str, detail: str):
        super().__init__(detail)
        self.literal, self.detail = literal, detail


def _refuse_constant(literal: str):
    raise _BadNumber(literal, f"{literal} is not a JSON number")  # NaN, Infinity: Python reads them, JSON has none


def _short_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_LENGTH:  # before int(): past 4,300 digits it raises, below it is slow
        raise _BadNumber(literal, f"a number of {len(literal)} characters (at most {MAX_NUMBER_LENGTH})")
    return int(literal)


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):  # 1e999, or 400 digits: Python reads infinity, which is no JSON number
        shown = literal if len(literal) <= 40 else f"of {len(literal)} characters"
        raise _BadNumber(literal, f"the number {shown} is out of range")
    return value


# made once: json.loads(text, hook=...) builds a decoder on every call
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_int=_short_int, parse_float=_finite_float)


def _located(text: str, offset: int, source: str, detail: str) -> JsonInputError:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return JsonInputError(source=source, line=line, column=column, detail=detail)


def _too_deep(text: str, source: str, max_depth: int) -> JsonInputError:
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                return _located(text, match.start(), source, f"nested deeper than {max_depth} levels")
        elif token in "]}":
            depth -= 1
    return JsonInputError(source=source, line=1, column=1, detail=f"nested deeper than {max_depth} levels")


def _check_depth(data: Any, text: str, source: str, max_depth: int) -> None:
    """Only the containers, iteratively: the walk a large plain document needs."""

    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            raise _too_deep(text, source, max_depth)
        for child in value.values() if type(value) is dict else value:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))


def _check_tree(data: Any, text: str, source: str, max_depth: int) -> None:
    """Depth within bounds and no lone surrogate in any string (keys included), iteratively:
    no recursion on user data."""

    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                escape = _SURROGATE_ESCAPE.search(text)
                raise _located(text, escape.start() if escape else 0, source,
                               "not valid Unicode text (a lone surrogate such as \\ud800)")
        elif isinstance(value, (dict, list)):
            if depth > max_depth:
                raise _too_deep(text, source, max_depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
            if isinstance(value, dict):
                stack.extend((key, depth) for key in value)
