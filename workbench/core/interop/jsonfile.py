"""Read a JSON document someone else made: size limit, encoding, nesting, and a salvage of
truncated files (everything complete before the cut is kept)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.common import safe_json
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.storage import StorageError, UnreadableFile, read_limited

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 500  # Postman folders nest (a folder is two levels); deeper than this is not a real export


class ForeignFileError(WorkbenchError):
    fmt = "{source}: {detail}"


@dataclass(frozen=True)
class ReadJson:
    data: object
    damage: str = ""  # what was wrong with the file when only part of it could be read


def read_bytes(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes: a regular file of at most `limit` bytes (a device such as /dev/zero,
    a pipe or a folder is refused at once, never read without end)."""
    try:
        return read_limited(path, limit)
    except UnreadableFile as exc:
        detail = exc.detail
        if exc.kind == "too_large":
            size = f"{exc.size / 1048576:.1f} MB" if exc.size else f"larger than {limit // 1048576} MB"
            detail = (f"the file is {size}; files over {limit // 1048576} MB are not read "
                      "(export without saved responses, or split the collection)")
        raise ForeignFileError(source=str(path), detail=detail) from None
    except StorageError as exc:
        raise ForeignFileError(source=str(path), detail=exc.detail) from None
    except OSError as exc:
        raise ForeignFileError(source=str(path), detail=f"cannot read: {exc.strerror or exc}") from None


def decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ForeignFileError(source=source, detail=f"not UTF-8 text (byte {exc.start})") from None


def parse(text: str, source: str, what: str, limit: int = MAX_BYTES) -> ReadJson:
    """The document, or as much of it as was complete when the text stops early."""
    if len(text) > limit:
        raise ForeignFileError(source=source, detail=f"the text is {len(text) / 1048576:.1f} MB; over the {limit // 1048576} MB limit")
    try:
        return ReadJson(safe_json.loads(text, source, max_depth=MAX_DEPTH))
    except safe_json.JsonInputError as exc:
        if not exc.reason:  # not a syntax error: too deep, a number too long, not valid Unicode
            raise ForeignFileError(source=source, detail=f"not a {what}: {safe_json.describe(exc)}") from None
        where = f"line {exc.line}, column {exc.column}{exc.reason}"
        salvaged = _close_truncated(text)
        if salvaged is None:
            raise ForeignFileError(source=source, detail=f"not a {what}: invalid JSON at {where}") from None
        return ReadJson(salvaged, f"the file ends early ({where}): only what was complete before that point is read")


def _close_truncated(text: str):
    """Cut `text` after its last complete value and close what is still open."""
    stack: list[str] = []
    in_string = escaped = False
    cut, cut_stack = None, None
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            stack.append("]" if char == "[" else "}")
        elif char in "]}":
            if not stack:
                return None
            stack.pop()
            if stack:
                cut, cut_stack = index + 1, list(stack)
    if cut is None or not stack:  # nothing complete, or the brackets close: not a truncation
        return None
    try:
        return safe_json.loads(text[:cut] + "".join(reversed(cut_stack)), max_depth=MAX_DEPTH)
    except safe_json.JsonInputError:
        return None
