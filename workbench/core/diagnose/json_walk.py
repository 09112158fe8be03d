"""Walk a JSON body by member name (any depth, bounded): what the matchers and the
observation both read, kept apart so neither imports the other."""

from __future__ import annotations

import json
import re

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _json_key(key) -> str:
    return f".{key}" if IDENTIFIER.fullmatch(str(key)) else f"[{json.dumps(str(key))}]"


def index_keys(value) -> dict:
    """name -> [(JSON path, value)] for every member of `value`, in one walk."""
    index: dict = {}
    for path, name, item in _walk(value, "$"):
        index.setdefault(name, []).append((path, item))
    return index


MAX_DEPTH = 100  # as safe_json: a server's 2,000-deep answer is walked this far, never a RecursionError


def _walk(value, path, depth=0):
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            here = path + _json_key(key)
            yield here, key, item
            yield from _walk(item, here, depth + 1)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _walk(item, f"{path}[{position}]", depth + 1)


def find_key(value, name: str, path: str = "$"):
    """Yield (JSON path, value) for every member called `name`, at any depth (up to MAX_DEPTH)."""
    return ((here, item) for here, key, item in _walk(value, path) if key == name)
