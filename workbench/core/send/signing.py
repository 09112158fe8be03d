"""SigV4 signing through botocore's signer, plus a redacted inspection record.

`sign()` builds a `botocore.awsrequest.AWSRequest` from an `HttpRequest` and walks the steps
`botocore.auth.SigV4Auth` exposes, one by one, in the order `SigV4Auth.add_auth` runs them:

    _modify_request_before_signing   (X-Amz-Date, X-Amz-Security-Token, Authorization removed)
    canonical_request                -> captured
    string_to_sign                   -> captured
    signature                        -> used once, never stored
    _inject_signature_to_request     (Authorization header)

Nothing here reimplements SigV4: every value comes from botocore. We do not call
`add_auth` itself for two reasons: it reads the clock from a module global (tests and the
"skewed clock" diagnosis need an explicit timestamp, and patching a global is not
thread-safe), and it DEBUG-logs the canonical request and the signature. A test signs the
same request both ways (clock pinned for `add_auth`) and requires identical results, so a
botocore upgrade that changes the flow is caught.

Logging: importing this module pins the `botocore.auth` logger to INFO and adds a filter
that drops its DEBUG records, so even a root logger at DEBUG (or `boto3.set_stream_logger`)
never gets botocore's "Signature:" lines into a handler.

The `SignedRequest.request` is exactly what the transport sends: the Host header is set
explicitly (the value botocore signs, derived from the URL) and nothing is touched after
signing. The transport adds only framing (`Content-Length` for a body), which SigV4 does
not require to be signed.

A query pasted as text (a raw request) may be spelled otherwise than SigV4's canonical form
(`identity/identity@example.com`, `+` for a space): it is sent exactly as written, and
signed in the form AWS reads it (each name and value decoded and encoded again,
request.sigv4_canonical), the two being equivalent; the inspection record says so.

The `InspectionRecord` never holds the secret key, the session token or the signature:
the Authorization header shows `Signature=<redacted>`, the X-Amz-Security-Token header and
its line in the canonical request show `<redacted>`. Because of that redaction, the SHA-256
in the string to sign is the hash of the real canonical request, not of the one displayed
when a session token is in use (`to_text()` says so).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import NamedTuple
from urllib.parse import quote, urlsplit

from botocore.auth import SIGV4_TIMESTAMP, SigV4Auth
from botocore.awsrequest import AWSRequest

from workbench.core.environments.credentials import Credentials
from workbench.core.common.errors import WorkbenchError
from workbench.core.request.http import HttpRequest, check_method, wire_url
from workbench.core.request.sigv4_canonical import normalised_query, query_differs


class _SigningKeys(NamedTuple):
    """What SigV4Auth reads of its credentials (botocore's ReadOnlyCredentials' fields),
    without importing botocore.credentials: its import (uuid, platform...) was a sixth of
    the command line's start-up, and a send signs with keys already resolved."""

    access_key: str
    secret_key: str
    token: str | None


REDACTED = "<redacted>"

# --------------------------------------------------------------------------- logging


