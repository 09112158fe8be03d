"""`credentials test`: a harmless signed read through the send service (GetApps, or the SMS
v2 account attributes where Pinpoint is not offered) that shows whether an environment's
credentials work and what they reached. Not kept in the history: it is a probe, not a send
of the user's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.request.drafts import RequestDraft

IDENTITY_ARN = re.compile(r"arn:aws[\w-]*:(?:iam|sts)::\d{12}:[\w+=,.@/-]+")


@dataclass(frozen=True)
class CredentialsCheck:
    environment: object  # the Environment probed
    credentials: object  # the Credentials used (show only their masked id and source)
    report: dict  # operation, host, region, access_key_id (masked), ok, status, error, identity
    hidden: frozenset = frozenset()


def check_credentials(session, options=None, cancel=None) -> CredentialsCheck:
    """Probe `session`'s environment (a SendSession). What stops the probe before it is
    signed (no credentials, an untrusted host...) raises, as it does for a send."""
    from workbench.core.environments.credentials import mask_access_key_id
    from workbench.core.send import transport

    env = session.environment
    operation = "pinpoint:GetApps" if "pinpoint" in env.hosts else "pinpoint-sms-voice-v2:DescribeAccountAttributes"
    credentials = session.credentials(cancel)
    outcome = session.send(RequestDraft(operation=operation), record=False, keep_saves=False, cancel=cancel,
                           options=options or transport.SendOptions(read_timeout=30, environ=session.workspace.environ))
    if outcome.error is not None:
        raise outcome.error
    exchange = outcome.exchange
    report = {"operation": operation, "host": outcome.plan.request.host, "region": outcome.plan.region,
              "access_key_id": mask_access_key_id(exchange.inspection.access_key_id)}
    response = exchange.response
    if response is None:
        return CredentialsCheck(env, credentials, report | {"ok": False, "status": None, "error": str(exchange.error)},
                                outcome.hidden)
    report |= {"ok": response.ok, "status": response.status}
    if not response.ok:
        body = response.json() if isinstance(response.json(), dict) else {}
        message = body.get("message") or body.get("Message") or response.text()[:300]
        error_type = (response.header("x-amzn-ErrorType") or body.get("__type") or "").split(":")[0]
        report["error"] = f"{error_type}: {message}" if error_type else message
        identity = IDENTITY_ARN.search(message or "")
        if identity:
            report["identity"] = identity.group(0)
    return CredentialsCheck(env, credentials, report, outcome.hidden)
