"""Pinpoint Email: sending enabled, production access, enforcement, the 24-hour quota (rate
and use), identities with their verification and DKIM status."""

from __future__ import annotations

from workbench.core.health.model import Evidence, Finding, finding

NEAR = 0.8


def _number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _account(answers) -> list[Finding]:
    account = answers.one("email.account")
    if account is None:
        return []
    body, op = account.body, account.operation
    found = []
    if body.get("SendingEnabled") is False:
        found.append(finding("email-sending-disabled", [Evidence("email.account", op, "$.SendingEnabled", False)]))
    status = body.get("EnforcementStatus")
    if status and status != "HEALTHY":
        found.append(finding("email-enforcement", [Evidence("email.account", op, "$.EnforcementStatus", status)], status=status))
    quota = body.get("SendQuota") or {}
    maximum, sent, rate = (_number(quota.get(k, 0)) for k in ("Max24HourSend", "SentLast24Hours", "MaxSendRate"))
    if body.get("ProductionAccessEnabled") is False:
        found.append(finding("email-sandbox", [Evidence("email.account", op, "$.ProductionAccessEnabled", False)], quota=maximum))
    evidence = [Evidence("email.account", op, "$.SendQuota.SentLast24Hours", sent)]
    if maximum and sent >= maximum:
        found.append(finding("email-quota-used", evidence, sent=sent, quota=maximum))
    elif maximum and sent >= NEAR * maximum:
        found.append(finding("email-quota-near", evidence, sent=sent, quota=maximum))
    found.append(finding("email-quota", evidence, sent=sent, quota=maximum, rate=rate))
    return found


def _identities(answers) -> list[Finding]:
    listed = answers.one("email.identities")
    if listed is None:
        return []
    identities = listed.body.get("EmailIdentities") or []
    if not identities:
        return [finding("email-no-identity", [Evidence("email.identities", listed.operation, "$.EmailIdentities", [])])]
    found = []
    for result in answers.ok("email.identity"):
        body, op, name = result.body, result.operation, result.subject
        if body.get("VerifiedForSendingStatus") is False:
            found.append(finding("email-identity-unverified", [Evidence("email.identity", op, "$.VerifiedForSendingStatus", False)],
                                 identity=name))
        dkim = (body.get("DkimAttributes") or {}).get("Status")
        if body.get("IdentityType") == "DOMAIN" and dkim and dkim != "SUCCESS":
            found.append(finding("email-dkim-not-verified", [Evidence("email.identity", op, "$.DkimAttributes.Status", dkim)],
                                 identity=name, status=dkim))
    kinds: dict[str, int] = {}
    for item in identities:
        kinds[item.get("IdentityType", "?")] = kinds.get(item.get("IdentityType", "?"), 0) + 1
    checked = len(answers.ok("email.identity"))
    listed_count = answers.listed.get("email.identity", len(identities))
    summary = ", ".join(f"{n} {k.lower().replace('_', ' ')}" for k, n in sorted(kinds.items()))
    summary += f"; {checked} of {listed_count} checked for verification" if checked < listed_count else ""
    found.append(finding("email-identities", [Evidence("email.identities", listed.operation, "$.EmailIdentities",
                                                       len(identities))], summary=summary))
    return found


def check(answers) -> list[Finding]:
    return _account(answers) + _identities(answers)
