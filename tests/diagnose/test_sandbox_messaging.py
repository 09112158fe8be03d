"""SMS, voice, OTP and Pinpoint messaging outcomes as the sandbox serves them (it follows
AWS's rules: SMS sandbox tier, simulator numbers, opt-outs, registrations, spend limits)."""

from __future__ import annotations

import pytest
from tests.helpers.sandbox_send import send_to

from workbench.core.diagnose import diagnose, flagged_paths

COVERED = {
    "sms-simulator-cross-country", "sms-no-origination-identity", "sms-opted-out", "sms-registration-required",
    "sms-max-price", "sms-spend-limit", "number-capabilities-mismatch", "sms-deletion-protection",
    "destination-verification-pending", "destination-verification-failed", "phone-number-invalid", "otp-not-valid",
    "channel-disabled", "not-found", "sms-carrier-temporary",
}
V2 = "pinpoint-sms-voice-v2"


@pytest.fixture(scope="module")
def sms(sandbox):
    """A US simulator origination number in the sandbox (its SMS tier starts as SANDBOX)."""
    exchange, _ = send_to(sandbox.url, f"{V2}:RequestPhoneNumber", body={
        "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"], "NumberType": "SIMULATOR"})
    assert exchange.response.status == 200, exchange.response.text()
    return exchange.response.json()


def diagnosed(url, operation, **kwargs):
    exchange, prepared = send_to(url, operation, **kwargs)
    return exchange, {d.id: d for d in diagnose(exchange, plan_or_context=prepared)}


def text(sandbox, body):
    return diagnosed(sandbox.url, f"{V2}:SendTextMessage", body={"MessageBody": "hello", **body})


def test_simulator_number_to_another_countrys_simulator(sandbox, sms):
    exchange, found = text(sandbox, {"DestinationPhoneNumber": "+33755512501", "OriginationIdentity": sms["PhoneNumber"]})
    assert exchange.response.status == 400
    assert list(found) == ["sms-simulator-cross-country"]
    assert "+33755512501 is a FR simulator number" in found["sms-simulator-cross-country"].summary


def test_simulator_number_to_a_real_number(sandbox, sms):
    _, found = text(sandbox, {"DestinationPhoneNumber": "+12065550100", "OriginationIdentity": sms["PhoneNumber"]})
    assert list(found) == ["sms-simulator-cross-country"]
    assert "not +12065550100" in found["sms-simulator-cross-country"].summary


def test_no_origination_identity_for_the_country(sandbox):
    _, found = text(sandbox, {"DestinationPhoneNumber": "+12065550100"})
    assert list(found) == ["sms-no-origination-identity"]


def test_opted_out_destination(sandbox, sms):
    send_to(sandbox.url, f"{V2}:PutOptedOutNumber", body={"OptOutListName": "Default", "OptedOutNumber": "+14254147167"})
    try:
        _, found = text(sandbox, {"DestinationPhoneNumber": "+14254147167", "OriginationIdentity": sms["PhoneNumber"]})
    finally:
        removed, _ = send_to(sandbox.url, f"{V2}:DeleteOptedOutNumber",
                             body={"OptOutListName": "Default", "OptedOutNumber": "+14254147167"})
    assert list(found) == ["sms-opted-out"]
    assert removed.response.status == 200, removed.response.text()


def test_unregistered_toll_free_number(sandbox):
    exchange, _ = send_to(sandbox.url, f"{V2}:RequestPhoneNumber", body={
        "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"], "NumberType": "TOLL_FREE"})
    toll_free = exchange.response.json()["PhoneNumber"]
    _, found = text(sandbox, {"DestinationPhoneNumber": "+14254147755", "OriginationIdentity": toll_free})
    assert list(found) == ["sms-registration-required"]


def test_max_price_below_the_price(sandbox, sms):
    _, found = text(sandbox, {"DestinationPhoneNumber": "+14254147755", "OriginationIdentity": sms["PhoneNumber"],
                              "MaxPrice": "0.00001"})
    assert list(found) == ["sms-max-price"]


def test_a_number_without_voice_capability(sandbox, sms):
    _, found = diagnosed(sandbox.url, f"{V2}:SendVoiceMessage", body={
        "DestinationPhoneNumber": "+14254147755", "OriginationIdentity": sms["PhoneNumber"], "MessageBody": "hello"})
    assert list(found) == ["number-capabilities-mismatch"]


def test_release_with_deletion_protection(sandbox):
    exchange, _ = send_to(sandbox.url, f"{V2}:RequestPhoneNumber", body={
        "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"], "NumberType": "SIMULATOR",
        "DeletionProtectionEnabled": True})
    number_id = exchange.response.json()["PhoneNumberId"]
    _, found = diagnosed(sandbox.url, f"{V2}:ReleasePhoneNumber", body={"PhoneNumberId": number_id})
    assert list(found) == ["sms-deletion-protection"]


