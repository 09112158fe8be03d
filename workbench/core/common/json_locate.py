"""Which line of a JSON text a JSON path ($.A.B[0], $["odd key"]) points at, so an editor
can jump to a validation problem. Tolerant: for text that does not parse, or a path that
does not exist (a missing member), the nearest existing ancestor's line is returned."""

from __future__ import annotations

import bisect
import json
import re

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"[^,\]\}\s]*")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SEGMENT = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')
_PARSE_LINE = re.compile(r"\(line (\d+), column \d+\)")


def child_path(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if _IDENTIFIER.match(key) else f"{path}[{json.dumps(key)}]"


def value_lines(text: str) -> dict[str, int]:
    """JSON path -> 1-based line where its value starts (as far as the text parses)."""
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]
    lines: dict[str, int] = {}

    def skip(i: int) -> int:
        return _WS.match(text, i).end()

    def value(i: int, path: str) -> int:
        i = skip(i)
        lines[path] = bisect.bisect_left(newlines, i) + 1
        char = text[i]
        if char in "{[":
            closing, index = ("}" if char == "{" else "]"), 0
            i = skip(i + 1)
            if text[i] == closing:
                return i + 1
            while True:
                if char == "{":
                    key, i = json.decoder.scanstring(text, skip(i) + 1)
                    i = skip(i)
                    if text[i] != ":":
                        raise ValueError("expected ':'")
                    i = value(i + 1, child_path(path, key))
                else:
                    i = value(i, child_path(path, index))
                    index += 1
                i = skip(i)
                if text[i] == ",":
                    i += 1
                    continue
                if text[i] == closing:
                    return i + 1
                raise ValueError("expected ',' or a closing bracket")
        if char == '"':
            return json.decoder.scanstring(text, i + 1)[1]
        return _SCALAR.match(text, i).end()

    try:
        value(0, "$")
    except (ValueError, IndexError):
        pass  # keep what was located before the text stopped parsing
    return lines


def line_of(text: str, path: str) -> int | None:
    """The line for `path` (a JSON path, or a parse error message naming a line)."""
    parsed = _PARSE_LINE.search(path)
    if parsed:
        return int(parsed.group(1))
    if not path.startswith("$"):
        return None
    lines = value_lines(text)
    candidates, current = ["$"], "$"
    for match in _SEGMENT.finditer(path[1:]):
        name, index, quoted = match.groups()
        key = int(index) if index is not None else (json.loads(quoted) if quoted else name)
        current = child_path(current, key)
        candidates.append(current)
    for candidate in reversed(candidates):
        if candidate in lines:
            return lines[candidate]
    return None
