"""A real forward proxy on loopback, for transport tests: CONNECT tunnels (https) and
absolute-form requests (plain http), with optional Basic credentials.

`routes` maps the authority a client asks for ("api.workbench.test:443") to a loopback
(host, port): the client never resolves the name itself, as behind a real proxy.
`seen` records each request head the proxy received (method, target, headers).
"""

from __future__ import annotations

import base64
import socket
import threading
from urllib.parse import urlsplit


class ConnectProxy:
    def __init__(self, routes: dict[str, tuple[str, int]], user: str | None = None, password: str | None = None):
        self.routes = routes
        self.expected_auth = None
        if user is not None:
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            self.expected_auth = f"Basic {token}"
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self._sockets: list[socket.socket] = []
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def url(self, user: str | None = None, password: str | None = None) -> str:
        credentials = f"{user}:{password}@" if user is not None else ""
        return f"http://{credentials}127.0.0.1:{self.port}"

    def __enter__(self) -> "ConnectProxy":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        except OSError:
            pass
        self._listener.close()
        for sock in list(self._sockets):
            try:
                sock.close()
            except OSError:
                pass
        self._thread.join(5)

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._sockets.append(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(65536)
                if not chunk:
                    return
                head += chunk
            head, _, rest = head.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _version = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            self.seen.append((method, target, headers))
            if self.expected_auth and headers.get("proxy-authorization") != self.expected_auth:
                client.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                               b"Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n")
                return
            authority = target if method == "CONNECT" else urlsplit(target).netloc
            route = self.routes.get(authority)
            if route is None:
                client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                return
            upstream = socket.create_connection(route)
            self._sockets.append(upstream)
            if method == "CONNECT":
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                upstream.sendall(rest)
            else:  # absolute-form: forward in origin form, without the proxy's own header
                parts = urlsplit(target)
                origin = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                kept = [line for line in lines[1:] if not line.lower().startswith("proxy-authorization:")]
                upstream.sendall("\r\n".join([f"{method} {origin} HTTP/1.1", *kept]).encode("latin-1")
                                 + b"\r\n\r\n" + rest)
            self._relay(client, upstream)
        except OSError:
            pass
        finally:
            client.close()

    def _relay(self, client: socket.socket, upstream: socket.socket) -> None:
        def pump(source, sink):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    sink.sendall(data)
            except OSError:
                pass
            finally:
                for sock in (source, sink):
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        back = threading.Thread(target=pump, args=(upstream, client), daemon=True)
        back.start()
        pump(client, upstream)
        back.join(5)
        upstream.close()