def test_destination_verification_pending_then_a_wrong_code(sandbox):
    exchange, found = diagnosed(sandbox.url, f"{V2}:CreateVerifiedDestinationNumber", body={"DestinationPhoneNumber": "+12065550111"})
    assert list(found) == ["destination-verification-pending"]
    verified_id = exchange.response.json()["VerifiedDestinationNumberId"]
    _, found = diagnosed(sandbox.url, f"{V2}:VerifyDestinationNumber", body={
        "VerifiedDestinationNumberId": verified_id, "VerificationCode": "000000"})
    assert list(found) == ["destination-verification-failed"]


def test_unknown_sender_id_offers_its_describe_call(sandbox):
    _, found = text(sandbox, {"DestinationPhoneNumber": "+14254147755", "OriginationIdentity": "NOSUCHID"})
    diagnosis = found["not-found"]
    assert "sender-id NOSUCHID" in diagnosis.cause
    assert {"action": "open_operation", "operation": f"{V2}:DescribeSenderIds"} in diagnosis.fixes


def test_spend_limit_reached(sandbox, sms):
    # last in this module: a zero spend limit stops every later text
    send_to(sandbox.url, f"{V2}:SetTextMessageSpendLimitOverride", body={"MonthlyLimit": 0})
    _, found = text(sandbox, {"DestinationPhoneNumber": "+14254147755", "OriginationIdentity": sms["PhoneNumber"]})
    assert list(found) == ["sms-spend-limit"]
    send_to(sandbox.url, f"{V2}:DeleteTextMessageSpendLimitOverride", body={})


@pytest.fixture(scope="module")
def project(sandbox):
    exchange, _ = send_to(sandbox.url, "pinpoint:CreateApp", body={"Name": "diagnose"})
    return exchange.response.json()["Id"]


def test_phone_number_validate_invalid(sandbox):
    _, found = diagnosed(sandbox.url, "pinpoint:PhoneNumberValidate", body={"PhoneNumber": "+1555"})
    assert list(found) == ["phone-number-invalid"]


def test_verify_otp_not_valid(sandbox, project):
    _, found = diagnosed(sandbox.url, "pinpoint:VerifyOTPMessage", variables={"projectId": project},
                         body={"DestinationIdentity": "+12065550100", "Otp": "123456", "ReferenceId": "ref-1"})
    assert list(found) == ["otp-not-valid"]


def test_send_messages_to_disabled_channels_flags_each_recipient(sandbox, project):
    exchange, found = diagnosed(sandbox.url, "pinpoint:SendMessages", variables={"projectId": project}, body={
        "Addresses": {"+12065550100": {"ChannelType": "SMS"}},
        "MessageConfiguration": {"SMSMessage": {"Body": "hello"}}})
    assert exchange.response.status == 200
    assert list(found) == ["channel-disabled"]
    assert flagged_paths(found.values()) == {'$.Result["+12065550100"].StatusMessage': "channel-disabled"}
    summary = found["channel-disabled"].summary
    assert summary.endswith(".") and not summary.endswith(".."), summary  # the sandbox's message ends in its own period


def test_the_sandbox_event_log_diagnoses_failed_deliveries(sandbox, sms, project, run_cli, tmp_path):
    from workbench.core.diagnose import diagnose_event
    from workbench.core.sandbox.events import read_events

    # a v2 text to the failure simulator: TEXT_CARRIER_UNREACHABLE (messageStatus)
    exchange, _ = send_to(sandbox.url, f"{V2}:SendTextMessage", body={
        "DestinationPhoneNumber": "+14254147167", "OriginationIdentity": sms["PhoneNumber"], "MessageBody": "hello"})
    assert exchange.response.status == 200
    # Pinpoint SMS to a US number no identity of the account can reach: _SMS.FAILURE (record_status)
    send_to(sandbox.url, "pinpoint:UpdateSmsChannel", variables={"projectId": project}, body={"Enabled": True})
    send_to(sandbox.url, "pinpoint:SendMessages", variables={"projectId": project}, body={
        "Addresses": {"+12065550142": {"ChannelType": "SMS"}}, "MessageConfiguration": {"SMSMessage": {"Body": "hi"}}})
    records = list(read_events(sandbox.events.path))
    ids = {d.id for record in records for d in diagnose_event(record)}
    assert {"sms-carrier-temporary", "sms-no-origination-identity"} <= ids
    assert not any(diagnose_event(r) for r in records if r.get("messageStatus") == "DELIVERED")

    log = tmp_path / "events.jsonl"
    log.write_text(sandbox.events.path.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("diagnose", str(log), "--json")
    assert result.status == 0
    found = {d["id"] for event in result.json["events"] for d in event["diagnoses"]}
    assert {"sms-carrier-temporary", "sms-no-origination-identity"} <= found
