"""What can go wrong in a send, one class per phase and cause: all `TransportError`s, each
message naming host[:port]. `code` (derived from the class name) is what front ends and
diagnoses match on."""

from __future__ import annotations

from workbench.core.common import cancel
from workbench.core.common.errors import WorkbenchError


class TransportError(WorkbenchError):
    """The request could not be sent or its answer not received. `host` is host[:port]."""

    fmt = "{message}"


class InvalidUrl(TransportError):
    fmt = "Cannot send to {url}: {reason}"


class InvalidRequest(TransportError):
    fmt = "Cannot send to {host}: {reason}"


class DnsFailure(TransportError):
    fmt = "Could not resolve host {host}: {reason}"


class ForbiddenAddress(TransportError):
    """A host name resolved, at connect time, to a link-local or instance metadata address:
    nothing is sent there (the same rule a literal address meets before signing). Its code
    and `reason` are those of the literal's refusal, so front ends treat both alike."""

    code = "untrusted_destination"
    fmt = "Refusing to connect to {host}: it resolves to {address}, {why}; credentials never go there"

    def __init__(self, message: str | None = None, **fields):
        fields.setdefault("reason", "forbidden_address")
        super().__init__(message, **fields)


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


class ConnectionReset(TransportError):
    """The connection broke mid-exchange: `how` is "reset" (RST) or "closed" (early FIN)."""

    fmt = "Connection {how} by {host} {when}"

    def __init__(self, message: str | None = None, **fields):
        fields.setdefault("how", "reset")
        super().__init__(message, **fields)


class ProtocolFailure(TransportError):
    fmt = "{host} did not answer with valid HTTP: {reason}"


class ResponseTooLarge(TransportError):
    """The answer would take more than a limit: `limit` names which (`max_decoded_body`,
    `max_decode_ratio` or `max_spooled_body`), `value` is its setting. The remedy
    `raise_limit:LIMIT` lets a front end say how to raise it in its own words."""

    fmt = "The answer from {host} {what}: stopped at the {limit_text} limit (nothing more was read)"

    def __init__(self, message: str | None = None, **fields):
        fields.setdefault("remedy", f"raise_limit:{fields.get('limit', '')}")
        super().__init__(message, **fields)


class Cancelled(TransportError, cancel.Cancelled):
    """`phase` is the progress phase the exchange was in (dns, connect, tls, sending,
    waiting, downloading)."""

    fmt = "Request to {host} was cancelled ({phase})"
