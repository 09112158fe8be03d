"""Send one HTTP request, blocking, with timeouts, cancel and a memory cap.

`send(request, options, cancel)` is a plain blocking function (the CLI calls it directly;
the UI calls it from a worker). It sends exactly the given `HttpRequest` -- headers in
order, nothing added but `Content-Length` framing when there is a body (or the method
expects one) and a `Host` header computed from the URL only if the request has none
(`signing.sign()` always sets it). Redirects are not followed: a 3xx is returned as is.
No proxy is used.

How it works: the exchange runs on a short-lived daemon thread while the caller waits for
it or for `CancelToken.cancel()`. Cancel therefore returns promptly in every phase (DNS,
connect, TLS, waiting for the answer, reading the body): the caller raises `Cancelled` at
once and the socket is shut down so the abandoned exchange ends too (a connect in
progress ends at `connect_timeout` at the latest; a body being spooled is deleted).

Phases and their errors (all `TransportError`, each message names host[:port]):
    DNS        DnsFailure          (names under .invalid fail at once, RFC 6761 6.4)
    connect    ConnectionRefused, Timeout(phase="connect"), NetworkFailure
    TLS        TlsFailure, Timeout(phase="connect")   (certifi's CA bundle, else botocore's)
    exchange   Timeout(phase="read"), ConnectionReset, ProtocolFailure
    any        Cancelled

Large bodies: up to `max_memory_body` bytes the body is kept in `Response.body`. Above
that it is streamed to a temporary file (mode 0600, in `spool_dir` or the system temp
dir): `Response.body_path` names it, `Response.truncated` is True and `Response.body`
holds only the first `preview_bytes`. The caller owns the file (`Response.discard()`).
"""

from __future__ import annotations

import errno
import http.client
import json as _json
import os
import queue
import select
import socket
import ssl
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from workbench.core import cancel
from workbench.core.cancel import CancelToken
from workbench.core.errors import WorkbenchError
from workbench.core.http import HttpRequest, find_header
from workbench.core.progress import Progress, ProgressCallback

CHUNK = 64 * 1024
_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})
_CONNECT_PENDING = {errno.EINPROGRESS, errno.EWOULDBLOCK, getattr(errno, "WSAEWOULDBLOCK", errno.EWOULDBLOCK)}

# --------------------------------------------------------------------------- errors


class TransportError(WorkbenchError):
    """The request could not be sent or its answer not received. `host` is host[:port]."""

    fmt = "{message}"


class InvalidUrl(TransportError):
    fmt = "Cannot send to {url}: {reason}"


class InvalidRequest(TransportError):
    fmt = "Cannot send to {host}: {reason}"


class DnsFailure(TransportError):
    fmt = "Could not resolve host {host}: {reason}"


class ConnectionRefused(TransportError):
    fmt = (
        "Connection refused by {host}: nothing is accepting connections on that port "
        "(is the server or the sandbox running?)"
    )


class NetworkFailure(TransportError):
    fmt = "Could not connect to {host}: {reason}"


class TlsFailure(TransportError):
    fmt = "TLS handshake with {host} failed: {reason}"


class Timeout(TransportError):
    """`phase` is "connect" (DNS/TCP/TLS took too long) or "read" (the answer stalled)."""

    fmt = "Timed out after {seconds:g} s {doing} {host} ({phase} timeout)"


class ConnectionReset(TransportError):
    """The connection broke mid-exchange: `how` is "reset" (RST) or "closed" (early FIN)."""

    fmt = "Connection {how} by {host} {when}"

    def __init__(self, message: str | None = None, **fields):
        fields.setdefault("how", "reset")
        super().__init__(message, **fields)


class ProtocolFailure(TransportError):
    fmt = "{host} did not answer with valid HTTP: {reason}"


class Cancelled(TransportError, cancel.Cancelled):
    """`phase` is the progress phase the exchange was in (dns, connect, tls, sending,
    waiting, downloading)."""

    fmt = "Request to {host} was cancelled ({phase})"


# --------------------------------------------------------------------------- options, cancel


