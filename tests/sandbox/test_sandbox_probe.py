"""Whether a port is our sandbox: `probe` asks its status address over a plain socket, straight
to the port, and anything that does not answer as the sandbox is "not the sandbox" (None)."""

from __future__ import annotations

import json
import socket
import threading

import pytest

from tests.helpers.fault_server import read_request
from workbench.core.sandbox.background import probe
from workbench.core.sandbox.statefile import STATUS_PATH

SANDBOX_STATUS = json.dumps({"service": "pinpoint-workbench-sandbox", "pid": 4242}).encode()


class OneAnswerServer:
    """Answers every connection with `answer` (bytes), then closes it unless `keep_open`."""

    def __init__(self, answer: bytes, keep_open: bool = False):
        self.answer, self.keep_open, self.requests = answer, keep_open, []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            if self.keep_open:
                self.held.append(conn)  # closed by close()
            try:
                self.requests.append(read_request(conn))
                conn.sendall(self.answer)
            except OSError:  # the probe gave up and closed first
                pass
            finally:
                if not self.keep_open:
                    conn.close()

    def close(self) -> None:
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() under way
        except OSError:
            pass
        self.listener.close()
        self.thread.join(timeout=10)
        for conn in self.held:
            conn.close()


@pytest.fixture
def serve():
    servers = []

    def start(answer: bytes, keep_open: bool = False) -> OneAnswerServer:
        servers.append(OneAnswerServer(answer, keep_open))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _http(status: str, body: bytes, length: bool = True) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {len(body)}\r\n" if length else ""
    return head.encode() + b"\r\n" + body


def test_the_sandbox_status_is_read_from_its_address(serve):
    server = serve(_http("200 OK", SANDBOX_STATUS))
    assert probe(server.url) == {"service": "pinpoint-workbench-sandbox", "pid": 4242}
    assert server.requests[0].raw_head.startswith(f"GET {STATUS_PATH} HTTP/1.0\r\n".encode())


def test_an_answer_that_ends_with_the_connection_is_read_whole(serve):
    assert probe(serve(_http("200 OK", SANDBOX_STATUS, length=False)).url)["pid"] == 4242


def test_a_server_that_keeps_the_connection_open_is_read_by_its_length(serve):
    server = serve(_http("200 OK", SANDBOX_STATUS), keep_open=True)
    assert probe(server.url, timeout=30)["pid"] == 4242  # not waiting for a close that never comes


@pytest.mark.parametrize("answer", [
    _http("200 OK", json.dumps({"service": "something else"}).encode()),  # another JSON service
    _http("200 OK", b"[1, 2]"),
    _http("200 OK", b"<html>hello</html>"),
    _http("404 Not Found", SANDBOX_STATUS),  # the right words, the wrong status
    _http("200 OK", SANDBOX_STATUS)[:-5],  # cut short of its Content-Length, then closed
    b"SSH-2.0-OpenSSH_9.2\r\n",  # not HTTP at all
    b"",  # closed at once
], ids=["other-json", "json-list", "html", "404", "cut", "ssh", "closed"])
def test_anything_that_does_not_answer_as_the_sandbox_is_not_it(serve, answer):
    assert probe(serve(answer).url, timeout=5) is None


def test_a_port_that_accepts_and_never_answers_is_not_it(serve):
    server = serve(b"", keep_open=True)
    server.answer = b""
    assert probe(server.url, timeout=0.3) is None


def test_nothing_listening_and_urls_it_cannot_use_are_not_it():
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = closed.getsockname()[1]
    assert probe(f"http://127.0.0.1:{port}") is None
    assert probe("https://127.0.0.1:443") is None  # the sandbox is plain HTTP
    assert probe("http://127.0.0.1:notaport") is None
    assert probe("not a url") is None


def test_a_proxy_named_in_the_environment_is_not_used(serve, monkeypatch):
    with socket.create_server(("127.0.0.1", 0)) as closed:
        dead_proxy = f"http://127.0.0.1:{closed.getsockname()[1]}"
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy"):
        monkeypatch.setenv(name, dead_proxy)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert probe(serve(_http("200 OK", SANDBOX_STATUS)).url)["pid"] == 4242
