"""Pinpoint messaging against the sandbox with boto3: SendMessages and SendUsersMessages
per-recipient results under the SMS sandbox rules, one-time passwords, PhoneNumberValidate,
channel settings, and `pinpoint-sms-voice` v1."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from sandbox_helpers import make_client

from workbench.core.sandbox.events import read_events
from workbench.core.sandbox.server import SandboxServer

US_SUCCESS = "+14254147755"
US_FAILURE = "+14254147167"
UNVERIFIED = "+12065550142"


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


@pytest.fixture(scope="module")
def pinpoint(sandbox):
    return make_client(sandbox.url, "pinpoint")


@pytest.fixture(scope="module")
def sms(sandbox):
    return make_client(sandbox.url, "pinpoint-sms-voice-v2")


@pytest.fixture(scope="module")
def simulator(sms):
    return sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                    NumberCapabilities=["SMS"], NumberType="SIMULATOR")


@pytest.fixture(scope="module")
def app_id(pinpoint):
    app = pinpoint.create_app(CreateApplicationRequest={"Name": "messaging"})
    app_id = app["ApplicationResponse"]["Id"]
    pinpoint.update_sms_channel(ApplicationId=app_id, SMSChannelRequest={"Enabled": True})
    return app_id


def _send_sms(pinpoint, app_id, simulator, *addresses):
    return pinpoint.send_messages(ApplicationId=app_id, MessageRequest={
        "Addresses": {address: {"ChannelType": "EMAIL" if "@" in address else "SMS"}
                      for address in addresses},
        "MessageConfiguration": {"SMSMessage": {"Body": "hi", "MessageType": "TRANSACTIONAL",
                                                "OriginationNumber": simulator["PhoneNumber"]}},
    })["MessageResponse"]["Result"]


def test_send_messages_reports_each_recipient(pinpoint, sms, simulator, app_id):
    sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=US_FAILURE)
    try:
        results = _send_sms(pinpoint, app_id, simulator, US_SUCCESS, US_FAILURE, UNVERIFIED,
                            "someone@example.com")
    finally:
        sms.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=US_FAILURE)
    assert results[US_SUCCESS]["DeliveryStatus"] == "SUCCESSFUL"
    assert results[US_SUCCESS]["StatusCode"] == 200
    assert results[US_SUCCESS]["StatusMessage"] == f"MessageId: {results[US_SUCCESS]['MessageId']}"
    assert results[US_FAILURE]["DeliveryStatus"] == "OPT_OUT"
    assert results[UNVERIFIED]["DeliveryStatus"] == "PERMANENT_FAILURE"
    assert results[UNVERIFIED]["StatusMessage"].startswith("INVALID_ORIGINATION_IDENTITY")
    assert results["someone@example.com"]["DeliveryStatus"] == "PERMANENT_FAILURE"
    assert "EMAIL channel is not enabled" in results["someone@example.com"]["StatusMessage"]


def test_send_messages_streams_pinpoint_sms_events(sandbox, pinpoint, simulator, app_id):
    results = _send_sms(pinpoint, app_id, simulator, US_SUCCESS, UNVERIFIED)
    streamed = [r["event"] for r in read_events(sandbox.data_dir / "events.jsonl")
                if r.get("api") == "pinpoint" and "event_type" in r.get("event", {})]
    delivered = [(e["event_type"], e["attributes"]["record_status"]) for e in streamed
                 if e["attributes"]["message_id"] == results[US_SUCCESS]["MessageId"]]
    assert delivered == [("_SMS.BUFFERED", "SUCCESSFUL"), ("_SMS.SUCCESS", "DELIVERED")]
    refused = [(e["event_type"], e["attributes"]["record_status"]) for e in streamed
               if e["attributes"]["destination_phone_number"] == UNVERIFIED]
    assert ("_SMS.FAILURE", "INVALID_ORIGINATION_IDENTITY") in refused
    assert all(e["application"]["app_id"] == app_id for e in streamed)


def test_failure_simulator_is_accepted_then_fails_in_its_events(sandbox, pinpoint, simulator,
                                                                 app_id):
    result = _send_sms(pinpoint, app_id, simulator, US_FAILURE)[US_FAILURE]
    assert result["DeliveryStatus"] == "SUCCESSFUL"  # accepted, as AWS does
    kinds = [r["event"]["eventType"] for r in read_events(sandbox.data_dir / "events.jsonl")
             if r.get("event", {}).get("messageId") == result["MessageId"]]
    assert kinds == ["TEXT_CARRIER_UNREACHABLE"]


def test_unverified_number_in_the_sandbox_says_so(pinpoint, sms, app_id):
    sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                             NumberCapabilities=["SMS"], NumberType="TEN_DLC", RegistrationId="registration-1")
    response = pinpoint.send_messages(ApplicationId=app_id, MessageRequest={
        "Addresses": {UNVERIFIED: {"ChannelType": "SMS"}},
        "MessageConfiguration": {"SMSMessage": {"Body": "hi"}}})
    result = response["MessageResponse"]["Result"][UNVERIFIED]
    assert result["DeliveryStatus"] == "PERMANENT_FAILURE"
    assert result["StatusMessage"].startswith("ACCOUNT_IN_SANDBOX")


def test_send_users_messages_reaches_the_users_endpoints(pinpoint, simulator, app_id):
    pinpoint.update_endpoint(ApplicationId=app_id, EndpointId="phone-1", EndpointRequest={
        "Address": US_SUCCESS, "ChannelType": "SMS", "User": {"UserId": "user-1"}})
    pinpoint.update_endpoint(ApplicationId=app_id, EndpointId="phone-2", EndpointRequest={
        "Address": UNVERIFIED, "ChannelType": "SMS", "User": {"UserId": "user-1"}})
    response = pinpoint.send_users_messages(ApplicationId=app_id, SendUsersMessageRequest={
        "Users": {"user-1": {}, "nobody": {}},
        "MessageConfiguration": {"SMSMessage": {"Body": "hi",
                                                "OriginationNumber": simulator["PhoneNumber"]}}})
    result = response["SendUsersMessageResponse"]["Result"]
    assert result["user-1"]["phone-1"]["DeliveryStatus"] == "SUCCESSFUL"
    assert result["user-1"]["phone-1"]["Address"] == US_SUCCESS
    assert result["user-1"]["phone-2"]["DeliveryStatus"] == "PERMANENT_FAILURE"
    assert result["nobody"] == {}


def _otp(pinpoint, app_id, simulator, reference, **extra):
    return pinpoint.send_otp_message(ApplicationId=app_id, SendOTPMessageRequestParameters={
        "BrandName": "Workbench", "Channel": "SMS", "DestinationIdentity": US_SUCCESS,
        "OriginationIdentity": simulator["PhoneNumber"], "ReferenceId": reference, **extra})


def _code(sandbox, reference):
    return [r for r in read_events(sandbox.data_dir / "events.jsonl")
            if r.get("referenceId") == reference][-1]["code"]


def _verify(pinpoint, app_id, reference, code):
    return pinpoint.verify_otp_message(ApplicationId=app_id, VerifyOTPMessageRequestParameters={
        "DestinationIdentity": US_SUCCESS, "Otp": code, "ReferenceId": reference,
    })["VerificationResponse"]["Valid"]


def test_otp_send_and_verify(sandbox, pinpoint, simulator, app_id):
    sent = _otp(pinpoint, app_id, simulator, "login-1", CodeLength=8)
    assert sent["MessageResponse"]["Result"][US_SUCCESS]["DeliveryStatus"] == "SUCCESSFUL"
    code = _code(sandbox, "login-1")
    assert len(code) == 8
    assert _verify(pinpoint, app_id, "login-1", code) is True
    assert _verify(pinpoint, app_id, "login-1", code) is False  # used up


def test_otp_wrong_code_and_attempts(sandbox, pinpoint, simulator, app_id):
    _otp(pinpoint, app_id, simulator, "login-2", AllowedAttempts=2)
    code = _code(sandbox, "login-2")
    wrong = str((int(code) + 1) % 10 ** len(code)).zfill(len(code))
    assert _verify(pinpoint, app_id, "login-2", wrong) is False
    assert _verify(pinpoint, app_id, "login-2", wrong) is False
    assert _verify(pinpoint, app_id, "login-2", code) is False  # attempts exhausted


def test_otp_expired_code(sandbox, pinpoint, simulator, app_id):
    _otp(pinpoint, app_id, simulator, "login-3", ValidityPeriod=5)
    code = _code(sandbox, "login-3")
    sandbox.advance_clock(5 * 60 + 1)
    assert _verify(pinpoint, app_id, "login-3", code) is False


def test_otp_parameters_are_checked(pinpoint, simulator, app_id):
    with pytest.raises(ClientError) as caught:
        _otp(pinpoint, app_id, simulator, "login-4", CodeLength=4)
    assert caught.value.response["Error"]["Code"] == "BadRequestException"
    assert "CodeLength is between 5 and 8" in caught.value.response["Error"]["Message"]


def test_phone_number_validate_offline(pinpoint):
    def validate(number, country=None):
        request = {"PhoneNumber": number, **({"IsoCountryCode": country} if country else {})}
        return pinpoint.phone_number_validate(NumberValidateRequest=request)[
            "NumberValidateResponse"]

    mobile = validate("+447400123456")
    assert mobile["CountryCodeIso2"] == "GB" and mobile["CountryCodeNumeric"] == "44"
    assert (mobile["PhoneType"], mobile["PhoneTypeCode"]) == ("MOBILE", 0)
    assert mobile["CleansedPhoneNumberE164"] == "+447400123456"
    assert validate("+447700900123")["CountryCodeIso2"] == "GB"  # a drama number: no carrier
    landline = validate("020 7946 0018", "GB")
    assert (landline["PhoneType"], landline["PhoneTypeCode"]) == ("LANDLINE", 1)
    assert validate("+1 206 555 0100")["PhoneTypeCode"] == 4  # reserved (555) numbers: OTHER
    assert validate("12")["PhoneType"] == "INVALID"
    us = validate("+14254147755")
    assert "Timezone" not in us and "City" not in us  # not returned for the US


def test_channel_settings_are_stored_and_returned(pinpoint, app_id):
    pinpoint.update_gcm_channel(ApplicationId=app_id, GCMChannelRequest={
        "ApiKey": "not-returned-key", "Enabled": True})
    gcm = pinpoint.get_gcm_channel(ApplicationId=app_id)["GCMChannelResponse"]
    assert gcm["Enabled"] is True and gcm["HasCredential"] is True and gcm["Platform"] == "GCM"
    assert "not-returned-key" not in str(gcm)
    pinpoint.update_voice_channel(ApplicationId=app_id, VoiceChannelRequest={"Enabled": False})
    channels = pinpoint.get_channels(ApplicationId=app_id)["ChannelsResponse"]["Channels"]
    assert set(channels) >= {"SMS", "GCM", "VOICE"}
    assert channels["VOICE"]["Enabled"] is False
    pinpoint.delete_gcm_channel(ApplicationId=app_id)
    with pytest.raises(ClientError) as caught:
        pinpoint.get_gcm_channel(ApplicationId=app_id)
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_unknown_project_is_404(pinpoint):
    with pytest.raises(ClientError) as caught:
        pinpoint.get_sms_channel(ApplicationId="0" * 32)
    assert caught.value.response["Error"]["Code"] == "NotFoundException"


def test_sms_voice_v1_configuration_sets_and_voice(sandbox, sms):
    v1 = make_client(sandbox.url, "pinpoint-sms-voice")
    v1.create_configuration_set(ConfigurationSetName="voice")
    with pytest.raises(ClientError) as caught:
        v1.create_configuration_set(ConfigurationSetName="voice")
    assert caught.value.response["Error"]["Code"] == "AlreadyExistsException"
    v1.create_configuration_set_event_destination(
        ConfigurationSetName="voice", EventDestinationName="logs",
        EventDestination={"Enabled": True, "MatchingEventTypes": ["COMPLETED_CALL"],
                          "SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"}})
    destinations = v1.get_configuration_set_event_destinations(ConfigurationSetName="voice")
    assert destinations["EventDestinations"][0]["Name"] == "logs"
    assert "voice" in v1.list_configuration_sets()["ConfigurationSets"]
    number = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                      NumberCapabilities=["VOICE"], NumberType="LONG_CODE")
    verified = sms.create_verified_destination_number(DestinationPhoneNumber="+12065550177")
    with pytest.raises(ClientError) as caught:
        v1.send_voice_message(DestinationPhoneNumber="+12065550177",
                              OriginationPhoneNumber=number["PhoneNumber"],
                              Content={"PlainTextMessage": {"Text": "hello"}})
    assert "not a verified destination" in caught.value.response["Error"]["Message"]
    sms.send_destination_number_verification_code(
        VerifiedDestinationNumberId=verified["VerifiedDestinationNumberId"],
        VerificationChannel="VOICE", OriginationIdentity=number["PhoneNumberId"])
    code = [r for r in read_events(sandbox.data_dir / "events.jsonl")
            if r.get("destinationPhoneNumber") == "+12065550177" and "code" in r][-1]["code"]
    sms.verify_destination_number(VerifiedDestinationNumberId=verified["VerifiedDestinationNumberId"],
                                  VerificationCode=code)
    sent = v1.send_voice_message(DestinationPhoneNumber="+12065550177",
                                 OriginationPhoneNumber=number["PhoneNumber"],
                                 ConfigurationSetName="voice",
                                 Content={"PlainTextMessage": {"Text": "hello"}})
    kinds = [r["event"]["eventType"] for r in read_events(sandbox.data_dir / "events.jsonl")
             if r.get("event", {}).get("messageId") == sent["MessageId"]]
    assert kinds == ["INITIATED_CALL", "RINGING", "ANSWERED", "COMPLETED_CALL"]