@dataclass(frozen=True)
class SendOptions:
    connect_timeout: float = 10.0  # seconds, for DNS + TCP connect + TLS handshake each
    read_timeout: float = 60.0  # seconds of silence allowed while waiting for / reading the answer
    max_memory_body: int = 8 * 1024 * 1024  # above: spool the body to a temp file
    preview_bytes: int = 64 * 1024  # kept in Response.body when the body is spooled
    spool_dir: str | None = None
    ca_bundle: str | None = None  # PEM file; default certifi's, else botocore's


# --------------------------------------------------------------------------- response


@dataclass(frozen=True)
class Timings:
    dns_ms: float = 0.0
    connect_ms: float = 0.0
    tls_ms: float = 0.0
    first_byte_ms: float = 0.0  # from the start to the status line
    total_ms: float = 0.0

    def to_dict(self) -> dict:
        return {k: round(getattr(self, k), 3) for k in ("dns_ms", "connect_ms", "tls_ms", "first_byte_ms", "total_ms")}


@dataclass(frozen=True)
class Response:
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes = field(repr=False)
    body_path: str | None = None  # set when the body was spooled to a file
    size_bytes: int = 0  # the full body size, also when spooled
    elapsed_ms: float = 0.0
    truncated: bool = False  # True when `body` is only a preview of the file at body_path
    timings: Timings = field(default_factory=Timings)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)

    @property
    def charset(self) -> str:
        content_type = self.header("Content-Type") or ""
        for part in content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip('"')
        return "utf-8"

    def text(self) -> str:
        """The in-memory body decoded (only the preview when `truncated`)."""
        try:
            return self.body.decode(self.charset, errors="replace")
        except LookupError:  # unknown charset name
            return self.body.decode("utf-8", errors="replace")

    def json(self):
        """The body parsed as JSON, or None if it is not JSON (or only a preview is in memory)."""
        if self.truncated or not self.body:
            return None
        try:
            return _json.loads(self.text())
        except ValueError:
            return None

    def discard(self) -> None:
        """Delete the spooled body file, if any."""
        if self.body_path:
            try:
                os.unlink(self.body_path)
            except FileNotFoundError:
                pass

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "reason": self.reason,
            "headers": [[k, v] for k, v in self.headers],
            "body": self.text(),
            "body_path": self.body_path,
            "size_bytes": self.size_bytes,
            "truncated": self.truncated,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "timings": self.timings.to_dict(),
        }


# --------------------------------------------------------------------------- TLS


def default_ca_bundle() -> str:
    try:
        import certifi

        return certifi.where()
    except ImportError:  # botocore ships its own bundle
        import botocore

        return os.path.join(os.path.dirname(botocore.__file__), "cacert.pem")


@lru_cache(maxsize=8)
def _tls_context(ca_bundle: str) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=ca_bundle)
    context.set_alpn_protocols(["http/1.1"])
    return context


