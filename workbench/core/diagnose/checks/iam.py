"""IAM denials: "not authorized to perform" parsed into the least-privilege statement for
exactly that action and resource; iam:PassRole limited to the service that receives the role."""

from __future__ import annotations

import re

from workbench.core.diagnose.checks.base import Finding, check, endpoint_region, facts
from workbench.core.diagnose.json_walk import find_key
from workbench.core.diagnose.model import Evidence

NOT_AUTHORIZED = re.compile(
    r"User: (?P<principal>\S+) is not authorized to perform: (?P<action>[\w-]+:[\w*]+)"
    r"(?: on resource: (?P<resource>[^\s\"']+))?", re.IGNORECASE)


def _fill_arn(template: str, obs, ctx, principal: str) -> str:
    account = re.search(r"::(\d{12}):", principal or "")
    values = {"region": endpoint_region(obs, ctx) or "*", "accountId": account.group(1) if account else "*"}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "*"), template)


def least_privilege(action: str, resource: str | None, obs, ctx, principal: str = "") -> dict:
    """The IAM statement that allows exactly `action` on `resource` (or on the ARN format the
    developer guide gives for the action when the message names no resource)."""
    if not resource:
        fact = facts()["iam_actions"].get(action, {})
        formats = (fact.get("resource") or "*").split(" | ")
        resource = _fill_arn(formats[0], obs, ctx, principal)
    return {"Effect": "Allow", "Action": action, "Resource": resource}


@check
def iam_statement(obs, ctx, match, now):
    found = NOT_AUTHORIZED.search(obs.message)
    if not found:
        return None
    action, resource, principal = found.group("action"), found.group("resource"), found.group("principal")
    statement = least_privilege(action, resource, obs, ctx, principal)
    fact = facts()["iam_actions"].get(action, {})
    return Finding(
        captures={"action": action, "resource": statement["Resource"], "principal": principal},
        evidence=[Evidence("message", "action", action), Evidence("message", "resource", statement["Resource"]),
                  Evidence("message", "principal", principal)],
        fixes=[{"action": "copy_policy", "statement": statement}],
        details={"action": action, "resource": statement["Resource"], "principal": principal,
                 "statement": statement, "action_source": fact.get("source", "unknown")},
    )


@check
def passrole_statement(obs, ctx, match, now):
    found = NOT_AUTHORIZED.search(obs.message)
    if not found or found.group("action").lower() != "iam:passrole":
        return None
    role = found.group("resource")
    if not role:
        roles = [v for k in ("RoleArn", "IamRoleArn") for _, v in find_key(ctx.body, k) if isinstance(v, str)]
        role = roles[0] if roles else "arn:aws:iam::{accountId}:role/ROLE-NAME"
    signing_name = (obs.inspection or {}).get("signing_name") or "mobiletargeting"
    service = facts()["passrole_services"].get(signing_name, "pinpoint.amazonaws.com")
    statement = {"Effect": "Allow", "Action": "iam:PassRole", "Resource": role,
                 "Condition": {"StringEquals": {"iam:PassedToService": service}}}
    return Finding(
        captures={"role": role, "service": service, "principal": found.group("principal")},
        evidence=[Evidence("message", "role", role)],
        fixes=[{"action": "copy_policy", "statement": statement}],
        details={"statement": statement},
    )
