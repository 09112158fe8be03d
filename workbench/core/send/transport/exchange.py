"""One request and its answer: `Exchange.run()` on the caller's thread (open or reuse a
connection, send the request exactly as given, read the head and the body), `abort()`
from any other (see `abortable`). Every way the exchange can break becomes a
TransportError; a kept-alive connection the server dropped before answering is retried
once on a fresh one, for idempotent methods only."""

from __future__ import annotations

import atexit
import http.client
import os
import socket
import ssl
import time
from dataclasses import replace
from urllib.parse import urlsplit

from workbench.core.request.http import HttpRequest, InvalidMethod, check_method, wire_url
from workbench.core.send.connection_pool import ConnectionPool
from workbench.core.send.proxies import proxy_for
from workbench.core.send.transport.errors import (
    ConnectionReset, InvalidRequest, InvalidUrl, NetworkFailure, ProtocolFailure, Timeout, TransportError,
)
from workbench.core.send.transport.opening import Opening, ms_since
from workbench.core.send.transport.options import SendOptions
from workbench.core.send.transport.reading import CHUNK, BodyReader, HeadCut, StrictResponse
from workbench.core.send.transport.response import Response, Timings
from workbench.core.send.transport.tls import tls_context_for

POOL = ConnectionPool()
atexit.register(POOL.clear)  # idle kept-alive connections are closed, not left to the collector
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})
_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})
_HEAD_CUT = "in the middle of the response headers (before their end)"


class _StaleConnection(Exception):
    """A kept-alive connection failed before any answer: `error` is what to raise if the
    request cannot safely be sent again on a fresh connection."""

    def __init__(self, error: TransportError):
        super().__init__(str(error))
        self.error = error


