"""The pages of a multi-page fetch (`send --all-pages`) as the history keeps them: one row per
page in the history file's `pages` table (its schema lives with the others in history.py),
beside the one entry that stands for the fetch. Bodies are capped per page and per fetch,
and only the newest fetches keep them; every secret the send saw is masked, as in entries."""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench.core.common import safe_json
from workbench.core.environments.secret_variables import redact
from workbench.core.send.body_redaction import redact_body

PAGE_BODY_CAP = 64 * 1024  # response body bytes kept per page
FETCH_PAGE_BODIES_CAP = 1024 * 1024  # page bodies kept per fetch (past it: the page without its body)
FETCHES_WITH_PAGE_BODIES = 32  # the newest fetches keep their pages' bodies; older ones keep the rest


@dataclass(frozen=True)
class HistoryPage:
    """One page of a multi-page fetch, as kept (secret-free, its body capped)."""

    entry_id: int
    number: int  # 1-based
    url: str
    status: int | None
    error: dict | None
    elapsed_ms: float | None
    items: int
    next_token: str | None  # the token this page's answer gave (None on the last page)
    inspection: dict
    response_headers: tuple[tuple[str, str], ...] = ()
    response_body: bytes = b""
    body_truncated: bool = False  # part of the body kept, or (older fetches) none of it

    def to_dict(self) -> dict:
        body: object = self.response_body.decode("utf-8", errors="replace")
        if body and not self.body_truncated:
            try:
                body = safe_json.loads(body)
            except ValueError:
                pass
        return {"number": self.number, "url": self.url, "status": self.status, "error": self.error,
                "elapsed_ms": self.elapsed_ms, "items": self.items, "next_token": self.next_token,
                "inspection": self.inspection, "response_headers": dict(self.response_headers),
                "response_body": body, "body_truncated": self.body_truncated}


def record_pages(db, entry_id: int, pages, hidden) -> None:
    """`pages` (core.send.pages.Page) of the fetch kept as entry `entry_id`."""
    from workbench.core.send.signing import redact_headers

    budget = FETCH_PAGE_BODIES_CAP
    rows = []
    for page in pages:
        exchange = page.outcome.exchange
        response = exchange.response if exchange is not None else None
        inspection = exchange.inspection.to_dict() if exchange is not None else {}
        body, truncated, headers = b"", False, None
        if response is not None:
            body = response.body[: min(PAGE_BODY_CAP, budget)]
            budget -= len(body)
            truncated = response.truncated or len(response.body) > len(body)
            headers = redact(json.dumps(redact_headers(response.headers)), hidden)
            body = redact_body(body, hidden)
        error = exchange.error if exchange is not None else page.outcome.error
        error = redact(json.dumps(error.to_dict() | {"type": type(error).__name__}), hidden) if error else None
        rows.append((entry_id, page.number, redact(inspection.get("url", ""), hidden),
                     response.status if response is not None else None, error,
                     response.elapsed_ms if response is not None else None, page.items,
                     redact(page.next_token, hidden) if page.next_token else None,
                     redact(json.dumps(inspection), hidden), headers, body, int(truncated)))
    with db:
        db.executemany("INSERT OR REPLACE INTO pages (entry_id, number, url, status, error, elapsed_ms, items, "
                       "next_token, inspection, response_headers, response_body, body_truncated) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        # only the newest fetches keep their pages' bodies (through the partial index: flat in the size kept)
        kept = db.execute("SELECT DISTINCT entry_id FROM pages WHERE response_body IS NOT NULL "
                          "ORDER BY entry_id DESC LIMIT 1 OFFSET ?", (FETCHES_WITH_PAGE_BODIES - 1,)).fetchone()
        if kept is not None:
            db.execute("UPDATE pages SET response_body = NULL, body_truncated = 1 "
                       "WHERE response_body IS NOT NULL AND entry_id < ?", (kept[0],))


def page_from_row(row) -> HistoryPage:
    (entry_id, number, url, status, error, elapsed_ms, items, next_token, inspection, headers, body, truncated) = row
    return HistoryPage(entry_id, number, url, status, json.loads(error) if error else None, elapsed_ms, items or 0,
                       next_token, json.loads(inspection), tuple(tuple(p) for p in json.loads(headers)) if headers else (),
                       bytes(body or b""), bool(truncated))
