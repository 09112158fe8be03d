"""Bad input to the sandbox's own emulation, sent raw (no SDK to stop it): every answer is
a client error in the API's own form, never a 500, a reset or a traceback."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from workbench.core.sandbox.server import SandboxServer
from workbench.core.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY

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
]


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


def send_raw(url: str, signing_name: str, method: str, path: str, target: str | None,
             body: bytes) -> tuple[int, dict, bytes]:
    headers = {"Content-Type": "application/x-amz-json-1.0" if target else "application/json"}
    if target:
        headers["X-Amz-Target"] = target
    request = AWSRequest(method, url + path, data=body, headers=headers)
    SigV4Auth(Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY), signing_name,
              "us-east-1").add_auth(request)
    prepared = urllib.request.Request(request.url, data=body, method=method,
                                      headers=dict(request.headers.items()))
    try:
        with urllib.request.urlopen(prepared, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


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
            if target:
                assert error["__type"] == headers["x-amzn-ErrorType"]
            assert error.get("message") or error.get("Message"), key
    assert tried == len(TARGETS) * len(BAD_BODIES)
    assert sum(1 for status in answers.values() if status >= 400) > tried * 0.8
