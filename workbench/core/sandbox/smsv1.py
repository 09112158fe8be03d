"""`pinpoint-sms-voice` (v1), stateful: configuration sets, their event destinations, and
SendVoiceMessage under the SMS and voice v2 rules (its errors said the v1 way: REST-JSON,
BadRequestException 400, NotFoundException 404, AlreadyExistsException 409)."""

from __future__ import annotations

import time
import uuid

from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.sandbox.emulation_base import StatefulEmulation
from workbench.core.sandbox.events import EventLog, now_ms
from workbench.core.sandbox.smsv2 import SmsVoiceV2
from workbench.core.sandbox.store import SandboxStore

MAX_EVENT_DESTINATIONS = 5
_V1_VOICE_EVENTS = (("INITIATED_CALL", False), ("RINGING", False), ("ANSWERED", False),
                    ("COMPLETED_CALL", True))


def _error(status: int, code: str, message: str) -> AwsError:
    return AwsError(status, code, message, {"Message": message})


class SmsVoiceV1(StatefulEmulation):
    API = "pinpoint-sms-voice"
    STATE_KEY = "smsv1"
    READS = ("Get", "List")

    def __init__(self, store: SandboxStore, events: EventLog, smsv2: SmsVoiceV2):
        super().__init__(store, events)
        self.smsv2 = smsv2

    @staticmethod
    def empty_state() -> dict:
        return {"configuration_sets": {}}

    def _set(self, name: str) -> dict:
        try:
            return self.state["configuration_sets"][name]
        except KeyError:
            raise _error(404, "NotFoundException",
                         f"Configuration set {name} does not exist.") from None

    def op_CreateConfigurationSet(self, p):
        name = p.get("ConfigurationSetName")
        if not name:
            raise _error(400, "BadRequestException", "ConfigurationSetName is required.")
        if name in self.state["configuration_sets"]:
            raise _error(409, "AlreadyExistsException", f"Configuration set {name} already exists.")
        self.state["configuration_sets"][name] = {"Created": time.time(), "Destinations": {}}
        return {}

    def op_DeleteConfigurationSet(self, p):
        self._set(p["ConfigurationSetName"])
        del self.state["configuration_sets"][p["ConfigurationSetName"]]
        return {}

    def op_ListConfigurationSets(self, p):
        names = sorted(self.state["configuration_sets"])
        start = int(p.get("NextToken") or 0) if str(p.get("NextToken") or "0").isdigit() else 0
        size = int(p.get("PageSize") or 20)
        answer = {"ConfigurationSets": names[start:start + size]}
        if start + size < len(names):
            answer["NextToken"] = str(start + size)
        return answer

    def op_CreateConfigurationSetEventDestination(self, p):
        config = self._set(p["ConfigurationSetName"])
        name = p.get("EventDestinationName")
        if not name:
            raise _error(400, "BadRequestException", "EventDestinationName is required.")
        if name in config["Destinations"]:
            raise _error(409, "AlreadyExistsException", f"Event destination {name} already exists.")
        if len(config["Destinations"]) >= MAX_EVENT_DESTINATIONS:
            raise _error(412, "LimitExceededException", "A configuration set has at most "
                         f"{MAX_EVENT_DESTINATIONS} event destinations.")
        config["Destinations"][name] = {"Enabled": False, **(p.get("EventDestination") or {})}
        return {}

    def op_UpdateConfigurationSetEventDestination(self, p):
        config = self._set(p["ConfigurationSetName"])
        if p["EventDestinationName"] not in config["Destinations"]:
            raise _error(404, "NotFoundException",
                         f"Event destination {p['EventDestinationName']} does not exist.")
        config["Destinations"][p["EventDestinationName"]].update(p.get("EventDestination") or {})
        return {}

    def op_DeleteConfigurationSetEventDestination(self, p):
        config = self._set(p["ConfigurationSetName"])
        if config["Destinations"].pop(p["EventDestinationName"], None) is None:
            raise _error(404, "NotFoundException",
                         f"Event destination {p['EventDestinationName']} does not exist.")
        return {}

    def op_GetConfigurationSetEventDestinations(self, p):
        config = self._set(p["ConfigurationSetName"])
        return {"EventDestinations": [{"Name": name, **destination}
                                      for name, destination in config["Destinations"].items()]}

    def op_SendVoiceMessage(self, p):
        destination = p.get("DestinationPhoneNumber")
        origin = p.get("OriginationPhoneNumber")
        if not destination or not origin:
            raise _error(400, "BadRequestException",
                         "DestinationPhoneNumber and OriginationPhoneNumber are required.")
        config_name = p.get("ConfigurationSetName")
        config = self._set(config_name) if config_name else None
        content = p.get("Content") or {}
        text = next((part.get("Text", "") for part in content.values()
                     if isinstance(part, dict)), "")
        try:
            self.smsv2.check_send("VOICE", destination, origin, text, {})
        except AwsError as error:
            status = 404 if error.code == "ResourceNotFoundException" else 400
            code = "NotFoundException" if status == 404 else "BadRequestException"
            raise _error(status, code, error.message) from None
        message_id = str(uuid.uuid4())
        start = now_ms()
        destinations = [name for name, d in ((config or {}).get("Destinations") or {}).items()
                        if d.get("Enabled")]
        for index, (event_type, final) in enumerate(_V1_VOICE_EVENTS):
            self.events.append({"api": self.API, "configurationSetName": config_name,
                                "eventDestinations": destinations, "event": {
                                    "eventType": event_type, "eventVersion": "1.0",
                                    "eventTimestamp": start + index * 1000, "isFinal": final,
                                    "originationPhoneNumber": origin,
                                    "destinationPhoneNumber": destination,
                                    "callerId": p.get("CallerId"), "messageId": message_id,
                                    "callStatus": event_type}})
        return {"MessageId": message_id}
