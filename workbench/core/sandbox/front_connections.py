"""The front's connections: accepted and read without holding a worker.

One thread waits on every connection at once (a selector). It accepts whatever arrives,
however many workers are busy; it reads each request until it is whole (its head, and the
body its Content-Length or chunked framing declares) and only then hands it to a worker;
between requests a kept-alive connection waits here again, not in a worker. So clients
that connect and say nothing, or drip a header a byte at a time, cost a socket each, never
a worker: hundreds of them cannot keep a signed request from being answered.

A request that does not complete within `request_timeout` of its first byte is answered
408 and closed; an idle connection closes after `idle_timeout`. What a worker is handed:
`serve(sock, address, data) -> keep` (data: one whole request, or its head alone when the
body is too large to read -- the worker answers 413 and closes); `keep` sends the
connection back here for its next request.
"""

from __future__ import annotations

import logging
import re
import selectors
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

log = logging.getLogger("sandbox.front")

MAX_HEAD = 64 * 1024  # request line + headers
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_CHUNKED = re.compile(rb"^transfer-encoding[ \t]*:.*chunked", re.IGNORECASE | re.MULTILINE)
_EXPECT = re.compile(rb"^expect[ \t]*:[ \t]*100-continue", re.IGNORECASE | re.MULTILINE)
_SCAN_EVERY = 0.25  # seconds between looks for connections past their time
_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only


def request_end(data: bytes | bytearray, max_body: int) -> int | None:
    """Where the first request in `data` ends (its bytes are data[:end]), or None while it
    is incomplete. A head too long, a body over `max_body`, or framing that is not a
    number: the head alone (the worker refuses it with a proper answer)."""
    match = _HEAD_END.search(data, 0, MAX_HEAD + 4)
    if match is None:
        return len(data) if len(data) > MAX_HEAD else None
    head, body_start = bytes(data[: match.start()]), match.end()
    if _CHUNKED.search(head):
        return _chunked_end(data, body_start, max_body)
    length = _LENGTH.search(head)
    if length is None:
        return body_start
    try:
        size = int(length.group(1))
    except ValueError:
        return body_start
    if size < 0 or size > max_body:
        return body_start
    end = body_start + size
    return end if len(data) >= end else None


