"""The health check's data: every call read-only, every next step a real guide entry, every
code the rules report described, a damaged catalogue refused with the place named, and the
IAM policy exactly the calls' actions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.core import diagnose
from workbench.core.health import rules_email, rules_pinpoint, rules_sms
from workbench.core.health.model import HealthCatalogueError, catalogue, read_catalogue
from workbench.core.health.policy import policy_actions, required_policy
from workbench.core.health.answers import iam_action

READ_ONLY = re.compile(r"^(Get|List|Describe)")


def test_every_call_only_reads():
    for spec in catalogue().calls:
        assert READ_ONLY.match(spec.name), spec.operation


def test_every_next_step_is_a_guide_entry_or_an_action():
    guide = {item["id"] for item in diagnose.catalogue()}
    for spec in catalogue().findings.values():
        if "guide" in spec.next:
            assert spec.next["guide"] in guide, spec.code
        else:
            assert spec.next["action"] == "open_operation" and spec.next["operation"], spec.code


def test_every_code_the_rules_report_is_described():
    used = set()
    for module in (rules_sms, rules_email, rules_pinpoint):
        used |= set(re.findall(r'finding\("([a-z-]+)"', Path(module.__file__).read_text()))
    rules = Path(rules_sms.__file__).with_name("rules.py").read_text()
    used |= set(re.findall(r'finding\("([a-z-]+)"', rules))
    assert used <= set(catalogue().findings), used - set(catalogue().findings)
    assert set(catalogue().findings) <= used, "described but never reported"


@pytest.mark.parametrize("data, where", [
    ({"calls": [{"id": "x", "area": "sms", "what": "x", "operation": "pinpoint:GetAppz"}]}, "calls[0].operation"),
    ({"calls": [{"id": "x", "area": "sms", "what": "x", "operation": "pinpoint:GetApps", "colour": 1}]}, "calls[0]"),
    ({"calls": [{"id": "x", "area": "sms", "what": "x", "operation": "pinpoint:GetChannels",
                 "for_each": {"call": "later"}}]}, "calls[0].for_each"),
    ({"findings": {"x": {"area": "sms", "severity": "fatal", "title": "t", "next": {"guide": "g"}}}}, "findings.x"),
    ({"findings": {"x": {"area": "sms", "severity": "info", "title": "t", "next": "g"}}}, "findings.x.next"),
])
def test_a_damaged_catalogue_is_refused_with_the_place_named(data, where):
    with pytest.raises(HealthCatalogueError) as raised:
        read_catalogue(data, "checks.json")
    assert str(raised.value).startswith(f"checks.json: {where}")


def test_the_policy_holds_exactly_the_calls_actions_all_read_only():
    policy = required_policy("eu-west-1", "111122223333")
    assert policy["Version"] == "2012-10-17"
    assert policy_actions(policy) == {iam_action(spec.operation) for spec in catalogue().calls}
    assert all(READ_ONLY.match(action.split(":")[1]) for action in policy_actions(policy))
    pinpoint = next(s for s in policy["Statement"] if s["Sid"] == "WorkbenchHealthCheckPinpointProjects")
    assert "arn:aws:mobiletargeting:eu-west-1:111122223333:apps/*" in pinpoint["Resource"]
    assert "sms-voice:DescribeSpendLimits" in policy_actions(policy)
    assert all(s["Effect"] == "Allow" for s in policy["Statement"])
