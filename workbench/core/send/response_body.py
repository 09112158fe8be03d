"""A response body made ready for display, off the UI thread: the text head for the raw
view, the parsed JSON for a tree, and chunks of the rest for "show all".

The parse is done piecewise (containers near the top are walked by hand, their members
decoded one by one) so a 10 MB document never holds the interpreter lock for long in one
call: the thread drawing the window keeps running while a worker parses.

Bounded: a gzip or deflate body is shown decoded (within the transport's display limit),
and of a body larger than SHOWN_LIMIT (a spooled answer can be a gigabyte) only the first
SHOWN_LIMIT bytes are read to be shown: no tree, the text in part, the file for the rest.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace

from workbench.core.common.cancel import CancelToken, Cancelled
from workbench.core.send.transport.decoding import decode_for_display, decoder_for

HEAD_CHARS = 256 * 1024  # raw text shown at once; the rest on "show all"
PRETTY_LIMIT = 64 * 1024  # bodies up to this size also get an indented, highlighted text
DISPLAY_LINE = 2048  # longer lines are broken for display (a text view lays a line out whole)
SHOWN_LIMIT = 64 * 1024 * 1024  # bytes of a body read to be shown (all of it is in its file)
NOT_JSON = object()
_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_MANUAL_DEPTH = 3  # containers at depth < 3 are walked member by member


@dataclass(frozen=True)
class ResponseBody:
    size: int
    head: str  # at most HEAD_CHARS of the decoded text, long lines broken (see `wrapped`)
    complete: bool  # head is the whole text
    value: object = field(default=NOT_JSON, repr=False)
    json_error: str = ""
    pretty: str = ""  # indented JSON, for bodies up to PRETTY_LIMIT
    wrapped: bool = False  # lines longer than DISPLAY_LINE were broken for display

    @property
    def is_json(self) -> bool:
        return self.value is not NOT_JSON


def shown_bytes(response, limit: int | None = None) -> tuple[bytes, bool]:
    """(the body as shown -- its Content-Encoding undone --, whether that is all of it), at
    most `limit` (SHOWN_LIMIT) bytes read from a spool file."""
    limit = SHOWN_LIMIT if limit is None else limit
    if not (response.truncated and response.body_path):
        return response.decoded_body(), True
    with open(response.body_path, "rb") as handle:
        data = handle.read(limit + 1)
    complete = len(data) <= limit
    data = data[:limit]
    encoding = response.content_encoding
    if decoder_for(encoding) is not None:
        decoded, whole = decode_for_display(data, encoding, complete=complete)
        if decoded is not None:
            return decoded[:limit], complete and whole and len(decoded) <= limit
    return data, complete


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


def load_body(response, cancel: CancelToken | None = None, head_chars: int = HEAD_CHARS, hidden=()) -> ResponseBody:
    """The body ready to show; every value in `hidden` (secrets the send saw, echoed back)
    masked, as live output masks them."""
    data, whole = shown_bytes(response)
    text = _shown(_decode(data, response), hidden)
    head, wrapped = break_long_lines(text[:head_chars])
    body = ResponseBody(size=response.size_bytes or len(data), head=head,
                        complete=whole and len(text) <= head_chars, wrapped=wrapped)
    if text.lstrip()[:1] not in ("{", "["):
        return body
    if not whole:
        return replace(body, json_error=f"more than {_size(SHOWN_LIMIT)}: not shown as a tree "
                                        "(save the body to read all of it)")
    try:
        value = parse_json(text, cancel)
    except (ValueError, IndexError, RecursionError) as exc:
        return replace(body, json_error=str(exc) or "not valid JSON")
    pretty = json.dumps(value, indent=2, ensure_ascii=False) if len(data) <= PRETTY_LIMIT else ""
    return replace(body, value=value, pretty=pretty)


def break_long_lines(text: str, width: int = DISPLAY_LINE) -> tuple[str, bool]:
    """`text` with lines longer than `width` broken into pieces (for display only)."""
    lines = text.split("\n")
    if all(len(line) <= width for line in lines):
        return text, False
    out = []
    for line in lines:
        out.extend(line[i:i + width] for i in range(0, max(len(line), 1), width))
    return "\n".join(out), True


def text_chunks(response, chunk_chars: int = HEAD_CHARS, hidden=()):
    """The shown text after the head, in chunks (for "show all"), `hidden` values masked; a
    last line says when the body is longer than what is shown."""
    data, whole = shown_bytes(response)
    text = _shown(_decode(data, response), hidden)
    for start in range(HEAD_CHARS, len(text), chunk_chars):
        yield break_long_lines(text[start:start + chunk_chars])[0]
    if not whole:
        yield f"\n[only the first {_size(SHOWN_LIMIT)} are shown: save the body to read all of it]"


def _size(count: int) -> str:
    return f"{count // 1048576} MB" if count >= 1048576 else f"{count} bytes"


def _decode(data: bytes, response) -> str:
    try:
        return data.decode(response.charset, errors="replace")
    except LookupError:  # an unknown charset name
        return data.decode("utf-8", errors="replace")


def _shown(text: str, hidden) -> str:
    if not hidden:
        return text
    from workbench.core.environments.secret_variables import redact

    return redact(text, hidden)