def _chunked_end(data, position: int, max_body: int) -> int | None:
    total = 0
    while True:
        line_end = data.find(b"\n", position)
        if line_end < 0:
            return None
        try:
            size = int(bytes(data[position:line_end]).split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return position  # not chunked framing after all: the worker says so
        total += size
        if size < 0 or total > max_body:
            return position
        position = line_end + 1
        if size == 0:  # trailers, then an empty line
            while True:
                line_end = data.find(b"\n", position)
                if line_end < 0:
                    return None
                line, position = data[position:line_end], line_end + 1
                if line in (b"", b"\r"):
                    return position
        position += size
        line_end = data.find(b"\n", position)
        if line_end < 0:
            return None
        position = line_end + 1


@dataclass(eq=False)
class _Connection:
    sock: socket.socket
    address: tuple
    buffer: bytearray = field(default_factory=bytearray)
    started: float | None = None  # when the first byte of the request being read arrived
    last: float = field(default_factory=time.monotonic)  # last activity
    continued: bool = False  # "100 Continue" sent for the request being read


class ConnectionLoop:
    def __init__(self, listener: socket.socket, serve: Callable, timed_out: Callable[[], bytes], *,
                 workers: int, max_body: int, idle_timeout: float, request_timeout: float):
        self.listener = listener
        self.serve, self.timed_out = serve, timed_out
        self.max_body, self.idle_timeout, self.request_timeout = max_body, idle_timeout, request_timeout
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sandbox-front")
        self.selector = selectors.DefaultSelector()
        self.connections: set[_Connection] = set()
        self.returned: list[tuple[_Connection, bool]] = []  # from workers, for the loop thread
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.wake_read, self.wake_write = socket.socketpair()
        self.wake_read.setblocking(False)
        self.wake_write.setblocking(False)
        self.thread: threading.Thread | None = None

    # -- lifecycle

    def start(self) -> None:
        self.listener.setblocking(False)
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self.selector.register(self.wake_read, selectors.EVENT_READ, "wake")
        self.thread = threading.Thread(target=self._run, name="sandbox-front", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._wake()
        if self.thread is not None:
            self.thread.join(timeout=5)
        with self.lock:
            open_now = list(self.connections)
        for connection in open_now:  # wakes a worker blocked writing to a client that never reads
            _close(connection.sock)
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.selector.close()
        self.wake_read.close()
        self.wake_write.close()

    # -- the loop thread

    def _run(self) -> None:
        next_scan = time.monotonic() + _SCAN_EVERY
        while not self.stopping.is_set():
            try:
                events = self.selector.select(timeout=max(0.0, next_scan - time.monotonic()))
            except OSError:  # a socket closed under us while stopping
                continue
            for key, _ in events:
                if key.data == "accept":
                    self._accept()
                elif key.data == "wake":
                    self._take_back()
                else:
                    self._read(key.data)
            if time.monotonic() >= next_scan:
                self._expire()
                next_scan = time.monotonic() + _SCAN_EVERY
        for key in list(self.selector.get_map().values()):
            if isinstance(key.data, _Connection):
                _close(key.data.sock)

    def _accept(self) -> None:
        for _ in range(64):  # a burst at a time; the selector brings us back for the rest
            try:
                sock, address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # out of descriptors: the ones we serve go on; try again later
                log.warning("accept failed: %s", exc)
                return
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection = _Connection(sock, address)
            with self.lock:
                self.connections.add(connection)
            self.selector.register(sock, selectors.EVENT_READ, connection)

    def _read(self, connection: _Connection) -> None:
        try:
            data = connection.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._drop(connection)
            return
        now = time.monotonic()
        connection.last = now
        if connection.started is None:
            connection.started = now
        connection.buffer += data
        if not self._dispatch_if_whole(connection):
            _ack_now(connection.sock)

    def _dispatch_if_whole(self, connection: _Connection) -> bool:
        end = request_end(connection.buffer, self.max_body)
        if end is None:
            self._continue_if_asked(connection)
            return False
        data = bytes(connection.buffer[:end])
        del connection.buffer[:end]
        connection.started = time.monotonic() if connection.buffer else None
        connection.continued = False
        try:
            self.selector.unregister(connection.sock)
        except (KeyError, ValueError):
            pass
        self.pool.submit(self._work, connection, data)
        return True

    def _continue_if_asked(self, connection: _Connection) -> None:
        """A client that waits for "100 Continue" before its body gets it here."""
        if connection.continued:
            return
        head = _HEAD_END.search(connection.buffer)
        if head is not None and _EXPECT.search(connection.buffer, 0, head.start()):
            connection.continued = True
            _send_quietly(connection.sock, b"HTTP/1.1 100 Continue\r\n\r\n")

    def _take_back(self) -> None:
        try:
            while self.wake_read.recv(4096):
                pass
        except (BlockingIOError, InterruptedError, OSError):
            pass
        with self.lock:
            returned, self.returned = self.returned, []
        for connection, keep in returned:
            if not keep:
                self._drop(connection, registered=False)
                continue
            connection.sock.setblocking(False)
            connection.last = time.monotonic()
            self.selector.register(connection.sock, selectors.EVENT_READ, connection)
            if connection.buffer:  # pipelined: the next request may already be here
                self._dispatch_if_whole(connection)

    def _expire(self) -> None:
        now = time.monotonic()
        for key in list(self.selector.get_map().values()):
            connection = key.data
            if not isinstance(connection, _Connection):
                continue
            if connection.started is not None and now - connection.started > self.request_timeout:
                _send_quietly(connection.sock, self.timed_out())
                self._drop(connection)
            elif connection.started is None and now - connection.last > self.idle_timeout:
                self._drop(connection)

    def _drop(self, connection: _Connection, registered: bool = True) -> None:
        if registered:
            try:
                self.selector.unregister(connection.sock)
            except (KeyError, ValueError):
                pass
        with self.lock:
            self.connections.discard(connection)
        _close(connection.sock)

    # -- worker threads

    def _work(self, connection: _Connection, data: bytes) -> None:
        keep = False
        try:
            connection.sock.setblocking(True)
            keep = bool(self.serve(connection.sock, connection.address, data))
        except Exception:
            log.exception("connection from %s failed", connection.address[0])
        finally:
            with self.lock:
                self.returned.append((connection, keep and not self.stopping.is_set()))
            self._wake()

    def _wake(self) -> None:
        try:
            self.wake_write.send(b"x")
        except OSError:
            pass


def _ack_now(sock: socket.socket) -> None:
    """Acknowledge what arrived at once: a client that wrote its headers and body in two
    writes (botocore does) holds the body back under Nagle until the headers are ACKed,
    and Linux would delay that ACK by up to 40 ms while we wait for the body."""
    if _QUICKACK is not None:
        try:
            sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        except OSError:
            pass


def _send_quietly(sock: socket.socket, data: bytes) -> None:
    try:
        sock.send(data)  # non-blocking, best effort: a few hundred bytes fit any send buffer
    except OSError:
        pass


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
