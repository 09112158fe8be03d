"""Bad input to the sandbox's own emulation, sent raw (no SDK to stop it): every answer is
a client error in the API's own form, never a 500, a reset or a traceback."""

from __future__ import annotations

import json

import pytest
from sandbox_helpers import send_raw

from workbench.core.sandbox.server import SandboxServer

BAD_BODIES = [
    b"not json", b"[1, 2]", b'"text"', b"\xff\xfe{}", b"[" * 100000, b"1" * 5000,
    b'{"DestinationPhoneNumber": 5}', b'{"DestinationPhoneNumber": "+1", "Context": "x"}',
    b'{"Filters": ["x"]}', b'{"Filters": [{"Name": 1, "Values": "x"}]}',
    b'{"MaxResults": "many"}', b'{"NextToken": 5}', b'{"PhoneNumberIds": [null, {}]}',
    b'{"OriginationIdentity": ["a"], "MessageType": {}}', b'{"MessageRequest": []}',
    b'{"NumberValidateRequest": {"PhoneNumber": 12}}', b'{"Addresses": {"+1": 5}}',
    b'{"Content": {"PlainTextMessage": 5}, "DestinationPhoneNumber": "+1", '
    b'"OriginationPhoneNumber": "+1"}',
]
TARGETS = [  # (signing name, method, path, X-Amz-Target)
    ("sms-voice", "POST", "/", "PinpointSMSVoiceV2.SendTextMessage"),
    ("sms-voice", "POST", "/", "PinpointSMSVoiceV2.DescribePhoneNumbers"),
    ("sms-voice", "POST", "/", "PinpointSMSVoiceV2.CreatePool"),
    ("sms-voice", "POST", "/", "PinpointSMSVoiceV2.RequestPhoneNumber"),
    ("mobiletargeting", "POST", "/v1/apps/a1/messages", None),
    ("mobiletargeting", "POST", "/v1/phone/number/validate", None),
    ("mobiletargeting", "PUT", "/v1/apps/a1/channels/sms", None),
    ("sms-voice", "POST", "/v1/sms-voice/voice/message", None),
    ("sms-voice", "POST", "/v1/sms-voice/configuration-sets", None),
    # served by moto behind the front: the front checks the body before moto sees it
    ("mobiletargeting", "POST", "/v1/apps", None),
    ("mobiletargeting", "PUT", "/v1/apps/a1/settings", None),
    ("mobiletargeting", "POST", "/v1/apps/a1/eventstream", None),
    ("mobiletargeting", "POST", "/v1/tags/arn%3Aaws%3Amobiletargeting%3Aus-east-1%3A"
                                "123456789012%3Aapps%2Fa1", None),
]
PYTHON_FAILURE_WORDS = ("Traceback", "AttributeError", "TypeError", "KeyError", "object has no")


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


def test_bad_input_gets_client_errors_in_the_apis_form(sandbox):
    tried, answers = 0, {}
    for signing_name, method, path, target in TARGETS:
        for body in BAD_BODIES:
            status, headers, data = send_raw(sandbox.url, signing_name, method, path, target, body)
            tried += 1
            key = f"{target or method + ' ' + path} {body[:30]!r}"
            answers[key] = status
            assert status < 500, f"{key}: {status} {data[:200]!r}"
            if status < 400:  # a member this operation does not have is ignored, as AWS does
                continue
            assert headers.get("x-amzn-ErrorType"), key
            error = json.loads(data)
            assert not any(word in data.decode() for word in PYTHON_FAILURE_WORDS), key
            if target:
                assert error["__type"] == headers["x-amzn-ErrorType"]
            assert error.get("message") or error.get("Message"), key
    assert tried == len(TARGETS) * len(BAD_BODIES)
    assert sum(1 for status in answers.values() if status >= 400) > tried * 0.8


@pytest.mark.parametrize("body", [b'{"Name": "x",}', b"", b"[1,2]", b'{"Name": 5}',
                                  b'{"CreateApplicationRequest": {}}'])
def test_bad_json_to_an_operation_moto_serves_is_a_400_bad_request(sandbox, body):
    # CreateApp's body is its CreateApplicationRequest (the payload): AWS's REST-JSON
    # Pinpoint answers 400 BadRequestException with {"message"}; moto never sees it.
    status, headers, data = send_raw(sandbox.url, "mobiletargeting", "POST", "/v1/apps",
                                     None, body)
    assert (status, headers["x-amzn-ErrorType"]) == (400, "BadRequestException")
    message = json.loads(data)["message"]
    assert message and not any(word in message for word in PYTHON_FAILURE_WORDS), message


@pytest.mark.parametrize("signing_name, method, path", [
    ("ses", "PUT", "/v1/email/account/sending"),  # every input member is optional
    ("sms-voice", "POST", "/v1/sms-voice/configuration-sets"),
])
@pytest.mark.parametrize("body", [b"[1,2]", b'"text"', b"5", b"null"])
def test_a_body_that_is_not_a_json_object_is_refused_not_ignored(sandbox, signing_name,
                                                                  method, path, body):
    status, headers, data = send_raw(sandbox.url, signing_name, method, path, None, body)
    assert (status, headers["x-amzn-ErrorType"]) == (400, "BadRequestException")
    assert "not a JSON object" in json.loads(data)["message"]
