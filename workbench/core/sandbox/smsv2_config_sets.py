"""SMS and voice v2: configuration sets, their event destinations and defaults."""

from __future__ import annotations

from workbench.core.sandbox.smsv2_base import SmsV2Base, arn, paginate, filtered, MAX_EVENT_DESTINATIONS
from workbench.core.sandbox.smsv2_errors import conflict, not_found, quota, validation


class Smsv2ConfigurationSets(SmsV2Base):
    def _config_set(self, name: str) -> dict:
        for record in self.state["configuration_sets"].values():
            if name in (record["ConfigurationSetName"], record["ConfigurationSetArn"]):
                return record
        raise not_found("configuration-set", name)

    def op_CreateConfigurationSet(self, p):
        name = p["ConfigurationSetName"]
        if name in self.state["configuration_sets"]:
            raise conflict("RESOURCE_ALREADY_EXISTS", f"Configuration set {name} already "
                           "exists.", "configuration-set", name)
        record = {"ConfigurationSetArn": arn("configuration-set", name),
                  "ConfigurationSetName": name, "EventDestinations": [],
                  "CreatedTimestamp": self.store.now()}
        self.state["configuration_sets"][name] = record
        self._tag(record["ConfigurationSetArn"], p.get("Tags"))
        return self._with_tags(record, "ConfigurationSetArn")

    def op_DescribeConfigurationSets(self, p):
        names = p.get("ConfigurationSetNames")
        records = [self._config_set(n) for n in names] if names \
            else list(self.state["configuration_sets"].values())
        rows = [{**r, "EventDestinationName": [d["EventDestinationName"]
                                               for d in r["EventDestinations"]],
                 "MatchingEventTypes": [t for d in r["EventDestinations"]
                                        for t in d["MatchingEventTypes"]]} for r in records]
        return paginate(filtered(rows, p.get("Filters")), p, "ConfigurationSets")

    def op_DeleteConfigurationSet(self, p):
        record = self._config_set(p["ConfigurationSetName"])
        del self.state["configuration_sets"][record["ConfigurationSetName"]]
        return {**record, "DefaultMessageType": record.get("DefaultMessageType")}

    def _destination(self, config: dict, name: str) -> dict:
        for destination in config["EventDestinations"]:
            if destination["EventDestinationName"] == name:
                return destination
        raise not_found("event-destination", name)

    _DESTINATION_KINDS = ("CloudWatchLogsDestination", "KinesisFirehoseDestination",
                          "SnsDestination")

    def op_CreateEventDestination(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        if any(d["EventDestinationName"] == p["EventDestinationName"]
               for d in config["EventDestinations"]):
            raise conflict("RESOURCE_ALREADY_EXISTS", "An event destination with this name "
                           "exists.", "event-destination", p["EventDestinationName"])
        if len(config["EventDestinations"]) >= MAX_EVENT_DESTINATIONS:
            raise quota("EVENT_DESTINATIONS_PER_CONFIGURATION_SET", "A configuration set has "
                        f"at most {MAX_EVENT_DESTINATIONS} event destinations.")
        if sum(1 for kind in self._DESTINATION_KINDS if p.get(kind)) != 1:
            raise validation("INVALID_PARAMETER", "Give exactly one of "
                             + ", ".join(self._DESTINATION_KINDS) + ".")
        destination = {"EventDestinationName": p["EventDestinationName"], "Enabled": True,
                       "MatchingEventTypes": list(p["MatchingEventTypes"]),
                       **{kind: p[kind] for kind in self._DESTINATION_KINDS if p.get(kind)}}
        config["EventDestinations"].append(destination)
        return {**config, "EventDestination": destination}

    def op_UpdateEventDestination(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        destination = self._destination(config, p["EventDestinationName"])
        for key in ("Enabled", "MatchingEventTypes", *self._DESTINATION_KINDS):
            if key in p:
                destination[key] = p[key]
        return {**config, "EventDestination": destination}

    def op_DeleteEventDestination(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        destination = self._destination(config, p["EventDestinationName"])
        config["EventDestinations"].remove(destination)
        return {**config, "EventDestination": destination}

    def op_SetDefaultMessageType(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        config["DefaultMessageType"] = p["MessageType"]
        return {**config, "MessageType": p["MessageType"]}

    def op_DeleteDefaultMessageType(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        return {**config, "MessageType": config.pop("DefaultMessageType", None)}

    def op_SetDefaultSenderId(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        config["DefaultSenderId"] = p["SenderId"]
        return {**config, "SenderId": p["SenderId"]}

    def op_DeleteDefaultSenderId(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        return {**config, "SenderId": config.pop("DefaultSenderId", None)}

    def op_SetDefaultMessageFeedbackEnabled(self, p):
        config = self._config_set(p["ConfigurationSetName"])
        config["DefaultMessageFeedbackEnabled"] = p["MessageFeedbackEnabled"]
        return {**config, "MessageFeedbackEnabled": p["MessageFeedbackEnabled"]}
