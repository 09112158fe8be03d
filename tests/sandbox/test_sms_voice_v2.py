"""SMS and voice v2 against the sandbox with boto3, over real HTTP: the onboarding flow a
new account goes through (sandbox tier, simulator numbers, verified destinations), opt-outs,
spend limits, registrations, pools, and AWS's JSON 1.0 error form.

Simulator numbers: AWS End User Messaging SMS User Guide, "Simulator phone numbers"
(US success +14254147755, US failure +14254147167, UK numbers are not US simulators).
"""

from __future__ import annotations

import json
import urllib.request

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from sandbox_helpers import make_client

from workbench.core.sandbox.events import read_events
from workbench.core.sandbox.server import SandboxServer
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY

US_SUCCESS = "+14254147755"
US_FAILURE = "+14254147167"
AU_SUCCESS = "+61455944038"
REAL_NUMBER = "+12065550142"


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


@pytest.fixture(scope="module")
def sms(sandbox):
    return make_client(sandbox.url, "pinpoint-sms-voice-v2")


@pytest.fixture(scope="module")
def simulator_number(sms):
    return sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                    NumberCapabilities=["SMS"], NumberType="SIMULATOR")


@pytest.fixture(scope="module")
def long_code(sms):
    """A US local number that can text US destinations: a registered 10DLC number (a US
    LONG_CODE cannot: see test_a_us_long_code_cannot_text_us_destinations)."""
    return sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                    NumberCapabilities=["SMS", "VOICE"], NumberType="TEN_DLC",
                                    RegistrationId="registration-1")


def events_for(sandbox, message_id: str) -> list[dict]:
    return [record["event"] for record in read_events(sandbox.data_dir / "events.jsonl")
            if record.get("event", {}).get("messageId") == message_id]


def refusal(call) -> dict:
    with pytest.raises(ClientError) as caught:
        call()
    response = caught.value.response
    return {"code": response["Error"]["Code"], "reason": response.get("Reason"),
            "status": response["ResponseMetadata"]["HTTPStatusCode"],
            "message": response["Error"]["Message"]}


def test_onboarding_flow(sandbox, sms, simulator_number, long_code):
    attributes = sms.describe_account_attributes()["AccountAttributes"]
    assert {"Name": "ACCOUNT_TIER", "Value": "SANDBOX"} in attributes
    assert simulator_number["NumberType"] == "SIMULATOR" and simulator_number["Status"] == "ACTIVE"
    assert simulator_number["PhoneNumber"].startswith("+1")

    delivered = sms.send_text_message(DestinationPhoneNumber=US_SUCCESS, MessageBody="hello",
                                      OriginationIdentity=simulator_number["PhoneNumberId"])
    events = events_for(sandbox, delivered["MessageId"])
    assert [e["eventType"] for e in events] == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
    assert events[-1]["isFinal"] is True and events[-1]["messageStatus"] == "DELIVERED"
    assert events[-1]["destinationPhoneNumber"] == US_SUCCESS
    assert events[-1]["originationPhoneNumber"] == simulator_number["PhoneNumber"]

    failed = sms.send_text_message(DestinationPhoneNumber=US_FAILURE, MessageBody="hello",
                                   OriginationIdentity=simulator_number["PhoneNumberArn"])
    (final,) = events_for(sandbox, failed["MessageId"])
    assert final["isFinal"] is True and final["eventType"] != "TEXT_DELIVERED"
    assert final["eventType"].startswith("TEXT_")

    unverified = refusal(lambda: sms.send_text_message(
        DestinationPhoneNumber=REAL_NUMBER, MessageBody="hello",
        OriginationIdentity=long_code["PhoneNumberId"]))
    assert unverified == {"code": "ConflictException", "status": 400,
                          "reason": "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
                          "message": unverified["message"]}

    verified = sms.create_verified_destination_number(DestinationPhoneNumber=REAL_NUMBER)
    assert verified["Status"] == "PENDING"
    sms.send_destination_number_verification_code(
        VerifiedDestinationNumberId=verified["VerifiedDestinationNumberId"],
        VerificationChannel="TEXT", OriginationIdentity=long_code["PhoneNumber"])
    (note,) = [r for r in read_events(sandbox.data_dir / "events.jsonl")
               if r.get("verifiedDestinationNumberId") == verified["VerifiedDestinationNumberId"]]
    wrong = "000000" if note["code"] != "000000" else "111111"
    mismatch = refusal(lambda: sms.verify_destination_number(
        VerifiedDestinationNumberId=verified["VerifiedDestinationNumberId"], VerificationCode=wrong))
    assert (mismatch["code"], mismatch["reason"]) == ("ValidationException",
                                                     "VERIFICATION_CODE_MISMATCH")
    done = sms.verify_destination_number(
        VerifiedDestinationNumberId=verified["VerifiedDestinationNumberId"],
        VerificationCode=note["code"])
    assert done["Status"] == "VERIFIED"
    sent = sms.send_text_message(DestinationPhoneNumber=REAL_NUMBER, MessageBody="hello",
                                 OriginationIdentity=long_code["PhoneNumberId"])
    assert events_for(sandbox, sent["MessageId"])[-1]["eventType"] == "TEXT_DELIVERED"


