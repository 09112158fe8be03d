"""Errors in the form AWS answers them for REST-JSON and JSON APIs.

botocore's rest-json parser reads the code from the `x-amzn-ErrorType` header and the
message from `message`/`Message`; its JSON-protocol parser reads the code from `__type`.
We send both, so either parser gets the same code and message it would from AWS.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AwsError(Exception):
    status: int
    code: str
    message: str
    extra: dict = field(default_factory=dict, compare=False)  # e.g. Reason, ResourceId, Fields

    def to_dict(self) -> dict:
        return {"status": self.status, "code": self.code, "message": self.message, **self.extra}

    def render(self, protocol: str = "rest-json") -> tuple[int, list[tuple[str, str]], bytes]:
        body: dict = {"message": self.message}
        if protocol == "json":  # SMS v2's error shapes name it Message
            body = {"__type": self.code, "Message": self.message}
        body.update({key: value for key, value in self.extra.items() if value is not None})
        data = json.dumps(body).encode("utf-8")
        content_type = "application/x-amz-json-1.0" if protocol == "json" else "application/json"
        headers = [
            ("Content-Type", content_type),
            ("x-amzn-ErrorType", self.code),
            ("x-amzn-RequestId", str(uuid.uuid4())),
            ("Content-Length", str(len(data))),
        ]
        return self.status, headers, data


def missing_token() -> AwsError:
    return AwsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token")


def unrecognized_client() -> AwsError:
    return AwsError(403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.")


def incomplete_signature(message: str) -> AwsError:
    return AwsError(400, "IncompleteSignatureException", message)


def invalid_signature(message: str) -> AwsError:
    return AwsError(403, "InvalidSignatureException", message)


def signature_mismatch(canonical_request: str, string_to_sign: str) -> AwsError:
    return invalid_signature(
        "The request signature we calculated does not match the signature you provided. "
        "Check your AWS Secret Access Key and signing method. "
        "Consult the service documentation for details.\n\n"
        f"The Canonical String for this request should have been\n'{canonical_request}'\n\n"
        f"The String-to-Sign should be\n'{string_to_sign}'\n"
    )


def access_denied(principal_arn: str, action: str, resource: str) -> AwsError:
    return AwsError(403, "AccessDeniedException",
                    f"User: {principal_arn} is not authorized to perform: {action} "
                    f"on resource: {resource}")


NOT_EMULATED_CODE = "NotImplementedBySandbox"


def not_emulated(api: str, operation: str) -> AwsError:
    return AwsError(501, NOT_EMULATED_CODE,
                    f"The local sandbox does not emulate {api} operation {operation}. It belongs "
                    "to an Amazon Pinpoint feature past its end of support (2026-10-30); send it "
                    "to AWS, which may refuse it too.")


def unknown_operation(method: str, path: str, target: str | None = None) -> AwsError:
    """No operation matches: a JSON 1.0 API answers an unknown X-Amz-Target 400, a REST
    API's front an unknown method + path 404 (render it in the matching protocol)."""
    if target is not None:
        return AwsError(400, "UnknownOperationException",
                        f"No Amazon Pinpoint API operation is named {target.partition('.')[2]!r} "
                        f"(X-Amz-Target: {target}).")
    return AwsError(404, "UnknownOperationException",
                    f"No Amazon Pinpoint API operation matches {method} {path}.")


def refused_by_http(status: int, reason: str, message: str) -> AwsError:
    """What the HTTP layer refuses before any route is known (a malformed request line, an
    HTTP version we do not speak, headers too large), named like AWS's error codes."""
    return AwsError(status, "".join(reason.title().split()) + "Exception", message)

def internal_failure(api: str | None, operation: str | None) -> AwsError:
    """The sandbox (or moto inside it) failed: the API's own 500, no Python text in it (the
    sandbox log has the traceback)."""
    code = "InternalServerException" if api == "pinpoint-sms-voice-v2" \
        else "InternalServerErrorException"
    return AwsError(500, code, f"The local sandbox failed on {operation or 'this request'}; "
                               "its log (sandbox.log) has the details.")
