"""CloudTrail events -> drafts in the matching environment. The events follow the developer
guide's "CloudTrail log entry examples" (GetCampaigns with application-id and page-size,
CreateCampaign with redacted fields, SMS and Voice v1 CreateConfigurationSet)."""

from __future__ import annotations

import json

import pytest

from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import Environment, EnvironmentStore, config_dir
from workbench.core.interop.cloudtrail import CloudTrailError, read_event
from workbench.core.send.plan import build_plan

GET_CAMPAIGNS = {"eventSource": "pinpoint.amazonaws.com", "eventName": "GetCampaigns", "awsRegion": "us-east-1",
                 "recipientAccountId": "111122223333",
                 "requestParameters": {"application-id": "example71dfa4c1aab66332a5839798f", "page-size": "1000"}}
CREATE_CAMPAIGN = {"eventSource": "pinpoint.amazonaws.com", "eventName": "CreateCampaign", "awsRegion": "us-east-1",
                   "requestParameters": {"application-id": "example71dfa4c1aab66332a5839798f", "Description": "****",
                                         "HoldoutPercent": 0, "IsPaused": False, "Name": "****",
                                         "Schedule": {"Frequency": "ONCE", "IsLocalTime": True, "StartTime": "2018-02-03T00:00:00-08:00", "Timezone": "utc-08"},
                                         "SegmentId": "exampleda204adf991a80281aa0e591", "SegmentVersion": 1}}
SMS_V1 = {"eventSource": "sms-voice.amazonaws.com", "eventName": "CreateConfigurationSet", "awsRegion": "eu-west-1",
          "userAgent": "PostmanRuntime/7.3.0", "requestParameters": {"ConfigurationSetName": "MyConfigurationSet"}}


def test_parameters_become_the_operations_variables_and_body(sandbox):
    got = read_event(GET_CAMPAIGNS)
    assert got.draft.operation == "pinpoint:GetCampaigns"
    assert got.draft.variables_dict() == {"projectId": "example71dfa4c1aab66332a5839798f", "pageSize": "1000"}
    plan = build_plan(got.draft, sandbox)
    assert plan.request.url.endswith("/v1/apps/example71dfa4c1aab66332a5839798f/campaigns?page-size=1000")

    created = read_event(CREATE_CAMPAIGN)
    body = json.loads(created.draft.body)
    assert body["SegmentId"] == "exampleda204adf991a80281aa0e591" and body["Schedule"]["Frequency"] == "ONCE"
    assert "Name" not in body and any("Name: redacted by CloudTrail" in n for n in created.notes)
    assert created.draft.variables_dict() == {"projectId": "example71dfa4c1aab66332a5839798f"}


def test_the_matching_environment_is_found_by_region_and_account():
    envs = [Environment(name="other", region="us-east-1", account_id="999999999999"),
            Environment(name="prod", region="us-east-1", account_id="111122223333"),
            Environment(name="eu", region="eu-west-1")]
    assert read_event(GET_CAMPAIGNS, environments=envs).environment == "prod"
    sms = read_event(SMS_V1, environments=envs)
    assert sms.environment == "eu" and sms.draft.operation.endswith(":CreateConfigurationSet")
    none = read_event(dict(GET_CAMPAIGNS, awsRegion="ap-south-1"), environments=envs)
    assert none.environment is None and any("no environment for ap-south-1" in n for n in none.notes)


@pytest.mark.parametrize("event, message", [
    ({"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}, "not a Pinpoint API"),
    ({"eventSource": "pinpoint.amazonaws.com", "eventName": "NoSuchThing"}, "not an operation of pinpoint"),
    ({"foo": 1}, 'expected "eventSource"'),
])
def test_events_that_are_not_pinpoint_calls_are_refused_clearly(event, message):
    with pytest.raises(CloudTrailError) as caught:
        read_event(event)
    assert message in str(caught.value)


def test_import_cloudtrail_on_the_command_line_reads_a_records_file(run_cli, tmp_path):
    environ = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    EnvironmentStore(config_dir(environ) / "environments.json").add(Environment(name="prod", region="us-east-1", account_id="111122223333"))
    source = tmp_path / "trail.json"
    s3 = {"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}
    source.write_text(json.dumps({"Records": [GET_CAMPAIGNS, s3, CREATE_CAMPAIGN]}))
    result = run_cli("import", "cloudtrail", str(source), "--into", str(tmp_path / "out"), "--json")
    assert result.status == 1  # one event was not a Pinpoint call: said, and the others imported
    assert result.json["problems"] == [f"{source}: event 2: eventSource 's3.amazonaws.com' is not a Pinpoint API; known: "
                                       + ", ".join(["mobiletargeting.amazonaws.com", "pinpoint.amazonaws.com", "sms-voice.amazonaws.com",
                                                    "ses.amazonaws.com", "email.amazonaws.com"])]
    assert [e["environment"] for e in result.json["events"]] == ["prod", "prod"]
    from workbench.core.interop.draft_files import read_tree

    assert [s.draft.operation for s in read_tree(tmp_path / "out")] == ["pinpoint:GetCampaigns", "pinpoint:CreateCampaign"]
    assert isinstance(read_tree(tmp_path / "out")[0].draft, RequestDraft)


@pytest.mark.parametrize("extra, description", [
    ({}, "From a CloudTrail event"),
    ({"eventID": "abc-123"}, "From CloudTrail event abc-123"),
    ({"eventTime": "2018-02-03T00:00:00Z"}, "From a CloudTrail event at 2018-02-03T00:00:00Z"),
    ({"eventID": "abc-123", "eventTime": "2018-02-03T00:00:00Z"}, "From CloudTrail event abc-123 at 2018-02-03T00:00:00Z"),
])
def test_the_description_names_only_what_the_event_has(extra, description):
    assert read_event(dict(GET_CAMPAIGNS, **extra)).draft.description == description
