"""Send one HTTP request, blocking, with timeouts, a deadline, cancel, progress and a memory cap.

`send(request, options, cancel, progress)` is a plain blocking function (the CLI calls it
directly; the UI calls it from a worker). It sends exactly the given `HttpRequest` --
headers in order, nothing added but `Content-Length` framing when there is a body (or the
method expects one) and a `Host` header computed from the URL only if the request has none
(`signing.sign()` always sets it). The method must be an RFC 7230 token. Redirects are not
followed: a 3xx is returned as is.

Networks (see `proxies`): HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `SendOptions.environ`
(default os.environ) -- https goes through a CONNECT tunnel, plain http as an absolute URL,
loopback always direct; proxy credentials go only to the proxy and are never shown. TLS
trusts `SendOptions.ca_bundle` (an environment's), else AWS_CA_BUNDLE, else certifi's.
Connections are kept alive and reused across sends (`connection_pool`, keyed by scheme,
host, port, proxy and CA bundle); a kept-alive connection that the server dropped before
answering is retried once on a fresh one, for idempotent methods only (a POST the server
may have acted on is never sent twice). A reused connection skips dns/connect/tls.

How it works: the exchange runs on the caller's thread. A cancel (`CancelToken.cancel()`
from another thread) or the deadline (one watchdog thread for every send) aborts it: the
socket is shut down, a pending connect is woken, a DNS lookup (on a helper thread) is no
longer waited for -- so `send` raises promptly in every phase (DNS, connect, TLS, sending,
waiting for the answer, reading the body), with nothing left half-written.

Phases and their errors (all `TransportError`, each message names host[:port]):
    DNS        DnsFailure          (names under .invalid fail at once, RFC 6761 6.4)
    connect    ConnectionRefused, Timeout(phase="connect"), NetworkFailure
    proxy      ProxyFailure (the proxy is down, wants credentials or refuses the host)
    TLS        TlsFailure, Timeout(phase="connect"), CaBundleError
    exchange   Timeout(phase="read"), ConnectionReset, ProtocolFailure
    any        Cancelled(phase=...), DeadlineExceeded (a Timeout, phase="total")
Bad options never reach the network: `SendOptions` raises `InvalidTimeout`.

Large bodies: up to `max_memory_body` bytes the body is kept in `Response.body`. Above
that it is streamed to a temporary file (mode 0600, in `spool_dir` or the system temp
dir): `Response.body_path` names it, `Response.truncated` is True and `Response.body`
holds only the first `preview_bytes`; `Response.save_body(path)` keeps all of it.
Spooled files are deleted by `Response.discard()`, at exit, or -- when a process was
killed -- by the first spool of a later process.

Bodies are kept as received; `Response.text()`/`json()` undo a gzip or deflate
Content-Encoding for display and `Response.body_note()` says so.
"""

from __future__ import annotations

import atexit
import errno
import heapq
import http.client
import ipaddress
import itertools
import os
import re
import select
import shutil
import socket
import ssl
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping
from urllib.parse import urlsplit

from workbench.core.common import cancel
from workbench.core.common.cancel import CancelToken
from workbench.core.send.connection_pool import ConnectionPool
from workbench.core.common.errors import WorkbenchError
from workbench.core.request.http import HttpRequest, InvalidMethod, check_method, find_header, wire_url
from workbench.core.common.progress import Progress, ProgressCallback
from workbench.core.send.proxies import proxy_for

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


class ProxyFailure(TransportError):
    """The proxy could not be reached or would not carry the request; never names its credentials."""

    fmt = "Could not reach {host} through proxy {proxy}: {reason}"


class CaBundleError(TransportError):
    fmt = "Cannot use the CA bundle {path}{source}: {reason}"


class TlsFailure(TransportError):
    fmt = "TLS handshake with {host} failed: {reason}"


class Timeout(TransportError):
    """`phase` is "connect" (DNS/TCP/TLS took too long) or "read" (the answer stalled)."""

    fmt = "Timed out after {seconds:g} s {doing} {host} ({phase} timeout)"


class DeadlineExceeded(Timeout):
    """The whole exchange took longer than `SendOptions.deadline` (phase "total")."""

    fmt = "The exchange with {host} took longer than its {seconds:g} s deadline (it was {doing})"


