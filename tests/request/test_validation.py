"""validation.py, check by check: every quota fact, every enum / maximum check and each kind
of botocore finding is triggered once, with its exact message and JSON path."""

import json
import re

import pytest

from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import Environment
from workbench.core.library.templates import default_library
from workbench.core.send.plan import build_plan
from workbench.core.request.validation import _json_key, quota_checks

ENV = Environment("dev", "us-east-1")
FILLER = {"integer": "3", "long": "3", "boolean": "true", "timestamp": "2026-01-01T00:00:00Z", "list": "a,b"}


def problems(operation: str, body, **variables):
    template = default_library().find(operation)
    values = {v.name: FILLER.get(v.type, f"{v.name}-value") for v in template.variables} | variables
    text = body if isinstance(body, str) else json.dumps(body)
    plan = build_plan(RequestDraft(operation=template.key, body=text, variables=tuple(values.items())), ENV)
    assert plan.ready, plan.error
    return [(p.path, p.message) for p in plan.problems]


# -- what botocore leaves out: enums and maximums ----------------------------------------

@pytest.mark.parametrize("operation, body, expected", [
    ("pinpoint-sms-voice-v2:CreateNotifyConfiguration", {"DisplayName": "d", "UseCase": "NOPE", "EnabledChannels": ["SMS"]},
     ("$.UseCase", "'NOPE' is not one of: CODE_VERIFICATION")),
    ("pinpoint-sms-voice-v2:AssociateOriginationIdentity", {"PoolId": "p" * 257, "OriginationIdentity": "o"},
     ("$.PoolId", "length 257 is above the maximum 256")),
    ("pinpoint-sms-voice-v2:DescribeAccountAttributes", {"MaxResults": 101},
     ("$.MaxResults", "101 is above the maximum 100")),
    ("pinpoint-sms-voice-v2:CreateConfigurationSet", {"ConfigurationSetName": "c", "Tags": [{"Key": "k", "Value": "v"}] * 201},
     ("$.Tags", "201 items is above the maximum 200")),
    ("pinpoint-sms-voice-v2:SendDestinationNumberVerificationCode",
     {"VerifiedDestinationNumberId": "v", "VerificationChannel": "TEXT", "Context": {f"k{i}": "v" for i in range(6)}},
     ("$.Context", "6 entries is above the maximum 5")),
    ("pinpoint-sms-voice-v2:SendDestinationNumberVerificationCode",
     {"VerifiedDestinationNumberId": "v", "VerificationChannel": "FAX"},
     ("$.VerificationChannel", "'FAX' is not one of: TEXT, VOICE")),
], ids=["enum", "string-max", "integer-max", "list-max", "map-max", "enum-second"])
def test_enum_and_maximum_checks(operation, body, expected):
    assert problems(operation, body) == [expected]


# -- botocore's own findings, located ----------------------------------------------------

@pytest.mark.parametrize("operation, body, expected", [
    ("pinpoint-sms-voice-v2:CreateConfigurationSet", {}, [("$", "missing required member 'ConfigurationSetName'")]),
    ("pinpoint-sms-voice-v2:CreateConfigurationSet", {"ConfigurationSetName": "c", "Colour": 1},
     [("$", "unknown member 'Colour'; expected one of: ConfigurationSetName, Tags, ClientToken")]),
    ("pinpoint-sms-voice-v2:CreateConfigurationSet", {"ConfigurationSetName": 5},
     [("$.ConfigurationSetName", "expected string, got integer 5")]),
    ("pinpoint-sms-voice-v2:DescribeAccountAttributes", {"MaxResults": 0}, [("$.MaxResults", "0 is below the minimum 1")]),
    ("pinpoint-sms-voice-v2:CreateConfigurationSet", {"ConfigurationSetName": ""},
     [("$.ConfigurationSetName", "length 0 is below the minimum 1")]),
    ("pinpoint:CreateApp", '{"Name": ', [("$", "body is not valid JSON: Expecting value (line 1, column 10)")]),
    ("pinpoint-sms-voice-v2:CreateConfigurationSet", "[1]", [("$", "the body must be a JSON object, not array"),
                                                              ("$", "missing required member 'ConfigurationSetName'")]),
    ("pinpoint:CreateApp", {"Name": "n", "tags": {"k": 1}}, [('$.tags.k', "expected string, got integer 1")]),
], ids=["missing", "unknown", "type", "range", "length", "not-json", "not-object", "nested-type"])
def test_botocore_findings(operation, body, expected):
    assert problems(operation, body) == expected


def test_a_path_value_that_is_not_its_type():
    found = problems("pinpoint:UpdateSmsTemplate", {"Body": "b"}, createNewVersion="perhaps")
    assert found == [("{createNewVersion}", "expected a boolean, got 'perhaps'")]


# -- the developer guide's quotas: each one triggered once ------------------------------

def _build(path: str, leaf):
    """A JSON value where `path` ($.A.*[*].B) leads to `leaf`, and that path made concrete."""
    tokens = re.findall(r"\.([A-Za-z0-9_]+|\*)|\[(\*|\d+)\]", path[1:])
    concrete = "$" + "".join(f".{n}" if n and n != "*" else (".k" if n == "*" else "[0]") for n, _ in tokens)
    value = leaf
    for name, _index in reversed(tokens):
        value = {("k" if name == "*" else name): value} if name else [value]
    return value, concrete


def _violation(check):
    limit, kind = check["limit"], check["kind"]
    cite = f"(quota: {check['quota']}: {limit} {check['unit']})"
    if kind == "payload_bytes":
        cap = int(limit * {"MB": 1024 * 1024, "KB": 1024}.get(check["unit"].split()[0], 1))
        body = {"Name": "x" * cap}
        size = len(json.dumps(body).encode())
        return body, ("$", f"the body is {size} bytes, above {cap} {cite}")
    path = check["paths"][0]
    over = int(limit) + 1
    if check.get("total"):
        body, _ = _build(path, {f"e{i}": {} for i in range(over)})
        return body, (path, f"{over} in total, above {limit} {cite}")
    if kind == "count":
        body, where = _build(path, [f"v{i}" for i in range(over)])
        return body, (where, f"{over} items, above {limit} {cite}")
    if kind == "length":
        body, where = _build(path, "x" * over)
        return body, (where, f"{over} characters, above {limit} {cite}")
    if kind == "key_length":
        key = "a" * over
        body, where = _build(path, {key: ["v"]})
        return body, (where + _json_key(key), f"key of {over} characters, above {limit} {cite}")
    if kind == "max_value":
        body, where = _build(path, limit + 1)
        return body, (where, f"{limit + 1} is above {limit} {cite}")
    assert kind == "min_value"
    body, where = _build(path, limit - 1)
    return body, (where, f"{limit - 1} is below {limit} {cite}")


@pytest.mark.parametrize("check", quota_checks(), ids=lambda c: c["quota"][:60])
def test_every_quota_check_triggers_with_its_message_and_path(check):
    operation = "CreateApp" if check["operations"] == ["*"] else check["operations"][0]
    body, expected = _violation(check)
    found = [p for p in problems(f"{check['api']}:{operation}", body) if f"(quota: {check['quota']}:" in p[1]]
    assert found == [expected]
