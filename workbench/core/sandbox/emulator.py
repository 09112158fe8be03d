"""The sandbox's own emulation of an operation: read the input as the model defines it,
check required members, run the stateful handler (or generate a stateless answer from the
output shape), write the answer as the model defines it. Errors come back as AWS renders
them for the API's protocol."""

from __future__ import annotations

import logging

from workbench.core.sandbox.aws_errors import AwsError, internal_failure
from workbench.core.sandbox.codec import output_sample, write_output
from workbench.core.sandbox.events import EventLog
from workbench.core.sandbox.input_check import bad_request, checked_input
from workbench.core.sandbox.messaging import PinpointMessaging
from workbench.core.sandbox.routing import Route
from workbench.core.sandbox.smsv1 import SmsVoiceV1
from workbench.core.sandbox.smsv2 import SmsVoiceV2
from workbench.core.sandbox.store import SandboxStore

EMULATIONS = (SmsVoiceV2, PinpointMessaging, SmsVoiceV1)
log = logging.getLogger("sandbox.emulator")


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
            params = checked_input(route, body, query, headers)
            handler = self._handlers.get((route.api, route.operation))
            answer = handler.handle(route.operation, params) if handler \
                else output_sample(route.api, route.operation)
        except AwsError as error:
            return error.render(route.protocol)
        except (KeyError, TypeError, ValueError, AttributeError):
            # A value of the wrong type where the model says otherwise (botocore would have
            # refused it; a raw request can send anything). The details go to the log only.
            log.info("%s:%s input broke a handler", route.api, route.operation, exc_info=True)
            return bad_request(route.api, f"The request does not match the {route.operation} "
                                          "input shape.").render(route.protocol)
        except Exception:  # our bug: answered as AWS answers its own failures
            log.exception("the sandbox failed on %s:%s", route.api, route.operation)
            return internal_failure(route.api, route.operation).render(route.protocol)
        return write_output(route.api, route.operation, answer)
