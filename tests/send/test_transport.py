"""transport.send() against a loopback server that misbehaves on purpose (no network)."""

from __future__ import annotations

import hashlib
import os
import re
import select
import socket
import subprocess
import sys
import threading
from pathlib import Path
from datetime import datetime

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials as BotocoreCredentials

from workbench.core.environments.credentials import Credentials
from workbench.core.common.cancel import Cancelled as CoreCancelled
from workbench.core.common.errors import WorkbenchError
from workbench.core.request.http import HttpRequest, InvalidMethod
from workbench.core.common.progress import PHASES, Progress
from workbench.core.send.signing import sign
from workbench.core.send.transport import (
    CancelToken,
    Cancelled,
    ConnectionRefused,
    ConnectionReset,
    DeadlineExceeded,
    DnsFailure,
    InvalidRequest,
    InvalidTimeout,
    InvalidUrl,
    ProtocolFailure,
    Response,
    SendOptions,
    Timeout,
    TlsFailure,
    TransportError,
    send,
)

try:
    from tests.helpers import fault_server as fs
except ImportError:  # tests/ is not a package in this layout
    import fault_server as fs


REPO = Path(__file__).resolve().parents[2]


def _send_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("workbench-send")]


def _wait_no_send_threads(timeout: float = 60) -> bool:
    """Join the exchanges' worker threads (the timeout only guards against a hang)."""
    for thread in _send_threads():
        thread.join(timeout)
    return not _send_threads()


@pytest.fixture
def server(request):
    behaviour = request.param
    with fs.FaultServer(behaviour) as srv:
        yield srv
    assert not srv.errors, srv.errors


def _params(behaviour):
    return pytest.mark.parametrize("server", [behaviour], indirect=True)


# ----------------------------------------------------------------------------- happy paths


@_params(fs.json_ok)
def test_json_response_keeps_header_order_and_duplicates(server):
    response = send(HttpRequest("GET", server.url("/v1/apps")))
    assert response.status == 200
    assert response.reason == "OK"
    assert response.json() == {"ApplicationsResponse": {"Item": []}}
    assert response.header("x-amzn-requestid") == "r-1"
    assert [v for k, v in response.headers if k == "Set-Cookie"] == ["a=1", "b=2"]
    assert response.body_path is None and not response.truncated
    assert response.size_bytes == len(response.body)
    assert response.elapsed_ms > 0
    assert response.timings.first_byte_ms <= response.timings.total_ms
    as_dict = response.to_dict()
    assert as_dict["status"] == 200 and as_dict["body"].startswith('{"Applications')
    assert ["X-Amzn-RequestId", "r-1"] in as_dict["headers"]


@_params(fs.chunked_ok)
def test_chunked_body(server):
    response = send(HttpRequest("GET", server.url("/")))
    assert response.text() == "hello world"
    assert response.json() is None


@_params(fs.html_502)
def test_html_502_is_a_response_not_an_error(server):
    response = send(HttpRequest("GET", server.url("/v1/apps")))
    assert response.status == 502
    assert response.reason == "Bad Gateway"
    assert not response.ok
    assert response.json() is None
    assert "<h1>502 Bad Gateway</h1>" in response.text()
    assert response.header("Content-Type") == "text/html; charset=utf-8"


@_params(fs.redirect)
def test_redirects_are_not_followed(server):
    response = send(HttpRequest("GET", server.url("/")))
    assert response.status == 302
    assert response.header("Location") == "http://127.0.0.1:1/elsewhere"
    assert len(server.requests) == 1


