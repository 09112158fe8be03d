"""Two sends of one request, side by side ("works in us-east-1, fails in eu-west-1"):
status, headers, body and the signing compared, every difference marked. Plain data for
any front end; headers that differ on every send (date, request id) are compared but
marked as expected to differ."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field

from workbench.core.environments.secret_variables import redact

# Headers whose values differ between any two sends, so a difference there says nothing.
VOLATILE_HEADERS = frozenset({"date", "x-amzn-requestid", "x-amz-request-id", "x-amz-apigw-id", "x-amzn-trace-id",
                              "content-length", "connection", "keep-alive", "server"})


@dataclass(frozen=True)
class Row:
    name: str
    left: str
    right: str
    expected_to_differ: bool = False

    @property
    def differs(self) -> bool:
        return self.left != self.right


@dataclass(frozen=True)
class BodyLine:
    left: str | None  # None: no such line on that side
    right: str | None

    @property
    def differs(self) -> bool:
        return self.left != self.right


@dataclass(frozen=True)
class Comparison:
    status: Row
    headers: tuple[Row, ...]
    body: tuple[BodyLine, ...]
    signing: tuple[Row, ...]  # region, host, credential scope, signed headers...
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def differences(self) -> int:
        rows = (self.status, *self.signing, *(h for h in self.headers if not h.expected_to_differ))
        return sum(r.differs for r in rows) + sum(line.differs for line in self.body)


def status_text(exchange) -> str:
    if not exchange.sent:
        return "not sent"
    if exchange.response is None:
        return f"no response: {exchange.error}"
    return f"{exchange.response.status} {exchange.response.reason}".strip()


def body_lines(exchange) -> list[str]:
    """The body as stable lines: JSON pretty-printed with sorted keys, else its text."""
    if exchange.response is None:
        return []
    parsed = exchange.response.json()
    if parsed is not None:
        return json.dumps(parsed, indent=2, sort_keys=True, ensure_ascii=False).splitlines()
    return exchange.response.text().splitlines()


def _aligned(left: list[str], right: list[str]) -> tuple[BodyLine, ...]:
    lines: list[BodyLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [BodyLine(a, a) for a in left[i1:i2]]
            continue
        a, b = left[i1:i2], right[j1:j2]
        for k in range(max(len(a), len(b))):
            lines.append(BodyLine(a[k] if k < len(a) else None, b[k] if k < len(b) else None))
    return tuple(lines)


def _headers(exchange) -> dict[str, str]:
    if exchange.response is None:
        return {}
    return {name.lower(): value for name, value in exchange.response.headers}


def _signing(inspection) -> dict[str, str]:
    from urllib.parse import urlsplit

    return {"region": inspection.region, "host": urlsplit(inspection.url).netloc,
            "credential scope": inspection.credential_scope, "signing name": inspection.signing_name,
            "signed headers": ";".join(inspection.signed_headers), "method": inspection.method,
            "path": urlsplit(inspection.url).path, "payload hash": inspection.payload_hash}


def compare(left, right, hidden=()) -> Comparison:
    """`left` and `right` are Exchanges of the same request in two environments; every value
    in `hidden` (the secrets the sends saw) is masked wherever it shows."""
    def shown(text: str) -> str:
        return redact(text, hidden) if hidden and text else text

    lh, rh = _headers(left), _headers(right)
    headers = tuple(Row(name, shown(lh.get(name, "")), shown(rh.get(name, "")), name in VOLATILE_HEADERS)
                    for name in sorted(set(lh) | set(rh)))
    ls, rs = _signing(left.inspection), _signing(right.inspection)
    signing = tuple(Row(name, shown(ls[name]), shown(rs[name])) for name in ls)
    notes = []
    if left.environment == right.environment:
        notes.append("both sides used the same environment")
    return Comparison(Row("status", shown(status_text(left)), shown(status_text(right))), headers,
                      _aligned([shown(line) for line in body_lines(left)], [shown(line) for line in body_lines(right)]),
                      signing, tuple(notes))


def compare_in(service, draft, left: str, right: str, *, cancel=None, options=None) -> Comparison:
    """Send `draft` in environments `left` and `right` (one after the other) through the send
    service (each send recorded in the history; the draft's saves read, not kept) and compare.
    A side that cannot be sent raises, naming its environment."""
    from workbench.core.common.errors import WorkbenchError

    exchanges, hidden = [], set()
    for name in (left, right):
        outcome = service.send(name, draft, keep_saves=False, options=options, cancel=cancel)
        hidden |= outcome.hidden
        if outcome.error is not None:  # say which side could not be sent
            raise WorkbenchError(f"{name}: {redact(str(outcome.error), hidden)}")
        exchanges.append(outcome.exchange)
    return compare(*exchanges, hidden=hidden)
