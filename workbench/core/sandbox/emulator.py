"""The sandbox's own emulation of an operation: read the input as the model defines it,
check required members, run the stateful handler (or generate a stateless answer from the
output shape), write the answer as the model defines it. Errors come back as AWS renders
them for the API's protocol."""

from __future__ import annotations

import logging

from workbench.core.sandbox import smsv2_errors
from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.sandbox.codec import (InputError, check_required, constraint_problems,
                                          operation_model, output_sample, read_input,
                                          validation_message, write_output)
from workbench.core.sandbox.events import EventLog
from workbench.core.sandbox.messaging import PinpointMessaging
from workbench.core.sandbox.routing import Route
from workbench.core.sandbox.smsv1 import SmsVoiceV1
from workbench.core.sandbox.smsv2 import SmsVoiceV2
from workbench.core.sandbox.store import SandboxStore

EMULATIONS = (SmsVoiceV2, PinpointMessaging, SmsVoiceV1)
log = logging.getLogger("sandbox.emulator")


def bad_request(api: str, message: str) -> AwsError:
    """The API's own "your input is wrong" error."""
    if api == "pinpoint-sms-voice-v2":
        return smsv2_errors.validation("CANNOT_PARSE", message)
    return AwsError(400, "BadRequestException", message)


class Emulator:
    def __init__(self, store: SandboxStore, events: EventLog):
        smsv2 = SmsVoiceV2(store, events)
        self._handlers = {}
        for emulation in (smsv2, PinpointMessaging(store, events, smsv2),
                          SmsVoiceV1(store, events, smsv2)):
            for operation in emulation.operations():
                self._handlers[(emulation.API, operation)] = emulation

    def answer(self, route: Route, body: bytes, query: str, headers) -> tuple[int, list, bytes]:
        try:
            params = read_input(route, body, query, headers)
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
            handler = self._handlers.get((route.api, route.operation))
            answer = handler.handle(route.operation, params) if handler \
                else output_sample(route.api, route.operation)
        except InputError as exc:
            return bad_request(route.api, str(exc)).render(route.protocol)
        except AwsError as error:
            return error.render(route.protocol)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # A value of the wrong type where the model says otherwise (botocore would have
            # refused it; a raw request can send anything).
            return bad_request(route.api, f"The request does not match the {route.operation} "
                                          f"input shape ({type(exc).__name__}: {exc}).") \
                .render(route.protocol)
        except Exception as exc:  # our bug: answered as AWS answers its own failures
            log.exception("the sandbox failed on %s:%s", route.api, route.operation)
            code = "InternalServerException" if route.api == "pinpoint-sms-voice-v2" \
                else "InternalServerErrorException"
            return AwsError(500, code, f"The local sandbox failed on {route.operation}: "
                                       f"{type(exc).__name__}").render(route.protocol)
        return write_output(route.api, route.operation, answer)
