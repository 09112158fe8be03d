"""Whether a sent answer can show anything the troubleshooting catalogue flags, decided
without loading it: `may_need_diagnosis(exchange)`.

Every send is diagnosed (a 200 can hold failed recipients), but loading core.diagnose and
its catalogue costs more than the rest of a command-line send's own work. For a 2xx answer
the catalogue's matchers can only fire on what the answer carries, so this reads the answer
for those things and says True as soon as one may be there:

- the members the catalogue reads anywhere in a body (`FIELD_NAMES`: per-recipient results,
  event records...), and the top-level members an error's code, reason or message come from
  (`ERROR_MEMBERS`), as quoted names in the body's text (an escaped name too: any `\\u`);
- the headers it reads (`HEADER_NAMES`), an HTML page (a Content-Type or a body starting
  with `<`), a body in memory only in part;
- validation problems the send went out with;
- a Date header more than `MAX_SKEW_SECONDS` from the signing time (the clock-skew check).

Anything else (no answer, an error, a status other than 2xx) is always diagnosed. False
means the catalogue would find nothing; tests/send/test_diagnosis_gate.py holds this list
to the catalogue, entry by entry, so an entry it cannot see fails there.
"""

from __future__ import annotations

FIELD_NAMES = ("DeliveryStatus", "StatusMessage", "record_status", "messageStatus", "Valid", "Status",
               "PhoneTypeCode", "PhoneNumberType", "ConfigurationSets", "EventDestinations", "SendingEnabled")
ERROR_MEMBERS = ("__type", "code", "Code", "message", "Message", "errorMessage", "Reason")
HEADER_NAMES = ("x-workbench-scenario", "x-amzn-errortype")
CHECKS_SEEN = ("clock_skew",)  # the catalogue's code checks that run without a matcher: done here
MAX_SKEW_SECONDS = 5 * 60  # as core.diagnose.checks.base: SigV4 refuses a request signed further off

_QUOTED = tuple(f'"{name}"' for name in (*FIELD_NAMES, *ERROR_MEMBERS))


def may_need_diagnosis(exchange) -> bool:
    """False only when the catalogue cannot flag anything in this sent exchange."""
    response = getattr(exchange, "response", None)
    if not getattr(exchange, "sent", True) or response is None or getattr(exchange, "error", None) is not None:
        return True
    if not 200 <= response.status < 300 or response.truncated or getattr(exchange, "problems", ()):
        return True
    names = {name.lower() for name, _ in response.headers}
    if names.intersection(HEADER_NAMES) or "html" in (response.header("Content-Type") or "").lower():
        return True
    text = response.text()
    if text.lstrip()[:1] == "<" or "\\u" in text or any(quoted in text for quoted in _QUOTED):
        return True
    return _skewed(response.header("Date"), getattr(getattr(exchange, "inspection", None), "timestamp", ""))


def _skewed(date: str | None, signed: str) -> bool:
    """The server's Date and the signing time (X-Amz-Date) further apart than SigV4 allows;
    False when either is missing, True when one cannot be read (let the catalogue say)."""
    if not date or not signed:
        return False
    from datetime import datetime, timezone
    from email.utils import parsedate_to_datetime

    try:
        server = parsedate_to_datetime(date)
        local = datetime.strptime(signed, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return True
    if server.tzinfo is None:
        server = server.replace(tzinfo=timezone.utc)
    return abs((server - local).total_seconds()) > MAX_SKEW_SECONDS
