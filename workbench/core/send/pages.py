"""Fetch all pages: follow a paginated operation's next-page token with the project's own
signed send, page after page, and merge the answers the way the AWS CLI presents them.

    result = fetch_all_pages(session, draft, page_size=100, max_items=1000, cancel=token,
                             on_page=lambda p: ...)
    result.merged      {"PhoneNumbers": [...every page's...], "NextToken": ...when stopped early}
    result.pages       each page's SendOutcome (its plan, what was signed, its answer, diagnoses)

Each page goes through the send service (signed, checked, diagnosed like any send); the
fetch is kept in the history as one entry (the merged result) with its pages. The token goes
where the model puts it (a query variable of a REST API, a body member of the JSON API),
so does the page size; with `max_items` the last page asks for just what is still wanted,
so the token kept when it stops is exactly where the next fetch would start. A page that
fails, a token that repeats, a cancel: the fetch stops there and keeps what came.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, replace
from typing import Callable

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.common.errors import WorkbenchError
from workbench.core.library.paginators import Paginator, paginator_for
from workbench.core.request.drafts import RequestDraft


class NotPaginated(WorkbenchError):
    code = "not_paginated"
    fmt = "{operation} is not paginated: it answers in one piece (`library list` marks [pages] the operations that page)"


class PagingInputError(WorkbenchError):
    code = "usage"
    fmt = "{detail}"


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    outcome: object  # the SendOutcome of this page
    items: int = 0  # items in its result keys
    next_token: str | None = None  # the token its answer gave (None: the last page)
    asked_with: str | None = None  # the token it was asked with (None: the first page)


@dataclass(frozen=True)
class FetchProgress:
    pages: int
    items: int
    status: int | None = None  # the last page's

    def text(self) -> str:
        return f"{self.pages} page{'s' if self.pages != 1 else ''}, {self.items} items"


@dataclass
class FetchResult:
    operation: str
    paginator: Paginator
    pages: list[Page] = field(default_factory=list)
    merged: dict = field(default_factory=dict)
    items: int = 0
    stopped: str | None = None  # None: every page came; "max-items", "cancelled", "failed", "repeated-token"
    next_token: str | None = None  # where a next fetch would start (kept when stopped early)
    error: WorkbenchError | None = None  # what stopped a page before it was signed (nothing sent for it)
    history_id: int | None = None
    warnings: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.stopped is None

    @property
    def failed_page(self) -> Page | None:
        last = self.pages[-1] if self.pages else None
        return last if self.stopped == "failed" and last is not None else None

    @property
    def last_outcome(self):
        return self.pages[-1].outcome if self.pages else None

    def to_dict(self) -> dict:
        """The merged body plus `pages` (count) and `items`, as `send --all-pages --json` prints it."""
        data = dict(self.merged) | {"pages": len(self.pages), "items": self.items}
        if self.stopped:
            data["stopped"] = self.stopped
        return data


# --------------------------------------------------------------------------- one page's request


def _template(session, draft: RequestDraft):
    from workbench.core.send.plan import template_for_draft

    return template_for_draft(draft, session.service.library)


def _limit_maximum(paginator: Paginator) -> int | None:
    from workbench.core.library.apis import service_model

    if not paginator.limit_key:
        return None
    shape = service_model(paginator.api).operation_model(paginator.operation).input_shape
    member = shape.members.get(paginator.limit_key) if shape is not None else None
    maximum = member.metadata.get("max") if member is not None else None
    return int(maximum) if maximum else None


class _Pager:
    """Puts a token and a page size into copies of one draft, where the model says they go."""

    def __init__(self, session, draft: RequestDraft, paginator: Paginator):
        self.paginator = paginator
        self.draft = draft
        template = _template(session, draft)
        self.in_body = template.protocol == "json"
        if self.in_body:
            self.body = self._body_object(session, draft, template)
        else:
            by_member = {v.member: v for v in template.variables if getattr(v, "member", None)}
            missing = [m for m in (*paginator.input_token, paginator.limit_key) if m and m not in by_member]
            if missing:
                raise PagingInputError(detail=f"{template.key}: the template has no variable for {', '.join(missing)}")
            token = by_member[paginator.input_token[0]]
            self.token_variable = token.name
            # the token goes as its own query parameter, not as the variable: a variable named
            # `token` counts as a secret, and a page token is a cursor to show and keep
            self.token_parameter = next((q.name for q in template.query if q.variable == token.name), token.name)
            self.limit_variable = by_member[paginator.limit_key].name if paginator.limit_key else None

    @property
    def starting_token(self) -> str | None:
        """The token the draft itself carries (a fetch that goes on from where another stopped)."""
        if self.in_body:
            value = self.body.get(self.paginator.input_token[0])
        else:
            value = dict(self.draft.query).get(self.token_parameter) or self.draft.variables_dict().get(self.token_variable)
        return str(value) if value not in (None, "") else None

    @staticmethod
    def _body_object(session, draft: RequestDraft, template) -> dict:
        """The JSON body the pages share: the draft's as written, or (when it holds template
        syntax that is not JSON yet) as rendered in this environment."""
        from workbench.core.send.plan import draft_body

        text = draft_body(draft, template) or "{}"
        try:
            value = json.loads(text)
        except ValueError:
            plan = session.plan(draft)
            if plan.error is not None:
                raise plan.error
            try:
                value = json.loads(plan.request.body or b"{}")
            except ValueError:
                raise PagingInputError(detail=f"{template.key}: the body is not a JSON object; pages cannot carry a token") from None
        if not isinstance(value, dict):
            raise PagingInputError(detail=f"{template.key}: the body is not a JSON object; pages cannot carry a token")
        return value

    def page(self, token: str | None, limit: int | None) -> RequestDraft:
        names = self.paginator.input_token
        if self.in_body:
            body = {k: v for k, v in self.body.items() if k not in names}
            if token is not None:
                body[names[0]] = token
            if limit is not None and self.paginator.limit_key:
                body[self.paginator.limit_key] = limit
            return replace(self.draft, body=json.dumps(body, ensure_ascii=False))
        variables = {k: v for k, v in self.draft.variables if k != self.token_variable}
        query = tuple((k, v) for k, v in self.draft.query if k != self.token_parameter)
        if token is not None and not any(mark in token for mark in ("{{", "{%", "{#")):
            query += ((self.token_parameter, token),)
        elif token is not None:  # would read as template syntax as a fixed value: through the variable
            variables[self.token_variable] = token
        if limit is not None and self.limit_variable:
            variables[self.limit_variable] = str(limit)
        return replace(self.draft, variables=tuple(variables.items()), query=query)


# --------------------------------------------------------------------------- merging


def _search(body, path: str):
    value = body
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _put(target: dict, path: str, value) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def _count(body, paginator: Paginator) -> int:
    return sum(len(v) for v in (_search(body, k) for k in paginator.result_keys) if isinstance(v, list))


def merge(bodies: list, paginator: Paginator) -> dict:
    """Pages merged as botocore's `build_full_result` (the AWS CLI) does: each result key's
    values concatenated (lists extended, strings and numbers added), the non-aggregate keys
    taken from the first page, nothing else."""
    merged: dict = {}
    for body in bodies:
        for key in paginator.result_keys:
            value = _search(body, key)
            if value is None:
                continue
            existing = _search(merged, key)
            if existing is None:
                _put(merged, key, list(value) if isinstance(value, list) else value)
            elif isinstance(value, list) and isinstance(existing, list):
                existing.extend(value)
            elif isinstance(value, (int, float, str)) and isinstance(existing, type(value)):
                _put(merged, key, existing + value)
    for key in paginator.non_aggregate_keys:
        value = _search(bodies[0], key) if bodies else None
        if value is not None:
            _put(merged, key, value)
    return merged


def _truncate(body: dict, paginator: Paginator, keep: int) -> dict:
    """The first `keep` items of a page (its result keys in order)."""
    body = json.loads(json.dumps(body))
    for key in paginator.result_keys:
        value = _search(body, key)
        if isinstance(value, list):
            _put(body, key, value[:keep])
            keep = max(0, keep - len(value))
    return body


def resume_token(paginator: Paginator, asked_with: str | None, kept: int) -> str:
    """botocore's resume token for a page cut after `kept` items (the AWS CLI's NextToken
    under --max-items when a page held more than was wanted)."""
    data = {paginator.input_token[0]: asked_with, "boto_truncate_amount": kept}
    return base64.b64encode(json.dumps(data).encode()).decode()


# --------------------------------------------------------------------------- the fetch


def fetch_all_pages(
    session,
    draft: RequestDraft,
    *,
    page_size: int | None = None,
    max_items: int | None = None,
    on_plan=None,
    on_page: Callable[[FetchProgress], None] | None = None,
    cancel: CancelToken | None = None,
    progress=None,
    record: bool = True,
    **send_options,
) -> FetchResult:
    """Every page of `draft`'s answer, through `session` (a SendSession). See the module."""
    if draft.is_raw:
        raise NotPaginated(operation="a raw request")
    template = _template(session, draft)
    paginator = paginator_for(template.api, template.operation)
    if paginator is None:
        raise NotPaginated(operation=template.key)
    for name, value in (("the page size", page_size), ("the most items", max_items)):
        if value is not None and value < 1:
            raise PagingInputError(detail=f"{name} must be 1 or more (got {value})")
    maximum = _limit_maximum(paginator)
    if page_size is not None and maximum is not None and page_size > maximum:
        raise PagingInputError(detail=f"a page size of {page_size}: {paginator.limit_key} is at most {maximum} for {template.key}")
    pager = _Pager(session, draft, paginator)
    result = FetchResult(template.key, paginator)
    bodies, token, seen = [], pager.starting_token, set()
    while True:
        wanted = None if max_items is None else max_items - result.items
        limit = page_size
        if wanted is not None and paginator.limit_key:
            limit = min(page_size or maximum or wanted, wanted)
        try:
            outcome = session.send(pager.page(token, limit), on_plan=on_plan if not result.pages else None,
                                   record=False, cancel=cancel, progress=progress, **send_options)
        except Cancelled:
            result.stopped, result.next_token = "cancelled", token
            break
        if outcome.error is not None:  # nothing signed for this page (a missing variable...)
            result.error, result.stopped = outcome.error, "failed"
            result.pages.append(Page(len(result.pages) + 1, outcome, asked_with=token))
            break
        response = outcome.exchange.response
        body = response.json() if response is not None and response.ok else None
        if not isinstance(body, dict):
            result.pages.append(Page(len(result.pages) + 1, outcome, asked_with=token))
            result.stopped, result.next_token = "failed", token
            break
        next_token = _search(body, paginator.output_token[0]) or None
        count = _count(body, paginator)
        if wanted is not None and count > wanted:  # the service gave more than was asked: cut as botocore does
            body, count = _truncate(body, paginator, wanted), wanted
            next_token = resume_token(paginator, token, wanted)
            result.stopped = "max-items"
        page = Page(len(result.pages) + 1, outcome, count, next_token, token)
        result.pages.append(page)
        bodies.append(body)
        result.items += count
        if on_page is not None:
            on_page(FetchProgress(len(result.pages), result.items, response.status))
        token = next_token
        if result.stopped:
            result.next_token = token
            break
        if not token:
            break
        if token in seen:  # a service that gives the same token twice would page forever
            result.stopped, result.next_token = "repeated-token", token
            break
        seen.add(token)
        if max_items is not None and result.items >= max_items:
            result.stopped, result.next_token = "max-items", token
            break
    result.merged = merge(bodies, paginator)
    if result.next_token and result.stopped in ("max-items", "cancelled", "repeated-token"):
        result.merged["NextToken"] = result.next_token  # as the AWS CLI keeps it
    if record:
        _record(session, result)
    return result


