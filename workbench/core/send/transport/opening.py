"""Opening a connection: DNS (on a helper thread, so a cancel never waits for it), the TCP
connect (woken by an abort), a proxy's CONNECT tunnel, the TLS handshake. Each step's
failure is a TransportError naming the host (or the proxy, when the proxy failed).

At connect time every address a host name resolved to is checked: a link-local or
instance metadata address is refused (`ForbiddenAddress`) before any byte goes there, so
a name cannot smuggle a request to where a literal address would be refused.
"""

from __future__ import annotations

import errno
import http.client
import ipaddress
import os
import select
import socket
import ssl
import threading
import time

from workbench.core.common.addresses import forbidden_reason
from workbench.core.send.transport.abortable import Abortable
from workbench.core.send.transport.errors import (
    Cancelled, ConnectionRefused, DnsFailure, ForbiddenAddress, NetworkFailure, ProxyFailure, Timeout, TlsFailure,
)
from workbench.core.send.transport.response import Timings
from workbench.core.send.transport.tls import tls_reason

_CONNECT_PENDING = {errno.EINPROGRESS, errno.EWOULDBLOCK, getattr(errno, "WSAEWOULDBLOCK", errno.EWOULDBLOCK)}
_MAX_PROXY_HEAD = 64 * 1024


def _getaddrinfo(hostname: str, port: int):
    return socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


class Opening(Abortable):
    """The opening steps of an exchange. The exchange sets `scheme`, `hostname`, `port`,
    `proxy` and `tls_context` before `_open()` runs."""

    scheme: str
    hostname: str
    port: int
    proxy: object
    tls_context: ssl.SSLContext | None

    def _refuse_forbidden(self, addresses) -> None:
        for address in addresses:
            why = forbidden_reason(address[4][0])
            if why:
                shown = address[4][0]
                raise ForbiddenAddress(host=self.host, address=shown, why=why.removeprefix(f"{shown} is ").strip())

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
        resolver = self.options.resolver or _getaddrinfo
        try:
            ipaddress.ip_address(hostname)
        except ValueError:
            pass
        else:
            return socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
        done, outcome = threading.Event(), {}

        def lookup() -> None:
            try:
                outcome["addresses"] = resolver(hostname, port)
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
        if b"\r\n\r\n" not in head:
            reason = ("it closed the connection without answering CONNECT" if not head else
                      "its answer to CONNECT was cut short (the connection closed in the middle of it)"
                      if len(head) <= _MAX_PROXY_HEAD else "its answer to CONNECT is too long to be one")
            raise ProxyFailure(proxy=self.proxy.display, host=self.host, reason=reason)
        status_line = head.split(b"\r\n", 1)[0].decode("latin-1", errors="replace")
        parts = status_line.split(" ", 2)
        status = parts[1] if len(parts) > 1 else ""
        if status == "200" and head.endswith(b"\r\n\r\n"):
            return  # (anything after the head would be the server's, before our TLS hello: never)
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
            raise TlsFailure(host=self.host, reason=tls_reason(exc)) from None
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
        dns_ms = ms_since(start)
        mark = time.perf_counter()
        if proxy is None:
            self._refuse_forbidden(addresses)
            sock = self._connect(addresses, self.host)
        else:
            sock = self._via_proxy(self._connect, addresses, proxy.display)
        try:
            if proxy is not None and self.scheme == "https":
                self._tunnel(sock)
            connect_ms = ms_since(mark)
            tls_ms = 0.0
            if self.scheme == "https":
                mark = time.perf_counter()
                sock = self._tls(sock)
                tls_ms = ms_since(mark)
        except BaseException:  # a failed tunnel or handshake leaves no socket open
            with self.lock:
                held = self.sock
            for each in {id(s): s for s in (sock, held) if s is not None}.values():
                each.close()
            raise
        conn = http.client.HTTPConnection(self.hostname, self.port)
        conn.sock = sock
        conn.auto_open = 0  # never reconnect behind our back
        return conn, Timings(dns_ms, connect_ms, tls_ms)

