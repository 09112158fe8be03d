"""A request or response body as a person reads it: pretty when JSON, text when text,
a size when binary, and capped so a 10 MB body does not flood a terminal or a pane."""

from __future__ import annotations

import json

DEFAULT_CAP = 4000  # characters


def preview_body(body: bytes, full: bool = False, cap: int = DEFAULT_CAP) -> str:
    """'' for no body; otherwise the body's text (JSON indented), cut after `cap`
    characters with a line saying how much was left out (unless `full`)."""
    if not body:
        return ""
    try:
        text = bytes(body).decode("utf-8")
    except UnicodeDecodeError:
        return f"[binary body: {len(body)} bytes]"
    try:
        text = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        pass
    if full or len(text) <= cap:
        return text
    return text[:cap] + f"\n[... {len(text) - cap} more characters of {len(body)} bytes not shown]"