def merged_exchange(result: FetchResult):
    """The exchange that stands for the whole fetch: the first page's request with the merged
    result as its answer (the last page's status and headers), or the failing page's own."""
    signed = [p for p in result.pages if p.outcome.exchange is not None]
    if not signed:
        return None
    failed = result.failed_page
    if failed is not None and failed.outcome.exchange is not None:
        return replace(failed.outcome.exchange, inspection=signed[0].outcome.exchange.inspection)
    first, last = signed[0].outcome.exchange, signed[-1].outcome.exchange
    body = json.dumps(result.merged, ensure_ascii=False).encode("utf-8")
    elapsed = sum(p.outcome.exchange.response.elapsed_ms for p in signed if p.outcome.exchange.response is not None)
    response = replace(last.response, body=body, size_bytes=len(body), elapsed_ms=elapsed, truncated=False,
                       body_path=None)
    return replace(first, response=response)


def _record(session, result: FetchResult) -> None:
    exchange = merged_exchange(result)
    if exchange is None or not exchange.sent:
        return
    plan = result.pages[0].outcome.plan
    try:
        with session.workspace.using("history") as history:
            result.history_id = history.record_fetch(plan, exchange, result.pages, hidden=session.hidden)
    except WorkbenchError as exc:
        result.warnings += (f"not kept in the history: {exc}",)
