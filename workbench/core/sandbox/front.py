"""Our HTTP front: verify SigV4 like AWS, route, apply the optional policy, forward to moto.

Order for each request: identify the route -> verify the signature (scope service from the
route) -> tutorial policy (if on) -> refuse an operation moto does not serve -> forward to
moto with the API's real host name (so moto picks the backend) -> relay the answer.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

from workbench.core.credentials import Credentials
from workbench.core.sandbox import aws_errors, policy
from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.credentials import SANDBOX_CREDENTIALS
from workbench.core.sandbox_identity import SANDBOX_REGION
from workbench.core.sandbox.emulation import is_emulated
from workbench.core.sandbox.routing import Route, api_spec, identify
from workbench.core.sandbox.store import SandboxStore
from workbench.core.sandbox.verify import ArrivedRequest, verify

log = logging.getLogger(__name__)

STATUS_PATH = "/_workbench/sandbox/status"  # unsigned, local: lets a client check who listens
MAX_BODY = 16 * 1024 * 1024
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
               "proxy-connection", "content-length", "host"}
_DROP_FROM_MOTO = {"connection", "keep-alive", "transfer-encoding", "content-length", "server",
                   "date"}


@dataclass
class FrontConfig:
    moto_address: tuple[str, int]
    credentials: Credentials = SANDBOX_CREDENTIALS
    region: str = SANDBOX_REGION
    tutorial_policy: bool = False
    status: Callable[[], dict] = field(default=dict)  # extra fields for STATUS_PATH
    store: "SandboxStore | None" = None  # where the sandbox keeps its state
    keep_moto: bool = False  # save moto's backends into the store after each change


class _FrontServer(ThreadingHTTPServer):
    daemon_threads = True
    config: FrontConfig


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle and delayed
    # ACKs hold every answer on a reused connection back by ~40 ms (measured).
    disable_nagle_algorithm = True
    server: _FrontServer

    def log_message(self, format, *args):  # no request log: paths may carry identifiers
        pass

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except ValueError as exc:
            self._send_error(AwsError(400, "SerializationException", str(exc)))
            return
        if body is None:
            self._send_error(AwsError(413, "RequestEntityTooLargeException",
                                      "Request is larger than the sandbox accepts (16 MB)."))
            return
        if self.command == "GET" and self.path == STATUS_PATH:
            self._send(200, [("Content-Type", "application/json")],
                       json.dumps(self._status()).encode())
            return
        config = self.server.config
        arrived = ArrivedRequest(self.command, self.path, tuple(self.headers.items()), body)
        route = identify(self.command, self.path, arrived.header("X-Amz-Target"))
        result = verify(arrived, config.credentials, region=config.region,
                        service=route.signing_name)
        if isinstance(result, AwsError):
            self._send_error(result, route)
            return
        path = self.path.split("?", 1)[0]
        if route.api is None:
            self._send_error(aws_errors.unknown_operation(self.command, path), route)
            return
        if config.tutorial_policy and route.operation:
            decision = policy.decide(route)
            if not decision.allowed:
                self._send_error(aws_errors.access_denied(policy.principal_arn(),
                                                          decision.action, decision.resource),
                                 route)
                return
        if not is_emulated(route.api, route.operation):
            self._send_error(aws_errors.not_emulated(route.api, route.operation,
                                                     self.command, path), route)
            return
        self._forward(arrived, route)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _dispatch

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
        if length > MAX_BODY:
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _forward(self, arrived: ArrivedRequest, route: Route) -> None:
        host, port = self.server.config.moto_address
        headers = {k: v for k, v in arrived.headers if k.lower() not in _HOP_BY_HOP}
        headers["Host"] = api_spec(route.api).host(self.server.config.region)
        headers["Content-Length"] = str(len(arrived.body))
        connection = http.client.HTTPConnection(host, port, timeout=60)
        try:
            connection.request(arrived.method, arrived.raw_target, body=arrived.body,
                               headers=headers)
            response = connection.getresponse()
            data = response.read()
            relayed = [(k, v) for k, v in response.getheaders()
                       if k.lower() not in _DROP_FROM_MOTO]
            status = response.status
        except OSError as exc:
            self._send_error(AwsError(502, "SandboxUnavailable",
                                      f"The local sandbox's moto server did not answer: {exc}"),
                             route)
            return
        finally:
            connection.close()
        content_type = dict((k.lower(), v) for k, v in relayed).get("content-type", "")
        if status >= 400 and "json" not in content_type and "x-amzn-errortype" not in \
                {k.lower() for k, _ in relayed}:
            # moto's HTML/plain-text pages never reach the client.
            if status == 404:
                error = aws_errors.not_emulated(route.api, route.operation, arrived.method,
                                                arrived.raw_target.split("?", 1)[0])
            else:
                first = data.decode("utf-8", "replace").strip().splitlines()[:1]
                error = AwsError(500, "InternalFailure",
                                 "The local sandbox (moto) failed on "
                                 f"{route.operation or arrived.method}: {' '.join(first)[:300]}")
            self._send_error(error, route)
            return
        config = self.server.config
        if config.keep_moto and config.store is not None and status < 400 \
                and arrived.method not in ("GET", "HEAD"):
            config.store.save_moto()
        self._send(status, _like_aws(relayed, data), data)

    def _send_error(self, error: AwsError, route: Route | None = None) -> None:
        status, headers, data = error.render(route.protocol if route else "rest-json")
        self._send(status, headers, data)

    def _send(self, status: int, headers, data: bytes) -> None:
        self.send_response(status)
        for key, value in headers:
            if key.lower() != "content-length":
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class Front:
    """The verifying front on 127.0.0.1 (port 0 = ephemeral), served from a thread."""

    def __init__(self, config: FrontConfig, host: str = "127.0.0.1", port: int = 0):
        self.config = config
        self._server = _FrontServer((host, port), _Handler)
        self._server.config = config
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="sandbox-front", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


def _like_aws(headers, data: bytes):
    """moto labels its JSON answers text/html and adds a 'status' header; AWS sends neither."""
    kept = [(k, v) for k, v in headers if k.lower() != "status"]
    content_type = next((v for k, v in kept if k.lower() == "content-type"), "")
    if "html" in content_type and data[:1] in (b"{", b"["):
        kept = [(k, v) for k, v in kept if k.lower() != "content-type"] + [("Content-Type", "application/json")]
    return kept