_DOING = {
    "dns": "resolving the host name", "connect": "connecting", "tls": "in the TLS handshake",
    "sending": "sending the request", "waiting": "waiting for the answer",
    "downloading": "still receiving the answer", "done": "finishing",
}


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


class InvalidTimeout(WorkbenchError):
    fmt = "The {option} must be a number of seconds above 0 and at most {maximum:g}, not {value}"


MAX_SECONDS = 24 * 3600.0


@dataclass(frozen=True)
class SendOptions:
    """How to send. Timeouts are checked here: `InvalidTimeout` unless 0 < seconds <= a day."""

    connect_timeout: float = 10.0  # seconds, for DNS + TCP connect + TLS handshake each
    read_timeout: float = 60.0  # seconds of silence allowed while waiting for / reading the answer
    deadline: float = 300.0  # seconds for the whole exchange: a server dripping bytes cannot hold it longer
    max_memory_body: int = 8 * 1024 * 1024  # above: spool the body to a temp file
    preview_bytes: int = 64 * 1024  # kept in Response.body when the body is spooled
    spool_dir: str | None = None
    ca_bundle: str | None = None  # PEM file (e.g. the environment's); else AWS_CA_BUNDLE; else certifi's
    keep_alive: bool = True  # reuse connections across sends in this process
    # Where HTTPS_PROXY, HTTP_PROXY, NO_PROXY and AWS_CA_BUNDLE are read; None: os.environ.
    environ: Mapping[str, str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for option, value in (("connect timeout", self.connect_timeout), ("read timeout", self.read_timeout),
                              ("deadline", self.deadline)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_SECONDS:
                raise InvalidTimeout(option=option, value=repr(value), maximum=MAX_SECONDS)  # repr: JSON-safe


# --------------------------------------------------------------------------- response


@dataclass(frozen=True)
class Timings:
    dns_ms: float = 0.0
    connect_ms: float = 0.0  # includes a proxy's CONNECT tunnel
    tls_ms: float = 0.0
    first_byte_ms: float = 0.0  # from the start to the status line
    total_ms: float = 0.0
    reused: bool = False  # a kept-alive connection: no DNS, connect or TLS this time

    def to_dict(self) -> dict:
        data = {k: round(getattr(self, k), 3) for k in ("dns_ms", "connect_ms", "tls_ms", "first_byte_ms", "total_ms")}
        return data | {"reused": self.reused}


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

    @property
    def content_encoding(self) -> str:
        return (self.header("Content-Encoding") or "identity").strip().lower()

    def decoded_body(self) -> bytes:
        """The in-memory body with a gzip or deflate Content-Encoding undone (for display;
        `body` keeps the bytes as received). Undecodable bytes are returned as received."""
        decoder = _decoder(self.content_encoding)
        if decoder is None or not self.body:
            return self.body
        try:
            return decoder.decompress(self.body) + (b"" if self.truncated else decoder.flush())
        except zlib.error:
            return self.body

    def body_note(self) -> str | None:
        """A line about how the body is shown, when it is not shown as received."""
        encoding = self.content_encoding
        if encoding in ("identity", ""):
            return None
        if _decoder(encoding) is None:
            return f"the body is {encoding}-encoded and shown as received"
        decoded = self.decoded_body()
        if decoded is self.body:
            return f"the body says it is {encoding}-encoded but does not decode: shown as received"
        return f"{encoding}-encoded body of {len(self.body)} bytes shown decoded ({len(decoded)} bytes)"

    def text(self) -> str:
        """The in-memory body decoded (only the preview when `truncated`)."""
        body = self.decoded_body()
        try:
            return body.decode(self.charset, errors="replace")
        except LookupError:  # unknown charset name
            return body.decode("utf-8", errors="replace")

    def json(self):
        """The body parsed as JSON, or None if it is not JSON (or only a preview is in memory)."""
        if self.truncated or not self.body:
            return None
        from workbench.core.common import safe_json
        try:
            return safe_json.loads(self.text(), "response body")
        except ValueError:  # not JSON, or JSON too deep / with numbers too long to use
            return None

    def save_body(self, path: str) -> None:
        """Write the whole body, as received, to `path` (also when it was spooled)."""
        if self.body_path:
            shutil.copyfile(self.body_path, path)
        else:
            with open(path, "wb") as handle:
                handle.write(self.body)

    def discard(self) -> None:
        """Delete the spooled body file, if any (every spooled file goes at exit anyway)."""
        _forget_spool(self.body_path)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "reason": self.reason,
            "headers": [[k, v] for k, v in self.headers],
            "body": self.text(),
            "body_note": self.body_note(),
            "body_path": self.body_path,
            "size_bytes": self.size_bytes,
            "truncated": self.truncated,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "timings": self.timings.to_dict(),
        }


def _decoder(encoding: str):
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return _Deflate()
    return None


class _Deflate:
    """Inflates "deflate" bodies whether zlib-wrapped (the standard) or raw (common in practice)."""

    def __init__(self) -> None:
        self._inner = None

    def decompress(self, data: bytes) -> bytes:
        if self._inner is None:
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inner = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return self._inner.decompress(data)

    def flush(self) -> bytes:
        return self._inner.flush() if self._inner is not None else b""


# --------------------------------------------------------------------------- spooled bodies
# Spooled files are named workbench-body-<pid>-*.bin. Those of this process are deleted at
# exit; the first spool of a process deletes those left by processes that are gone.

_SPOOL_NAME = re.compile(r"workbench-body-(\d+)-\w+\.bin")
_spooled: set[str] = set()
_spool_lock = threading.Lock()
_swept_dirs: set[str] = set()


def _open_spool_file(spool_dir: str | None):
    directory = spool_dir or tempfile.gettempdir()
    with _spool_lock:
        first = directory not in _swept_dirs
        _swept_dirs.add(directory)
    if first:
        sweep_stale_spools(directory)
    handle = tempfile.NamedTemporaryFile(
        "wb", prefix=f"workbench-body-{os.getpid()}-", suffix=".bin", dir=directory, delete=False
    )
    with _spool_lock:
        _spooled.add(handle.name)
    return handle


def _forget_spool(path: str | None) -> None:
    if path:
        with _spool_lock:
            _spooled.discard(path)
        _unlink(path)


@atexit.register
def _delete_all_spools() -> None:
    with _spool_lock:
        paths = list(_spooled)
    for path in paths:
        _forget_spool(path)


def sweep_stale_spools(directory: str) -> list[str]:
    """Delete spooled bodies left in `directory` by processes that no longer run; returns them."""
    removed = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        match = _SPOOL_NAME.fullmatch(name)
        if match and not _process_alive(int(match.group(1))):
            path = os.path.join(directory, name)
            try:
                os.unlink(path)
                removed.append(path)
            except OSError:
                pass
    return removed




def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: leave it
    return True


# --------------------------------------------------------------------------- TLS


def default_ca_bundle() -> str:
    try:
        import certifi

        return certifi.where()
    except ImportError:  # botocore ships its own bundle
        import botocore

        return os.path.join(os.path.dirname(botocore.__file__), "cacert.pem")


def tls_context_for(ca_bundle: str | None, source: str = "") -> ssl.SSLContext:
    """The TLS context trusting `ca_bundle` (default: the bundled CAs); CaBundleError when the
    file cannot be read or holds no PEM certificate. Also checks a bundle when it is entered."""
    try:
        return _tls_context(ca_bundle or default_ca_bundle())
    except (OSError, ssl.SSLError) as exc:
        reason = "no PEM certificates in it" if isinstance(exc, ssl.SSLError) else exc.strerror or str(exc)
        raise CaBundleError(path=ca_bundle, source=source, reason=reason) from None


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

POOL = ConnectionPool()
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})
_MAX_PROXY_HEAD = 64 * 1024


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


