"""The SMS and voice v2 errors, shaped as its model defines them (JSON 1.0: HTTP 400 with
`__type`, `Message`, and the shape's `Reason`, `ResourceType`, `ResourceId`, `Fields`)."""

from __future__ import annotations

from workbench.core.sandbox.aws_errors import AwsError


def validation(reason: str, message: str, field: str | None = None) -> AwsError:
    fields = [{"Name": field, "Message": message}] if field else None
    return AwsError(400, "ValidationException", message, {"Reason": reason, "Fields": fields})


def missing(paths: list[str]) -> AwsError:
    names = [path.removeprefix("$.") for path in paths]
    return AwsError(400, "ValidationException",
                    f"Missing required parameter{'s' if len(names) > 1 else ''}: "
                    + ", ".join(names),
                    {"Reason": "MISSING_PARAMETER",
                     "Fields": [{"Name": name, "Message": "Member must not be null"}
                                for name in names]})


def invalid(problems: list[tuple[str, str]], message: str) -> AwsError:
    """Values outside their model constraints (type, enum, length, range)."""
    return AwsError(400, "ValidationException", message,
                    {"Reason": "FIELD_VALIDATION_FAILED",
                     "Fields": [{"Name": name, "Message": text} for name, text in problems]})


def conflict(reason: str, message: str, resource_type: str | None = None,
             resource_id: str | None = None) -> AwsError:
    return AwsError(400, "ConflictException", message,
                    {"Reason": reason, "ResourceType": resource_type, "ResourceId": resource_id})


def not_found(resource_type: str, resource_id: str) -> AwsError:
    return AwsError(400, "ResourceNotFoundException",
                    f"The {resource_type} {resource_id!r} does not exist in this account.",
                    {"ResourceType": resource_type, "ResourceId": resource_id})


def quota(reason: str, message: str) -> AwsError:
    return AwsError(400, "ServiceQuotaExceededException", message, {"Reason": reason})
