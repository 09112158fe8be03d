"""A request or response body as a person reads it: pretty when JSON, text when text,
a size when binary, and capped so a 10 MB body does not flood a terminal or a pane."""

from __future__ import annotations

import json

from workbench.core.common import safe_json
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
    try:  # safe_json: a 100,000-deep or 5,000-digit body is shown as it is, never a crash
        text = json.dumps(safe_json.loads(text, source="body"), indent=2, ensure_ascii=False)
    except (safe_json.JsonInputError, ValueError, RecursionError):
        pass
    if full or len(text) <= cap:
        return text
    return text[:cap] + f"\n[... {len(text) - cap} more characters of {len(body)} bytes not shown]"