class Exchange(Opening):
    """One request/response. `report` is the caller's progress callback."""

    def __init__(self, request: HttpRequest, options: SendOptions, report=None):
        parts = urlsplit(wire_url(request.url))
        self.scheme = parts.scheme.lower()
        if self.scheme not in ("http", "https"):
            raise InvalidUrl(url=request.url, reason="only http:// and https:// URLs can be sent")
        try:
            self.hostname = parts.hostname or ""
            self.port = parts.port or (443 if self.scheme == "https" else 80)
        except ValueError as exc:
            raise InvalidUrl(url=request.url, reason=str(exc)) from None
        if not self.hostname:
            raise InvalidUrl(url=request.url, reason="the URL has no host")
        super().__init__(parts.netloc.rpartition("@")[2], options, report)  # host[:port] as written, for messages
        self.request = request
        try:
            check_method(request.method)
        except InvalidMethod as exc:
            raise InvalidRequest(host=self.host, reason=str(exc)) from None
        self.target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        environ = options.environ if options.environ is not None else os.environ
        self.proxy = proxy_for(self.scheme, self.hostname, self.port, environ)
        self.ca_bundle, self.tls_context = None, None
        if self.scheme == "https":
            source = ""
            if options.ca_bundle:
                self.ca_bundle = options.ca_bundle
            elif environ.get("AWS_CA_BUNDLE"):
                self.ca_bundle, source = environ["AWS_CA_BUNDLE"], " (from AWS_CA_BUNDLE)"
            self.tls_context = tls_context_for(self.ca_bundle, source)
        self.pool_key = (self.scheme, self.hostname.lower(), self.port, self.proxy, self.ca_bundle)

    def _headers(self) -> list[tuple[str, str]]:
        headers = list(self.request.headers)
        names = {k.lower() for k, _ in headers}
        if "host" not in names:
            default = 443 if self.scheme == "https" else 80
            host = self.hostname.lower()
            if ":" in host:
                host = f"[{host}]"
            headers.insert(0, ("Host", host if self.port == default else f"{host}:{self.port}"))
        body = self.request.body
        if "content-length" not in names and "transfer-encoding" not in names:
            if body or self.request.method.upper() in _METHODS_WITH_BODY:
                headers.append(("Content-Length", str(len(body))))
        if self.proxy is not None and self.scheme == "http" and self.proxy.authorization:
            headers.append(("Proxy-Authorization", self.proxy.authorization))
        return headers

    def run(self) -> Response:
        start = time.perf_counter()
        conn = POOL.take(self.pool_key) if self.options.keep_alive else None
        if conn is not None:
            try:
                return self._exchange(conn, start, Timings(reused=True))
            except _StaleConnection as stale:
                if self.request.method.upper() not in _IDEMPOTENT:
                    raise stale.error from None
                # The server dropped the kept-alive connection without answering: send it once more.
        conn, timings = self._open(start)
        return self._exchange(conn, start, timings)

    def _exchange(self, conn: http.client.HTTPConnection, start: float, timings: Timings) -> Response:
        options = self.options
        self._set_sock(conn.sock)
        conn.sock.settimeout(options.read_timeout)
        conn.response_class = StrictResponse
        target = self.target
        if self.proxy is not None and self.scheme == "http":  # a plain-HTTP proxy takes the absolute URL
            target = f"http://{self.host}{self.target}"
        stage = "while sending the request"
        response = None
        reader: BodyReader | None = None
        pooled = False
        try:
            body = self.request.body
            self._progress("sending", self.target, 0, len(body))
            try:
                conn.putrequest(self.request.method.upper(), target, skip_host=True, skip_accept_encoding=True)
                for name, value in self._headers():
                    conn.putheader(name, value)
            except ValueError as exc:  # CR/LF or other bytes http.client refuses
                raise InvalidRequest(host=self.host, reason=str(exc)) from None
            conn.endheaders(body or None)
            stage = "before answering"
            self._progress("waiting", self.host)
            response = conn.getresponse()
            first_byte_ms = ms_since(start)
            expected = response.length  # None when chunked or until close
            stage = "while sending the response body"
            self._progress("downloading", f"HTTP {response.status}", 0, expected)
            reader = BodyReader(self.host, options, response.getheader("Content-Encoding") or "", self._check_aborted)
            try:
                while True:
                    chunk = response.read1(CHUNK)
                    if not chunk:
                        break
                    reader.add(chunk)
                    self._check_aborted()
                    self._progress("downloading", f"HTTP {response.status}", reader.received, expected)
                self._check_aborted()  # a cancel ends the read like an EOF would
                if response.length:  # EOF (a FIN) before Content-Length bytes: not a full body
                    raise ConnectionReset(host=self.host, how="closed", when=self._body_when(reader.received, response))
                decoded = reader.finish()
            finally:
                reader.close()
            response.close()  # complete: the connection may carry the next request
            pooled = options.keep_alive and not response.will_close and self._keep(conn)
        except TransportError:
            if reader is not None:
                reader.discard()
            raise
        except BaseException as exc:
            if reader is not None:
                reader.discard()
            self._check_aborted()
            if isinstance(exc, HeadCut):
                raise ConnectionReset(host=self.host, how="closed", when=_HEAD_CUT) from None
            error = self._translate(exc, stage, reader.received if reader else 0, response)
            if timings.reused and response is None and isinstance(error, ConnectionReset):
                raise _StaleConnection(error) from None
            raise error from None
        finally:
            if not pooled:
                if response is not None:  # it may hold the socket's reader (a will-close answer)
                    response.close()
                conn.close()

        try:
            self._progress("done", f"HTTP {response.status}", reader.received, expected)
        except BaseException:  # cancelled at the last moment, or the callback failed: nothing left behind
            reader.discard()
            raise
        return Response(
            status=response.status,
            reason=response.reason or "",
            headers=tuple((str(k), str(v)) for k, v in response.getheaders()),
            body=bytes(reader.memory),
            body_path=reader.spool_path,
            size_bytes=reader.received,
            elapsed_ms=ms_since(start),
            truncated=reader.spool_path is not None,
            timings=replace(timings, first_byte_ms=first_byte_ms, total_ms=ms_since(start)),
            decoded=decoded,
        )

    def _keep(self, conn: http.client.HTTPConnection) -> bool:
        """Hand a connection whose exchange completed to the pool (not if it was cancelled)."""
        with self.lock:
            if self.aborted or conn.sock is None:
                return False
            self.sock = None  # a late abort() must not shut a pooled connection
        POOL.put(self.pool_key, conn)
        return True

    def _translate(self, exc: BaseException, stage: str, received: int, response) -> TransportError:
        if isinstance(exc, (TimeoutError, socket.timeout)):
            doing = "waiting for" if stage == "before answering" else "waiting for more of the body from"
            if stage == "while sending the request":
                doing = "sending the request to"
            return Timeout(host=self.host, seconds=self.options.read_timeout, doing=doing, phase="read")
        if isinstance(exc, http.client.IncompleteRead):
            return ConnectionReset(host=self.host, when=self._body_when(received + len(exc.partial), response))
        if isinstance(exc, (ConnectionError, ssl.SSLError, http.client.RemoteDisconnected)):
            if isinstance(exc, http.client.RemoteDisconnected) or stage == "before answering":
                when = "before answering (the connection closed without a response)"
            elif stage == "while sending the request":
                when = "while the request was being sent"
            else:
                when = self._body_when(received, response)
            return ConnectionReset(host=self.host, when=when)
        if isinstance(exc, http.client.HTTPException):
            reason = f"{type(exc).__name__}: {str(exc)[:80]!r}"
            if self.scheme == "http":
                reason += " (does it expect https:// ?)"
            return ProtocolFailure(host=self.host, reason=reason)
        if isinstance(exc, OSError):
            return NetworkFailure(host=self.host, reason=exc.strerror or str(exc))
        raise exc

    @staticmethod
    def _body_when(received: int, response) -> str:
        length = response.getheader("Content-Length") if response is not None else None
        if length and length.isdigit():
            return f"in the middle of the response body (received {received} of {int(length)} bytes)"
        return f"in the middle of the response body (received {received} bytes)"
