"""A value escaped for where it lands in a request: inside a JSON string, as a JSON value,
as one path segment. The filters every {{ expression }} is wrapped in (render.annotate)."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from workbench.core.common import safe_json

NUMBER = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?")


def as_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def json_in_string(value) -> str:
    return json.dumps(as_text(value), ensure_ascii=False)[1:-1]


def json_value(value) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, list, dict)):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    stripped = text.strip()
    if stripped in ("true", "false", "null") or NUMBER.fullmatch(stripped):
        return stripped
    if stripped[:1] in "[{":
        try:
            return json.dumps(safe_json.loads(stripped), ensure_ascii=False)
        except safe_json.JsonInputError:
            pass
    return json.dumps(text, ensure_ascii=False)


def path_segment(value) -> str:
    return quote(as_text(value), safe="")


ESCAPING_FILTERS = {"json_in_string": json_in_string, "json_value": json_value, "path_segment": path_segment}