@_params(fs.json_ok)
def test_sent_bytes_are_the_signed_ones(server):
    """The server sees exactly the signed headers, and the signature verifies over them."""
    body = b'{"CreateApplicationRequest": {"Name": "demo"}}'
    request = HttpRequest(
        "POST", server.url("/v1/apps?x=1"), (("Content-Type", "application/json"),), body
    )
    creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "tok/en+=")
    signed = sign(request, creds, region="us-east-1", signing_name="mobiletargeting",
                  timestamp=datetime(2026, 1, 2, 3, 4, 5))
    send(signed.request)

    received = server.requests[0]
    assert received.method == "POST"
    assert received.target == "/v1/apps?x=1"
    assert received.body == body
    # Everything signed arrives unchanged and in order; only Content-Length framing is added.
    assert received.headers == signed.request.headers + (("Content-Length", str(len(body))),)

    # Recompute the signature server-side from what arrived, as AWS would.
    check = AWSRequest(method=received.method, url=server.url(received.target), data=received.body)
    for key, value in received.headers:
        if key.lower() not in ("authorization", "content-length"):
            check.headers[key] = value
    check.context["timestamp"] = received.header("X-Amz-Date")
    signer = SigV4Auth(BotocoreCredentials(creds.access_key_id, creds.secret_access_key, creds.session_token),
                       "mobiletargeting", "us-east-1")
    expected = signer.signature(signer.string_to_sign(check, signer.canonical_request(check)), check)
    assert received.header("Authorization").endswith(f"Signature={expected}")


# ----------------------------------------------------------------------------- progress


@_params(fs.json_ok)
def test_progress_reports_every_phase_in_order_on_the_callers_thread(server):
    seen = []
    threads = set()

    def record(progress: Progress) -> None:
        seen.append(progress)
        threads.add(threading.get_ident())

    send(HttpRequest("POST", server.url("/v1/apps"), body=b"{}"), progress=record)
    phases = [p.phase for p in seen]
    assert phases[:5] == ["dns", "connect", "sending", "waiting", "downloading"]
    assert phases[-1] == "done" and set(phases[5:-1]) <= {"downloading"}
    assert [p.phase for p in seen if p.phase in PHASES] == phases  # only the shared phase names
    assert seen[0].detail == "127.0.0.1" and seen[1].detail == f"127.0.0.1 port {server.port}"
    assert (seen[2].done, seen[2].total) == (0, 2)  # the request body: 2 bytes to send
    downloading = [p for p in seen if p.phase == "downloading"]
    assert (downloading[0].done, downloading[-1].done) == (0, 38)
    assert {p.total for p in downloading} == {38}  # the Content-Length
    assert (seen[-1].done, seen[-1].detail) == (38, "HTTP 200")
    assert threads == {threading.get_ident()}


# ----------------------------------------------------------------------------- cancel, in each phase

GUARD = 60  # seconds: only a hung test ever waits this long; nothing asserts on time