def test_a_simulator_number_reaches_only_its_countrys_simulators(sms, simulator_number):
    for destination in (AU_SUCCESS, REAL_NUMBER):
        refused = refusal(lambda: sms.send_text_message(
            DestinationPhoneNumber=destination, MessageBody="x",
            OriginationIdentity=simulator_number["PhoneNumberId"]))
        assert (refused["code"], refused["reason"]) == (
            "ValidationException", "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY")


def test_opted_out_destination_is_refused_with_its_reason(sms, simulator_number):
    sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=US_SUCCESS)
    try:
        refused = refusal(lambda: sms.send_text_message(
            DestinationPhoneNumber=US_SUCCESS, MessageBody="x",
            OriginationIdentity=simulator_number["PhoneNumberId"]))
        assert (refused["code"], refused["reason"]) == ("ConflictException",
                                                       "DESTINATION_PHONE_NUMBER_OPTED_OUT")
        listed = sms.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
        assert [n["OptedOutNumber"] for n in listed] == [US_SUCCESS]
    finally:
        sms.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=US_SUCCESS)
    sms.send_text_message(DestinationPhoneNumber=US_SUCCESS, MessageBody="x",
                          OriginationIdentity=simulator_number["PhoneNumberId"])


def test_unknown_origination_identity_and_missing_registration(sms):
    unknown = refusal(lambda: sms.send_text_message(
        DestinationPhoneNumber=US_SUCCESS, OriginationIdentity="phone-doesnotexist"))
    assert unknown["code"] == "ResourceNotFoundException" and unknown["status"] == 400
    toll_free = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                         NumberCapabilities=["SMS"], NumberType="TOLL_FREE")
    assert toll_free["Status"] == "PENDING"
    unregistered = refusal(lambda: sms.send_text_message(
        DestinationPhoneNumber=REAL_NUMBER, OriginationIdentity=toll_free["PhoneNumberId"]))
    assert (unregistered["code"], unregistered["reason"]) == ("ConflictException",
                                                             "REGISTRATION_NOT_COMPLETE")
    sms.release_phone_number(PhoneNumberId=toll_free["PhoneNumberId"])


def test_spend_limit_is_enforced(sandbox, sms, simulator_number):
    limits = {s["Name"]: s for s in sms.describe_spend_limits()["SpendLimits"]}
    assert limits["TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"]["MaxLimit"] == 1
    too_high = refusal(lambda: sms.set_text_message_spend_limit_override(MonthlyLimit=5))
    assert too_high["reason"] == "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT"
    sms.set_text_message_spend_limit_override(MonthlyLimit=0)
    try:
        over = refusal(lambda: sms.send_text_message(
            DestinationPhoneNumber=US_SUCCESS, MessageBody="x",
            OriginationIdentity=simulator_number["PhoneNumberId"]))
        assert (over["code"], over["reason"]) == ("ServiceQuotaExceededException",
                                                 "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT")
    finally:
        sms.delete_text_message_spend_limit_override()


