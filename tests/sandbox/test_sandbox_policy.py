"""The Postman tutorial's IAM policy, enforced by the front when switched on."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from sandbox_helpers import make_client

from workbench.core.sandbox.policy import decide, evaluate, tutorial_policy
from workbench.core.sandbox.routing import identify

USER = "arn:aws:iam::123456789012:user/workbench-sandbox"


@pytest.fixture
def tutorial_client(tutorial_sandbox):
    return make_client(tutorial_sandbox.url)


def test_tutorial_steps_are_allowed(tutorial_client):
    tutorial_client.get_apps()
    app = tutorial_client.create_app(CreateApplicationRequest={"Name": "tutorial"})["ApplicationResponse"]
    tutorial_client.get_app(ApplicationId=app["Id"])
    tutorial_client.tag_resource(ResourceArn=app["Arn"], TagsModel={"tags": {"k": "v"}})
    assert tutorial_client.list_tags_for_resource(ResourceArn=app["Arn"])["TagsModel"]["tags"] == {"k": "v"}
    tutorial_client.update_application_settings(ApplicationId=app["Id"], WriteApplicationSettingsRequest={})


def test_deletes_are_denied_in_aws_form(tutorial_client):
    app = tutorial_client.create_app(CreateApplicationRequest={"Name": "keep"})["ApplicationResponse"]
    with pytest.raises(ClientError) as info:
        tutorial_client.delete_app(ApplicationId=app["Id"])
    error = info.value.response["Error"]
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert error["Code"] == "AccessDeniedException"
    assert error["Message"] == (
        f"User: {USER} is not authorized to perform: mobiletargeting:DeleteApp on resource: "
        f"arn:aws:mobiletargeting:us-east-1:123456789012:apps/{app['Id']}")
    with pytest.raises(ClientError) as info:
        tutorial_client.untag_resource(ResourceArn=app["Arn"], TagKeys=["k"])
    assert "mobiletargeting:UntagResource" in info.value.response["Error"]["Message"]
    tutorial_client.get_app(ApplicationId=app["Id"])  # still there


def test_policy_off_by_default(client):
    app = client.create_app(CreateApplicationRequest={"Name": "gone"})["ApplicationResponse"]
    client.delete_app(ApplicationId=app["Id"])


def test_policy_is_checked_before_emulation(tutorial_sandbox):
    # A denied operation the sandbox cannot emulate still answers like IAM would.
    client = make_client(tutorial_sandbox.url)
    with pytest.raises(ClientError) as info:
        client.delete_campaign(ApplicationId="a1", CampaignId="c1")
    assert info.value.response["Error"]["Code"] == "AccessDeniedException"
    assert info.value.response["Error"]["Message"].endswith(
        "mobiletargeting:DeleteCampaign on resource: "
        "arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1/campaigns/c1")


@pytest.mark.parametrize("method, path, allowed", [
    ("GET", "/v1/apps", True),
    ("POST", "/v1/apps/a1/messages", True),
    ("POST", "/v1/phone/number/validate", True),
    ("POST", "/v1/apps/a1/eventstream", True),
    ("DELETE", "/v1/apps/a1/eventstream", False),
    ("DELETE", "/v1/apps/a1/segments/s1", False),
    ("POST", "/v1/email/outbound-emails", True),
    ("DELETE", "/v1/email/identities/x", False),
])
def test_decisions(method, path, allowed):
    decision = decide(identify(method, path))
    assert decision.allowed is allowed, decision


def test_evaluate_without_matching_statement():
    decision = evaluate(tutorial_policy(), "mobiletargeting:DeleteApp",
                        "arn:aws:mobiletargeting:us-east-1:123456789012:apps/x")
    assert decision.to_dict() == {"allowed": False, "action": "mobiletargeting:DeleteApp",
                                  "resource": "arn:aws:mobiletargeting:us-east-1:123456789012:apps/x",
                                  "statement": None}
