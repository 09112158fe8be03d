"""boto3 against the sandbox: emulated operations succeed, errors parse like AWS's."""

from __future__ import annotations

import datetime
import json
import re
import urllib.request

import botocore.auth
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError
from sandbox_helpers import NO_RETRIES, make_client

from workbench.core.sandbox.emulation import moto_operations


def error_of(call, *args, **kwargs) -> tuple[str, str, int]:
    with pytest.raises(ClientError) as info:
        call(*args, **kwargs)
    error = info.value.response["Error"]
    return error["Code"], error["Message"], info.value.response["ResponseMetadata"]["HTTPStatusCode"]


def test_app_lifecycle(client):
    assert "Item" in client.get_apps()["ApplicationsResponse"]
    app = client.create_app(CreateApplicationRequest={"Name": "lifecycle"})["ApplicationResponse"]
    assert app["Arn"] == f"arn:aws:mobiletargeting:us-east-1:123456789012:apps/{app['Id']}"
    assert client.get_app(ApplicationId=app["Id"])["ApplicationResponse"]["Name"] == "lifecycle"
    ids = [a["Id"] for a in client.get_apps()["ApplicationsResponse"]["Item"]]
    assert app["Id"] in ids
    client.delete_app(ApplicationId=app["Id"])
    code, message, status = error_of(client.get_app, ApplicationId=app["Id"])
    assert (code, status) == ("NotFoundException", 404)


def test_tags_with_the_app_arn_in_the_path(client, app):
    # The ARN lands percent-encoded in /v1/tags/{resource-arn}: the signature must still verify.
    client.tag_resource(ResourceArn=app["Arn"], TagsModel={"tags": {"team": "a b/c"}})
    assert client.list_tags_for_resource(ResourceArn=app["Arn"])["TagsModel"]["tags"] == {"team": "a b/c"}
    client.untag_resource(ResourceArn=app["Arn"], TagKeys=["team"])
    assert client.list_tags_for_resource(ResourceArn=app["Arn"])["TagsModel"]["tags"] == {}


def test_application_settings(client, app):
    client.update_application_settings(
        ApplicationId=app["Id"],
        WriteApplicationSettingsRequest={"QuietTime": {"Start": "22:00", "End": "06:00"}})
    settings = client.get_application_settings(ApplicationId=app["Id"])["ApplicationSettingsResource"]
    assert settings["ApplicationId"] == app["Id"]
    assert settings["QuietTime"] == {"Start": "22:00", "End": "06:00"}


# --- authentication errors, read by botocore's own parser -------------------------------

def test_wrong_secret(sandbox):
    code, message, status = error_of(make_client(sandbox.url, secret="not-the-secret").get_apps)
    assert (code, status) == ("InvalidSignatureException", 403)
    assert message.startswith(
        "The request signature we calculated does not match the signature you provided. "
        "Check your AWS Secret Access Key and signing method. Consult the service "
        "documentation for details.\n\nThe Canonical String for this request should have been\n'GET\n/v1/apps\n")
    assert "\n\nThe String-to-Sign should be\n'AWS4-HMAC-SHA256\n" in message
    assert "/us-east-1/mobiletargeting/aws4_request\n" in message


def test_unknown_access_key(sandbox):
    code, message, status = error_of(make_client(sandbox.url, key="AKIAUNKNOWNEXAMPLE00").get_apps)
    assert (code, message, status) == (
        "UnrecognizedClientException", "The security token included in the request is invalid.", 403)


def test_session_token_is_not_recognized(sandbox):
    import boto3

    client = boto3.client("pinpoint", endpoint_url=sandbox.url, region_name="us-east-1",
                          aws_access_key_id="AKIASANDBOXEXAMPLE01",
                          aws_secret_access_key="sandbox/secret/key/for/local/use/only/EXAMPLE",
                          aws_session_token="token", config=NO_RETRIES)
    assert error_of(client.get_apps)[0] == "UnrecognizedClientException"


