"""Every recorded response (AWS's documented error formats) gets the diagnosis it should."""

from __future__ import annotations

import re

import pytest
from fixture_cases import DEV, PROD_EU, RECORDED_AT, context, load, names

from workbench.cli.diagnose_cmds import diagnosis_text
from workbench.core.diagnose import diagnose

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("name", names())
def test_recorded_response_is_diagnosed(name):
    case = load(name)
    found = diagnose(case["exchange"], plan_or_context=context(case), environments=[DEV, PROD_EU], now=RECORDED_AT)
    ids = [d.id for d in found]
    for expected in case["expect"]:
        assert expected in ids, f"{name}: expected {expected}, got {ids}"
    for diagnosis in found:
        data = diagnosis.to_dict()
        assert data["title"] and data["summary"].strip(" .:") and data["cause"] and data["steps"] and data["evidence"], data
        assert ": ." not in data["summary"] and "()" not in data["summary"], data["summary"]
        assert not PLACEHOLDER.search(data["title"] + data["summary"] + data["cause"]), f"unfilled placeholder in {data}"


def by_id(name: str, entry_id: str, **kwargs):
    case = load(name)
    found = {d.id: d for d in diagnose(case["exchange"], plan_or_context=context(case), now=RECORDED_AT, **kwargs)}
    return found[entry_id]


def test_postman_not_authorized_gives_the_least_privilege_statement():
    diagnosis = by_id("postman-not-authorized-getapps", "iam-not-authorized")
    statement = {"Effect": "Allow", "Action": "mobiletargeting:GetApps",
                 "Resource": "arn:aws:mobiletargeting:us-west-2:123456789012:*"}
    assert {"action": "copy_policy", "statement": statement} in diagnosis.fixes
    assert diagnosis.details["principal"] == "arn:aws:iam::123456789012:user/PinpointPostmanUser"
    assert "mobiletargeting:GetApps" in diagnosis.title


def test_passrole_statement_names_the_role_from_the_body_and_the_service():
    diagnosis = by_id("passrole-import-job", "iam-passrole-denied")
    statement = diagnosis.details["statement"]
    assert statement["Action"] == "iam:PassRole"
    assert statement["Resource"] == "arn:aws:iam::123456789012:role/PinpointImport"
    assert statement["Condition"] == {"StringEquals": {"iam:PassedToService": "pinpoint.amazonaws.com"}}


def test_explicit_deny_does_not_offer_a_policy():
    case = load("explicit-deny")
    ids = [d.id for d in diagnose(case["exchange"], plan_or_context=context(case), now=RECORDED_AT)]
    assert ids[0] == "iam-explicit-deny" and "iam-not-authorized" not in ids


def test_throttling_names_the_quota_and_offers_backoff():
    diagnosis = by_id("throttled-send-messages", "throttled")
    assert "4000 requests per second" in diagnosis.summary
    assert {"action": "retry", "backoff_seconds": [1, 2, 4, 8]} in diagnosis.fixes


def test_validation_exception_points_at_the_member():
    diagnosis = by_id("v2-validation-fields", "bad-request")
    assert "DestinationPhoneNumber" in diagnosis.summary
    assert any(e.name == "$.Fields[DestinationPhoneNumber]" for e in diagnosis.evidence)


def test_bad_request_revalidates_the_body_against_the_shape():
    diagnosis = by_id("bad-request-create-campaign", "bad-request")
    assert any(p["path"] == "$.SegmentId" for p in diagnosis.details["problems"])
    assert "$.SegmentId" in diagnosis.summary


def test_email_sender_and_recipient_are_told_apart():
    sender = load("email-sender-unverified")
    ids = [d.id for d in diagnose(sender["exchange"], plan_or_context=context(sender), now=RECORDED_AT)]
    assert "email-identity-not-verified" in ids and "email-account-sandbox" not in ids
    recipient = load("email-recipient-sandbox")
    ids = [d.id for d in diagnose(recipient["exchange"], plan_or_context=context(recipient), now=RECORDED_AT)]
    assert "email-account-sandbox" in ids and "email-identity-not-verified" not in ids


