"""Our HTTP front: verify SigV4 like AWS, route, apply the optional policy, then answer.

Order for each request: identify the route -> verify the signature (scope service from the
route; the sandbox identity, or the guide's PostmanUser) -> tutorial policy (if on, and always
for PostmanUser) -> serve it: moto for what moto serves (with the API's real
host name, so moto picks the backend; answers put right where they break the model), our
emulation for the rest (emulator.py), 501 for what is past its end of support.

Connections (front_connections): a real listen backlog, and one thread that accepts and
reads every request until it is whole before a worker takes it, so slow clients -- hundreds
holding connections, or dripping their headers -- never keep a signed request from being
answered; a request that does not complete within REQUEST_TIMEOUT is answered 408, an idle
keep-alive connection closes after IDLE_TIMEOUT. A body over MAX_BODY is answered 413 from
its Content-Length, before it is read (and drained, so the client reads the answer rather
than a reset). Each answer goes out in one write on a TCP_NODELAY socket: pooled SDK
clients see no Nagle / delayed-ACK stalls.
"""

from __future__ import annotations

import io
import json
import logging
import os
import socket
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import Callable

from workbench.core.environments.credentials import SANDBOX_CREDENTIALS, Credentials
from workbench.core.sandbox import aws_errors, codec, list_pages, policy, scenarios
from workbench.core.sandbox.aws_errors import AwsError, internal_failure
from workbench.core.sandbox.emulation import serving
from workbench.core.sandbox.front_connections import ConnectionLoop
from workbench.core.sandbox.input_check import checked_input
from workbench.core.sandbox.routing import Route, api_spec, identify
from workbench.core.sandbox.statefile import STATUS_PATH
from workbench.core.sandbox.verify import ArrivedRequest, verify
from workbench.core.environments.sandbox_identity import (SANDBOX_REGION, SANDBOX_USER_NAME, TUTORIAL_USER_ACCESS_KEY_ID,
                                                          TUTORIAL_USER_NAME, TUTORIAL_USER_SECRET_ACCESS_KEY)

log = logging.getLogger("sandbox.front")

MAX_BODY = 16 * 1024 * 1024
BACKLOG = 1024
WORKERS = 64  # requests served at once (whole ones: slow clients wait in the connection loop, not here)
IDLE_TIMEOUT = 30.0  # a kept-alive connection with no request closes after this
REQUEST_TIMEOUT = 15.0  # a request must arrive whole within this of its first byte (else 408)
WRITE_TIMEOUT = 30.0  # a client that does not read its answer lets go of the worker after this
DRAIN_LIMIT = 64 * 1024 * 1024  # how much of a refused body we read away before closing
DRAIN_SECONDS = 5.0
ADVANCE_CLOCK_HEADER = "X-Sandbox-Advance-Clock"
TUTORIAL_USER = Credentials(TUTORIAL_USER_ACCESS_KEY_ID, TUTORIAL_USER_SECRET_ACCESS_KEY, source="sandbox")
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
               "proxy-connection", "content-length", "host"}
_DROP_FROM_MOTO = {"connection", "keep-alive", "transfer-encoding", "content-length", "server",
                   "date"}


@dataclass
class FrontConfig:
    moto_call: Callable  # (method, target, headers, body) -> (status, headers, body)
    credentials: Credentials = SANDBOX_CREDENTIALS
    region: str = SANDBOX_REGION
    tutorial_policy: bool = False
    status: Callable[[], dict] = field(default=dict)  # extra fields for STATUS_PATH
    store: object = None  # store.SandboxStore: where the sandbox keeps its state
    keep_moto: bool = False  # save moto's backends into the store after each change
    emulator: object = None  # emulator.Emulator: the operations moto does not serve


@dataclass(frozen=True)
class _Request:
    """What a handler is given as its `server`: the front's config and the request's bytes."""

    config: FrontConfig
    data: bytes


