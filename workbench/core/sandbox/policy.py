"""The developer guide's Postman tutorial IAM policy, enforced by the front when switched on.

Evaluation is IAM's for identity policies with Allow statements only: a request is allowed
when some statement matches both the action and the resource (`*`/`?` wildcards, `*` also
across `/`), otherwise implicitly denied. One sandbox simplification: a resource pattern
`.../X/*` also covers the collection `.../X` itself, so the tutorial's GetApps smoke test
passes as the guide says it does (GetApps' resource is `...:apps`).
"""

from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import dataclass

from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION, SANDBOX_USER_NAME
from workbench.core.sandbox.routing import Route, api_spec


def tutorial_policy(account_id: str = SANDBOX_ACCOUNT_ID) -> dict:
    """`PostmanAccessPolicy` from the Postman tutorial, for `account_id`."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "VisualEditor0",
                "Effect": "Allow",
                "Action": ["mobiletargeting:Update*", "mobiletargeting:Get*",
                           "mobiletargeting:Send*", "mobiletargeting:Put*",
                           "mobiletargeting:Create*"],
                "Resource": [f"arn:aws:mobiletargeting:*:{account_id}:apps/*",
                             f"arn:aws:mobiletargeting:*:{account_id}:apps/*/campaigns/*",
                             f"arn:aws:mobiletargeting:*:{account_id}:apps/*/segments/*"],
            },
            {
                "Sid": "VisualEditor1",
                "Effect": "Allow",
                "Action": ["mobiletargeting:TagResource", "mobiletargeting:PhoneNumberValidate",
                           "mobiletargeting:ListTagsForResource", "mobiletargeting:CreateApp"],
                "Resource": f"arn:aws:mobiletargeting:*:{account_id}:*",
            },
            {
                "Sid": "VisualEditor2",
                "Effect": "Allow",
                "Action": ["ses:TagResource", "ses:Send*", "ses:Create*", "ses:Get*", "ses:List*",
                           "ses:Put*", "ses:Update*", "sms-voice:SendVoiceMessage",
                           "sms-voice:List*", "sms-voice:Create*", "sms-voice:Get*",
                           "sms-voice:Update*"],
                "Resource": "*",
            },
        ],
    }


def principal_arn(account_id: str = SANDBOX_ACCOUNT_ID, user: str = SANDBOX_USER_NAME) -> str:
    return f"arn:aws:iam::{account_id}:user/{user}"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    action: str
    resource: str
    statement: str | None = None  # Sid of the allowing statement

    def to_dict(self) -> dict:
        return {"allowed": self.allowed, "action": self.action, "resource": self.resource,
                "statement": self.statement}


def request_action(route: Route) -> str:
    return f"{api_spec(route.api).signing_name}:{route.operation}"


def request_resource(route: Route, region: str = SANDBOX_REGION,
                     account_id: str = SANDBOX_ACCOUNT_ID) -> str:
    """The resource ARN a request acts on: a tagging ARN as given, otherwise the path
    after /v1/ with its labels filled (apps/{id}, apps/{id}/eventstream...)."""
    prefix = api_spec(route.api).signing_name
    for label, value in route.params.items():
        if "arn" in label.lower() and value.startswith("arn:"):
            return value
    if not route.uri_template:  # JSON protocol: no path to read a resource from
        return f"arn:aws:{prefix}:{region}:{account_id}:*"
    path = route.uri_template.split("?", 1)[0]
    for label, value in route.params.items():
        path = re.sub(r"\{" + re.escape(label) + r"\+?\}", value, path)
    path = path.removeprefix("/v1/")
    if route.api == "pinpoint":
        parts = path.split("/")
        if len(parts) >= 3 and parts[0] == "apps" and parts[2] == "settings":
            path = "/".join(parts[:2])  # settings belong to the app (the guide's ARN)
    return f"arn:aws:{prefix}:{region}:{account_id}:{path}"


@functools.lru_cache(maxsize=512)
def _glob(pattern: str) -> re.Pattern:
    return re.compile(fnmatch.translate(pattern), re.IGNORECASE)


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _resource_matches(pattern: str, resource: str) -> bool:
    if _glob(pattern).match(resource):
        return True
    return pattern.endswith("/*") and _glob(pattern[:-2]).match(resource) is not None


def evaluate(policy: dict, action: str, resource: str) -> Decision:
    for statement in policy.get("Statement", []):
        if statement.get("Effect") != "Allow":
            continue
        if not any(_glob(p).match(action) for p in _as_list(statement.get("Action", []))):
            continue
        if any(_resource_matches(p, resource) for p in _as_list(statement.get("Resource", []))):
            return Decision(True, action, resource, statement.get("Sid"))
    return Decision(False, action, resource)


def decide(route: Route, policy: dict | None = None) -> Decision:
    policy = policy or tutorial_policy()
    return evaluate(policy, request_action(route), request_resource(route))
