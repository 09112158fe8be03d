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
_LONG_NUMBER = re.compile(r"-?[0-9][0-9.eE+-]{%d,}" % MAX_NUMBER_LENGTH)
# what may parse to an over-long number or infinity: a long digit run or a 3-digit exponent
_LONG_DIGITS = re.compile(r"[0-9]{%d}" % MAX_NUMBER_LENGTH)
_BIG_EXPONENT = re.compile(r"[eE][+-]?[0-9]{3}")
_SUSPECT_NUMBER = re.compile(r"[0-9]{%d,}|[0-9][eE][+-]?[0-9]{3,}" % MAX_NUMBER_LENGTH)
_NUMBER = re.compile(r"-?[0-9][0-9.eE+-]*")
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
        data = json.loads(text, parse_constant=lambda literal: _not_a_number(text, source, literal))
    except json.JSONDecodeError as exc:
        raise JsonInputError(source=source, line=exc.lineno, column=exc.colno, detail="invalid JSON", reason=f": {exc.msg}") from None
    except RecursionError:
        raise _too_deep(text, source, max_depth) from None
    except JsonInputError:
        raise
    except ValueError:  # an integer past Python's 4,300-digit conversion limit
        raise _long_number(text, source) from None
    strings = "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None
    numbers = _LONG_DIGITS.search(text) is not None or _BIG_EXPONENT.search(text) is not None
    if strings or numbers:
        _check_tree(data, text, source, max_depth, strings=strings, numbers=numbers)
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


def _not_a_number(text: str, source: str, literal: str):
    raise _located(text, max(text.find(literal), 0), source, f"{literal} is not a JSON number")


def _long_number(text: str, source: str) -> JsonInputError:
    match = _LONG_NUMBER.search(text)
    offset, length = (match.start(), len(match.group())) if match else (0, 0)
    return _located(text, offset, source, f"a number of {length} characters (at most {MAX_NUMBER_LENGTH})")


def _out_of_range(text: str, source: str) -> JsonInputError:
    for suspect in _SUSPECT_NUMBER.finditer(text):
        literal = _NUMBER.match(text, suspect.start()).group()
        if not math.isfinite(float(literal.rstrip(".eE+-") or 0)):
            shown = literal if len(literal) <= 40 else f"of {len(literal)} characters"
            return _located(text, suspect.start(), source, f"the number {shown} is out of range")
    return _located(text, 0, source, "a number is out of range")


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


def _check_tree(data: Any, text: str, source: str, max_depth: int, *, strings: bool, numbers: bool) -> None:
    """Depth within bounds, numbers finite and short, no lone surrogate in any string:
    iteratively (no recursion on user data), looking only at what the text may hold."""

    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if strings and _SURROGATE.search(value):
                escape = _SURROGATE_ESCAPE.search(text)
                raise _located(text, escape.start() if escape else 0, source,
                               "not valid Unicode text (a lone surrogate such as \\ud800)")
        elif isinstance(value, (dict, list)):
            if depth > max_depth:
                raise _too_deep(text, source, max_depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)) or strings or numbers)
            if strings and isinstance(value, dict):
                stack.extend((key, depth) for key in value)
        elif numbers and isinstance(value, float) and not math.isfinite(value):
            raise _out_of_range(text, source)
        elif numbers and isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 332:
            raise _long_number(text, source)
