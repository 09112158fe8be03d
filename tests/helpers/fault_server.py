"""A loopback HTTP server that misbehaves on purpose, for transport tests.

Plain threads and sockets on 127.0.0.1 only. Each accepted connection reads one request
and hands it to a *behaviour*: a function `(conn, request, server) -> keep` that writes
whatever it wants (or nothing) on the raw socket; a behaviour that returns True keeps the
connection open for the next request (keep-alive). The behaviours below cover the faults
the transport must survive; `FaultServer.requests` records what arrived, byte for byte,
and `FaultServer.connections` counts the connections accepted. `tls=` (a server-side
SSLContext) makes it an https server.

    with FaultServer(stall) as server:
        send(HttpRequest("GET", server.url("/x")), SendOptions(read_timeout=0.2))
"""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class RawRequest:
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    raw_head: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def read_request(conn: socket.socket) -> RawRequest | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers = tuple(tuple(part.strip() for part in line.split(":", 1)) for line in lines[1:])
    length = 0
    for key, value in headers:
        if key.lower() == "content-length":
            length = int(value)
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return RawRequest(method, target, headers, rest[:length], head + b"\r\n\r\n")


def http_response(status: int, reason: str, body: bytes, headers=(), content_length: int | None = None,
                  keep_alive: bool = False) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{k}: {v}" for k, v in headers]
    lines.append(f"Content-Length: {len(body) if content_length is None else content_length}")
    if not keep_alive:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def reset(conn: socket.socket) -> None:
    """Close with an RST instead of a FIN (SO_LINGER on, timeout 0)."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


# ----------------------------------------------------------------------------- behaviours


def stall(conn, request, server):
    """Accept and read the request, never answer (until the server stops)."""
    server.stopping.wait()


def stall_mid_body(conn, request, server):
    """Send headers and part of the body, then go silent."""
    conn.sendall(http_response(200, "OK", b"x" * 100, content_length=1000))
    server.stopping.wait()


def reset_mid_body(conn, request, server):
    """Announce 1000 bytes, send 100, then reset the connection."""
    conn.sendall(http_response(200, "OK", b"x" * 100, [("Content-Type", "application/json")], content_length=1000))
    reset(conn)


def close_mid_body(conn, request, server):
    """Announce 1000 bytes, send 100, then close normally (FIN)."""
    conn.sendall(http_response(200, "OK", b"x" * 100, content_length=1000))
    conn.shutdown(socket.SHUT_WR)


def close_without_answer(conn, request, server):
    conn.close()


BIG_SIZE = 20 * 1024 * 1024


def big_body(conn, request, server):
    """20 MiB of a repeating pattern (byte i is i % 251)."""
    conn.sendall(http_response(200, "OK", b"", [("Content-Type", "application/octet-stream")], content_length=BIG_SIZE))
    block = bytes(i % 251 for i in range(251 * 1024))
    sent = 0
    while sent < BIG_SIZE:
        piece = block[: min(len(block), BIG_SIZE - sent)]
        conn.sendall(piece)
        sent += len(piece)


BAD_GATEWAY_HTML = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


def html_502(conn, request, server):
    conn.sendall(http_response(502, "Bad Gateway", BAD_GATEWAY_HTML, [("Content-Type", "text/html; charset=utf-8")]))


def redirect(conn, request, server):
    conn.sendall(http_response(302, "Found", b"", [("Location", "http://127.0.0.1:1/elsewhere")]))


def drip(conn, request, server):
    """Announce 1000 bytes, then drip one byte every 50 ms: each read is well within any read timeout."""
    conn.sendall(http_response(200, "OK", b"", content_length=1000))
    while not server.stopping.wait(0.05):
        conn.sendall(b"x")


GZIP_JSON = b'{"ApplicationsResponse": {"Item": [{"Name": "gz"}]}}'


def gzip_json(conn, request, server):
    import gzip

    body = gzip.compress(GZIP_JSON)
    conn.sendall(http_response(200, "OK", body, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")]))


def deflate_raw_json(conn, request, server):
    """A "deflate" body without the zlib wrapper, as some servers send it."""
    import zlib

    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    body = packer.compress(GZIP_JSON) + packer.flush()
    conn.sendall(http_response(200, "OK", body, [("Content-Type", "application/json"), ("Content-Encoding", "deflate")]))


def json_ok(conn, request, server):
    body = b'{"ApplicationsResponse": {"Item": []}}'
    conn.sendall(http_response(200, "OK", body, [("Content-Type", "application/json"), ("X-Amzn-RequestId", "r-1"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]))


def chunked_ok(conn, request, server):
    conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                 b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")


def json_keep_alive(conn, request, server):
    """A JSON answer that keeps the connection open for the next request."""
    body = b'{"ApplicationsResponse": {"Item": []}}'
    conn.sendall(http_response(200, "OK", body, [("Content-Type", "application/json")], keep_alive=True))
    return True


def answer_then_close(conn, request, server):
    """Answer as if keeping the connection alive, then close it (an idle timeout on the server)."""
    json_keep_alive(conn, request, server)
    return False


def stall_second_request(conn, request, server):
    """Keep-alive for the first request on a connection; never answer the second."""
    served = server.served_on.setdefault(conn, 0)
    server.served_on[conn] = served + 1
    if served:
        server.stopping.wait()
        return False
    return json_keep_alive(conn, request, server)


def drop_second_request(conn, request, server):
    """Keep-alive for the first request on a connection; the second one is read, then the
    connection closed without an answer (a server that timed out the idle connection just
    as the request arrived)."""
    served = server.served_on.setdefault(conn, 0)
    server.served_on[conn] = served + 1
    if served:
        return False
    return json_keep_alive(conn, request, server)


def _end(conn, how: str) -> None:
    """End a connection the way a fault does: "reset" (RST) or "closed" (FIN; over TLS
    without a close_notify, as a peer that died or a middlebox would)."""
    if how == "reset":
        reset(conn)
    else:
        conn.shutdown(socket.SHUT_WR)


HEAD_START = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Amzn-Requ"


def cut_in_head(how: str):
    """A behaviour that sends part of the headers (a 200 status line, a header and half
    of another), then ends the connection `how` ("reset" or "closed")."""

    def behaviour(conn, request, server):
        conn.sendall(HEAD_START)
        _end(conn, how)

    behaviour.__name__ = f"cut_in_head_{how}"
    return behaviour


def cut_in_status_line(conn, request, server):
    conn.sendall(b"HTTP/1.1 20")
    _end(conn, "closed")


def cut_after_status_line(conn, request, server):
    """A whole status line, then the end: no blank line ever ends the head."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    _end(conn, "closed")