class _DropDebug(logging.Filter):
    """Drops DEBUG records: botocore.auth logs the canonical request and signature there."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


def _silence_botocore_auth_debug() -> None:
    auth_logger = logging.getLogger("botocore.auth")
    if auth_logger.level == logging.NOTSET or auth_logger.level < logging.INFO:
        auth_logger.setLevel(logging.INFO)
    if not any(isinstance(f, _DropDebug) for f in auth_logger.filters):
        auth_logger.addFilter(_DropDebug())


_silence_botocore_auth_debug()


# --------------------------------------------------------------------------- errors


class SigningError(WorkbenchError):
    fmt = "Cannot sign the request: {reason}"


# --------------------------------------------------------------------------- redaction

_SIGNATURE_RE = re.compile(r"(Signature=)[^,\s]+", re.IGNORECASE)
_SECRET_HEADERS = frozenset({"x-amz-security-token"})
_SECRET_QUERY_RE = re.compile(r"((?:^|[?&])X-Amz-(?:Signature|Security-Token|Credential-Secret)=)[^&#]*", re.IGNORECASE)


def redact_header_value(name: str, value: str) -> str:
    """The value of one header as it may be shown, logged or saved."""
    lowered = name.lower()
    if lowered in _SECRET_HEADERS:
        return REDACTED
    if lowered == "authorization":
        return _SIGNATURE_RE.sub(lambda m: m.group(1) + REDACTED, value)
    return value


def redact_headers(headers) -> tuple[tuple[str, str], ...]:
    """Headers (pairs or a mapping) with the Authorization signature and session token redacted."""
    items = headers.items() if hasattr(headers, "items") else headers
    return tuple((str(k), redact_header_value(str(k), str(v))) for k, v in items)


def redact_url(url: str) -> str:
    """A URL with presigned-query secrets (X-Amz-Signature, X-Amz-Security-Token) redacted."""
    return _SECRET_QUERY_RE.sub(lambda m: m.group(1) + REDACTED, url)


def _scrub(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def _secret_forms(credentials: Credentials, signature: str) -> tuple[str, ...]:
    forms: list[str] = [signature, credentials.secret_access_key]
    if credentials.session_token:
        token = credentials.session_token
        forms += [token, quote(token, safe=""), quote(quote(token, safe=""), safe="")]
    # Longest first so that a secret containing another is replaced whole.
    return tuple(sorted({f for f in forms if f}, key=len, reverse=True))


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class InspectionRecord:
    """What was signed and how, safe to show, log, save and export (no secrets)."""

    method: str
    url: str
    canonical_request: str
    string_to_sign: str
    credential_scope: str
    signed_headers: tuple[str, ...]
    payload_hash: str
    access_key_id: str
    region: str
    signing_name: str
    timestamp: str  # the X-Amz-Date value, e.g. 20260102T030405Z
    signature_redacted: str
    headers: tuple[tuple[str, str], ...]  # as sent, redacted
    body_size: int = 0
    session_token_used: bool = False
    notes: tuple[str, ...] = ()  # how what was signed differs from what was sent

    def __post_init__(self):
        object.__setattr__(self, "notes", tuple(self.notes or ()))  # a list from a history entry

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "url": self.url,
            "canonical_request": self.canonical_request,
            "string_to_sign": self.string_to_sign,
            "credential_scope": self.credential_scope,
            "signed_headers": list(self.signed_headers),
            "payload_hash": self.payload_hash,
            "access_key_id": self.access_key_id,
            "region": self.region,
            "signing_name": self.signing_name,
            "timestamp": self.timestamp,
            "signature": self.signature_redacted,
            "headers": [[k, v] for k, v in self.headers],
            "body_size": self.body_size,
            "session_token_used": self.session_token_used,
            **({"notes": list(self.notes)} if self.notes else {}),
        }

    def to_text(self, body: str | None = None) -> str:
        """The `--inspect` output: one titled section per signing step; `body` is the body
        as it should be shown (body_preview), else only its size is."""
        from urllib.parse import urlsplit

        parts = urlsplit(self.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        sent = [f"{self.method} {target} HTTP/1.1"]
        sent += [f"{k}: {v}" for k, v in self.headers]
        sections = [
            ("Canonical request", self.canonical_request),
            ("String to sign", self.string_to_sign),
            ("Credential scope", self.credential_scope),
            ("Signed headers", ";".join(self.signed_headers)),
            ("Payload hash", self.payload_hash),
            ("Request as sent", "\n".join(sent) + "\n\n" + (body or f"[body: {self.body_size} bytes]")),
        ]
        out = []
        for title, content in sections:
            out.append(f"== {title} ==\n{content}\n")
        out += [f"Note: {note}\n" for note in self.notes]
        if self.session_token_used:
            out.append(
                "Note: the session token is shown as <redacted>; the hash in the string to sign "
                "is computed over the real canonical request.\n"
            )
        return "\n".join(out)


@dataclass(frozen=True)
class SignedRequest:
    """The request exactly as it will be sent, and how it was signed."""

    request: HttpRequest = field(repr=False)  # holds the signature and token: not in repr
    inspection: InspectionRecord

    def __repr__(self) -> str:
        return (
            f"SignedRequest(method={self.inspection.method!r}, url={self.inspection.url!r}, "
            f"headers={self.inspection.headers!r})"
        )


# --------------------------------------------------------------------------- signing


def amz_date(timestamp: datetime | None) -> str:
    """X-Amz-Date for `timestamp` (naive = UTC) or for now."""
    if timestamp is None:
        timestamp = datetime.now(timezone.utc)
    elif timestamp.tzinfo is not None:
        timestamp = timestamp.astimezone(timezone.utc)
    return timestamp.strftime(SIGV4_TIMESTAMP)


def _has_header(aws: AWSRequest, name: str) -> bool:
    return name in aws.headers  # botocore's HTTPHeaders: case-insensitive


def sign(
    request: HttpRequest,
    credentials: Credentials,
    *,
    region: str,
    signing_name: str,
    timestamp: datetime | None = None,
) -> SignedRequest:
    """Sign `request` with SigV4 (botocore's signer) for `signing_name` in `region`.

    `timestamp` pins the signing clock (naive datetimes are UTC); default: now.
    """
    if not region:
        raise SigningError(reason="no region is set")
    if not signing_name:
        raise SigningError(reason="no signing name (service) is set")
    if credentials is None or not credentials.access_key_id or not credentials.secret_access_key:
        raise SigningError(reason="no credentials (access key id and secret access key) are set")
    if not isinstance(request.body, (bytes, bytearray)):
        raise SigningError(reason="the body must be bytes")
    check_method(request.method)  # a space or CR/LF in the method never reaches a request line
    request = replace(request, url=wire_url(request.url))  # sign exactly what will be sent
    try:
        urlsplit(request.url).port  # botocore would fail on these with a bare ValueError
    except ValueError as exc:
        raise SigningError(reason=f"{request.url!r} is not a valid URL ({exc})") from None

    base, question, query = request.url.partition("#")[0].partition("?")  # a fragment is never sent
    notes = ()
    signed_url = request.url
    if question and query_differs(query):
        signed_url = f"{base}?{normalised_query(query)}"
        notes = (f"the query is sent as written (?{query}) and signed as AWS reads it "
                 f"(?{normalised_query(query)}): the same names and values, spelled canonically",)
    aws = AWSRequest(method=request.method.upper(), url=signed_url, data=bytes(request.body))
    for name, value in request.headers:
        aws.headers[name] = value  # HTTPHeaders appends: repeated headers are kept

    signer = SigV4Auth(
        _SigningKeys(credentials.access_key_id, credentials.secret_access_key, credentials.session_token),
        signing_name,
        region,
    )

    # Send the Host botocore signs (derived from the URL: lowercase, default port dropped),
    # so the transport never computes its own.
    if not _has_header(aws, "Host"):
        aws.headers["Host"] = signer.headers_to_sign(aws)["host"]

    # The steps of SigV4Auth.add_auth, minus its clock and its DEBUG logging.
    aws.context["timestamp"] = amz_date(timestamp)
    signer._modify_request_before_signing(aws)
    canonical_request = signer.canonical_request(aws)
    signed_headers = tuple(signer.signed_headers(signer.headers_to_sign(aws)).split(";"))
    string_to_sign = signer.string_to_sign(aws, canonical_request)
    signature = signer.signature(string_to_sign, aws)
    signer._inject_signature_to_request(aws, signature)

    payload_hash = canonical_request.rsplit("\n", 1)[-1]
    sent_headers = tuple((str(k), str(v)) for k, v in aws.headers.items())
    sent = HttpRequest(
        method=aws.method, url=request.url, headers=sent_headers, body=bytes(request.body)
    )

    secrets = _secret_forms(credentials, signature)
    record = InspectionRecord(
        method=aws.method,
        url=_scrub(redact_url(request.url), secrets),
        canonical_request=_scrub(canonical_request, secrets),
        string_to_sign=string_to_sign,
        credential_scope=signer.credential_scope(aws),
        signed_headers=signed_headers,
        payload_hash=payload_hash,
        access_key_id=credentials.access_key_id,
        region=region,
        signing_name=signing_name,
        timestamp=aws.context["timestamp"],
        signature_redacted=REDACTED,
        headers=tuple((k, _scrub(v, secrets)) for k, v in redact_headers(sent_headers)),
        body_size=len(request.body),
        session_token_used=bool(credentials.session_token),
        notes=tuple(_scrub(redact_url(note), secrets) for note in notes),
    )
    return SignedRequest(request=sent, inspection=record)


def unsigned_request(request: HttpRequest) -> SignedRequest:
    """`request` as it goes out without a signature (Postman's noauth): the Host header set
    from the URL as for a signed one, an inspection record that says nothing was signed."""
    check_method(request.method)
    request = replace(request, url=wire_url(request.url))
    parts = urlsplit(request.url)
    host = parts.hostname or ""
    if parts.port and parts.port != {"http": 80, "https": 443}.get(parts.scheme):
        host = f"{host}:{parts.port}"
    headers = tuple(request.headers)
    if not any(k.lower() == "host" for k, _ in headers):
        headers = (("Host", host),) + headers
    sent = replace(request, headers=headers)
    record = InspectionRecord(
        method=request.method.upper(), url=redact_url(request.url), canonical_request="", string_to_sign="",
        credential_scope="", signed_headers=(), payload_hash="", access_key_id="", region="", signing_name="",
        timestamp="", signature_redacted="", headers=redact_headers(headers), body_size=len(request.body),
        notes=("sent unsigned (Postman's noauth): no credentials, no signature",),
    )
    return SignedRequest(request=sent, inspection=record)