def test_signed_for_the_wrong_service(sandbox):
    client = make_client(sandbox.url)
    client._request_signer._signing_name = "ses"  # what a Postman user with serviceName=ses sends
    code, message, status = error_of(client.get_apps)
    assert (code, message, status) == (
        "InvalidSignatureException", "Credential should be scoped to correct service: 'mobiletargeting'. ", 403)


def test_scoped_to_the_wrong_region(sandbox):
    code, message, status = error_of(make_client(sandbox.url, region="eu-west-1").get_apps)
    assert (code, message, status) == (
        "InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'. ", 403)


def test_body_changed_after_signing(client):
    def tamper(request, **_):
        request.body = request.body.replace(b"honest", b"forged")

    client.meta.events.register("before-send.pinpoint.CreateApp", tamper)
    code, message, status = error_of(client.create_app, CreateApplicationRequest={"Name": "honest"})
    assert (code, status) == ("InvalidSignatureException", 403)
    assert "does not match the signature you provided" in message


@pytest.mark.parametrize("minutes, word", [(-10, "expired"), (10, "not yet current")])
def test_skewed_clock(sandbox, monkeypatch, minutes, word):
    real_now = datetime.datetime.now(datetime.timezone.utc)
    skewed = real_now + datetime.timedelta(minutes=minutes)
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: skewed)
    code, message, status = error_of(make_client(sandbox.url).get_apps)
    assert (code, status) == ("InvalidSignatureException", 403)
    stamp = skewed.strftime("%Y%m%dT%H%M%SZ")
    if minutes < 0:
        assert message.startswith(f"Signature expired: {stamp} is now earlier than ")
        assert message.endswith(" - 5 min.)")
    else:
        assert message.startswith(f"Signature not yet current: {stamp} is still later than ")


def test_unsigned_request(sandbox):
    client = make_client(sandbox.url, config=NO_RETRIES.merge(Config(signature_version=UNSIGNED)))
    assert error_of(client.get_apps) == ("MissingAuthenticationTokenException", "Missing Authentication Token", 403)


def test_errors_carry_aws_headers(sandbox):
    request = urllib.request.Request(sandbox.url + "/v1/apps")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=5)
    assert info.value.code == 403
    assert info.value.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
    assert json.loads(info.value.read()) == {"message": "Missing Authentication Token"}


# --- what the sandbox emulates ----------------------------------------------------------

def _calls(client, app) -> dict:
    app_id, arn = app["Id"], app["Arn"]
    stream = {"DestinationStreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/s",
              "RoleArn": "arn:aws:iam::123456789012:role/r"}
    return {
        "GetApps": lambda: client.get_apps(),
        "CreateApp": lambda: client.create_app(CreateApplicationRequest={"Name": "x"}),
        "GetApp": lambda: client.get_app(ApplicationId=app_id),
        "GetApplicationSettings": lambda: client.get_application_settings(ApplicationId=app_id),
        "UpdateApplicationSettings": lambda: client.update_application_settings(
            ApplicationId=app_id, WriteApplicationSettingsRequest={}),
        "TagResource": lambda: client.tag_resource(ResourceArn=arn, TagsModel={"tags": {"k": "v"}}),
        "ListTagsForResource": lambda: client.list_tags_for_resource(ResourceArn=arn),
        "UntagResource": lambda: client.untag_resource(ResourceArn=arn, TagKeys=["k"]),
        "PutEventStream": lambda: client.put_event_stream(ApplicationId=app_id, WriteEventStream=stream),
        "GetEventStream": lambda: client.get_event_stream(ApplicationId=app_id),
        "DeleteEventStream": lambda: client.delete_event_stream(ApplicationId=app_id),
        "DeleteApp": lambda: client.delete_app(ApplicationId=app_id),
    }