def test_pools_configuration_sets_keywords_and_tags(sandbox, sms, long_code):
    pool = sms.create_pool(OriginationIdentity=long_code["PhoneNumberId"],
                           MessageType="TRANSACTIONAL", Tags=[{"Key": "team", "Value": "a"}])
    members = sms.list_pool_origination_identities(PoolId=pool["PoolId"])["OriginationIdentities"]
    assert [m["PhoneNumber"] for m in members] == [long_code["PhoneNumber"]]
    assert sms.list_tags_for_resource(ResourceArn=pool["PoolArn"])["Tags"] == [
        {"Key": "team", "Value": "a"}]
    keywords = sms.describe_keywords(OriginationIdentity=long_code["PhoneNumberId"])["Keywords"]
    assert {k["Keyword"] for k in keywords} == {"HELP", "STOP"}
    sms.put_keyword(OriginationIdentity=long_code["PhoneNumberId"], Keyword="info",
                    KeywordMessage="Info here")
    config = sms.create_configuration_set(ConfigurationSetName="onboarding")
    sms.create_event_destination(ConfigurationSetName="onboarding", EventDestinationName="all",
                                 MatchingEventTypes=["TEXT_ALL"], SnsDestination={
                                     "TopicArn": "arn:aws:sns:us-east-1:123456789012:t"})
    described = sms.describe_configuration_sets(ConfigurationSetNames=["onboarding"])
    assert described["ConfigurationSets"][0]["EventDestinations"][0]["MatchingEventTypes"] == \
        ["TEXT_ALL"]
    assert config["ConfigurationSetArn"].endswith(":configuration-set/onboarding")
    in_pool = refusal(lambda: sms.release_phone_number(PhoneNumberId=long_code["PhoneNumberId"]))
    assert in_pool["reason"] == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    sms.delete_pool(PoolId=pool["PoolId"])


def test_next_token_pagination(sms):
    for name in ("page-a", "page-b", "page-c"):
        sms.create_opt_out_list(OptOutListName=name)
    names, token = [], None
    while True:
        page = sms.describe_opt_out_lists(MaxResults=2, **({"NextToken": token} if token else {}))
        assert len(page["OptOutLists"]) <= 2
        names += [o["OptOutListName"] for o in page["OptOutLists"]]
        token = page.get("NextToken")
        if not token:
            break
    assert {"Default", "page-a", "page-b", "page-c"} <= set(names)
    assert len(names) == len(set(names))
    bad = refusal(lambda: sms.describe_opt_out_lists(NextToken="%%%"))
    assert bad["reason"] == "INVALID_NEXT_TOKEN"


def test_errors_are_json_1_0_as_aws_sends_them(sandbox):
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    request = AWSRequest("POST", sandbox.url + "/", data=b"{}", headers={
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": "PinpointSMSVoiceV2.SendTextMessage"})
    SigV4Auth(Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY), "sms-voice",
              "us-east-1").add_auth(request)
    prepared = urllib.request.Request(request.url, data=request.body, method="POST",
                                      headers=dict(request.headers.items()))
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(prepared, timeout=10)
    assert caught.value.code == 400
    assert caught.value.headers["x-amzn-ErrorType"] == "ValidationException"
    assert caught.value.headers["Content-Type"] == "application/x-amz-json-1.0"
    body = json.loads(caught.value.read())
    assert body["__type"] == "ValidationException"
    assert body["Reason"] == "MISSING_PARAMETER"
    assert body["Fields"] == [{"Name": "DestinationPhoneNumber",
                               "Message": "Member must not be null"}]


def test_timestamps_are_the_models(sms, simulator_number):
    import datetime

    described = sms.describe_phone_numbers(PhoneNumberIds=[simulator_number["PhoneNumberId"]])
    assert isinstance(described["PhoneNumbers"][0]["CreatedTimestamp"], datetime.datetime)


def test_state_survives_a_restart(tmp_path):
    with SandboxServer(data_dir=tmp_path / "kept") as first:
        sms = make_client(first.url, "pinpoint-sms-voice-v2")
        number = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                          NumberCapabilities=["SMS"], NumberType="SIMULATOR")
        sms.create_configuration_set(ConfigurationSetName="kept")
    with SandboxServer(data_dir=tmp_path / "kept") as second:
        sms = make_client(second.url, "pinpoint-sms-voice-v2")
        numbers = sms.describe_phone_numbers()["PhoneNumbers"]
        assert [n["PhoneNumber"] for n in numbers] == [number["PhoneNumber"]]
        sets = sms.describe_configuration_sets()["ConfigurationSets"]
        assert [s["ConfigurationSetName"] for s in sets] == ["kept"]