@pytest.fixture
def silent_listener():
    """A loopback port whose kernel completes the TCP handshake but nobody ever accepts,
    reads or writes: a TLS handshake or a large request body stalls there."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


class SendInWorker:
    """`send()` on a worker thread; `reached` is set when progress enters `phase` (after
    `min_done` bytes for downloading); `outcome` holds the response or the exception."""

    def __init__(self, request, options, phase, min_done=0):
        self.token = CancelToken()
        self.reached = threading.Event()
        self.phases: list[str] = []
        self.outcome = None

        def on_progress(progress):
            self.phases.append(progress.phase)
            if progress.phase == phase and (progress.done or 0) >= min_done:
                self.reached.set()

        def work():
            try:
                self.outcome = send(request, options, self.token, on_progress)
            except BaseException as exc:
                self.outcome = exc

        self.thread = threading.Thread(target=work)
        self.thread.start()

    def cancel_when_reached(self):
        assert self.reached.wait(GUARD), self.phases
        self.token.cancel()
        self.thread.join(GUARD)
        assert not self.thread.is_alive()
        return self.outcome


@pytest.fixture
def slow_dns(monkeypatch):
    """A resolver that never answers until the test ends (no slow DNS server runs here, so
    this one stands in for it: the only mock in this file)."""
    release = threading.Event()
    real = socket.getaddrinfo

    def stalled(host, *args, **kwargs):
        if host == "stalled.example.com":
            release.wait()
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", stalled)
    yield
    release.set()


def test_cancel_while_resolving_the_host_name(slow_dns):
    worker = SendInWorker(HttpRequest("GET", "https://stalled.example.com/"), SendOptions(), "dns")
    outcome = worker.cancel_when_reached()
    assert isinstance(outcome, Cancelled) and outcome.phase == "dns"
    assert str(outcome) == "Request to stalled.example.com was cancelled (dns)"


def test_the_deadline_also_covers_a_lookup_that_never_answers(slow_dns):
    with pytest.raises(DeadlineExceeded) as info:
        send(HttpRequest("GET", "https://stalled.example.com/"), SendOptions(deadline=0.2))
    assert str(info.value) == (
        "The exchange with stalled.example.com took longer than its 0.2 s deadline (it was resolving the host name)"
    )


def test_cancel_in_the_tls_handshake(silent_listener):
    worker = SendInWorker(HttpRequest("GET", f"https://127.0.0.1:{silent_listener}/"), SendOptions(connect_timeout=GUARD), "tls")
    outcome = worker.cancel_when_reached()
    assert isinstance(outcome, Cancelled) and outcome.phase == "tls"
    assert _wait_no_send_threads(GUARD)  # the abandoned handshake ends too


def test_cancel_while_sending_a_large_body(silent_listener):
    request = HttpRequest("PUT", f"http://127.0.0.1:{silent_listener}/", body=b"x" * (64 * 1024 * 1024))
    worker = SendInWorker(request, SendOptions(read_timeout=GUARD), "sending")
    outcome = worker.cancel_when_reached()
    assert isinstance(outcome, Cancelled) and outcome.phase == "sending"
    assert _wait_no_send_threads(GUARD)


@_params(fs.stall)
def test_cancel_from_another_thread_while_stalled_before_the_first_byte(server):
    worker = SendInWorker(HttpRequest("GET", server.url("/")), SendOptions(read_timeout=GUARD), "waiting")
    outcome = worker.cancel_when_reached()
    assert isinstance(outcome, Cancelled) and isinstance(outcome, CoreCancelled)
    assert outcome.phase == "waiting"
    assert str(outcome) == f"Request to {server.host} was cancelled (waiting)"
    assert worker.phases == ["dns", "connect", "sending", "waiting"]  # nothing reported after the cancel
    assert _wait_no_send_threads(GUARD), _send_threads()  # the abandoned exchange does not linger


@_params(fs.stall_mid_body)
def test_cancel_from_another_thread_while_stalled_mid_body(server, tmp_path):
    options = SendOptions(read_timeout=GUARD, spool_dir=str(tmp_path), max_memory_body=10)
    worker = SendInWorker(HttpRequest("GET", server.url("/")), options, "downloading", min_done=100)
    outcome = worker.cancel_when_reached()
    assert isinstance(outcome, Cancelled) and outcome.phase == "downloading"
    assert os.listdir(tmp_path) == []  # the 100 bytes spooled so far are deleted by the time send() raises


# ----------------------------------------------------------------------------- big bodies


@_params(fs.big_body)
def test_20_mib_body_is_spooled_to_a_file(server, tmp_path):
    options = SendOptions(spool_dir=str(tmp_path))
    response = send(HttpRequest("GET", server.url("/big")), options)
    try:
        assert response.status == 200
        assert response.size_bytes == fs.BIG_SIZE
        assert response.truncated
        assert response.body_path and os.path.dirname(response.body_path) == str(tmp_path)
        assert os.path.getsize(response.body_path) == fs.BIG_SIZE
        assert len(response.body) == options.preview_bytes  # memory holds a preview only
        with open(response.body_path, "rb") as handle:
            data = handle.read()
        pattern = bytes(i % 251 for i in range(251 * 1024))
        expected = (pattern * (fs.BIG_SIZE // len(pattern) + 1))[: fs.BIG_SIZE]
        assert hashlib.sha256(data).digest() == hashlib.sha256(expected).digest()
        assert response.body == data[: options.preview_bytes]
        assert response.json() is None
        assert oct(os.stat(response.body_path).st_mode & 0o777) == "0o600"
    finally:
        response.discard()
    assert not os.path.exists(response.body_path)


@_params(fs.json_ok)
def test_body_at_the_cap_stays_in_memory(server, tmp_path):
    response = send(HttpRequest("GET", server.url("/")), SendOptions(max_memory_body=38, spool_dir=str(tmp_path)))
    assert response.body_path is None and response.size_bytes == 38
    assert os.listdir(tmp_path) == []


# ----------------------------------------------------------------------------- faults


def test_connection_refused():
    port = fs.closed_port()
    with pytest.raises(ConnectionRefused) as info:
        send(HttpRequest("GET", f"http://127.0.0.1:{port}/v1/apps"))
    assert str(info.value) == (
        f"Connection refused by 127.0.0.1:{port}: nothing is accepting connections on that port "
        "(is the server or the sandbox running?)"
    )
    assert info.value.host == f"127.0.0.1:{port}"
    assert isinstance(info.value, TransportError)


@pytest.fixture
def full_backlog():
    """A loopback port whose accept queue is full: new SYNs are dropped, connect() stalls."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        try:
            filler.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        fillers.append(filler)
    # The first filler is established once it is writable: the accept queue (1 for listen(0)) is full.
    assert select.select([], [fillers[0]], [], 60)[1]
    yield port
    for sock in fillers + [listener]:
        sock.close()


