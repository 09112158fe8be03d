"""Failures where no AWS answer came back, from real loopback servers, and errors raised
before anything was sent (render, credentials, environments)."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from dataclasses import replace


import pytest

from workbench.core.send import transport
from workbench.core.diagnose import diagnose
from workbench.core.environments.model import Environment, EnvironmentStore, sandbox_environment
from workbench.core.request.http import HttpRequest
from workbench.core.library.templates import default_library
from workbench.core.send.send_flow import Exchange, prepare
from workbench.core.send.signing import sign
from workbench.core.environments.credentials import Credentials, SANDBOX_CREDENTIALS

COVERED = {
    "proxy-failure", "ca-bundle-unusable", "connection-refused", "dns-failure", "tls-not-tls", "tls-certificate", "tls-failure", "timeout",
    "connection-broken", "server-error", "html-error-page", "no-environment", "missing-variable",
    "environment-not-found", "credentials-missing", "api-not-in-region",
}


def exchange_for(url: str, timeout: float = 5.0, environ: dict | None = None, **options) -> Exchange:
    """Sign and send a GET; the process environment's proxies and CA bundle are not used
    unless `environ` names them."""
    signed = sign(HttpRequest("GET", url), SANDBOX_CREDENTIALS, region="us-east-1", signing_name="mobiletargeting")
    exchange = Exchange("sandbox", signed.inspection)
    try:
        response = transport.send(signed.request, transport.SendOptions(
            connect_timeout=timeout, read_timeout=timeout, environ=environ or {}, **options))
    except transport.TransportError as exc:
        return replace(exchange, error=exc)
    return replace(exchange, response=response)


def ids(subject, **kwargs):
    return [d.id for d in diagnose(subject, **kwargs)]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A loopback server answering every request with `handle(conn_file)`, or a raw socket behaviour."""

    def __init__(self, behaviour, tls_context=None):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.behaviour, self.tls = behaviour, tls_context
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def serve(self):
        while not self.done.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            try:
                self.behaviour(conn)
            except OSError:
                pass
            finally:
                conn.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.listener.close()


