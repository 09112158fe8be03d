"""An answer cut anywhere before the end of its headers, or of a body whose length it
declared, is a typed error on every path -- http and TLS, direct and through a proxy --
never a response (issue 22: a TLS reset in the middle of the headers was a 200 with an
empty body). Real sockets on loopback: the fault server, a CONNECT proxy, a throw-away CA."""

from __future__ import annotations

import pytest

from workbench.core.request.http import HttpRequest
from workbench.core.send.transport import POOL, ConnectionReset, ProxyFailure, SendOptions, send

from tests.helpers import fault_server as fs
from tests.helpers.connect_proxy import ConnectProxy
from tests.helpers.throwaway_ca import ThrowawayCa

NAME = "api.workbench.test"  # RFC 6761 .test: never resolves, so only the proxy can reach it

CUTS = [
    fs.cut_in_head("reset"),
    fs.cut_in_head("closed"),
    fs.cut_in_status_line,
    fs.cut_after_status_line,
    fs.cut_in_chunked_body,
    fs.cut_in_last_chunk_line,
    fs.cut_in_declared_body("reset"),
    fs.cut_in_declared_body("closed"),
]
PATHS = ["http", "https", "http-via-proxy", "https-via-proxy"]


@pytest.fixture(autouse=True)
def empty_pool():
    POOL.clear()
    yield
    POOL.clear()


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    return ThrowawayCa(tmp_path_factory.mktemp("ca"))


def send_through(path: str, behaviour, ca) -> tuple:
    """Send a GET along `path` to a server that misbehaves as `behaviour`; -> (outcome, server)."""
    tls = ca.server_context(NAME, "127.0.0.1") if path.startswith("https") else None
    scheme = "https" if tls else "http"
    with fs.FaultServer(behaviour, tls=tls) as server:
        environ = {"AWS_CA_BUNDLE": ca.bundle}
        host = f"127.0.0.1:{server.port}"
        if path.endswith("via-proxy"):
            host = f"{NAME}:{server.port}"
            proxy = ConnectProxy({host: ("127.0.0.1", server.port)})
            proxy.__enter__()
            environ |= {"HTTPS_PROXY": proxy.url(), "HTTP_PROXY": proxy.url()}
        else:
            proxy = None
        try:
            outcome = send(HttpRequest("GET", f"{scheme}://{host}/v1/apps"), SendOptions(environ=environ, read_timeout=30))
        except Exception as exc:  # noqa: BLE001 - the outcome is what is asserted
            outcome = exc
        finally:
            if proxy is not None:
                proxy.__exit__(None, None, None)
    return outcome, server


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("behaviour", CUTS, ids=lambda b: b.__name__)
def test_a_cut_answer_is_a_connection_error_never_a_response(path, behaviour, ca):
    outcome, server = send_through(path, behaviour, ca)
    assert isinstance(outcome, ConnectionReset), outcome
    assert outcome.code == "connection_reset"
    assert outcome.to_dict()["fields"]["host"].endswith(str(server.port))
    assert not server.errors


@pytest.mark.parametrize("path", ["http", "https"])
def test_a_cut_head_says_where_it_was_cut(path, ca):
    outcome, server = send_through(path, fs.cut_in_head("closed"), ca)
    assert str(outcome) == (f"Connection closed by 127.0.0.1:{server.port} "
                            "in the middle of the response headers (before their end)")


@pytest.mark.parametrize("path", PATHS)
def test_a_whole_answer_still_comes_back_on_every_path(path, ca):
    outcome, _ = send_through(path, fs.json_ok, ca)
    assert outcome.status == 200 and outcome.json() == {"ApplicationsResponse": {"Item": []}}


@pytest.mark.parametrize("answer, reason", [
    (b"", "it closed the connection without answering CONNECT"),
    (b"HTTP/1.1 200 Connection est", "its answer to CONNECT was cut short (the connection closed in the middle of it)"),
    (b"HTTP/1.1 200 Connection established\r\n", "its answer to CONNECT was cut short (the connection closed in the middle of it)"),
])
def test_a_proxy_that_cuts_its_answer_to_connect_is_a_proxy_failure(answer, reason):
    def proxy_behaviour(conn, request, server):
        conn.sendall(answer)
        conn.close()

    with fs.FaultServer(proxy_behaviour) as fake_proxy:
        with pytest.raises(ProxyFailure) as info:
            send(HttpRequest("GET", f"https://{NAME}/"), SendOptions(environ={"HTTPS_PROXY": fake_proxy.url()}))
    assert fake_proxy.requests[0].method == "CONNECT"
    assert str(info.value) == f"Could not reach {NAME} through proxy 127.0.0.1:{fake_proxy.port}: {reason}"