def test_connect_timeout(full_backlog):
    with pytest.raises(Timeout) as info:
        send(HttpRequest("GET", f"http://127.0.0.1:{full_backlog}/"), SendOptions(connect_timeout=0.3))
    assert info.value.phase == "connect"
    assert str(info.value) == f"Timed out after 0.3 s connecting to 127.0.0.1:{full_backlog} (connect timeout)"


@_params(fs.stall)
def test_stalled_server_times_out_on_read(server):
    with pytest.raises(Timeout) as info:
        send(HttpRequest("GET", server.url("/")), SendOptions(read_timeout=0.3))
    assert info.value.phase == "read"
    assert str(info.value) == f"Timed out after 0.3 s waiting for {server.host} (read timeout)"


@_params(fs.stall_mid_body)
def test_stall_in_the_middle_of_the_body_times_out(server):
    with pytest.raises(Timeout) as info:
        send(HttpRequest("GET", server.url("/")), SendOptions(read_timeout=0.3))
    assert str(info.value) == (
        f"Timed out after 0.3 s waiting for more of the body from {server.host} (read timeout)"
    )


def test_cancelled_before_sending_never_connects():
    token = CancelToken()
    token.cancel()
    seen = []
    with fs.FaultServer(fs.json_ok) as server:
        with pytest.raises(Cancelled) as info:
            send(HttpRequest("GET", server.url("/")), cancel=token, progress=seen.append)
    assert info.value.phase == "dns"  # the first phase, never entered
    assert seen == [] and not _send_threads()  # no exchange was started
    assert server.requests == []


@_params(fs.reset_mid_body)
def test_reset_in_the_middle_of_the_body(server):
    with pytest.raises(ConnectionReset) as info:
        send(HttpRequest("GET", server.url("/")))
    assert str(info.value) == (
        f"Connection reset by {server.host} in the middle of the response body "
        "(received 100 of 1000 bytes)"
    )


@_params(fs.close_mid_body)
def test_closed_in_the_middle_of_the_body(server):
    with pytest.raises(ConnectionReset) as info:
        send(HttpRequest("GET", server.url("/")))
    assert str(info.value) == (
        f"Connection closed by {server.host} in the middle of the response body "
        "(received 100 of 1000 bytes)"
    )