def read_head(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def answer(status: str, content_type: str, body: bytes):
    def behaviour(conn):
        read_head(conn)
        conn.sendall(f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                     f"Connection: close\r\n\r\n".encode() + body)
    return behaviour


def test_connection_refused_offers_to_start_the_sandbox():
    found = {d.id: d for d in diagnose(exchange_for(f"http://127.0.0.1:{closed_port()}/v1/apps"))}
    assert {"action": "start_sandbox"} in found["connection-refused"].fixes


def test_dns_failure():
    assert "dns-failure" in ids(exchange_for("https://pinpoint.nowhere.invalid/v1/apps"))


def test_https_to_a_plain_http_server():
    def plain_http(conn):
        conn.recv(1024)  # a ClientHello: answer like any plain HTTP server would
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    with Server(plain_http) as server:
        assert "tls-not-tls" in ids(exchange_for(f"https://127.0.0.1:{server.port}/v1/apps"))


def test_untrusted_certificate_hints_at_a_corporate_ca(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Corporate Proxy CA EXAMPLE")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")

    def behaviour(conn):
        try:
            with context.wrap_socket(conn, server_side=True):
                pass
        except (ssl.SSLError, OSError):
            pass

    with Server(behaviour) as server:
        found = {d.id: d for d in diagnose(exchange_for(f"https://localhost:{server.port}/v1/apps"))}
    assert "tls-certificate" in found and "tls-failure" not in found
    assert any("corporate root CA" in step for step in found["tls-certificate"].steps)


def test_handshake_cut_short_is_a_tls_failure():
    def behaviour(conn):
        conn.recv(5)  # the start of the ClientHello, then hang up

    with Server(behaviour) as server:
        assert ids(exchange_for(f"https://127.0.0.1:{server.port}/v1/apps")) == ["tls-failure"]


def test_read_timeout_offers_a_retry():
    stop = threading.Event()

    def behaviour(conn):
        read_head(conn)
        stop.wait(5)

    with Server(behaviour) as server:
        found = {d.id: d for d in diagnose(exchange_for(f"http://127.0.0.1:{server.port}/v1/apps", timeout=0.3))}
        stop.set()
    assert found["timeout"].fixes[0]["action"] == "retry"


def test_connection_closed_without_an_answer():
    with Server(read_head) as server:
        assert "connection-broken" in ids(exchange_for(f"http://127.0.0.1:{server.port}/v1/apps"))


def test_service_unavailable_json_is_a_server_error_with_backoff():
    body = b'{"message": "Service Unavailable"}'
    with Server(answer("503 Service Unavailable", "application/json", body)) as server:
        found = {d.id: d for d in diagnose(exchange_for(f"http://127.0.0.1:{server.port}/v1/apps"))}
    assert list(found) == ["server-error"]
    assert {"action": "retry", "backoff_seconds": [1, 2, 4, 8]} in found["server-error"].fixes


def test_html_page_instead_of_json():
    page = b"<html><head><title>502 Bad Gateway</title></head><body>proxy</body></html>"
    with Server(answer("502 Bad Gateway", "text/html", page)) as server:
        found = ids(exchange_for(f"http://127.0.0.1:{server.port}/v1/apps"))
    assert found == ["html-error-page"]


# --------------------------------------------------------------------------- before sending


def test_no_environment_host_is_the_postman_row():
    template = default_library().get("pinpoint", "GetApps")
    env = sandbox_environment()  # no sandbox URL: no hosts, like Postman with no environment
    with pytest.raises(Exception) as raised:
        prepare(template, env, {}, None)
    found = {d.id: d for d in diagnose(raised.value, plan_or_context=template)}
    assert list(found) == ["no-environment"]
    assert "endpoint" in found["no-environment"].summary
    assert {"action": "switch_environment"} in found["no-environment"].fixes


def test_postman_url_encoded_placeholder_in_the_host():
    exchange = exchange_for("https://%7B%7Bendpoint%7D%7D/v1/apps")
    assert "no-environment" in ids(exchange)


def test_missing_project_id_offers_to_set_it():
    template = default_library().get("pinpoint", "GetApp")
    env = Environment(name="dev", region="us-east-1")
    with pytest.raises(Exception) as raised:
        prepare(template, env, {}, None)
    found = {d.id: d for d in diagnose(raised.value, plan_or_context=template)}
    assert list(found) == ["missing-variable"]
    assert {"action": "set_variable", "name": "projectId"} in found["missing-variable"].fixes


def test_api_not_offered_in_the_region_names_where_it_is():
    template = default_library().get("pinpoint", "GetApps")
    env = Environment(name="cape-town", region="af-south-1")
    with pytest.raises(Exception) as raised:
        prepare(template, env, {}, None)
    from workbench.core.diagnose import DiagnosisContext

    context = DiagnosisContext(api="pinpoint", operation="GetApps", environment=env)
    found = {d.id: d for d in diagnose(raised.value, plan_or_context=context)}
    assert list(found) == ["api-not-in-region"]
    assert "us-east-1" in found["api-not-in-region"].details["offered"]


def test_unknown_environment(tmp_path):
    store = EnvironmentStore(tmp_path / "environments.json")
    with pytest.raises(Exception) as raised:
        store.get("prod")
    assert ids(raised.value) == ["environment-not-found"]


def test_no_credentials_to_sign_with():
    with pytest.raises(Exception) as raised:
        sign(HttpRequest("GET", "https://pinpoint.us-east-1.amazonaws.com/v1/apps"), Credentials("", ""),
             region="us-east-1", signing_name="mobiletargeting")
    found = {d.id: d for d in diagnose(raised.value, plan_or_context=None)}
    assert "credentials-missing" in found


def test_dns_failure_of_an_aws_host_where_the_api_is_not_offered():
    # the DnsFailure the transport raises for a hand-written host (no lookup leaves loopback here)
    error = transport.DnsFailure(host="pinpoint.af-south-1.amazonaws.com", reason="no such host")
    found = {d.id: d for d in diagnose(error)}
    assert list(found) == ["api-not-in-region"]
    assert "pinpoint is not offered in af-south-1" in found["api-not-in-region"].title
    offered = transport.DnsFailure(host="pinpoint.us-east-1.amazonaws.com", reason="no such host")
    assert ids(offered) == ["dns-failure"]


def test_unreachable_proxy():
    proxy = {"HTTPS_PROXY": f"http://127.0.0.1:{closed_port()}"}  # the target is never reached: no network used
    found = {d.id: d for d in diagnose(exchange_for("https://pinpoint.us-east-1.amazonaws.com/v1/apps", environ=proxy))}
    assert list(found) == ["proxy-failure"]
    assert any("HTTPS_PROXY" in step for step in found["proxy-failure"].steps)


def test_ca_bundle_that_cannot_be_used(tmp_path):
    missing = tmp_path / "corp-ca.pem"
    with Server(answer("200 OK", "application/json", b"{}")) as server:
        found = ids(exchange_for(f"https://127.0.0.1:{server.port}/v1/apps", ca_bundle=str(missing)))
    assert found == ["ca-bundle-unusable"]


def test_only_an_errors_text_is_read_without_failing():
    # a front end that kept only the message: no type, so nothing is claimed from words alone
    assert ids("missing variable: projectId (used in url path)") == []
    with pytest.raises(Exception, match="cannot read a int as an exchange"):
        diagnose(5)
