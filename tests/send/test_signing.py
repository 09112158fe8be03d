"""signing.sign(): botocore's SigV4, an inspection record that holds no secret."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime, timedelta, timezone

import botocore.auth
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials as BotocoreCredentials
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.environments.credentials import Credentials
from workbench.core.request.http import HttpRequest
from workbench.core.send.signing import (
    REDACTED,
    InspectionRecord,
    SigningError,
    redact_headers,
    redact_url,
    sign,
)

CANARY_SECRET = "CANARYsecretKEY/0123456789+abcdefghijklmnopq"
CANARY_TOKEN = "CANARYsessionTOKEN//+/=IQoJb3JpZ2luX2VjEMv//////////wEaCXVzLWVhc3QtMSJH=="
CREDS = Credentials("AKIDCANARYEXAMPLE", CANARY_SECRET, None, source="test")
CREDS_WITH_TOKEN = Credentials("ASIACANARYEXAMPLE", CANARY_SECRET, CANARY_TOKEN, source="test")
WHEN = datetime(2026, 1, 2, 3, 4, 5)
ARN_URL = (
    "https://pinpoint.us-east-1.amazonaws.com/v1/tags/"
    "arn%3Aaws%3Amobiletargeting%3Aus-east-1%3A123456789012%3Aapps%2Fabc"
)


def botocore_steps(request: HttpRequest, creds: Credentials, region: str, service: str, when: datetime):
    """What botocore computes for the same request, independently of workbench.core.send.signing."""
    aws = AWSRequest(method=request.method, url=request.url, data=request.body)
    for key, value in request.headers:
        aws.headers[key] = value
    aws.context["timestamp"] = when.strftime("%Y%m%dT%H%M%SZ")
    aws.headers["X-Amz-Date"] = aws.context["timestamp"]
    if creds.session_token:
        aws.headers["X-Amz-Security-Token"] = creds.session_token
    signer = SigV4Auth(
        BotocoreCredentials(creds.access_key_id, creds.secret_access_key, creds.session_token), service, region
    )
    canonical = signer.canonical_request(aws)
    string_to_sign = signer.string_to_sign(aws, canonical)
    return canonical, string_to_sign, signer.signature(string_to_sign, aws)


def botocore_add_auth(request: HttpRequest, creds, region, service, when, monkeypatch) -> AWSRequest:
    """botocore's own add_auth, clock pinned: the flow `sign()` follows step by step."""
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda *a, **k: when)
    aws = AWSRequest(method=request.method, url=request.url, data=request.body)
    for key, value in request.headers:
        aws.headers[key] = value
    SigV4Auth(
        BotocoreCredentials(creds.access_key_id, creds.secret_access_key, creds.session_token), service, region
    ).add_auth(aws)
    return aws


def _signature(signed_request: HttpRequest) -> str:
    return signed_request.header("Authorization").rsplit("Signature=", 1)[1]


# ----------------------------------------------------------------------------- same as botocore


