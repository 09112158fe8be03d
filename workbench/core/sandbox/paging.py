"""`NextToken` pagination and `Filters` as AWS applies them, over a list or over a kept
collection of records.

A list (a few computed rows) is paged by offset. A collection kept in the sandbox's state (a
dict of records: `state["smsv2"]["phone_numbers"]`) is paged by position: the token names
the last record returned, and the next page is read from there through the store's index,
so a page costs the same with 10 or 100,000 records before it.
"""

from __future__ import annotations

import base64
from typing import Callable, Iterator

from workbench.core.sandbox.smsv2_errors import validation

_CHUNK = 256


class Records:
    """The records of a kept collection (a dict, usually a state_tree.Node), each made by
    `row(key, value)` (default: the value) and kept when `keep(record)` (default: all)."""

    def __init__(self, mapping: dict, row: Callable | None = None, keep: Callable | None = None):
        self.mapping, self.row, self.keep = mapping, row, keep

    def where(self, keep: Callable) -> "Records":
        previous = self.keep
        return Records(self.mapping, self.row, keep if previous is None else lambda r: previous(r) and keep(r))

    def after(self, position: int) -> Iterator[tuple[int, dict]]:
        if hasattr(self.mapping, "page"):
            members = self.mapping.page(position, _CHUNK)
        else:
            members = ((i, k, v) for i, (k, v) in enumerate(list(self.mapping.items()), 1) if i > position)
        for seq, key, value in members:
            record = self.row(key, value) if self.row else value
            if self.keep is None or self.keep(record):
                yield seq, record


def _token(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


def _read_token(token: str) -> str:
    try:
        return base64.urlsafe_b64decode(token.encode()).decode()
    except (ValueError, UnicodeDecodeError):
        raise validation("INVALID_NEXT_TOKEN", "The NextToken is not valid.", "NextToken") from None


def _position(text: str, prefix: str) -> int:
    if not text.startswith(prefix) or not text[len(prefix):].isdigit() or len(text) > 40:
        raise validation("INVALID_NEXT_TOKEN", "The NextToken is not valid.", "NextToken")
    return int(text[len(prefix):])


def paginate(items, params: dict, key: str, default_max: int = 50) -> dict:
    """{key: one page, "NextToken": where the next starts (absent on the last page)}."""
    size = int(params.get("MaxResults") or default_max)
    token = params.get("NextToken")
    if isinstance(items, dict):
        items = Records(items)
    if isinstance(items, Records):
        start = _position(_read_token(token), "@") if token else 0
        page: list = []
        for seq, record in items.after(start):
            if len(page) == size:
                return {key: page, "NextToken": _token(f"@{start}")}
            page.append(record)
            start = seq
        return {key: page}
    start = _position(_read_token(token), "") if token else 0
    answer = {key: items[start:start + size]}
    if start + size < len(items):
        answer["NextToken"] = _token(str(start + size))
    return answer


def _pascal(filter_name: str) -> str:
    return "".join(part.capitalize() for part in filter_name.split("-"))


def filtered(records, filters: list | None, aliases: dict | None = None):
    """Filters as AWS applies them: each filter's Name (kebab-case) names a field; a record
    passes when every filter has a value equal to the field (any item of a list field).
    A list gives a list; a kept collection gives Records read as they are paged."""
    if not filters:
        return records

    def keep(record) -> bool:
        for item in filters:
            name = item.get("Name", "")
            value = record.get((aliases or {}).get(name, _pascal(name)))
            values = value if isinstance(value, list) else [value]
            wanted = {str(v).lower() for v in item.get("Values", [])}
            if not {str(v).lower() for v in values} & wanted:
                return False
        return True

    if isinstance(records, dict):
        records = Records(records)
    if isinstance(records, Records):
        return records.where(keep)
    return [record for record in records if keep(record)]