def test_every_number_type_and_the_number_lifecycle(sms):
    requested = {}
    for number_type in ("LONG_CODE", "TOLL_FREE", "TEN_DLC", "SIMULATOR"):
        extra = {"RegistrationId": "registration-1"} if number_type == "TEN_DLC" else {}
        requested[number_type] = sms.request_phone_number(
            IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
            NumberType=number_type, **extra)
    assert {t: r["Status"] for t, r in requested.items()} == {
        "LONG_CODE": "ACTIVE", "TOLL_FREE": "PENDING", "TEN_DLC": "ACTIVE", "SIMULATOR": "ACTIVE"}
    ten_dlc = requested["TEN_DLC"]["PhoneNumberId"]
    filtered = sms.describe_phone_numbers(Filters=[{"Name": "number-type", "Values": ["TEN_DLC"]}])
    assert ten_dlc in {n["PhoneNumberId"] for n in filtered["PhoneNumbers"]}
    assert all(n["NumberType"] == "TEN_DLC" for n in filtered["PhoneNumbers"])
    updated = sms.update_phone_number(PhoneNumberId=ten_dlc, DeletionProtectionEnabled=True)
    assert updated["DeletionProtectionEnabled"] is True
    protected = refusal(lambda: sms.release_phone_number(PhoneNumberId=ten_dlc))
    assert (protected["code"], protected["reason"]) == ("ConflictException",
                                                       "DELETION_PROTECTION_ENABLED")
    sms.update_phone_number(PhoneNumberId=ten_dlc, DeletionProtectionEnabled=False)
    for record in requested.values():
        assert sms.release_phone_number(PhoneNumberId=record["PhoneNumberId"])["Status"] == "DELETED"
    gone = refusal(lambda: sms.describe_phone_numbers(PhoneNumberIds=[ten_dlc]))
    assert gone["code"] == "ResourceNotFoundException"


def test_sender_ids_follow_country_rules(sms):
    refused = refusal(lambda: sms.request_sender_id(SenderId="MyBrand", IsoCountryCode="US"))
    assert refused["reason"] == "SENDER_ID_NOT_SUPPORTED"
    india = sms.request_sender_id(SenderId="MyBrand", IsoCountryCode="IN")
    assert india["Registered"] is False
    unregistered = refusal(lambda: sms.send_text_message(
        DestinationPhoneNumber="+919876543210", OriginationIdentity="MyBrand"))
    assert unregistered["reason"] == "SENDER_ID_NOT_REGISTERED"
    sms.release_sender_id(SenderId="MyBrand", IsoCountryCode="IN")


def test_voice_and_media_messages_produce_their_events(sandbox, sms, long_code, simulator_number):
    sms.create_verified_destination_number(DestinationPhoneNumber="+12065550188")
    verified = sms.describe_verified_destination_numbers(
        DestinationPhoneNumbers=["+12065550188"])["VerifiedDestinationNumbers"][0]
    sms.send_destination_number_verification_code(
        VerifiedDestinationNumberId=verified["VerifiedDestinationNumberId"],
        VerificationChannel="VOICE", OriginationIdentity=long_code["PhoneNumberId"])
    code = [r for r in read_events(sandbox.data_dir / "events.jsonl")
            if r.get("verifiedDestinationNumberId") == verified["VerifiedDestinationNumberId"]
            ][-1]["code"]
    sms.verify_destination_number(VerifiedDestinationNumberId=verified["VerifiedDestinationNumberId"],
                                  VerificationCode=code)
    call = sms.send_voice_message(DestinationPhoneNumber="+12065550188", MessageBody="Hello",
                                  OriginationIdentity=long_code["PhoneNumberId"])
    assert [e["eventType"] for e in events_for(sandbox, call["MessageId"])] == [
        "VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED", "VOICE_COMPLETED"]
    no_mms = refusal(lambda: sms.send_media_message(
        DestinationPhoneNumber=US_SUCCESS, OriginationIdentity=simulator_number["PhoneNumberId"],
        MediaUrls=["s3://bucket/cat.jpg"]))
    assert no_mms["reason"] == "NUMBER_CAPABILITIES_MISMATCH"
    mms = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                   NumberCapabilities=["SMS", "MMS"], NumberType="SIMULATOR")
    media = sms.send_media_message(DestinationPhoneNumber=US_SUCCESS,
                                   OriginationIdentity=mms["PhoneNumberId"],
                                   MediaUrls=["s3://bucket/cat.jpg"])
    assert [e["eventType"] for e in events_for(sandbox, media["MessageId"])] == [
        "MEDIA_SUCCESSFUL", "MEDIA_DELIVERED"]