def cut_in_chunked_body(conn, request, server):
    """A chunked body that stops between two chunks (no last, zero-size chunk)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
    _end(conn, "closed")


def cut_in_last_chunk_line(conn, request, server):
    """All the chunks' data, then the last chunk's size line without its line break."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r")
    _end(conn, "closed")


def cut_in_declared_body(how: str):
    """Content-Length 1000, 100 bytes, then the end `how`."""

    def behaviour(conn, request, server):
        conn.sendall(http_response(200, "OK", b"x" * 100, [("Content-Type", "application/json")], content_length=1000))
        _end(conn, how)

    behaviour.__name__ = f"cut_in_declared_body_{how}"
    return behaviour


def gzip_bomb(decoded_mib: int = 1024):
    """A gzip answer of about decoded_mib KiB that inflates to decoded_mib MiB of zeros
    (1 GiB by default). Each MiB is compressed once, then repeated (a full flush makes
    the compressed blocks identical), so serving it costs the server almost nothing."""
    import struct as _struct
    import zlib

    zeros = bytes(1024 * 1024)
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)  # with the gzip header
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()  # the final empty block; the trailer is made below
    end = end[:-8] if len(end) >= 8 else end

    def behaviour(conn, request, server):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                     b"Connection: close\r\n\r\n" + first)
        crc = zlib.crc32(zeros)
        for _ in range(decoded_mib - 1):
            if server.stopping.is_set():
                return
            conn.sendall(block)
            crc = zlib.crc32(zeros, crc)
        conn.sendall(end + _struct.pack("<II", crc, (decoded_mib * len(zeros)) & 0xFFFFFFFF))

    return behaviour


def endless(conn, request, server):
    """A 200 without a length that never ends (until the client goes or the server stops)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n")
    block = b"y" * (256 * 1024)
    while not server.stopping.is_set():
        conn.sendall(block)


def not_http(conn, request, server):
    conn.sendall(b"\x15\x03\x03\x00\x02\x02\x46")  # what a TLS server says to plain text
    conn.close()


# ----------------------------------------------------------------------------- server


class FaultServer:
    def __init__(self, behaviour, tls=None):
        self.behaviour = behaviour
        self.tls = tls
        self.connections = 0
        self.served_on: dict = {}
        self.requests: list[RawRequest] = []
        self.errors: list[BaseException] = []
        self.stopping = threading.Event()
        self.connections_closed = threading.Event()
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self._accept_thread = threading.Thread(target=self._accept_loop, name="fault-server", daemon=True)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/", scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> "FaultServer":
        self._accept_thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        self._accept_thread.join(timeout=2)
        for conn in self._conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)  # wakes a handler waiting for a kept-alive request
            except OSError:
                pass
            try:
                conn.close()
            except OSError:
                pass
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            self._conns.append(conn)
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
                self._conns.append(conn)
            elif conn.recv(1, socket.MSG_PEEK) == b"\x16":  # a TLS ClientHello: answer like a plain HTTP server
                conn.sendall(http_response(400, "Bad Request", b"This is a plain HTTP server."))
                return
            while True:
                request = read_request(conn)
                if request is None:
                    return
                self.requests.append(request)
                if not self.behaviour(conn, request, self):
                    return
        except OSError:
            pass  # the client went away: that is the point of most tests
        except BaseException as exc:  # surfaced by tests that care
            self.errors.append(exc)
        finally:
            try:
                conn.close()
            except OSError:
                pass
            self.connections_closed.set()


def closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
