"""SigV4 verification the way AWS does it.

The canonical request is rebuilt from exactly what arrived (method, raw path and query, the
signed headers, the body) following the specification (request.sigv4_canonical: the query
decoded and encoded again, the path encoded once more, the headers trimmed), never from
the client's own spelling, so a client that signs correctly is accepted however it wrote
its URL, and the "should have been" strings of a refusal are the ones AWS would print.
The timestamp comes from X-Amz-Date. Checks run in AWS's order and fail with AWS's codes
and wording (see aws_errors). Checked against the AWS SigV4 test suite.

The payload hash is the X-Amz-Content-SHA256 header when the client sent one (as botocore,
Postman's aws4 and curl all sign it), else the body's SHA-256. Only S3 checks that header
against the body (XAmzContentSHA256Mismatch); none of the sandbox's APIs is S3. Postman
signs the hash of a GET's body and then leaves that body out (body pruning): AWS accepts
the signature, and so do we.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from workbench.core.request.http import find_header
from workbench.core.request.sigv4_canonical import canonical_headers, canonical_query, canonical_uri
from workbench.core.environments.credentials import Credentials
from workbench.core.sandbox import aws_errors
from workbench.core.sandbox.aws_errors import AwsError

ALGORITHM = "AWS4-HMAC-SHA256"
AMZ_DATE_FORMAT = "%Y%m%dT%H%M%SZ"
MAX_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class ArrivedRequest:
    """A request as received: `headers` keeps names as sent, in order."""

    method: str
    raw_target: str  # path?query as on the request line, percent-encoded
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)


@dataclass(frozen=True)
class Verified:
    access_key_id: str
    region: str
    service: str

    def to_dict(self) -> dict:
        return {"access_key_id": self.access_key_id, "region": self.region, "service": self.service}


def _parse_authorization(value: str) -> dict | AwsError:
    algorithm, _, rest = value.strip().partition(" ")
    fields: dict[str, str] = {}
    for part in rest.split(","):
        key, sep, val = part.strip().partition("=")
        if sep:
            fields[key.strip()] = val.strip()
    if algorithm != ALGORITHM and not fields:
        return aws_errors.incomplete_signature(
            f"Authorization header requires 'Credential' parameter. Authorization header "
            f"requires 'Signature' parameter. Authorization header requires 'SignedHeaders' "
            f"parameter. Authorization={algorithm}")
    missing = [f"Authorization header requires '{name}' parameter."
               for name in ("Credential", "Signature", "SignedHeaders") if name not in fields]
    if missing:
        return aws_errors.incomplete_signature(" ".join(missing) + f" Authorization={algorithm}")
    if algorithm != ALGORITHM:
        return aws_errors.incomplete_signature(
            f"Unsupported AWS 'algorithm': '{algorithm}'")
    return fields


def verify(request: ArrivedRequest, credentials: Credentials, *, region: str,
           service: str | None, now: datetime | None = None) -> Verified | AwsError:
    """Verify `request` for `credentials`; `service` None skips the service-scope check."""
    authorization = request.header("Authorization")
    if not authorization:
        return aws_errors.missing_token()
    fields = _parse_authorization(authorization)
    if isinstance(fields, AwsError):
        return fields
    scope = fields["Credential"].split("/")
    if len(scope) != 5:
        return aws_errors.incomplete_signature(
            "Credential must have exactly 5 slash-delimited elements, e.g. "
            f"keyid/date/region/service/term, got '{fields['Credential']}'")
    key_id, scope_date, scope_region, scope_service, terminator = scope
    token = request.header("X-Amz-Security-Token")
    if key_id != credentials.access_key_id or (token and token != credentials.session_token):
        return aws_errors.unrecognized_client()
    amz_date = request.header("X-Amz-Date")
    if not amz_date:
        return aws_errors.incomplete_signature(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
            "header. Authorization=" + ALGORITHM)
    try:
        signed_at = datetime.strptime(amz_date, AMZ_DATE_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return aws_errors.incomplete_signature(
            f"Date must be in ISO-8601 'basic format'. Got '{amz_date}'. "
            "See http://en.wikipedia.org/wiki/ISO_8601")
    if terminator != "aws4_request":
        return aws_errors.invalid_signature(
            f"Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'. ")
    if scope_region != region:
        return aws_errors.invalid_signature(
            f"Credential should be scoped to a valid region, not '{scope_region}'. ")
    if service is not None and scope_service != service:
        return aws_errors.invalid_signature(
            f"Credential should be scoped to correct service: '{service}'. ")
    if scope_date != amz_date[:8]:
        return aws_errors.invalid_signature(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
            f"from HTTP: '{scope_date}' != '{amz_date[:8]}', from '{amz_date}'.")
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    if signed_at < now - MAX_SKEW:
        return aws_errors.invalid_signature(
            f"Signature expired: {amz_date} is now earlier than "
            f"{(now - MAX_SKEW).strftime(AMZ_DATE_FORMAT)} ({now.strftime(AMZ_DATE_FORMAT)} - 5 min.)")
    if signed_at > now + MAX_SKEW:
        return aws_errors.invalid_signature(
            f"Signature not yet current: {amz_date} is still later than "
            f"{(now + MAX_SKEW).strftime(AMZ_DATE_FORMAT)} ({now.strftime(AMZ_DATE_FORMAT)} + 5 min.)")
    signed_names = [name for name in fields["SignedHeaders"].lower().split(";") if name]
    if "host" not in signed_names:
        return aws_errors.invalid_signature(
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
    expected = expected_signature(request, credentials, signed_names, scope_region, scope_service,
                                  amz_date)
    if not hmac.compare_digest(expected.signature, fields["Signature"]):
        return aws_errors.signature_mismatch(expected.canonical_request, expected.string_to_sign)
    return Verified(key_id, scope_region, scope_service)


@dataclass(frozen=True)
class ExpectedSignature:
    canonical_request: str
    string_to_sign: str
    signature: str


def expected_signature(request: ArrivedRequest, credentials: Credentials, signed_names,
                       region: str, service: str, amz_date: str) -> ExpectedSignature:
    """The canonical request, string to sign and signature AWS computes for `request`."""
    # http.server reads the request line as Latin-1: give the target its bytes back (UTF-8).
    target = request.raw_target.encode("latin-1", "replace").decode("utf-8", "surrogateescape")
    path, _, query = target.partition("?")
    names = sorted(dict.fromkeys(signed_names))
    payload_hash = request.header("X-Amz-Content-SHA256") or hashlib.sha256(request.body).hexdigest()
    canonical_request = "\n".join((
        request.method.upper(), canonical_uri(path, service), canonical_query(query),
        canonical_headers(request.headers, names), ";".join(names), payload_hash))
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    string_to_sign = "\n".join((ALGORITHM, amz_date, scope,
                                hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()))
    key = f"AWS4{credentials.secret_access_key}".encode("utf-8")
    for part in (amz_date[:8], region, service, "aws4_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    signature = hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return ExpectedSignature(canonical_request, string_to_sign, signature)
