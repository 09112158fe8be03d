"""A response body made ready for display, off the UI thread: the text head for the raw
view, the parsed JSON for a tree, and chunks of the rest for "show all".

The parse is done piecewise (containers near the top are walked by hand, their members
decoded one by one) so a 10 MB document never holds the interpreter lock for long in one
call: the thread drawing the window keeps running while a worker parses.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from workbench.core.cancel import CancelToken, Cancelled

HEAD_CHARS = 256 * 1024  # raw text shown at once; the rest on "show all"
NOT_JSON = object()
_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_MANUAL_DEPTH = 3  # containers at depth < 3 are walked member by member


@dataclass(frozen=True)
class ResponseBody:
    size: int
    head: str  # at most HEAD_CHARS of the decoded text
    complete: bool  # head is the whole text
    value: object = field(default=NOT_JSON, repr=False)
    json_error: str = ""

    @property
    def is_json(self) -> bool:
        return self.value is not NOT_JSON


def response_bytes(response) -> bytes:
    """The whole body: from memory, or from the spool file when only a preview is in memory."""
    if response.truncated and response.body_path:
        with open(response.body_path, "rb") as handle:
            return handle.read()
    return response.body


def parse_json(text: str, cancel: CancelToken | None = None):
    """json.loads, piecewise near the top (see module doc); raises ValueError."""

    def skip(i: int) -> int:
        return _WS.match(text, i).end()

    def value(i: int, depth: int):
        if cancel is not None and cancel.cancelled:
            raise Cancelled(phase="parsing")
        i = skip(i)
        if depth >= _MANUAL_DEPTH or i >= len(text) or text[i] not in "{[":
            return _DECODER.raw_decode(text, i)
        is_object = text[i] == "{"
        closing = "}" if is_object else "]"
        result: dict | list = {} if is_object else []
        i = skip(i + 1)
        if i < len(text) and text[i] == closing:
            return result, i + 1
        while True:
            if is_object:
                i = skip(i)
                if text[i:i + 1] != '"':
                    raise ValueError(f"expected a member name at character {i}")
                key, i = json.decoder.scanstring(text, i + 1)
                i = skip(i)
                if text[i:i + 1] != ":":
                    raise ValueError(f"expected ':' at character {i}")
                item, i = value(i + 1, depth + 1)
                result[key] = item
            else:
                item, i = value(i, depth + 1)
                result.append(item)
            i = skip(i)
            if text[i:i + 1] == ",":
                i += 1
                continue
            if text[i:i + 1] == closing:
                return result, i + 1
            raise ValueError(f"expected ',' or '{closing}' at character {i}")

    parsed, end = value(0, 0)
    if skip(end) != len(text):
        raise ValueError(f"extra data at character {skip(end)}")
    return parsed


def load_body(response, cancel: CancelToken | None = None, head_chars: int = HEAD_CHARS) -> ResponseBody:
    data = response_bytes(response)
    text = _decode(data, response)
    body = ResponseBody(size=len(data), head=text[:head_chars], complete=len(text) <= head_chars)
    stripped = text.lstrip()[:1]
    if stripped not in ("{", "["):
        return body
    try:
        value = parse_json(text, cancel)
    except (ValueError, IndexError) as exc:
        return ResponseBody(body.size, body.head, body.complete, json_error=str(exc) or "not valid JSON")
    return ResponseBody(body.size, body.head, body.complete, value)


def text_chunks(response, chunk_chars: int = HEAD_CHARS):
    """The decoded body after the head, in chunks (for "show all")."""
    text = _decode(response_bytes(response), response)
    for start in range(HEAD_CHARS, len(text), chunk_chars):
        yield text[start:start + chunk_chars]


def _decode(data: bytes, response) -> str:
    try:
        return data.decode(response.charset, errors="replace")
    except LookupError:  # an unknown charset name
        return data.decode("utf-8", errors="replace")