def _tls_reason(exc: ssl.SSLError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"the server's certificate could not be verified ({exc.verify_message})"
    reason = (exc.reason or "").upper()
    if reason in {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG"}:
        return (
            f"the server did not answer with TLS ({exc.reason}); "
            "it probably speaks plain HTTP: try http:// instead of https://"
        )
    if isinstance(exc, ssl.SSLEOFError) or "EOF" in reason:
        return "the server closed the connection during the handshake"
    return f"{exc.reason or exc}"


# --------------------------------------------------------------------------- the exchange


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


class _Exchange:
    """One request/response on one connection; `run()` on a worker, `abort()` from anywhere.

    The worker reports progress through `report` (a queue the caller drains), so the caller's
    callback runs on the caller's thread and nothing is reported after a cancel."""

    def __init__(self, request: HttpRequest, options: SendOptions, report=None):
        self.request = request
        self.options = options
        self.report = report
        parts = urlsplit(request.url)
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
        self.host = parts.netloc.rpartition("@")[2]  # host[:port] as written, for messages
        self.target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.lock = threading.Lock()
        self.phase = "dns"  # the progress phase the exchange is in
        self.aborted = False
        self.abandoned = False  # the caller gave up: clean up instead of handing over
        self.sock: socket.socket | None = None
        self.wake: socket.socket | None = None  # written to by abort() while a connect is pending
        self.spool_path: str | None = None

    # -- progress

    def _progress(self, phase: str, detail: str = "", done: int | None = None, total: int | None = None) -> None:
        self.phase = phase
        if self.report is not None:
            self.report(Progress(phase, detail, done, total))

    # -- cancel

    def abort(self) -> None:
        with self.lock:
            self.aborted = True
            sock, wake = self.sock, self.wake
        if wake is not None:
            try:
                wake.send(b"x")
            except OSError:
                pass
        if sock is not None:
            try:  # the base-class shutdown wakes a recv blocked in another thread, TLS or not
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass

    def abandon(self) -> None:
        """The caller stopped waiting: abort, and delete a body being spooled right now."""
        self.abort()
        with self.lock:
            self.abandoned = True
            path, self.spool_path = self.spool_path, None
        _unlink(path)

    def cancelled(self) -> "Cancelled":
        return Cancelled(host=self.host, phase=self.phase)

    def _check_aborted(self) -> None:
        if self.aborted:
            raise self.cancelled()

    def _set_sock(self, sock: socket.socket) -> None:
        with self.lock:
            self.sock = sock
            aborted = self.aborted
        if aborted:
            sock.close()
            raise self.cancelled()

    # -- phases

    def _resolve(self):
        self._progress("dns", self.hostname)
        name = self.hostname.rstrip(".").lower()
        if name == "invalid" or name.endswith(".invalid"):
            raise DnsFailure(host=self.host, reason="names under .invalid never resolve (RFC 6761)")
        try:
            return socket.getaddrinfo(self.hostname, self.port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                reason = f"no such host ({exc.strerror})"
            else:
                reason = f"{exc.strerror}; check the name and your network or DNS settings"
            raise DnsFailure(host=self.host, reason=reason) from None
        except UnicodeError:
            raise DnsFailure(host=self.host, reason="the host name is not valid") from None

    def _connect(self, addresses) -> socket.socket:
        timeout = self.options.connect_timeout
        last: Exception | None = None
        wake_read, wake_write = socket.socketpair()
        with self.lock:
            self.wake = wake_write
        try:
            for family, socktype, proto, _name, address in addresses:
                self._check_aborted()
                self._progress("connect", f"{address[0]} port {address[1]}")
                sock = socket.socket(family, socktype, proto)
                try:
                    self._set_sock(sock)
                    self._connect_or_wake(sock, address, wake_read, timeout)
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    return sock
                except Cancelled:
                    sock.close()
                    raise
                except OSError as exc:
                    sock.close()
                    last = exc
        finally:
            with self.lock:
                self.wake = None
            wake_read.close()
            wake_write.close()
        self._check_aborted()
        if isinstance(last, (TimeoutError, socket.timeout)):
            raise Timeout(host=self.host, seconds=timeout, doing="connecting to", phase="connect")
        if isinstance(last, ConnectionRefusedError):
            raise ConnectionRefused(host=self.host)
        reason = getattr(last, "strerror", None) or str(last) or "no address to connect to"
        raise NetworkFailure(host=self.host, reason=reason)

    def _connect_or_wake(self, sock: socket.socket, address, wake: socket.socket, timeout: float) -> None:
        """A TCP connect that `abort()` interrupts at once (a blocking connect cannot be woken)."""
        sock.setblocking(False)
        error = sock.connect_ex(address)
        if error and error not in _CONNECT_PENDING:
            raise OSError(error, os.strerror(error))  # OSError picks the subclass (ConnectionRefusedError...)
        if error:
            _, connected, failed = select.select([wake], [sock], [sock], timeout)
            self._check_aborted()
            if not connected and not failed:
                raise TimeoutError(errno.ETIMEDOUT, "connect timed out")
            error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if error:
                raise OSError(error, os.strerror(error))
        sock.setblocking(True)
        sock.settimeout(timeout)

    def _tls(self, sock: socket.socket) -> socket.socket:
        self._progress("tls", self.hostname)
        context = _tls_context(self.options.ca_bundle or default_ca_bundle())
        try:
            tls_sock = context.wrap_socket(sock, server_hostname=self.hostname)
        except (TimeoutError, socket.timeout):
            self._check_aborted()
            raise Timeout(
                host=self.host, seconds=self.options.connect_timeout,
                doing="in the TLS handshake with", phase="connect",
            ) from None
        except ssl.SSLError as exc:
            self._check_aborted()
            raise TlsFailure(host=self.host, reason=_tls_reason(exc)) from None
        except OSError as exc:
            self._check_aborted()
            raise TlsFailure(
                host=self.host,
                reason=f"the connection was lost during the handshake ({exc.strerror or exc})",
            ) from None
        self._set_sock(tls_sock)
        return tls_sock

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
        return headers

    def run(self) -> Response:
        options = self.options
        start = time.perf_counter()
        addresses = self._resolve()
        dns_ms = _ms(start)
        mark = time.perf_counter()
        sock = self._connect(addresses)
        connect_ms = _ms(mark)
        tls_ms = 0.0
        if self.scheme == "https":
            mark = time.perf_counter()
            sock = self._tls(sock)
            tls_ms = _ms(mark)
        sock.settimeout(options.read_timeout)

        conn = http.client.HTTPConnection(self.hostname, self.port, timeout=options.read_timeout)
        conn.sock = sock
        stage = "while sending the request"
        response = None
        received = 0
        try:
            body = self.request.body
            self._progress("sending", self.target, 0, len(body))
            try:
                conn.putrequest(self.request.method.upper(), self.target, skip_host=True, skip_accept_encoding=True)
                for name, value in self._headers():
                    conn.putheader(name, value)
            except ValueError as exc:  # CR/LF or other bytes http.client refuses
                raise InvalidRequest(host=self.host, reason=str(exc)) from None
            conn.endheaders(body or None)
            stage = "before answering"
            self._progress("waiting", self.host)
            response = conn.getresponse()
            first_byte_ms = _ms(start)
            expected = response.length  # None when chunked or until close
            stage = "while sending the response body"
            self._progress("downloading", f"HTTP {response.status}", 0, expected)
            memory = bytearray()
            spool = None
            try:
                while True:
                    chunk = response.read1(CHUNK)
                    if not chunk:
                        break
                    received += len(chunk)
                    if spool is not None:
                        spool.write(chunk)
                    else:
                        memory += chunk
                        if len(memory) > options.max_memory_body:
                            spool = self._open_spool()
                            spool.write(memory)
                            memory = bytearray(memory[: options.preview_bytes])
                    self._check_aborted()
                    self._progress("downloading", f"HTTP {response.status}", received, expected)
                if response.length:  # EOF (a FIN) before Content-Length bytes: not a full body
                    raise ConnectionReset(host=self.host, how="closed", when=self._body_when(received, response))
            finally:
                if spool is not None:
                    spool.close()
        except TransportError:
            self._discard_spool()
            raise
        except (TimeoutError, socket.timeout):
            self._discard_spool()
            self._check_aborted()
            doing = "waiting for" if stage == "before answering" else "waiting for more of the body from"
            if stage == "while sending the request":
                doing = "sending the request to"
            raise Timeout(host=self.host, seconds=options.read_timeout, doing=doing, phase="read") from None
        except http.client.IncompleteRead as exc:
            self._discard_spool()
            self._check_aborted()
            total = received + len(exc.partial)
            raise ConnectionReset(host=self.host, when=self._body_when(total, response)) from None
        except (ConnectionError, ssl.SSLError, http.client.RemoteDisconnected) as exc:
            self._discard_spool()
            self._check_aborted()
            if isinstance(exc, http.client.RemoteDisconnected) or stage == "before answering":
                when = "before answering (the connection closed without a response)"
            elif stage == "while sending the request":
                when = "while the request was being sent"
            else:
                when = self._body_when(received, response)
            raise ConnectionReset(host=self.host, when=when) from None
        except http.client.HTTPException as exc:
            self._discard_spool()
            self._check_aborted()
            reason = f"{type(exc).__name__}: {str(exc)[:80]!r}"
            if self.scheme == "http":
                reason += " (does it expect https:// ?)"
            raise ProtocolFailure(host=self.host, reason=reason) from None
        except OSError as exc:
            self._discard_spool()
            self._check_aborted()
            raise NetworkFailure(host=self.host, reason=exc.strerror or str(exc)) from None
        finally:
            conn.close()

        self._progress("done", f"HTTP {response.status}", received, expected)
        return Response(
            status=response.status,
            reason=response.reason or "",
            headers=tuple((str(k), str(v)) for k, v in response.getheaders()),
            body=bytes(memory),
            body_path=self.spool_path,
            size_bytes=received,
            elapsed_ms=_ms(start),
            truncated=self.spool_path is not None,
            timings=Timings(dns_ms, connect_ms, tls_ms, first_byte_ms, _ms(start)),
        )

    def _body_when(self, received: int, response) -> str:
        length = response.getheader("Content-Length") if response is not None else None
        if length and length.isdigit():
            return f"in the middle of the response body (received {received} of {int(length)} bytes)"
        return f"in the middle of the response body (received {received} bytes)"

    def _open_spool(self):
        with self.lock:  # a caller that gave up has already deleted what there was
            if self.abandoned:
                raise self.cancelled()
            handle = tempfile.NamedTemporaryFile(
                "wb", prefix="workbench-body-", suffix=".bin", dir=self.options.spool_dir, delete=False
            )
            self.spool_path = handle.name
        return handle

    def _discard_spool(self) -> None:
        with self.lock:
            path, self.spool_path = self.spool_path, None
        _unlink(path)


def _unlink(path: str | None) -> None:
    if path:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


# --------------------------------------------------------------------------- send


def send(
    request: HttpRequest,
    options: SendOptions | None = None,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
) -> Response:
    """Send `request` and return its `Response`; raises a `TransportError`, never hangs.

    `progress` gets a `Progress` record per phase, in order (dns, connect, tls, sending,
    waiting, downloading -- repeated with the bytes so far, of the Content-Length when
    known -- and done), called on the caller's thread. Returns as soon as the exchange
    ends or `cancel.cancel()` is called: then `Cancelled` names the phase it was in, and
    a body being spooled is already deleted.
    """
    events: queue.SimpleQueue = queue.SimpleQueue()
    exchange = _Exchange(request, options or SendOptions(), events.put if progress is not None else None)
    if cancel is not None and cancel.cancelled:
        raise exchange.cancelled()

    def work() -> None:
        try:
            outcome = ("response", exchange.run())
        except BaseException as exc:  # handed to the caller, which re-raises it
            outcome = ("error", exc)
        with exchange.lock:
            abandoned = exchange.abandoned
        if abandoned and outcome[0] == "response":
            outcome[1].discard()
        events.put(outcome)

    unregister = cancel._on_cancel(lambda: events.put(("cancel", None))) if cancel is not None else (lambda: None)
    worker = threading.Thread(target=work, name=f"workbench-send {exchange.host}", daemon=True)
    try:
        worker.start()
        while True:
            event = events.get()
            if isinstance(event, Progress):
                progress(event)
                continue
            kind, value = event
            if kind == "response":
                return value
            if kind == "error" and not (cancel is not None and cancel.cancelled):
                error = value
                break
            exchange.abandon()  # cancelled: stop the exchange, delete what it spooled
            raise exchange.cancelled()
    except BaseException:  # KeyboardInterrupt in the CLI, an error from the callback: stop the exchange too
        exchange.abandon()
        raise
    finally:
        unregister()
    if isinstance(error, TransportError):
        raise error
    raise TransportError(f"Unexpected failure sending to {exchange.host}: {error!r}") from error
