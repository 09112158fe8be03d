"""The read-only IAM policy the health check needs: one Allow statement per service prefix,
with the action of every call the check makes and the resource each action is granted on
(resources/troubleshooting_facts.json `iam_actions`, vendored from the developer guide's
reference/iam-actions.json; region and account filled when the environment names them, `*`
otherwise). Derived from the calls, so a call added to the check is in the policy at once."""

from __future__ import annotations

from workbench.core.health.model import catalogue

SIDS = {"mobiletargeting": "PinpointProjects", "sms-voice": "SmsVoiceV2", "ses": "PinpointEmail"}


def _resource(action: str, region: str, account: str) -> str:
    import re

    from workbench.core.diagnose.checks.base import facts

    fact = facts()["iam_actions"].get(action) or {}
    template = (fact.get("resource") or "*").split(" | ")[0]
    values = {"region": region or "*", "accountId": account or "*"}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "*"), template)


def required_policy(region: str = "", account: str = "", calls=None) -> dict:
    """{"Version", "Statement": [...]}: every action the check's calls need, read-only."""
    from workbench.core.health.answers import iam_action

    by_prefix: dict[str, dict[str, set[str]]] = {}
    for spec in calls if calls is not None else catalogue().calls:
        action = iam_action(spec.operation)
        prefix = action.partition(":")[0]
        by_prefix.setdefault(prefix, {}).setdefault(action, set()).add(_resource(action, region, account))
    statements = []
    for prefix, actions in sorted(by_prefix.items()):
        resources = sorted({r for rs in actions.values() for r in rs})
        statements.append({"Sid": f"WorkbenchHealthCheck{SIDS.get(prefix, prefix.title())}", "Effect": "Allow",
                           "Action": sorted(actions), "Resource": "*" if "*" in resources else resources})
    return {"Version": "2012-10-17", "Statement": statements}


def policy_actions(policy: dict) -> set[str]:
    return {a for statement in policy["Statement"] for a in statement["Action"]}