class _StaleConnection(Exception):
    """A kept-alive connection failed before any answer: `error` is what to raise if the
    request cannot safely be sent again on a fresh connection."""

    def __init__(self, error: TransportError):
        super().__init__(str(error))
        self.error = error


class _Exchange:
    """One request/response: `run()` on the caller's thread, `abort()` from any other (a
    cancel, the deadline). `report` is the caller's progress callback."""

    def __init__(self, request: HttpRequest, options: SendOptions, report=None):
        self.request = request
        self.options = options
        self.report = report
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
        self.host = parts.netloc.rpartition("@")[2]  # host[:port] as written, for messages
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
        self.lock = threading.Lock()
        self.phase = "dns"  # the progress phase the exchange is in
        self.aborted = False
        self.expired = False  # aborted by the deadline rather than by a cancel
        self.finished = False  # send() returned: the deadline no longer applies
        self.sock: socket.socket | None = None
        self.wake: socket.socket | None = None  # written to by abort() while a connect is pending
        self.dns_done: threading.Event | None = None  # set by abort() while a lookup is pending
        self.spool_path: str | None = None

    # -- progress

    def _progress(self, phase: str, detail: str = "", done: int | None = None, total: int | None = None) -> None:
        self._check_aborted()  # nothing is reported after a cancel
        self.phase = phase
        if self.report is not None:
            self.report(Progress(phase, detail, done, total))

    # -- cancel and deadline: abort() comes from another thread and wakes whatever blocks

    def abort(self, expired: bool = False) -> None:
        with self.lock:
            if self.finished or self.aborted:
                return
            self.aborted, self.expired = True, expired
            sock, wake, dns_done = self.sock, self.wake, self.dns_done
        if dns_done is not None:
            dns_done.set()
        if wake is not None:
            try:
                wake.send(b"x")
            except OSError:
                pass
        if sock is not None:
            try:  # the base-class shutdown wakes a recv or send blocked in another thread, TLS or not
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass

    def stopped(self) -> TransportError:
        """What an aborted exchange raises: DeadlineExceeded or Cancelled, naming the phase."""
        if self.expired:
            return DeadlineExceeded(host=self.host, seconds=self.options.deadline, phase="total",
                                    doing=_DOING[self.phase])
        return Cancelled(host=self.host, phase=self.phase)

    def _check_aborted(self) -> None:
        if self.aborted:
            raise self.stopped()

    def _set_sock(self, sock: socket.socket | None) -> None:
        with self.lock:
            self.sock = sock
            aborted = self.aborted
        if aborted and sock is not None:
            sock.close()
            raise self.stopped()

    # -- opening a connection: DNS, connect, (proxy tunnel), TLS

    def _resolve(self, hostname: str, port: int, host: str):
        self._progress("dns", hostname)
        name = hostname.rstrip(".").lower()
        if name == "invalid" or name.endswith(".invalid"):
            raise DnsFailure(host=host, reason="names under .invalid never resolve (RFC 6761)")
        try:
            return self._getaddrinfo(hostname, port)
        except socket.gaierror as exc:
            if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                reason = f"no such host ({exc.strerror})"
            else:
                reason = f"{exc.strerror}; check the name and your network or DNS settings"
            raise DnsFailure(host=host, reason=reason) from None
        except UnicodeError:
            raise DnsFailure(host=host, reason="the host name is not valid") from None

    def _getaddrinfo(self, hostname: str, port: int):
        """An address literal is parsed here; a name is looked up on a helper thread, so that a
        cancel or the deadline returns at once (getaddrinfo itself cannot be interrupted)."""
        try:
            ipaddress.ip_address(hostname)
        except ValueError:
            pass
        else:
            return socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
        done, outcome = threading.Event(), {}

        def lookup() -> None:
            try:
                outcome["addresses"] = socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
            except BaseException as exc:  # handed to the exchange, which raises it
                outcome["error"] = exc
            done.set()

        with self.lock:
            self.dns_done = done
        try:
            self._check_aborted()
            threading.Thread(target=lookup, name=f"workbench-send dns {hostname}", daemon=True).start()
            done.wait()
        finally:
            with self.lock:
                self.dns_done = None
        self._check_aborted()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["addresses"]

    def _connect(self, addresses, host: str) -> socket.socket:
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
            raise Timeout(host=host, seconds=timeout, doing="connecting to", phase="connect")
        if isinstance(last, ConnectionRefusedError):
            raise ConnectionRefused(host=host)
        reason = getattr(last, "strerror", None) or str(last) or "no address to connect to"
        raise NetworkFailure(host=host, reason=reason)

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

    def _via_proxy(self, step, *args):
        """Run an opening step against the proxy; its failures name the proxy."""
        try:
            return step(*args)
        except (DnsFailure, ConnectionRefused, NetworkFailure, Timeout) as exc:
            raise ProxyFailure(proxy=self.proxy.display, host=self.host, reason=str(exc)) from None

    def _tunnel(self, sock: socket.socket) -> None:
        """CONNECT host:port through the proxy; after a 200 the socket is a pipe to the server."""
        self._progress("connect", f"tunnel to {self.host} through proxy {self.proxy.display}")
        authority = f"{self.hostname}:{self.port}" if ":" not in self.hostname else f"[{self.hostname}]:{self.port}"
        lines = [f"CONNECT {authority} HTTP/1.1", f"Host: {authority}"]
        if self.proxy.authorization:
            lines.append(f"Proxy-Authorization: {self.proxy.authorization}")
        head = b""
        try:
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
            while b"\r\n\r\n" not in head:  # the proxy says nothing after its head until we speak TLS
                chunk = sock.recv(4096)
                if not chunk:
                    break
                head += chunk
                if len(head) > _MAX_PROXY_HEAD:
                    break
        except (TimeoutError, socket.timeout):
            self._check_aborted()
            raise ProxyFailure(proxy=self.proxy.display, host=self.host,
                               reason=f"no answer to CONNECT within {self.options.connect_timeout:g} s") from None
        except OSError as exc:
            self._check_aborted()
            raise ProxyFailure(proxy=self.proxy.display, host=self.host,
                               reason=f"the connection broke during CONNECT ({exc.strerror or exc})") from None
        self._check_aborted()
        status_line = head.split(b"\r\n", 1)[0].decode("latin-1", errors="replace")
        parts = status_line.split(" ", 2)
        status = parts[1] if len(parts) > 1 else ""
        if status == "200" and head.endswith(b"\r\n\r\n"):
            return
        if not status_line.startswith("HTTP/") or not status.isdigit():
            reason = f"it did not answer CONNECT with HTTP ({status_line[:60]!r})"
        elif status == "407":
            reason = ("it needs credentials (407): put them in the proxy URL, http://USER:PASSWORD@HOST:PORT"
                      if not self.proxy.authorization else "it refused the proxy credentials (407)")
        else:
            reason = f"it refused to connect to {authority}: {status_line[9:][:80]}"
        raise ProxyFailure(proxy=self.proxy.display, host=self.host, reason=reason)

    def _tls(self, sock: socket.socket) -> socket.socket:
        self._progress("tls", self.hostname)
        # Wrapping takes over the socket's descriptor: hand the TLS socket to abort() before the handshake.
        try:
            tls_sock = self.tls_context.wrap_socket(sock, server_hostname=self.hostname, do_handshake_on_connect=False)
            self._set_sock(tls_sock)
            tls_sock.do_handshake()
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
        return tls_sock

    def _open(self, start: float) -> tuple[http.client.HTTPConnection, Timings]:
        proxy = self.proxy
        if proxy is None:
            addresses = self._resolve(self.hostname, self.port, self.host)
        else:
            addresses = self._via_proxy(self._resolve, proxy.host, proxy.port, proxy.display)
        dns_ms = _ms(start)
        mark = time.perf_counter()
        if proxy is None:
            sock = self._connect(addresses, self.host)
        else:
            sock = self._via_proxy(self._connect, addresses, proxy.display)
            if self.scheme == "https":
                self._tunnel(sock)
        connect_ms = _ms(mark)
        tls_ms = 0.0
        if self.scheme == "https":
            mark = time.perf_counter()
            sock = self._tls(sock)
            tls_ms = _ms(mark)
        conn = http.client.HTTPConnection(self.hostname, self.port)
        conn.sock = sock
        conn.auto_open = 0  # never reconnect behind our back
        return conn, Timings(dns_ms, connect_ms, tls_ms)

    # -- the request and its answer

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
        target = self.target
        if self.proxy is not None and self.scheme == "http":  # a plain-HTTP proxy takes the absolute URL
            target = f"http://{self.host}{self.target}"
        stage = "while sending the request"
        response = None
        received = 0
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
                self._check_aborted()  # a cancel ends the read like an EOF would
                if response.length:  # EOF (a FIN) before Content-Length bytes: not a full body
                    raise ConnectionReset(host=self.host, how="closed", when=self._body_when(received, response))
            finally:
                if spool is not None:
                    spool.close()
            response.close()  # complete: the connection may carry the next request
            pooled = options.keep_alive and not response.will_close and self._keep(conn)
        except TransportError:
            self._discard_spool()
            raise
        except BaseException as exc:
            self._discard_spool()
            self._check_aborted()
            error = self._translate(exc, stage, received, response)
            if timings.reused and response is None and isinstance(error, ConnectionReset):
                raise _StaleConnection(error) from None
            raise error from None
        finally:
            if not pooled:
                conn.close()

        try:
            self._progress("done", f"HTTP {response.status}", received, expected)
        except BaseException:  # cancelled at the last moment, or the callback failed: nothing left behind
            self._discard_spool()
            raise
        return Response(
            status=response.status,
            reason=response.reason or "",
            headers=tuple((str(k), str(v)) for k, v in response.getheaders()),
            body=bytes(memory),
            body_path=self.spool_path,
            size_bytes=received,
            elapsed_ms=_ms(start),
            truncated=self.spool_path is not None,
            timings=replace(timings, first_byte_ms=first_byte_ms, total_ms=_ms(start)),
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
        options = self.options
        if isinstance(exc, (TimeoutError, socket.timeout)):
            doing = "waiting for" if stage == "before answering" else "waiting for more of the body from"
            if stage == "while sending the request":
                doing = "sending the request to"
            return Timeout(host=self.host, seconds=options.read_timeout, doing=doing, phase="read")
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


    def _body_when(self, received: int, response) -> str:
        length = response.getheader("Content-Length") if response is not None else None
        if length and length.isdigit():
            return f"in the middle of the response body (received {received} of {int(length)} bytes)"
        return f"in the middle of the response body (received {received} bytes)"

    def _open_spool(self):
        self._check_aborted()
        handle = _open_spool_file(self.options.spool_dir)
        self.spool_path = handle.name
        return handle

    def _discard_spool(self) -> None:
        path, self.spool_path = self.spool_path, None
        _forget_spool(path)


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

    Runs on the caller's thread. The whole exchange ends within `options.deadline`
    (`DeadlineExceeded`), however slowly the server drips its answer. `progress` gets a
    `Progress` record per phase, in order (dns, connect, tls, sending, waiting,
    downloading -- repeated with the bytes so far, of the Content-Length when known -- and
    done); a reused connection skips dns, connect and tls (and a GET retried on a fresh
    connection after a kept-alive one was dropped starts again at dns). `cancel.cancel()` from another
    thread makes `send` raise `Cancelled` at once, naming the phase it was in, with a body
    being spooled already deleted and nothing reported after it.
    """
    options = options or SendOptions()
    exchange = _Exchange(request, options, progress)
    if cancel is not None and cancel.cancelled:
        raise Cancelled(host=exchange.host, phase=exchange.phase)
    unregister = cancel._on_cancel(exchange.abort) if cancel is not None else None
    _WATCHDOG.watch(exchange, time.monotonic() + options.deadline)
    try:
        return exchange.run()
    except (WorkbenchError, KeyboardInterrupt):
        raise
    except Exception as error:
        raise TransportError(f"Unexpected failure sending to {exchange.host}: {error!r}") from error
    finally:
        with exchange.lock:
            exchange.finished = True
        if unregister is not None:
            unregister()


class _Watchdog:
    """One daemon thread that aborts exchanges past their deadline (no thread per send)."""

    def __init__(self) -> None:
        self._heap: list = []  # (deadline, sequence, exchange), earliest first
        self._sequence = itertools.count()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, exchange: _Exchange, deadline: float) -> None:
        with self._condition:
            heapq.heappush(self._heap, (deadline, next(self._sequence), exchange))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="workbench-deadlines", daemon=True)
                self._thread.start()
            elif self._heap[0][2] is exchange:
                self._condition.notify()

    def _run(self) -> None:
        while True:
            with self._condition:
                while self._heap and self._heap[0][2].finished:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._condition.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._condition.wait(wait)
                    continue
                _, _, exchange = heapq.heappop(self._heap)
            exchange.abort(expired=True)


_WATCHDOG = _Watchdog()