def test_moto_operations_are_the_pinpoint_ones_moto_serves():
    ops = moto_operations()
    assert {api for api, _ in ops} == {"pinpoint"}  # moto has no sms-voice or pinpoint-email
    assert {op for _, op in ops} == {
        "GetApps", "CreateApp", "GetApp", "DeleteApp", "GetApplicationSettings",
        "UpdateApplicationSettings", "TagResource", "ListTagsForResource", "UntagResource",
        "PutEventStream", "GetEventStream", "DeleteEventStream"}


def test_every_emulated_operation_really_answers(client, app):
    calls = _calls(client, app)
    assert set(calls) == {op for _, op in moto_operations()}
    for name, call in calls.items():  # in order: DeleteApp comes last
        response = call()
        assert response["ResponseMetadata"]["HTTPStatusCode"] in (200, 201, 202, 204), name


@pytest.mark.parametrize("call, operation", [
    (lambda c: c.get_campaigns(ApplicationId="a1"), "GetCampaigns"),
    (lambda c: c.create_segment(ApplicationId="a1", WriteSegmentRequest={"Name": "s"}),
     "CreateSegment"),
])
def test_operations_past_their_end_of_support_are_refused_clearly(sandbox, call, operation):
    code, message, status = error_of(call, make_client(sandbox.url, "pinpoint"))
    assert (code, status) == ("NotImplementedBySandbox", 501)
    assert message.startswith(f"The local sandbox does not emulate pinpoint operation {operation}.")


def test_moto_really_lacks_an_unemulated_operation(sandbox):
    # Asked directly (no front), moto answers GetCampaigns with its HTML 404: the derivation
    # from moto's URL table is honest, and the front never lets that page through.
    import http.client

    host, port = sandbox._moto.address
    connection = http.client.HTTPConnection(host, port, timeout=5)
    connection.request("GET", "/v1/apps/a1/campaigns", headers={"Host": "pinpoint.us-east-1.amazonaws.com"})
    response = connection.getresponse()
    assert response.status == 404
    assert "json" not in (response.getheader("Content-Type") or "")
    connection.close()


def test_unknown_path(sandbox):
    # A signed request to a path no API has: AWS-style JSON, not an HTML page.
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    request = AWSRequest("GET", sandbox.url + "/nothing/here")
    SigV4Auth(Credentials("AKIASANDBOXEXAMPLE01", "sandbox/secret/key/for/local/use/only/EXAMPLE"),
              "mobiletargeting", "us-east-1").add_auth(request)
    prepared = urllib.request.Request(request.url, headers=dict(request.headers.items()))
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(prepared, timeout=5)
    info.value.close()  # the error holds the answer's connection
    assert info.value.code == 404
    assert info.value.headers["x-amzn-ErrorType"] == "UnknownOperationException"


def test_expired_wording_is_awss():
    from workbench.core.environments.credentials import SANDBOX_CREDENTIALS
    from workbench.core.sandbox.verify import ArrivedRequest, verify

    authorization = ("AWS4-HMAC-SHA256 Credential=AKIASANDBOXEXAMPLE01/20240101/us-east-1/"
                     "mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
    arrived = ArrivedRequest("GET", "/v1/apps", (("Host", "127.0.0.1:1"), ("X-Amz-Date", "20240101T000000Z"),
                                                 ("Authorization", authorization)), b"")
    now = datetime.datetime(2024, 11, 6, 10, 10, 10, tzinfo=datetime.timezone.utc)
    error = verify(arrived, SANDBOX_CREDENTIALS, region="us-east-1", service="mobiletargeting", now=now)
    assert error.message == ("Signature expired: 20240101T000000Z is now earlier than 20241106T100510Z "
                             "(20241106T101010Z - 5 min.)")


def test_moto_float_creation_date_reaches_clients_as_the_models_string(client):
    # moto answers CreationDate as epoch seconds (a float); the model says string (ISO 8601).
    created = client.create_app(CreateApplicationRequest={"Name": "dated"})["ApplicationResponse"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", created["CreationDate"])
    fetched = client.get_app(ApplicationId=created["Id"])["ApplicationResponse"]
    assert fetched["CreationDate"] == created["CreationDate"]