def test_canonical_request_and_string_to_sign_equal_botocores():
    body = b'{"WriteApplicationRequest": {"Name": "demo"}}'
    request = HttpRequest(
        "POST",
        "https://pinpoint.us-east-1.amazonaws.com/v1/apps?b=2&a=1",
        (("Content-Type", "application/json"), ("X-Custom", "  spaced   value ")),
        body,
    )
    signed = sign(request, CREDS, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    canonical, string_to_sign, signature = botocore_steps(request, CREDS, "us-east-1", "mobiletargeting", WHEN)

    record = signed.inspection
    assert record.canonical_request == canonical
    assert record.string_to_sign == string_to_sign
    assert _signature(signed.request) == signature
    assert record.payload_hash == hashlib.sha256(body).hexdigest()
    assert record.signed_headers == ("content-type", "host", "x-amz-date", "x-custom")
    assert record.credential_scope == "20260102/us-east-1/mobiletargeting/aws4_request"
    assert record.timestamp == "20260102T030405Z"
    assert record.access_key_id == "AKIDCANARYEXAMPLE"
    assert (record.region, record.signing_name, record.method) == ("us-east-1", "mobiletargeting", "POST")


@pytest.mark.parametrize("creds", [CREDS, CREDS_WITH_TOKEN], ids=["keys", "session"])
def test_same_headers_as_botocores_add_auth(creds, monkeypatch):
    """Guards the step-by-step flow against a botocore upgrade that changes add_auth."""
    request = HttpRequest("GET", ARN_URL, (("Accept", "application/json"),))
    signed = sign(request, creds, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    theirs = botocore_add_auth(request, creds, "us-east-1", "mobiletargeting", WHEN, monkeypatch)

    ours = {k: v for k, v in signed.request.headers if k.lower() != "host"}
    assert ours == dict(theirs.headers.items())
    assert signed.request.url == theirs.url
    assert signed.request.body == b""


def test_arn_in_path_signs_like_botocore():
    request = HttpRequest("GET", ARN_URL)
    signed = sign(request, CREDS, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    canonical, _, signature = botocore_steps(request, CREDS, "us-east-1", "mobiletargeting", WHEN)
    assert signed.inspection.canonical_request == canonical
    # Non-S3 services double-encode the path in the canonical request; the wire path is untouched.
    assert canonical.split("\n")[1] == (
        "/v1/tags/arn%253Aaws%253Amobiletargeting%253Aus-east-1%253A123456789012%253Aapps%252Fabc"
    )
    assert signed.request.url == ARN_URL
    assert _signature(signed.request) == signature


@settings(max_examples=60, deadline=None)
@given(
    segment=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20),
    query=st.dictionaries(
        st.text("abcXYZ-_.~", min_size=1, max_size=5), st.text("abc 123=&%/", max_size=8), max_size=3
    ),
    header=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30),
)
def test_property_canonical_request_equals_botocores(segment, query, header):
    from urllib.parse import quote, urlencode

    url = f"https://sms-voice.eu-west-1.amazonaws.com/v1/x/{quote(segment, safe='')}"
    if query:  # spelled canonically: botocore signs a query as written (it wrote it itself)
        url += "?" + urlencode(query, quote_via=quote, safe="-_.~")
    request = HttpRequest("PUT", url, (("X-Value", header),), segment.encode("utf-8"))
    signed = sign(request, CREDS, region="eu-west-1", signing_name="sms-voice", timestamp=WHEN)
    canonical, string_to_sign, _ = botocore_steps(request, CREDS, "eu-west-1", "sms-voice", WHEN)
    assert signed.inspection.canonical_request == canonical
    assert signed.inspection.string_to_sign == string_to_sign


# ----------------------------------------------------------------------------- what is sent


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://pinpoint.us-east-1.amazonaws.com/v1/apps", "pinpoint.us-east-1.amazonaws.com"),
        ("https://Pinpoint.US-EAST-1.amazonaws.com:443/v1/apps", "pinpoint.us-east-1.amazonaws.com"),
        ("http://127.0.0.1:4566/v1/apps", "127.0.0.1:4566"),
        ("http://localhost:80/v1/apps", "localhost"),
    ],
)
def test_host_header_is_set_from_the_url_and_signed(url, host):
    signed = sign(HttpRequest("GET", url), CREDS, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    assert signed.request.header("Host") == host
    assert f"\nhost:{host}\n" in signed.inspection.canonical_request
    assert "host" in signed.inspection.signed_headers


def test_only_signing_headers_are_added():
    request = HttpRequest("GET", "https://sms-voice.us-east-1.amazonaws.com/", (("X-Amz-Target", "PinpointSMSVoiceV2.DescribePhoneNumbers"),))
    signed = sign(request, CREDS_WITH_TOKEN, region="us-east-1", signing_name="sms-voice", timestamp=WHEN)
    names = [k for k, _ in signed.request.headers]
    assert names == ["X-Amz-Target", "Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"]
    assert signed.request.header("X-Amz-Security-Token") == CANARY_TOKEN
    assert signed.request.header("x-amz-content-sha256") is None  # botocore adds it only for unsigned payloads
    assert "x-amz-security-token" in signed.inspection.signed_headers


def test_explicit_timestamp_gives_a_skewed_clock():
    skewed = datetime.now(timezone.utc) - timedelta(hours=2)
    signed = sign(HttpRequest("GET", ARN_URL), CREDS, region="us-east-1", signing_name="mobiletargeting", timestamp=skewed)
    assert signed.request.header("X-Amz-Date") == skewed.strftime("%Y%m%dT%H%M%SZ")
    aware = datetime(2026, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    signed = sign(HttpRequest("GET", ARN_URL), CREDS, region="us-east-1", signing_name="mobiletargeting", timestamp=aware)
    assert signed.inspection.timestamp == "20260102T030405Z"


def test_default_timestamp_is_now():
    before = datetime.now(timezone.utc).replace(microsecond=0)
    signed = sign(HttpRequest("GET", ARN_URL), CREDS, region="us-east-1", signing_name="mobiletargeting")
    after = datetime.now(timezone.utc)
    stamp = datetime.strptime(signed.inspection.timestamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    assert before <= stamp <= after


def test_resigning_a_signed_request_replaces_its_auth_headers():
    first = sign(HttpRequest("GET", ARN_URL), CREDS_WITH_TOKEN, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    later = WHEN + timedelta(minutes=1)
    again = sign(first.request, CREDS_WITH_TOKEN, region="us-east-1", signing_name="mobiletargeting", timestamp=later)
    names = [k.lower() for k, _ in again.request.headers]
    assert sorted(names) == sorted(set(names))  # no duplicated Authorization / X-Amz-Date / token
    assert again.inspection.timestamp == "20260102T030505Z"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"region": "", "signing_name": "mobiletargeting"}, "Cannot sign the request: no region is set"),
        ({"region": "us-east-1", "signing_name": ""}, "Cannot sign the request: no signing name (service) is set"),
    ],
)
def test_missing_region_or_service(kwargs, message):
    with pytest.raises(SigningError) as info:
        sign(HttpRequest("GET", ARN_URL), CREDS, **kwargs)
    assert str(info.value) == message


