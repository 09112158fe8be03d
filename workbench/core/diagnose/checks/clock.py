"""Clock skew: the response's Date against the local clock when the request was signed."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from workbench.core.diagnose.checks.base import MAX_SKEW_SECONDS, Finding, check
from workbench.core.diagnose.model import Evidence


@check
def clock_skew(obs, ctx, match, now):
    """Fatal skew: the response's Date and the local clock more than 5 minutes apart."""
    skew = response_skew(obs, now)
    if skew is None or abs(skew) <= MAX_SKEW_SECONDS:
        return None
    return _skew_finding(obs, skew)


@check
def signature_time(obs, ctx, match, now):
    """'Signature expired' / 'not yet current': add the measured skew when a Date came back."""
    skew = response_skew(obs, now)
    if skew is None:
        return Finding(captures={"skew": "off by an amount this answer cannot tell (no Date header, or no signing time)"})
    return _skew_finding(obs, skew)


def local_clock(obs, now) -> datetime | None:
    """The local clock when the request went out: `now` when the caller says, else the
    signing time (X-Amz-Date, read from the local clock; right for a saved exchange too);
    None when neither is known (a saved exchange without its inspection)."""
    if now is not None:
        return now
    stamp = (obs.inspection or {}).get("timestamp")
    if stamp:
        try:
            return datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    return None


def response_skew(obs, now) -> float | None:
    """Seconds the local clock is behind (+) or ahead (-) of the server's Date header."""
    date = obs.header("Date")
    if not date:
        return None
    try:
        server = parsedate_to_datetime(date)
    except (TypeError, ValueError):
        return None
    if server.tzinfo is None:
        server = server.replace(tzinfo=timezone.utc)
    local = local_clock(obs, now)
    if local is None:
        return None
    if local.tzinfo is None:
        local = local.replace(tzinfo=timezone.utc)
    return (server - local).total_seconds()


def _skew_finding(obs, skew: float) -> Finding:
    minutes = abs(skew) / 60
    direction = "behind" if skew > 0 else "ahead of"
    words = f"{minutes:.1f} minutes {direction} the server's clock"
    return Finding(
        captures={"skew": words, "skew_seconds": round(skew)},
        evidence=[Evidence("header", "Date", obs.header("Date")), Evidence("clock", "local clock", words)],
        details={"skew_seconds": round(skew)},
    )