class _Handler(BaseHTTPRequestHandler):
    """One whole request (read by the connection loop), answered on its socket."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = WRITE_TIMEOUT
    server: _Request

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self.rfile = io.BytesIO(self.server.data)

    def handle(self) -> None:
        self.close_connection = True
        self.handle_one_request()  # the loop brings the connection back for the next one

    def handle_expect_100(self) -> bool:
        return True  # the connection loop said "100 Continue" while the body came

    def log_message(self, format, *args):  # no request lines with paths: they carry ids
        pass

    def _dispatch(self) -> None:
        started = time.perf_counter()
        route = None
        try:
            route = self._serve()
        finally:
            log.info("%s %s %s %.1f ms", self.command,
                     f"{route.api}:{route.operation}" if route and route.api else "-",
                     getattr(self, "_status", "-"), (time.perf_counter() - started) * 1000)

    def _serve(self) -> Route | None:
        try:
            body = self._read_body()
        except ValueError as exc:
            self._send_error(AwsError(400, "SerializationException", str(exc)))
            return None
        if body is None:
            self._refuse_too_large()
            return None
        if self.command == "GET" and self.path == STATUS_PATH:
            self._send(200, [("Content-Type", "application/json")],
                       json.dumps(self._status()).encode())
            return None
        config = self.server.config
        arrived = ArrivedRequest(self.command, self.path, tuple(self.headers.items()), body)
        route = identify(self.command, self.path, arrived.header("X-Amz-Target"))
        tutorial_user = TUTORIAL_USER.access_key_id in (arrived.header("Authorization") or "")
        result = verify(arrived, TUTORIAL_USER if tutorial_user else config.credentials,
                        region=config.region, service=route.signing_name)
        if isinstance(result, AwsError):
            self._send_error(result, route)
            return route
        if scenarios.intercept(self, config, arrived, route):  # a loaded scenario answered (scenarios.py)
            return route
        path, _, query = self.path.partition("?")
        if route.operation is None:
            target = arrived.header("X-Amz-Target")
            error = aws_errors.unknown_operation(self.command, path, target)
            self._send(*error.render("json" if target is not None else "rest-json"))
            return route
        if (config.tutorial_policy or tutorial_user) and route.operation:
            decision = policy.decide(route)
            if not decision.allowed:
                user = TUTORIAL_USER_NAME if tutorial_user else SANDBOX_USER_NAME
                self._send_error(aws_errors.access_denied(policy.principal_arn(user=user),
                                                          decision.action, decision.resource),
                                 route)
                return route
        self._advance_clock(arrived)
        mode = serving(route.api, route.operation)
        if mode == "moto":
            try:  # moto trusts its input: what breaks the shape never reaches it
                checked_input(route, body, query, arrived.headers)
            except AwsError as error:
                self._send_error(error, route)
                return route
            self._forward(arrived, route)
        elif mode == "refused" or config.emulator is None:
            self._send_error(aws_errors.not_emulated(route.api, route.operation), route)
        else:
            self._send(*config.emulator.answer(route, body, query, arrived.headers))
        return route

    def _advance_clock(self, arrived: ArrivedRequest) -> None:
        """`X-Sandbox-Advance-Clock: SECONDS` (0 to a day) moves the sandbox's clock ahead before
        it answers, as if the request came that much later: a lesson lets a one-time password
        expire without waiting. Signatures are still checked against the real clock."""
        value = arrived.header(ADVANCE_CLOCK_HEADER)
        store = self.server.config.store
        if value and store is not None:
            try:
                seconds = float(value)
            except ValueError:
                return
            if 0 < seconds <= 86400:
                store.clock_offset += seconds

    def __getattr__(self, name: str):
        """Every method is dispatched (http.server looks up do_METHOD): one no operation has,
        FOO or PATCH, gets AWS's unknown-operation answer rather than http.server's 501 page."""
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        """http.server's own refusals (a request line it cannot read, an HTTP version it does
        not speak, too many headers) as AWS-shaped JSON, not its HTML page."""
        self.close_connection = True
        reason = self.responses.get(code, ("Error",))[0]
        self._send_error(aws_errors.refused_by_http(code, reason, message or reason))

    def _status(self) -> dict:
        config = self.server.config
        data = {"service": "pinpoint-workbench-sandbox", "pid": os.getpid(),
                "tutorial_policy": config.tutorial_policy}
        data.update(config.status())
        return data

    def _read_body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks, total = [], 0
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY:
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise ValueError("Content-Length is not a number") from None
        if length < 0:
            raise ValueError("Content-Length is negative")
        if length > MAX_BODY:
            return None
        if not length:
            return b""
        return self.rfile.read(length)

    def _refuse_too_large(self) -> None:
        """413 before the body is read; then read it away (bounded) so the client, still
        sending, gets our answer instead of a connection reset."""
        self.close_connection = True
        error = AwsError(413, "PayloadTooLargeException",
                         f"Request is larger than the sandbox accepts ({MAX_BODY // 2**20} MB).")
        status, headers, data = error.render()
        self._send(status, headers + [("Connection", "close")], data)
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(1.0)
            deadline, drained = time.monotonic() + DRAIN_SECONDS, 0
            while drained < DRAIN_LIMIT and time.monotonic() < deadline:
                chunk = self.connection.recv(65536)  # the body the loop did not read
                if not chunk:
                    break
                drained += len(chunk)
        except OSError:
            pass

    def _forward(self, arrived: ArrivedRequest, route: Route) -> None:
        headers = {k: v for k, v in arrived.headers if k.lower() not in _HOP_BY_HOP}
        headers["Host"] = api_spec(route.api).host(self.server.config.region)
        headers["Content-Length"] = str(len(arrived.body))
        config = self.server.config
        saving = config.keep_moto and config.store is not None \
            and arrived.method not in ("GET", "HEAD")
        try:
            if saving:  # one change at a time, saved before the next one starts
                with config.store.lock:
                    status, relayed, data = config.moto_call(
                        arrived.method, arrived.raw_target, headers, arrived.body)
                    if status < 400:
                        config.store.save_moto()
            else:
                status, relayed, data = config.moto_call(
                    arrived.method, arrived.raw_target, headers, arrived.body)
            relayed = [(k, v) for k, v in relayed if k.lower() not in _DROP_FROM_MOTO]
        except Exception:  # moto runs in this process: its failure is an answer (no Python text)
            log.exception("moto failed on %s", route.operation)
            self._send_error(internal_failure(route.api, route.operation), route)
            return
        content_type = dict((k.lower(), v) for k, v in relayed).get("content-type", "")
        if status >= 400 and "json" not in content_type and "x-amzn-errortype" not in \
                {k.lower() for k, _ in relayed}:
            # moto's HTML/plain-text pages never reach the client.
            if status == 404:
                error = aws_errors.not_emulated(route.api, route.operation)
            else:
                log.error("moto answered %s on %s: %s", status, route.operation,
                          data.decode("utf-8", "replace")[:2000])
                error = internal_failure(route.api, route.operation)
            self._send_error(error, route)
            return
        if status < 400:
            data = codec.normalise(route.api, route.operation, data)
            try:  # moto answers lists whole: one page at a time, as AWS answers them
                data = list_pages.page(route.api, route.operation, arrived.raw_target, data)
            except AwsError as error:
                self._send_error(error, route)
                return
        self._send(status, _like_aws(relayed, data), data)

    def _send_error(self, error: AwsError, route: Route | None = None) -> None:
        self._send(*error.render(route.protocol if route else "rest-json"))

    def _send(self, status: int, headers, data: bytes) -> None:
        """The whole answer in one write (status line, headers, body)."""
        self._status = status
        reason = self.responses.get(status, ("",))[0]
        lines = [f"HTTP/1.1 {status} {reason}", f"Date: {formatdate(usegmt=True)}",
                 "Server: pinpoint-workbench-sandbox"]
        names = set()
        for key, value in headers:
            if key.lower() == "content-length":
                continue
            names.add(key.lower())
            lines.append(f"{key}: {value}")
        if "x-amzn-requestid" not in names and status < 400:
            lines.append(f"x-amzn-RequestId: {os.urandom(16).hex()}")
        lines.append(f"Content-Length: {len(data)}")
        if self.close_connection and "connection" not in names:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        self.wfile.write(head if self.command == "HEAD" else head + data)


class Front:
    """The verifying front on 127.0.0.1 (port 0 = ephemeral), served from a thread."""

    def __init__(self, config: FrontConfig, host: str = "127.0.0.1", port: int = 0):
        self.config = config
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self._listener.bind((host, port))
            self._listener.listen(BACKLOG)
        except OSError:
            self._listener.close()
            raise
        self._loop = ConnectionLoop(self._listener, self._serve, _timed_out, workers=WORKERS, max_body=MAX_BODY,
                                    idle_timeout=IDLE_TIMEOUT, request_timeout=REQUEST_TIMEOUT)

    @property
    def port(self) -> int:
        return self._listener.getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._loop.start()

    def stop(self) -> None:
        self._loop.stop()
        self._listener.close()

    def _serve(self, sock: socket.socket, address, data: bytes) -> bool:
        """Answer one whole request; whether the connection stays open for the next."""
        handler = _Handler(sock, address, _Request(self.config, data))
        return not handler.close_connection


def _timed_out() -> bytes:
    """The 408 for a request that did not arrive whole in time (then the connection closes)."""
    error = aws_errors.refused_by_http(408, "Request Timeout",
                                       f"The request did not arrive whole within {REQUEST_TIMEOUT:g} s.")
    status, headers, data = error.render("rest-json")
    lines = [f"HTTP/1.1 {status} Request Timeout", "Server: pinpoint-workbench-sandbox", *(f"{k}: {v}" for k, v in headers),
             f"Content-Length: {len(data)}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace") + data


def _like_aws(headers, data: bytes):
    """moto labels its JSON answers text/html and adds a 'status' header; AWS sends neither."""
    kept = [(k, v) for k, v in headers if k.lower() != "status"]
    content_type = next((v for k, v in kept if k.lower() == "content-type"), "")
    if "html" in content_type and data[:1] in (b"{", b"["):
        kept = [(k, v) for k, v in kept if k.lower() != "content-type"] + \
               [("Content-Type", "application/json")]
    return kept
