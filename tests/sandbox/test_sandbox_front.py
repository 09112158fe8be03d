"""The front under load and abuse: 100 signed clients at once (none refused), an oversized
body answered 413 before it is read, and a background sandbox's log that rotates."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from urllib.parse import urlsplit

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from sandbox_helpers import make_client

from workbench.core.sandbox.background import start_background, stop_background
from workbench.core.sandbox.front import MAX_BODY
from workbench.core.sandbox.server import SandboxServer
from workbench.core.sandbox.statefile import LOG_FILE_NAME, state_file
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY

CLIENTS = 100


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


def signed_create_app(url: str, name: str) -> AWSRequest:
    request = AWSRequest("POST", url + "/v1/apps", data=json.dumps({"Name": name}).encode(),
                         headers={"Content-Type": "application/json"})
    SigV4Auth(Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY), "mobiletargeting",
              "us-east-1").add_auth(request)
    return request


def test_a_hundred_concurrent_signed_clients_are_all_answered(sandbox):
    parts = urlsplit(sandbox.url)
    requests = [signed_create_app(sandbox.url, f"load-{i}") for i in range(CLIENTS)]
    start = threading.Barrier(CLIENTS)
    outcomes: list = [None] * CLIENTS

    def client(index: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        request = requests[index]
        try:
            start.wait()
            connection.request("POST", "/v1/apps", body=request.body,
                               headers=dict(request.headers.items()))
            outcomes[index] = connection.getresponse().status
        except OSError as exc:
            outcomes[index] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = [outcome for outcome in outcomes if outcome != 201]
    assert refused == [], f"{len(refused)} of {CLIENTS} not answered 201: {refused[:3]}"
    names = {app["Name"] for app in make_client(sandbox.url).get_apps(PageSize="1000")[
        "ApplicationsResponse"]["Item"]}
    assert {f"load-{i}" for i in range(CLIENTS)} <= names


def test_an_oversized_body_is_answered_413_before_it_is_sent(sandbox):
    parts = urlsplit(sandbox.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as raw:
        raw.sendall(b"POST /v1/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {MAX_BODY + 1}\r\n\r\n".encode() + b"{" * 1024)
        answer = raw.makefile("rb").read()  # we never send the rest of the body
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413 ")
    assert b"x-amzn-ErrorType: PayloadTooLargeException" in head
    assert b"larger than the sandbox accepts" in body


def test_an_oversized_body_sent_whole_gets_the_413_not_a_reset(sandbox):
    parts = urlsplit(sandbox.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("POST", "/v1/apps", body=b"x" * (17 * 1024 * 1024),
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        assert response.status == 413
    finally:
        connection.close()


def test_the_background_sandbox_log_rotates(run_cli):
    status = start_background(log_max_bytes=4000)
    try:
        client = make_client(status.url)
        for _ in range(80):
            client.get_apps()
    finally:
        stop_background()
    log_dir = state_file().parent
    rotated = sorted(p.name for p in log_dir.glob(f"{LOG_FILE_NAME}*"))
    assert f"{LOG_FILE_NAME}.1" in rotated
    assert len(rotated) <= 4  # the log and 3 old ones
    assert (log_dir / LOG_FILE_NAME).stat().st_size <= 4000
    assert "pinpoint:GetApps 200" in (log_dir / f"{LOG_FILE_NAME}.1").read_text()