@_params(fs.close_without_answer)
def test_closed_without_an_answer(server):
    with pytest.raises(ConnectionReset) as info:
        send(HttpRequest("GET", server.url("/")))
    assert str(info.value) == (
        f"Connection reset by {server.host} before answering "
        "(the connection closed without a response)"
    )


@_params(fs.not_http)
def test_garbage_instead_of_http(server):
    with pytest.raises((ProtocolFailure, ConnectionReset)) as info:
        send(HttpRequest("GET", server.url("/")))
    if isinstance(info.value, ProtocolFailure):
        assert str(info.value).startswith(f"{server.host} did not answer with valid HTTP: BadStatusLine")
        assert str(info.value).endswith("(does it expect https:// ?)")


def test_dns_failure_is_named():
    with pytest.raises(DnsFailure) as info:
        send(HttpRequest("GET", "https://pinpoint.nowhere.invalid/v1/apps"))
    assert str(info.value) == (
        "Could not resolve host pinpoint.nowhere.invalid: names under .invalid never resolve (RFC 6761)"
    )


def test_malformed_host_name_is_a_dns_failure():
    with pytest.raises(DnsFailure) as info:
        send(HttpRequest("GET", "http://a..b/"))
    assert str(info.value) == "Could not resolve host a..b: the host name is not valid"


@_params(fs.json_ok)
def test_tls_to_a_plain_http_server(server):
    with pytest.raises(TlsFailure) as info:
        send(HttpRequest("GET", server.url("/", scheme="https")), SendOptions(connect_timeout=2))
    message = str(info.value)
    assert message.startswith(f"TLS handshake with {server.host} failed: ")
    # The OpenSSL reason code varies by version (3.0: WRONG_VERSION_NUMBER; later: RECORD_LAYER_FAILURE).
    assert re.fullmatch(
        rf"TLS handshake with {re.escape(server.host)} failed: the server did not answer with TLS "
        r"\([A-Z_]+\); it probably speaks plain HTTP: try http:// instead of https://",
        message,
    ), message


def test_invalid_url():
    with pytest.raises(InvalidUrl) as info:
        send(HttpRequest("GET", "ftp://example.com/"))
    assert str(info.value) == "Cannot send to ftp://example.com/: only http:// and https:// URLs can be sent"


def test_response_helpers_without_a_server():
    response = Response(200, "OK", (("content-type", "application/json; charset=latin-1"),), "{\"a\": \"é\"}".encode("latin-1"))
    assert response.charset == "latin-1"
    assert response.json() == {"a": "é"}
    assert response.header("Content-Type").startswith("application/json")
    assert response.header("missing") is None


# ----------------------------------------------------------------------------- limits (issue 9)


@_params(fs.drip)
def test_a_server_dripping_bytes_cannot_outlast_the_deadline(server):
    options = SendOptions(read_timeout=GUARD, deadline=0.5)  # every drip is well within the read timeout
    with pytest.raises(DeadlineExceeded) as info:
        send(HttpRequest("GET", server.url("/")), options)
    assert isinstance(info.value, Timeout) and info.value.phase == "total"
    assert str(info.value) == (
        f"The exchange with {server.host} took longer than its 0.5 s deadline (it was still receiving the answer)"
    )
    assert _wait_no_send_threads(GUARD)  # the dripping exchange is stopped, not left running


def test_the_default_deadline_is_set_and_bounded():
    assert 0 < SendOptions().deadline <= 600


@pytest.mark.parametrize("field", ["connect_timeout", "read_timeout", "deadline"])
@pytest.mark.parametrize("value", [-1, 0, float("nan"), float("inf"), 1e300, True, "5"])
def test_bad_timeouts_are_refused_with_a_clear_error(field, value):
    with pytest.raises(InvalidTimeout) as info:
        SendOptions(**{field: value})
    name = field.replace("_", " ")
    assert str(info.value) == f"The {name} must be a number of seconds above 0 and at most 86400, not {value!r}"
    assert isinstance(info.value, WorkbenchError)


