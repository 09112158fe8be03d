"""Real networks: a CONNECT proxy from HTTPS_PROXY (credentials never shown), NO_PROXY,
AWS_CA_BUNDLE and a per-send CA bundle, keep-alive reuse -- all on loopback, with a
throw-away CA and a real forward proxy written for these tests."""

from __future__ import annotations

import base64
import threading
from pathlib import Path

import pytest

from workbench.core.request.http import HttpRequest
from workbench.core.send.proxies import InvalidProxy
from workbench.core.send.transport import (
    POOL,
    CaBundleError,
    ConnectionReset,
    DnsFailure,
    ProxyFailure,
    SendOptions,
    TlsFailure,
    send,
)

try:
    from tests.helpers import fault_server as fs
    from tests.helpers.connect_proxy import ConnectProxy
    from tests.helpers.throwaway_ca import ThrowawayCa
except ImportError:  # tests/ is not a package in this layout
    import fault_server as fs
    from connect_proxy import ConnectProxy
    from throwaway_ca import ThrowawayCa

NAME = "api.workbench.test"  # RFC 6761 .test: never resolves, so only the proxy can reach it
PROXY_PASSWORD = "canary-proxy-p@ss:word"


@pytest.fixture(autouse=True)
def empty_pool():
    POOL.clear()
    yield
    POOL.clear()


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    return ThrowawayCa(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def tls_server(ca):
    with fs.FaultServer(fs.json_ok, tls=ca.server_context(NAME, "127.0.0.1")) as server:
        yield server


def _quoted(password: str) -> str:
    from urllib.parse import quote

    return quote(password, safe="")


# ----------------------------------------------------------------------------- proxies


def test_https_goes_through_a_connect_tunnel_with_proxy_credentials(ca, tls_server):
    authority = f"{NAME}:{tls_server.port}"
    with ConnectProxy({authority: ("127.0.0.1", tls_server.port)}, user="corp\\me", password=PROXY_PASSWORD) as proxy:
        environ = {"HTTPS_PROXY": proxy.url("corp%5Cme", _quoted(PROXY_PASSWORD)), "AWS_CA_BUNDLE": ca.bundle}
        seen = []
        response = send(HttpRequest("GET", f"https://{authority}/v1/apps"), SendOptions(environ=environ),
                        progress=seen.append)
    assert response.status == 200 and response.json() == {"ApplicationsResponse": {"Item": []}}
    method, target, headers = proxy.seen[0]
    assert (method, target) == ("CONNECT", authority)
    assert headers["proxy-authorization"] == "Basic " + base64.b64encode(f"corp\\me:{PROXY_PASSWORD}".encode()).decode()
    arrived = tls_server.requests[0]
    assert arrived.target == "/v1/apps" and arrived.header("Host") == authority
    assert arrived.header("Proxy-Authorization") is None  # the proxy's credentials stay with the proxy
    assert seen[0].detail == "127.0.0.1"  # DNS asks for the proxy, never for the server's name
    assert f"tunnel to {authority} through proxy 127.0.0.1:{proxy.port}" in [p.detail for p in seen]
    assert [p.phase for p in seen][:4] == ["dns", "connect", "connect", "tls"]


def test_plain_http_goes_to_the_proxy_as_an_absolute_url():
    with fs.FaultServer(fs.json_ok) as server:
        authority = f"{NAME}:{server.port}"
        with ConnectProxy({authority: ("127.0.0.1", server.port)}) as proxy:
            response = send(HttpRequest("GET", f"http://{authority}/v1/apps?x=1"),
                            SendOptions(environ={"http_proxy": f"127.0.0.1:{proxy.port}"}))
    assert response.status == 200
    assert proxy.seen[0][:2] == ("GET", f"http://{authority}/v1/apps?x=1")
    assert server.requests[0].target == "/v1/apps?x=1"


def test_wrong_proxy_credentials_are_reported_without_showing_them(ca, tls_server):
    authority = f"{NAME}:{tls_server.port}"
    with ConnectProxy({authority: ("127.0.0.1", tls_server.port)}, user="me", password="right") as proxy:
        bad = SendOptions(environ={"HTTPS_PROXY": proxy.url("me", _quoted(PROXY_PASSWORD)), "AWS_CA_BUNDLE": ca.bundle})
        with pytest.raises(ProxyFailure) as info:
            send(HttpRequest("GET", f"https://{authority}/"), bad)
        assert str(info.value) == (
            f"Could not reach {authority} through proxy 127.0.0.1:{proxy.port}: it refused the proxy credentials (407)"
        )
        none = SendOptions(environ={"HTTPS_PROXY": proxy.url(), "AWS_CA_BUNDLE": ca.bundle})
        with pytest.raises(ProxyFailure) as missing:
            send(HttpRequest("GET", f"https://{authority}/"), none)
        assert "it needs credentials (407): put them in the proxy URL" in str(missing.value)
    for text in (str(info.value), repr(info.value), repr(info.value.fields), repr(bad)):
        assert PROXY_PASSWORD not in text and _quoted(PROXY_PASSWORD) not in text
    assert tls_server.requests == []


def test_a_proxy_that_is_down_is_named_as_the_proxy():
    port = fs.closed_port()
    with pytest.raises(ProxyFailure) as info:
        send(HttpRequest("GET", f"https://{NAME}/"), SendOptions(environ={"HTTPS_PROXY": f"http://u:{PROXY_PASSWORD}@127.0.0.1:{port}"}))
    assert str(info.value).startswith(f"Could not reach {NAME} through proxy 127.0.0.1:{port}: Connection refused by 127.0.0.1:{port}")
    assert PROXY_PASSWORD not in str(info.value)


def test_a_proxy_that_refuses_the_destination(ca):
    with ConnectProxy({}) as proxy:
        with pytest.raises(ProxyFailure) as info:
            send(HttpRequest("GET", f"https://{NAME}/"), SendOptions(environ={"HTTPS_PROXY": proxy.url()}))
    assert str(info.value) == (
        f"Could not reach {NAME} through proxy 127.0.0.1:{proxy.port}: it refused to connect to {NAME}:443: 403 Forbidden"
    )


def test_no_proxy_and_loopback_go_direct():
    with ConnectProxy({}) as proxy, fs.FaultServer(fs.json_ok) as server:
        environ = {"HTTP_PROXY": proxy.url(), "HTTPS_PROXY": proxy.url(), "NO_PROXY": "example.org,.workbench.test"}
        assert send(HttpRequest("GET", server.url("/")), SendOptions(environ=environ)).status == 200  # loopback
        with pytest.raises(DnsFailure):  # bypassed: the client itself resolves the .test name, and fails
            send(HttpRequest("GET", f"https://{NAME}/"), SendOptions(environ=environ))
    assert proxy.seen == []


def test_an_unusable_proxy_url_is_a_clear_error():
    with pytest.raises(InvalidProxy) as info:
        send(HttpRequest("GET", f"https://{NAME}/"), SendOptions(environ={"HTTPS_PROXY": f"socks5://u:{PROXY_PASSWORD}@h:1"}))
    assert str(info.value) == "HTTPS_PROXY is not a usable proxy URL: only http:// proxies are supported, not socks5://"


# ----------------------------------------------------------------------------- CA bundles


def test_a_private_ca_is_refused_by_default_and_trusted_from_aws_ca_bundle(ca, tls_server):
    url = tls_server.url("/v1/apps", scheme="https")
    with pytest.raises(TlsFailure) as info:
        send(HttpRequest("GET", url), SendOptions(environ={}))
    assert "certificate could not be verified" in str(info.value)
    assert send(HttpRequest("GET", url), SendOptions(environ={"AWS_CA_BUNDLE": ca.bundle})).status == 200


def test_the_options_ca_bundle_wins_over_aws_ca_bundle(ca, tls_server, tmp_path):
    other = ThrowawayCa(tmp_path)  # trusted by AWS_CA_BUNDLE, but it did not sign the server's certificate
    url = tls_server.url("/", scheme="https")
    options = SendOptions(ca_bundle=ca.bundle, environ={"AWS_CA_BUNDLE": other.bundle})
    assert send(HttpRequest("GET", url), options).status == 200
    with pytest.raises(TlsFailure):
        send(HttpRequest("GET", url), SendOptions(environ={"AWS_CA_BUNDLE": other.bundle}))


def test_a_missing_or_empty_ca_bundle_is_named(tmp_path):
    missing = tmp_path / "nope.pem"
    with pytest.raises(CaBundleError) as info:
        send(HttpRequest("GET", f"https://127.0.0.1:{fs.closed_port()}/"), SendOptions(environ={"AWS_CA_BUNDLE": str(missing)}))
    assert str(info.value) == f"Cannot use the CA bundle {missing} (from AWS_CA_BUNDLE): No such file or directory"
    empty = tmp_path / "empty.pem"
    empty.write_text("not a certificate\n")
    with pytest.raises(CaBundleError) as info:
        send(HttpRequest("GET", f"https://127.0.0.1:{fs.closed_port()}/"), SendOptions(ca_bundle=str(empty)))
    assert str(info.value) == f"Cannot use the CA bundle {empty}: no PEM certificates in it"


# ----------------------------------------------------------------------------- keep-alive


def _phases(request, options=None):
    seen = []
    response = send(request, options or SendOptions(environ={}), progress=seen.append)
    return response, [p.phase for p in seen]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sends_reuse_a_kept_alive_connection(method):
    with fs.FaultServer(fs.json_keep_alive) as server:
        first, first_phases = _phases(HttpRequest(method, server.url("/a"), body=b"{}"))
        second, second_phases = _phases(HttpRequest(method, server.url("/b"), body=b"{}"))
    assert (first.status, second.status) == (200, 200)
    assert server.connections == 1 and [r.target for r in server.requests] == ["/a", "/b"]
    assert not first.timings.reused and second.timings.reused
    assert first_phases[:2] == ["dns", "connect"]
    assert second_phases[0] == "sending"  # no DNS, no connect: nothing to report


def test_keep_alive_can_be_turned_off():
    with fs.FaultServer(fs.json_keep_alive) as server:
        for _ in range(2):
            send(HttpRequest("GET", server.url("/")), SendOptions(keep_alive=False, environ={}))
    assert server.connections == 2


def test_tls_connections_are_reused_per_ca_bundle(ca, tmp_path):
    with fs.FaultServer(fs.json_keep_alive, tls=ca.server_context("127.0.0.1")) as server:
        url = server.url("/", scheme="https")
        first, first_phases = _phases(HttpRequest("GET", url), SendOptions(environ={"AWS_CA_BUNDLE": ca.bundle}))
        second, second_phases = _phases(HttpRequest("GET", url), SendOptions(environ={"AWS_CA_BUNDLE": ca.bundle}))
        assert "tls" in first_phases and "tls" not in second_phases and second.timings.reused
        copy = tmp_path / "same-ca-other-file.pem"
        copy.write_bytes(Path(ca.bundle).read_bytes())
        third = send(HttpRequest("GET", url), SendOptions(ca_bundle=str(copy), environ={}))
        assert not third.timings.reused  # another trust setting never borrows a connection verified by another
    assert server.connections == 2


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_connection_the_server_closed_while_idle_is_not_used(method):
    with fs.FaultServer(fs.answer_then_close) as server:
        assert send(HttpRequest(method, server.url("/"), body=b"{}"), SendOptions(environ={})).status == 200
        assert server.connections_closed.wait(60)  # the server has hung up the idle connection
        second = send(HttpRequest(method, server.url("/"), body=b"{}"), SendOptions(environ={}))
    assert second.status == 200 and not second.timings.reused
    assert server.connections == 2 and len(server.requests) == 2


def test_a_get_on_a_connection_dropped_at_the_request_is_sent_once_more_on_a_fresh_one():
    with fs.FaultServer(fs.drop_second_request) as server:
        send(HttpRequest("GET", server.url("/1")), SendOptions(environ={}))
        second = send(HttpRequest("GET", server.url("/2")), SendOptions(environ={}))
    assert second.status == 200 and not second.timings.reused
    assert [r.target for r in server.requests] == ["/1", "/2", "/2"] and server.connections == 2


def test_a_post_on_a_connection_dropped_at_the_request_is_not_sent_twice():
    with fs.FaultServer(fs.drop_second_request) as server:
        send(HttpRequest("POST", server.url("/1"), body=b"{}"), SendOptions(environ={}))
        with pytest.raises(ConnectionReset) as info:
            send(HttpRequest("POST", server.url("/2"), body=b"{}"), SendOptions(environ={}))
        assert str(info.value) == (
            f"Connection reset by {server.host} before answering (the connection closed without a response)"
        )
    assert [r.target for r in server.requests] == ["/1", "/2"]  # the server may have acted on it: not repeated


def test_a_cancelled_exchange_never_returns_its_connection_to_the_pool():
    from workbench.core.send.transport import CancelToken, Cancelled

    with fs.FaultServer(fs.stall_second_request) as server:
        send(HttpRequest("GET", server.url("/1")), SendOptions(environ={}))
        token, waiting = CancelToken(), threading.Event()
        outcome = {}

        def work():
            try:
                send(HttpRequest("GET", server.url("/2")), SendOptions(environ={}), token,
                     lambda p: p.phase == "waiting" and waiting.set())
            except Cancelled as exc:
                outcome["error"] = exc

        worker = threading.Thread(target=work)
        worker.start()
        assert waiting.wait(60)
        token.cancel()
        worker.join(60)
        assert outcome["error"].phase == "waiting"
        third = send(HttpRequest("GET", server.url("/3")), SendOptions(environ={}))
    assert third.status == 200 and not third.timings.reused and server.connections == 2


def test_an_environments_ca_bundle_round_trips_and_reaches_the_transport(tmp_path):
    from workbench.core.environments.model import Environment, EnvironmentInvalid
    from workbench.core.send.send_flow import transport_options

    env = Environment("corp", "us-east-1", ca_bundle="/etc/corp/ca.pem")
    assert env.to_dict()["ca_bundle"] == "/etc/corp/ca.pem"
    assert Environment.from_dict(env.to_dict()) == env
    assert "ca_bundle" not in Environment("plain", "us-east-1").to_dict()
    assert transport_options(env).ca_bundle == "/etc/corp/ca.pem"
    assert transport_options(env, SendOptions(ca_bundle="/mine.pem")).ca_bundle == "/mine.pem"
    with pytest.raises(EnvironmentInvalid) as info:
        Environment.from_dict({"name": "x", "region": "us-east-1", "ca_bundle": 5})
    assert "ca_bundle: a CA bundle is the path of a PEM file" in str(info.value)


def test_a_connection_idle_longer_than_the_pool_keeps_them_is_not_reused(monkeypatch):
    monkeypatch.setattr(POOL, "idle_seconds", -1.0)  # every idle connection counts as too old
    with fs.FaultServer(fs.json_keep_alive) as server:
        for _ in range(2):
            assert not send(HttpRequest("GET", server.url("/")), SendOptions(environ={})).timings.reused
    assert server.connections == 2