def test_missing_credentials():
    with pytest.raises(SigningError) as info:
        sign(HttpRequest("GET", ARN_URL), Credentials("AKID", ""), region="us-east-1", signing_name="ses")
    assert str(info.value) == (
        "Cannot sign the request: no credentials (access key id and secret access key) are set"
    )


# ----------------------------------------------------------------------------- no secrets


def _everything_shown(signed) -> list[str]:
    record = signed.inspection
    return [str(record), repr(record), json.dumps(record.to_dict()), record.to_text(), repr(signed), str(signed)]


def test_record_holds_no_secret_token_or_signature():
    request = HttpRequest("POST", ARN_URL + "?tagKeys=a", (("Content-Type", "application/json"),), b"{}")
    signed = sign(request, CREDS_WITH_TOKEN, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    signature = _signature(signed.request)
    assert signed.request.header("X-Amz-Security-Token") == CANARY_TOKEN

    for shown in _everything_shown(signed):
        assert CANARY_SECRET not in shown
        assert CANARY_TOKEN not in shown
        assert "CANARY" not in shown.replace("CANARYEXAMPLE", "")  # no fragment either
        assert signature not in shown

    record = signed.inspection
    assert dict(record.headers)["X-Amz-Security-Token"] == REDACTED
    assert dict(record.headers)["Authorization"].endswith("Signature=<redacted>")
    assert "Credential=ASIACANARYEXAMPLE/20260102/us-east-1/mobiletargeting/aws4_request" in dict(record.headers)["Authorization"]
    assert f"x-amz-security-token:{REDACTED}" in record.canonical_request
    assert record.signature_redacted == REDACTED
    assert record.session_token_used


def test_to_text_sections():
    signed = sign(HttpRequest("GET", ARN_URL), CREDS_WITH_TOKEN, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    text = signed.inspection.to_text()
    titles = [line for line in text.splitlines() if line.startswith("== ")]
    assert titles == [
        "== Canonical request ==",
        "== String to sign ==",
        "== Credential scope ==",
        "== Signed headers ==",
        "== Payload hash ==",
        "== Request as sent ==",
    ]
    assert "GET /v1/tags/arn%3Aaws%3Amobiletargeting%3Aus-east-1%3A123456789012%3Aapps%2Fabc HTTP/1.1" in text
    assert "host;x-amz-date;x-amz-security-token" in text
    assert "Note: the session token is shown as <redacted>" in text


def test_to_dict_is_json_ready():
    signed = sign(HttpRequest("GET", ARN_URL), CREDS, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    data = json.loads(json.dumps(signed.inspection.to_dict()))
    assert data["signed_headers"] == ["host", "x-amz-date"]
    assert data["signature"] == REDACTED
    assert data["credential_scope"] == "20260102/us-east-1/mobiletargeting/aws4_request"
    assert set(data) >= {"canonical_request", "string_to_sign", "payload_hash", "headers", "timestamp", "url"}


def test_botocore_debug_logging_never_reaches_a_handler(caplog, monkeypatch):
    """Root at DEBUG: neither our signing nor botocore's own add_auth leaks into logs."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "level", logging.DEBUG)
    botocore_logger = logging.getLogger("botocore")
    previous = botocore_logger.level
    botocore_logger.setLevel(logging.DEBUG)  # what boto3.set_stream_logger does
    try:
        with caplog.at_level(logging.DEBUG):
            signed = sign(HttpRequest("GET", ARN_URL), CREDS_WITH_TOKEN, region="us-east-1",
                          signing_name="mobiletargeting", timestamp=WHEN)
            logging.getLogger("workbench").debug("signed %r", signed)
            aws = botocore_add_auth(HttpRequest("GET", ARN_URL), CREDS_WITH_TOKEN, "us-east-1",
                                    "mobiletargeting", WHEN, monkeypatch)
            logging.getLogger("botocore.auth").debug("Signature:\n%s", "direct")
    finally:
        botocore_logger.setLevel(previous)
    theirs = aws.headers["Authorization"].rsplit("Signature=", 1)[1]
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "signed SignedRequest(" in logged  # the handler does capture DEBUG
    for secret in (CANARY_SECRET, CANARY_TOKEN, _signature(signed.request), theirs, "CanonicalRequest", "direct"):
        assert secret not in logged


# ----------------------------------------------------------------------------- helpers


def test_redact_headers():
    headers = (
        ("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/ses/aws4_request, SignedHeaders=host;x-amz-date, Signature=abcdef0123"),
        ("x-amz-security-token", "TOKEN"),
        ("Accept", "application/json"),
    )
    assert redact_headers(headers) == (
        ("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/ses/aws4_request, SignedHeaders=host;x-amz-date, Signature=<redacted>"),
        ("x-amz-security-token", "<redacted>"),
        ("Accept", "application/json"),
    )
    assert redact_headers({"X-Amz-Security-Token": "T"}) == (("X-Amz-Security-Token", "<redacted>"),)


def test_redact_url():
    url = "https://h/p?X-Amz-Credential=AKID&X-Amz-Signature=abc123&X-Amz-Security-Token=tok%2F&x=1"
    assert redact_url(url) == (
        "https://h/p?X-Amz-Credential=AKID&X-Amz-Signature=<redacted>&X-Amz-Security-Token=<redacted>&x=1"
    )


def test_record_is_frozen():
    signed = sign(HttpRequest("GET", ARN_URL), CREDS, region="us-east-1", signing_name="mobiletargeting", timestamp=WHEN)
    assert isinstance(signed.inspection, InspectionRecord)
    with pytest.raises(AttributeError):
        signed.inspection.url = "x"  # type: ignore[misc]