@_params(fs.json_ok)
def test_a_method_that_is_not_a_token_never_reaches_the_wire(server):
    for method in ("GET /EVIL", "GET\r\nX-Injected: 1", "", "GÉT"):
        with pytest.raises(InvalidRequest) as info:
            send(HttpRequest(method, server.url("/x")))
        assert f"{method!r} is not an HTTP method" in str(info.value)
    with pytest.raises(InvalidMethod):
        sign(HttpRequest("GET /EVIL", server.url("/x")), Credentials("AKIDEXAMPLE", "secret"),
             region="us-east-1", signing_name="mobiletargeting")
    assert server.requests == []
    assert send(HttpRequest("M-SEARCH", server.url("/x"))).status == 200  # any token is a method


@pytest.mark.parametrize("server", [fs.gzip_json, fs.deflate_raw_json], indirect=True)
def test_compressed_bodies_are_shown_decoded_and_kept_as_received(server):
    response = send(HttpRequest("GET", server.url("/")))
    assert response.body != fs.GZIP_JSON and response.size_bytes == len(response.body)  # as received
    assert response.decoded_body() == fs.GZIP_JSON
    assert response.json() == {"ApplicationsResponse": {"Item": [{"Name": "gz"}]}}
    encoding = response.header("Content-Encoding")
    assert response.body_note() == (
        f"{encoding}-encoded body of {len(response.body)} bytes shown decoded ({len(fs.GZIP_JSON)} bytes)"
    )
    assert response.to_dict()["body"] == fs.GZIP_JSON.decode()


def test_a_body_that_does_not_decode_is_shown_as_received_with_a_note():
    response = Response(200, "OK", (("Content-Encoding", "gzip"),), b"plain text, not gzip")
    assert response.text() == "plain text, not gzip"
    assert response.body_note() == "the body says it is gzip-encoded but does not decode: shown as received"
    assert Response(200, "OK", (("Content-Encoding", "br"),), b"..").body_note() == (
        "the body is br-encoded and shown as received"
    )
    assert Response(200, "OK", (), b"x").body_note() is None


SPOOL_AND_EXIT = """
import sys
from workbench.core.request.http import HttpRequest
from workbench.core.send.transport import SendOptions, send
response = send(HttpRequest("GET", sys.argv[1]), SendOptions(spool_dir=sys.argv[2], max_memory_body=10))
print(response.body_path, flush=True)
"""


@_params(fs.json_ok)
def test_spooled_bodies_are_deleted_at_exit_and_stale_ones_at_the_next_spool(server, tmp_path):
    # A process that spooled a body and exited without discarding it leaves nothing.
    done = subprocess.run([sys.executable, "-c", SPOOL_AND_EXIT, server.url("/"), str(tmp_path)],
                          capture_output=True, text=True, timeout=GUARD, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(tmp_path / "workbench-body-"))
    assert os.listdir(tmp_path) == []
    # One killed before its exit handlers ran leaves its file; the next spool here sweeps it.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"workbench-body-{dead.stdout.strip()}-abc123.bin"
    stale.write_bytes(b"left behind")
    other = tmp_path / "workbench-body-report.bin"  # not a name the transport writes: kept
    other.write_bytes(b"")
    response = send(HttpRequest("GET", server.url("/")), SendOptions(spool_dir=str(tmp_path), max_memory_body=10))
    assert sorted(os.listdir(tmp_path)) == sorted([os.path.basename(response.body_path), other.name])
    response.discard()
    assert os.listdir(tmp_path) == [other.name]


@_params(fs.big_body)
def test_save_body_writes_the_whole_spooled_body(server, tmp_path):
    response = send(HttpRequest("GET", server.url("/")), SendOptions(spool_dir=str(tmp_path)))
    try:
        response.save_body(str(tmp_path / "kept.bin"))
        assert os.path.getsize(tmp_path / "kept.bin") == fs.BIG_SIZE
    finally:
        response.discard()