def test_failed_recipient_inside_a_200_is_located():
    diagnosis = by_id("send-messages-permanent-failure", "recipient-failed")
    assert [e.name for e in diagnosis.evidence if e.kind == "field"] == [
        '$.Result["+12065550101"].DeliveryStatus']


def test_end_of_support_says_where_the_feature_went():
    diagnosis = by_id("end-of-support-campaign", "end-of-support")
    assert "2026-10-30" in diagnosis.summary
    assert diagnosis.details["lifecycle"]["status"].startswith("end-of-support")


def test_simulator_cross_country_names_both_countries():
    diagnosis = by_id("v2-simulator-cross-country", "sms-simulator-cross-country")
    assert "+33755512501" in diagnosis.summary and "FR" in diagnosis.summary


def test_a_saved_exchange_diagnosed_days_later_measures_the_clock_at_signing_time():
    case = load("expired-session-token")  # signed at 16:00:00, Date 16:00:00, read today
    ids = [d.id for d in diagnose(case["exchange"], plan_or_context=context(case))]
    assert "clock-skew" not in ids and "expired-token" in ids


def test_a_session_token_echoed_in_aws_canonical_request_never_reaches_a_diagnosis():
    canary = "IQoJb3JpZ2luX2VjECANARYTOKENEXAMPLE"
    canonical = ("GET\n/v1/apps\n\nhost:pinpoint.us-east-1.amazonaws.com\nx-amz-date:20261125T160000Z\n"
                 f"x-amz-security-token:{canary}\n\nhost;x-amz-date;x-amz-security-token\n" + "e3b0" * 16)
    ours = canonical.replace(canary, "<redacted>").replace("/v1/apps", "/v1/apps/")
    message = ("The request signature we calculated does not match the signature you provided.\n\n"
               f"The Canonical String for this request should have been\n'{canonical}'\n\n"
               "The String-to-Sign should be\n'AWS4-HMAC-SHA256\n20261125T160000Z\n20261125/us-east-1/mobiletargeting/aws4_request\nabc'\n")
    exchange = {"environment": "dev", "status": 403, "body": {"message": message},
                "headers": {"x-amzn-ErrorType": "InvalidSignatureException", "Date": "Wed, 25 Nov 2026 16:00:00 GMT"},
                "inspection": {"method": "GET", "url": "https://pinpoint.us-east-1.amazonaws.com/v1/apps/",
                               "canonical_request": ours, "string_to_sign": "", "timestamp": "20261125T160000Z",
                               "session_token_used": True, "region": "us-east-1", "signing_name": "mobiletargeting"}}
    found = diagnose(exchange)
    assert found[0].details["diff"]["label"] == "canonical URI (the path)"
    assert canary not in str([d.to_dict() for d in found]) and canary not in str([diagnosis_text(d) for d in found])


def test_failed_recipients_are_flagged_by_path_for_the_response_tree():
    from workbench.core.diagnose import flagged_paths

    case = load("send-users-messages-throttled")
    found = diagnose(case["exchange"], plan_or_context=context(case), now=RECORDED_AT)
    assert flagged_paths(found) == {'$.Result["user-1"]["endpoint-1"].DeliveryStatus': "sms-rate-exceeded"}


@pytest.mark.parametrize("saved", [
    {}, {"status": 500, "body": [1, 2]}, {"status": 403, "body": {"message": 5, "__type": 7}},
    {"status": 200, "body": "not json <html>"}, {"status": None, "error": "boom"},
    {"status": 400, "headers": [["x-amzn-ErrorType", "ValidationException"], ["bad"]], "body": {"Fields": ["x", {"Name": 3}]}},
    {"status": 404, "inspection": {"url": 12, "headers": "nope"}},
])
def test_odd_saved_exchanges_never_raise(saved):
    assert isinstance(diagnose(saved), list)


