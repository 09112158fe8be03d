"""JSON from users, parsed without falling over.

Python's parser raises RecursionError on deeply nested input, ValueError ("Exceeds the
limit") on integers longer than 4,300 digits, reads 400-digit floats as infinity, accepts
NaN/Infinity, and keeps lone surrogates ("\\ud800") that crash every later encode. Here
each of those is a `JsonInputError` that names the source, line and column:

    data = safe_json.loads(text, source="environments.json")

Every path that parses JSON a user wrote (environment files, Postman imports, bodies)
goes through `loads`.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from workbench.core.errors import WorkbenchError

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
    if _SURROGATE.search(text):
        raise _located(text, _SURROGATE.search(text).start(), source, "not valid Unicode text (a lone surrogate)")
    state = _Numbers(text, source)
    try:
        data = json.loads(
            text, parse_int=state.parse_int, parse_float=state.parse_float, parse_constant=state.parse_constant
        )
    except json.JSONDecodeError as exc:
        raise JsonInputError(source=source, line=exc.lineno, column=exc.colno, detail="invalid JSON", reason=f": {exc.msg}") from None
    except RecursionError:
        raise _too_deep(text, source, max_depth) from None
    _check_tree(data, text, source, max_depth)
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


class _Numbers:
    """parse_int / parse_float / parse_constant hooks that bound number literals."""

    def __init__(self, text: str, source: str):
        self.text, self.source = text, source

    def _fail(self, literal: str, detail: str) -> JsonInputError:
        return _located(self.text, max(self.text.find(literal), 0), self.source, detail)

    def _check_length(self, literal: str) -> None:
        if len(literal) > MAX_NUMBER_LENGTH:
            raise self._fail(literal, f"a number of {len(literal)} characters (at most {MAX_NUMBER_LENGTH})")

    def parse_int(self, literal: str) -> int:
        self._check_length(literal)
        return int(literal)

    def parse_float(self, literal: str) -> float:
        self._check_length(literal)
        value = float(literal)
        if not math.isfinite(value):
            raise self._fail(literal, f"the number {literal} is out of range")
        return value

    def parse_constant(self, literal: str):
        raise self._fail(literal, f"{literal} is not a JSON number")


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


def _check_tree(data: Any, text: str, source: str, max_depth: int) -> None:
    """Depth within bounds and no lone surrogate in any string (iteratively: no recursion
    on user data)."""

    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                escape = _SURROGATE_ESCAPE.search(text)
                offset = escape.start() if escape else 0
                raise _located(text, offset, source, "not valid Unicode text (a lone surrogate such as \\ud800)")
        elif isinstance(value, (dict, list)):
            if depth > max_depth:
                raise _too_deep(text, source, max_depth)
            if isinstance(value, dict):
                stack.extend((key, depth) for key in value)
                stack.extend((child, depth + 1) for child in value.values())
            else:
                stack.extend((child, depth + 1) for child in value)
