"""The request's input checked against its operation's input shape, before anything serves it
(our emulation or moto): a body that is not JSON, not the shape's type, missing a required
member or outside a constraint gets the API's own 400, as AWS's front answers it."""

from __future__ import annotations

from workbench.core.sandbox import smsv2_errors
from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.sandbox.codec import (InputError, check_required, constraint_problems,
                                          operation_model, read_input, validation_message)
from workbench.core.sandbox.routing import Route


def bad_request(api: str, message: str) -> AwsError:
    """The API's own "your input is wrong" error."""
    if api == "pinpoint-sms-voice-v2":
        return smsv2_errors.validation("CANNOT_PARSE", message)
    return AwsError(400, "BadRequestException", message)


def checked_input(route: Route, body: bytes, query: str, headers) -> dict:
    """The operation's input as one dict; raises AwsError (400) when it breaks the shape."""
    try:
        params = read_input(route, body, query, headers)
    except InputError as exc:
        raise bad_request(route.api, str(exc)) from None
    shape = operation_model(route.api, route.operation).input_shape
    missing = check_required(shape, params)
    if missing:
        if route.api == "pinpoint-sms-voice-v2":
            raise smsv2_errors.missing(missing)
        raise AwsError(400, "BadRequestException",
                       "Missing required parameter: " + ", ".join(missing))
    problems = constraint_problems(shape, params)
    if problems:
        if route.api == "pinpoint-sms-voice-v2":
            raise smsv2_errors.invalid(problems, validation_message(problems))
        raise bad_request(route.api, validation_message(problems))
    return params
