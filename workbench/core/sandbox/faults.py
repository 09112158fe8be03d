"""How the sandbox delivers what a scenario decided (scenarios.py): a written or recorded
answer, or a fault as AWS (or the network on the way) produces it.

    latency        wait, then answer (the rule's answer, or the sandbox's own)
    throttle       the API's throttling error at a rate (1 = every matching request):
                   TooManyRequestsException 429 (Pinpoint, Email, SMS v1), ThrottlingException
                   (SMS and voice v2, JSON 1.0: HTTP 400)
    server_error   the API's 5xx error (500 InternalServerErrorException / InternalServerException,
                   503 ServiceUnavailableException...)
    drop           the connection closed with no answer at all
    drip           the answer (the rule's, or the sandbox's own) sent a few bytes at a time
    clock_skew     the signature refused as expired, the Date header `seconds` off the real time
    deny           IAM's "not authorized to perform" for the request's action and resource (a
                   policy that lacks chosen actions, without switching a whole policy on)

Every answer a scenario touched carries `x-workbench-scenario: NAME/RULE (KIND)`; a send's
`--json` shows it as `scenario`.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from email.utils import formatdate

from workbench.core.sandbox.aws_errors import AwsError

SCENARIO_HEADER = "x-workbench-scenario"
KINDS = ("latency", "throttle", "server_error", "drop", "drip", "clock_skew", "deny")
MAX_SECONDS = 600.0  # the longest latency or skew a rule may ask for
DRIP_CHUNK = 16  # bytes per write of a drip


def throttling_error(api: str | None) -> AwsError:
    if api == "pinpoint-sms-voice-v2":
        return AwsError(400, "ThrottlingException", "Rate exceeded.")
    return AwsError(429, "TooManyRequestsException", "Too many requests")


def server_error(api: str | None, status: int) -> AwsError:
    if status == 503:
        return AwsError(503, "ServiceUnavailableException", "Service is unavailable. Try again later.")
    if status == 500:
        code = "InternalServerException" if api == "pinpoint-sms-voice-v2" else "InternalServerErrorException"
        return AwsError(500, code, "Internal server error")
    return AwsError(status, "InternalFailure", "The request processing has failed because of an unknown error.")


def denied_error(route) -> AwsError:
    """What the tutorial policy answers for an action it lacks, for this request's action."""
    from workbench.core.sandbox import aws_errors, policy

    if route.api is None or route.operation is None:
        return aws_errors.access_denied(policy.principal_arn(), "unknown:UnknownOperation", "*")
    return aws_errors.access_denied(policy.principal_arn(), policy.request_action(route), policy.request_resource(route))


def clock_skew_error(seconds: float) -> tuple[AwsError, float]:
    """AWS's answer to a request signed with a clock `seconds` behind its own."""
    now = time.time() + seconds
    signed = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now - seconds))
    limit = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now - 300))
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    return AwsError(403, "InvalidSignatureException",
                    f"Signature expired: {signed} is now earlier than {limit} ({stamp} - 5 min.)"), now


class _Drip:
    """The handler's output for one answer: written a chunk at a time, `rate` bytes a second
    (with the scenario header put in); then the handler writes straight again."""

    def __init__(self, handler, label: str, rate: float | None):
        self.handler, self.inner, self.label, self.rate = handler, handler.wfile, label, rate

    def write(self, data: bytes) -> int:
        self.handler.wfile = self.inner  # one answer only: the connection may carry more
        data = with_header(data, self.label)
        if not self.rate:
            self.inner.write(data)
            return len(data)
        for start in range(0, len(data), DRIP_CHUNK):
            try:
                self.inner.write(data[start:start + DRIP_CHUNK])
                self.inner.flush()
            except OSError:  # the client gave up waiting
                return len(data)
            time.sleep(DRIP_CHUNK / self.rate)
        return len(data)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def with_header(data: bytes, label: str) -> bytes:
    """An answer's bytes with the scenario header added after the status line."""
    line_end = data.find(b"\r\n")
    if line_end < 0 or not data.startswith(b"HTTP/"):
        return data
    header = f"{SCENARIO_HEADER}: {label}\r\n".encode("latin-1", "replace")
    return data[:line_end + 2] + header + data[line_end + 2:]


def pass_through(handler, label: str, rate: float | None = None) -> None:
    """Let the sandbox answer as usual, marked (and dripped at `rate` bytes a second)."""
    handler.wfile = _Drip(handler, label, rate)


def drop(handler) -> None:
    """Close the connection without a byte of answer."""
    handler.close_connection = True
    handler._status = "dropped"
    try:
        handler.connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def write_answer(handler, status: int, headers, body: bytes, label: str, *, date: float | None = None,
                 rate: float | None = None) -> None:
    """The whole answer as the front writes its own (status line, headers, body), marked as
    the scenario's; `date` sets the Date header's time, `rate` drips it."""
    handler._status = status
    reason = handler.responses.get(status, ("",))[0]
    names = {k.lower() for k, _ in headers}
    lines = [f"HTTP/1.1 {status} {reason}", f"Date: {formatdate(date if date is not None else time.time(), usegmt=True)}",
             "Server: pinpoint-workbench-sandbox"]
    lines += [f"{k}: {v}" for k, v in headers if k.lower() not in ("content-length", "date", "server", "connection",
                                                                        "transfer-encoding", SCENARIO_HEADER)]
    if "x-amzn-requestid" not in names:
        lines.append(f"x-amzn-RequestId: {os.urandom(16).hex()}")
    lines.append(f"Content-Length: {len(body)}")
    if handler.close_connection:
        lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
    data = head if handler.command == "HEAD" else head + body
    _Drip(handler, label, rate).write(data)


class RateGate:
    """Which of the matching requests a `rate` picks, evenly and repeatably: at 0.5 every
    second one, at 0.25 every fourth (so a test, and a customer's reproduction, sees the
    same sequence each time)."""

    def __init__(self, rate: float):
        self.rate = rate
        self.seen = 0
        self._lock = threading.Lock()

    def pick(self) -> bool:
        with self._lock:
            self.seen += 1
            return int(self.seen * self.rate) > int((self.seen - 1) * self.rate)
