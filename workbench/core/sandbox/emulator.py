"""The sandbox's own emulation of an operation: read the input as the model defines it,
check required members, run the stateful handler (or, for an operation with none, the
ledger: the model's answer about what the sandbox knows, never an invented thing), write
the answer as the model defines it. Errors come back as AWS renders them for the API's
protocol."""

from __future__ import annotations

import logging

from workbench.core.sandbox.aws_errors import AwsError, internal_failure
from workbench.core.sandbox.codec import write_output
from workbench.core.sandbox.events import EventLog
from workbench.core.sandbox.input_check import bad_request, checked_input
from workbench.core.sandbox.ledger import Ledger
from workbench.core.sandbox.messaging import PinpointMessaging
from workbench.core.sandbox.routing import Route
from workbench.core.sandbox.smsv1 import SmsVoiceV1
from workbench.core.sandbox.smsv2 import SmsVoiceV2
from workbench.core.sandbox.store import SandboxStore

EMULATIONS = (SmsVoiceV2, PinpointMessaging, SmsVoiceV1)
log = logging.getLogger("sandbox.emulator")
# Members of the ledger's operations that name what the stateful emulation or moto keeps.
STATEFUL_MEMBERS = {"ApplicationId", "ResourceArn", "ResourceId", "MessageId", "ProtectConfigurationId", "PoolId",
                    "PhoneNumberId", "OriginationIdentity"}


class Emulator:
    def __init__(self, store: SandboxStore, events: EventLog):
        smsv2 = SmsVoiceV2(store, events)
        self._smsv2, self._events = smsv2, events
        self.ledger = Ledger(store, self._known, STATEFUL_MEMBERS)
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
                else self.ledger.answer(route.api, route.operation, params)
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

    def _known(self, api: str, member: str, value: str) -> bool:
        """Whether what `member` names is kept by the stateful emulation, moto or the ledger."""
        if member == "ResourceArn":
            return self.ledger.knows_arn(api, value) or (api == self._smsv2.API and value in self._smsv2._known_arns()) \
                or (api == "pinpoint" and value in _moto_app_ids(arns=True))
        if api == "pinpoint":
            return member == "ApplicationId" and value in _moto_app_ids()
        if api != self._smsv2.API:
            return False
        if member == "MessageId":
            from workbench.core.sandbox.events import read_events

            return any(record.get("messageId") == value or record.get("event", {}).get("messageId") == value
                       for record in read_events(self._events.path))
        return any(value in (r.get(member), r.get(f"{_kind(member)}Id"), r.get(f"{_kind(member)}Arn"))
                   if member not in ("ResourceId", "OriginationIdentity") else value in r.values()
                   for collection in ("phone_numbers", "pools", "sender_ids", "protect", "opt_out_lists",
                                      "configuration_sets", "verified")
                   for r in self._smsv2.state[collection].values())


def _kind(member: str) -> str:
    return member[:-2] if member.endswith("Id") else member


def _moto_app_ids(arns: bool = False) -> set[str]:
    from moto.pinpoint.models import pinpoint_backends

    from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION

    apps = pinpoint_backends[SANDBOX_ACCOUNT_ID][SANDBOX_REGION].apps
    return {app.arn for app in apps.values()} if arns else set(apps)