def test_a_saved_exchange_without_its_signing_time_does_not_guess_the_clock():
    case = load("conflict-already-exists")  # saved without --inspect: no X-Amz-Date to compare with
    assert "inspection" not in case["exchange"]
    assert [d.id for d in diagnose(case["exchange"])] == ["conflict"]


def test_voice_sandbox_countries_apply_to_voice_only():
    case = load("v2-simulator-cross-country")  # SendTextMessage to a French number
    ids = [d.id for d in diagnose(case["exchange"], plan_or_context=context(case), now=RECORDED_AT)]
    assert "voice-sandbox-country" not in ids


def test_an_unverified_phone_number_is_not_an_email_problem():
    case = load("v2-destination-not-verified")
    ids = [d.id for d in diagnose(case["exchange"], plan_or_context=context(case), now=RECORDED_AT)]
    assert ids == ["sms-sandbox-unverified-destination"]


def test_end_of_support_stays_quiet_when_something_else_explains_the_error():
    case = load("bad-request-create-campaign")
    ids = [d.id for d in diagnose(case["exchange"], plan_or_context=context(case), now=RECORDED_AT)]
    assert ids == ["bad-request"]


def test_a_saved_history_entry_revalidates_the_body_it_sent():
    import json

    case = load("bad-request-create-campaign")
    entry_form = {**{k: v for k, v in case["exchange"].items() if k not in ("headers", "body")},
                  "operation": "pinpoint:CreateCampaign", "response_headers": case["exchange"]["headers"],
                  "response_body": case["exchange"]["body"], "draft": {"body": json.dumps(case["context"]["body"])}}
    found = {d.id: d for d in diagnose(entry_form, now=RECORDED_AT)}
    assert any(p["path"] == "$.SegmentId" for p in found["bad-request"].details["problems"])


@pytest.mark.parametrize("name", names())
def test_recorded_errors_keep_aws_documented_shapes(name):
    exchange = load(name)["exchange"]
    if exchange["status"] < 400:
        return
    assert exchange["headers"]["x-amzn-ErrorType"] and isinstance(exchange["body"]["message"], str)
    if exchange["headers"]["Content-Type"] == "application/x-amz-json-1.0":  # JSON 1.0 (SMS and Voice v2)
        assert exchange["status"] == 400 and "#" in exchange["body"]["__type"]


def test_passrole_for_an_sms_event_destination_is_limited_to_sms_voice():
    diagnosis = by_id("passrole-sms-event-destination", "iam-passrole-denied")
    assert diagnosis.details["statement"] == {
        "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/SmsEvents",
        "Condition": {"StringEquals": {"iam:PassedToService": "sms-voice.amazonaws.com"}}}


def test_passrole_names_the_role_from_the_message_first():
    diagnosis = by_id("passrole-event-stream", "iam-passrole-denied")
    assert diagnosis.details["statement"]["Resource"] == "arn:aws:iam::123456789012:role/PinpointEvents"


def test_a_pending_status_means_something_only_for_destination_verification():
    case = load("v2-verify-destination-pending")
    assert [d.id for d in diagnose(case["exchange"], plan_or_context=context(case), now=RECORDED_AT)] == [
        "destination-verification-pending"]
    other = {**case["context"], "operation": "pinpoint-sms-voice-v2:DescribeRegistrations"}
    assert diagnose(case["exchange"], plan_or_context=context({**case, "context": other}), now=RECORDED_AT) == []


def test_a_deeply_nested_answer_is_diagnosed_without_recursing_forever():
    deep: object = {"DeliveryStatus": "PERMANENT_FAILURE"}
    for _ in range(600):
        deep = {"a": [deep]}
    found = diagnose({"status": 400, "headers": {"x-amzn-ErrorType": "BadRequestException"}, "body": deep})
    assert [d.id for d in found] == ["bad-request"]
