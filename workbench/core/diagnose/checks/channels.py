"""Email and SMS/voice: unverified identities and the email sandbox, simulator numbers
across countries, the voice sandbox's countries."""

from __future__ import annotations

import re

from workbench.core.diagnose.checks.base import Finding, check, facts
from workbench.core.diagnose.json_walk import find_key
from workbench.core.diagnose.model import Evidence

FAILED_IDENTITIES = re.compile(r"identities failed the check in region ([\w-]+): (.+)", re.IGNORECASE)


def _failed_identities(obs) -> tuple[str, list[str]] | None:
    texts = [obs.message] + [v for _, v in find_key(obs.body, "StatusMessage") if isinstance(v, str)]
    for text in texts:
        hit = FAILED_IDENTITIES.search(text or "")
        if hit:
            return hit.group(1), [i.strip().rstrip(".") for i in hit.group(2).split(",") if i.strip()]
    return None


def _sender(ctx) -> str | None:
    for key in ("FromAddress", "FromEmailAddress"):
        for _, value in find_key(ctx.body, key):
            if isinstance(value, str):
                return re.sub(r".*<([^>]+)>.*", r"\1", value).strip().lower()
    return None


@check
def email_sender_unverified(obs, ctx, match, now):
    failed = _failed_identities(obs)
    if not failed:
        return Finding(captures={"identities": "the sender"})
    sender = _sender(ctx)
    region, identities = failed
    if sender and sender not in [i.lower() for i in identities]:
        return None
    return Finding(captures={"identities": ", ".join(identities), "region": region},
                   fixes=[{"action": "open_operation", "operation": "pinpoint-email:CreateEmailIdentity"}])


@check
def email_recipient_unverified(obs, ctx, match, now):
    failed = _failed_identities(obs)
    sender = _sender(ctx)
    if not failed or not sender:
        return None
    region, identities = failed
    recipients = [i for i in identities if i.lower() != sender]
    if not recipients:
        return None
    return Finding(captures={"identities": ", ".join(recipients), "region": region})


# --------------------------------------------------------------------------- SMS and voice


def _numbers(ctx, *keys) -> list[str]:
    return [v for k in keys for _, v in find_key(ctx.body, k) if isinstance(v, str) and v.startswith("+")]


def _simulator_country(number: str) -> str | None:
    for country, row in facts()["sms_simulator_numbers"].items():
        if number in (row["success"], row["failure"]):
            return country
    return None


@check
def simulator_cross_country(obs, ctx, match, now):
    """A simulator number on one side and the other side in another country (or not a
    simulator at all, when AWS's message says a simulator was involved)."""
    destinations = _numbers(ctx, "DestinationPhoneNumber")
    origins = _numbers(ctx, "OriginationIdentity", "OriginationNumber")
    destination = destinations[0] if destinations else None
    origin = origins[0] if origins else None
    dest_country = _simulator_country(destination) if destination else None
    if dest_country is not None and origin is not None:
        calling = facts()["sms_simulator_numbers"][dest_country]["calling_code"]
        if origin.startswith(calling) and _simulator_country(origin) in (None, dest_country):
            return None
        explanation = (f"{destination} is a {dest_country} simulator number; only a {dest_country} "
                       f"origination number reaches it (used: {origin})")
    elif re.search(r"simulator", obs.message):
        explanation = f"a simulator origination number reaches only its own country's simulator numbers, not {destination or 'this destination'}"
    else:
        return None
    evidence = [Evidence("field", "$.DestinationPhoneNumber", destination)] if destination else []
    return Finding(captures={"explanation": explanation, "country": dest_country or "that country"}, evidence=evidence)


@check
def voice_sandbox_country(obs, ctx, match, now):
    is_voice = (ctx.operation or "") == "SendVoiceMessage" or any(True for _ in find_key(ctx.body, "VoiceMessage"))
    if not is_voice:
        return None
    destinations = _numbers(ctx, "DestinationPhoneNumber", "ToAddress")
    allowed = facts()["voice_sandbox_countries"]
    if not destinations or any(destinations[0].startswith(code) for code in allowed.values()):
        return None
    return Finding(captures={"destination": destinations[0], "countries": ", ".join(allowed)},
                   evidence=[Evidence("field", "$.DestinationPhoneNumber", destinations[0])])
