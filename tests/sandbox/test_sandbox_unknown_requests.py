"""Requests no operation matches (an unknown method, path or X-Amz-Target; a request line
http.server itself refuses) get AWS-shaped JSON errors, never Python's HTML error page."""

from __future__ import annotations

import json
import socket

import pytest
from sandbox_helpers import send_raw

from workbench.core.sandbox.server import SandboxServer

APP_ARN = "arn%3Aaws%3Amobiletargeting%3Aus-east-1%3A123456789012%3Aapps%2Fa1"


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


@pytest.mark.parametrize("signing_name, method, path", [
    ("mobiletargeting", "FOO", "/v1/apps"),  # a method no operation has
    ("mobiletargeting", "PATCH", "/v1/apps"),
    ("mobiletargeting", "GET", "/v1/no-such-resource"),  # Pinpoint's prefix, no operation
    ("mobiletargeting", "DELETE", f"/v1/tags/{APP_ARN}/extra"),
    ("sms-voice", "GET", "/v1/sms-voice/nothing-here"),
    ("mobiletargeting", "GET", "/nothing/here"),  # no API's prefix at all
])
def test_an_unknown_route_on_a_rest_api_is_a_json_404(sandbox, signing_name, method, path):
    status, headers, data = send_raw(sandbox.url, signing_name, method, path, None, b"")
    assert status == 404
    assert headers["x-amzn-ErrorType"] == "UnknownOperationException"
    assert headers["Content-Type"] == "application/json"
    assert f"{method} {path.split('?')[0]}" in json.loads(data)["message"]


@pytest.mark.parametrize("target", ["PinpointSMSVoiceV2.NoSuchOperation",
                                    "NoSuchService_20240101.DescribePools"])
def test_an_unknown_target_is_a_400_unknown_operation_as_json_1_0_answers(sandbox, target):
    status, headers, data = send_raw(sandbox.url, "sms-voice", "POST", "/", target, b"{}")
    assert status == 400
    assert headers["x-amzn-ErrorType"] == "UnknownOperationException"
    assert headers["Content-Type"] == "application/x-amz-json-1.0"
    error = json.loads(data)
    assert error["__type"] == "UnknownOperationException"
    assert target.partition(".")[2] in error["Message"]


@pytest.mark.parametrize("request_line, status", [
    (b"GET /v1/apps HTTP/2.5", 505),  # a version http.server refuses
    (b"GET /v1/apps HTTP/x", 400),  # a request line it cannot read
])
def test_what_http_server_refuses_itself_is_json_too(sandbox, request_line, status):
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=10) as connection:
        connection.sendall(request_line + b"\r\nHost: 127.0.0.1\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0].startswith(f"HTTP/1.1 {status} ".encode())
    assert b"\r\nContent-Type: application/json\r\n" in head + b"\r\n"
    assert b"\r\nx-amzn-ErrorType: " in head
    assert json.loads(body)["message"]
