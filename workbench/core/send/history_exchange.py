"""A history entry back as an Exchange, so a front end shows a past send exactly like a new
one (status, headers, the kept part of the body, the inspection record)."""

from __future__ import annotations

from workbench.core.send.send_flow import Exchange
from workbench.core.send.signing import InspectionRecord
from workbench.core.send.transport import Response


def inspection_from_dict(data: dict) -> InspectionRecord:
    fields = dict(data)
    fields["signature_redacted"] = fields.pop("signature", "")
    fields["signed_headers"] = tuple(fields.get("signed_headers") or ())
    fields["headers"] = tuple(tuple(pair) for pair in fields.get("headers") or ())
    known = InspectionRecord.__dataclass_fields__
    return InspectionRecord(**{k: v for k, v in fields.items() if k in known})


def exchange_from_entry(entry) -> Exchange:
    """`entry` is a core history.HistoryEntry. The response's body is what history kept
    (capped); `truncated` says when that is only the beginning."""
    response = None
    if entry.status is not None:
        response = Response(status=entry.status, reason="", headers=tuple(entry.response_headers),
                            body=entry.response_body, size_bytes=entry.response_bytes or len(entry.response_body),
                            elapsed_ms=entry.elapsed_ms or 0.0, truncated=False)
    notes = ("the body shown is the part history kept",) if entry.body_truncated else ()
    error = None
    if entry.error:
        from workbench.core.common.errors import WorkbenchError

        error = WorkbenchError(entry.error.get("message", "no response"))
    return Exchange(entry.environment, inspection_from_dict(entry.inspection), notes=notes, response=response,
                    error=error, sent=entry.sent, operation=entry.operation, region=entry.region)