def test_event_destinations_that_match_are_named_on_each_record(sandbox, sms, simulator_number):
    sms.create_configuration_set(ConfigurationSetName="tracked")
    sms.create_event_destination(ConfigurationSetName="tracked", EventDestinationName="delivered",
                                 MatchingEventTypes=["TEXT_DELIVERED"], CloudWatchLogsDestination={
                                     "IamRoleArn": "arn:aws:iam::123456789012:role/r",
                                     "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:g"})
    sent = sms.send_text_message(DestinationPhoneNumber=US_SUCCESS, MessageBody="x",
                                 ConfigurationSetName="tracked",
                                 OriginationIdentity=simulator_number["PhoneNumberId"])
    records = [r for r in read_events(sandbox.data_dir / "events.jsonl")
               if r.get("event", {}).get("messageId") == sent["MessageId"]]
    assert [(r["event"]["eventType"], r["eventDestinations"]) for r in records] == [
        ("TEXT_SUCCESSFUL", []), ("TEXT_DELIVERED", ["delivered"])]
    assert all(r["configurationSetName"] == "tracked" for r in records)


def test_values_outside_the_model_are_refused_in_awss_words(sms):
    unvalidated = boto3.client(  # botocore would refuse these before sending
        "pinpoint-sms-voice-v2", endpoint_url=sms.meta.endpoint_url, region_name="us-east-1",
        aws_access_key_id=SANDBOX_ACCESS_KEY_ID, aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY,
        config=Config(parameter_validation=False, retries={"max_attempts": 1}))
    refused = refusal(lambda: unvalidated.request_phone_number(
        IsoCountryCode="USA", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
        NumberType="FAX"))
    assert (refused["code"], refused["reason"]) == ("ValidationException",
                                                   "FIELD_VALIDATION_FAILED")
    assert refused["message"].startswith("3 validation errors detected: ")
    assert "Value 'USA' at 'IsoCountryCode' failed to satisfy constraint: Member must satisfy regular " \
           "expression pattern: [A-Z]{2}" in refused["message"]
    assert "Value 'FAX' at 'NumberType' failed to satisfy constraint: Member must satisfy " \
           "enum value set: [LONG_CODE, TOLL_FREE, TEN_DLC, SIMULATOR]" in refused["message"]


def test_a_us_long_code_cannot_text_us_destinations(sms):
    # AWS End User Messaging SMS: US A2P text goes from 10DLC, toll-free or short codes
    long_code = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                         NumberCapabilities=["SMS", "VOICE"], NumberType="LONG_CODE")
    refused = refusal(lambda: sms.send_text_message(
        DestinationPhoneNumber=US_SUCCESS, MessageBody="x", OriginationIdentity=long_code["PhoneNumberId"]))
    assert (refused["code"], refused["reason"]) == ("ValidationException", "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY")
    assert "cannot send SMS messages to US destinations" in refused["message"]
    voice = sms.send_voice_message(DestinationPhoneNumber=US_SUCCESS, MessageBody="x",
                                   OriginationIdentity=long_code["PhoneNumberId"])
    assert voice["MessageId"]


def test_a_number_type_a_country_does_not_have_is_refused(sms):
    for country, number_type in (("GB", "TEN_DLC"), ("FR", "TOLL_FREE")):
        refused = refusal(lambda: sms.request_phone_number(
            IsoCountryCode=country, MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"], NumberType=number_type))
        assert (refused["code"], refused["reason"]) == ("ValidationException", "INVALID_PARAMETER")
        assert f"{number_type} numbers are available only in" in refused["message"]
