"""SMS and voice v2: sending (text, voice, media) under AWS's rules, and the event records.

Sending (SendTextMessage, SendVoiceMessage, SendMediaMessage) checks, in order: the
destination is E.164; the configuration set exists; the origination identity exists (or one
fits); it has the channel's capability and is active (US toll-free and 10DLC numbers need a
registration); a simulator origination number reaches only destination simulators of its
country, other identities only their own country; a sender ID is supported and registered
where the country requires it; the destination has not opted out; in the SMS sandbox the
destination is verified or a simulator; MaxPrice and the monthly spend limit. Then the event
records go to the event log.
"""

from __future__ import annotations

import time
import uuid

from workbench.core.sandbox import numbers, origination_rules
from workbench.core.sandbox.events import now_ms
from workbench.core.sandbox.smsv2_base import SmsV2Base, SANDBOX_TIER, CAPABILITY
from workbench.core.sandbox.smsv2_errors import conflict, quota, validation


class Smsv2Sending(SmsV2Base):
    def op_SendTextMessage(self, p):
        return {"MessageId": self._deliver("TEXT", p["DestinationPhoneNumber"],
                                           p.get("OriginationIdentity"),
                                           p.get("MessageBody", ""), p)}

    def op_SendVoiceMessage(self, p):
        return {"MessageId": self._deliver("VOICE", p["DestinationPhoneNumber"],
                                           p["OriginationIdentity"],
                                           p.get("MessageBody", ""), p)}

    def op_SendMediaMessage(self, p):
        if not p.get("MessageBody") and not p.get("MediaUrls"):
            raise validation("MISSING_PARAMETER", "Give a MessageBody or MediaUrls.",
                             "MessageBody")
        return {"MessageId": self._deliver("MEDIA", p["DestinationPhoneNumber"],
                                           p["OriginationIdentity"],
                                           p.get("MessageBody", ""), p)}

    def check_send(self, channel: str, destination: str, identity: str | None,
                   body: str, p: dict, verification: bool = False) -> dict:
        """The origination record the message would go from, or the AwsError AWS answers.
        Also used by Pinpoint's SendMessages for its SMS and voice addresses."""
        if numbers.parse_e164(destination) is None and numbers.simulator(destination) is None:
            raise validation("INVALID_PARAMETER", f"{destination!r} is not an E.164 phone "
                             "number.", "DestinationPhoneNumber")
        config = self._config_set(p["ConfigurationSetName"]) \
            if p.get("ConfigurationSetName") else None
        identity = identity or (config or {}).get("DefaultSenderId")
        dest_country = numbers.country_of(destination)
        origin, opt_out_owner = self._origin(channel, identity, destination, dest_country)
        capability = CAPABILITY[channel]
        if "SenderIdArn" in origin:
            self._check_sender_id(channel, origin, dest_country)
        else:
            self._check_number(channel, capability, origin, destination, dest_country)
        opt_list = self.state["opt_out_lists"].get(opt_out_owner.get("OptOutListName", ""))
        if opt_list and destination in opt_list["Numbers"] and \
                not opt_out_owner.get("SelfManagedOptOutsEnabled"):
            raise conflict("DESTINATION_PHONE_NUMBER_OPTED_OUT", f"{destination} has opted "
                           f"out (opt-out list {opt_list['OptOutListName']}).",
                           "opted-out-number", destination)
        sandboxed = self.state["account"]["ACCOUNT_TIER"] == SANDBOX_TIER
        if sandboxed and not verification and numbers.simulator(destination) is None and \
                not any(r["DestinationPhoneNumber"] == destination and r["Status"] == "VERIFIED"
                        for r in self.state["verified"].values()):
            raise conflict("DESTINATION_PHONE_NUMBER_NOT_VERIFIED", f"{destination} is not a "
                           "verified destination number; while the account is in the SMS "
                           "sandbox, only verified destination numbers and simulator numbers "
                           "can be reached.", "verified-destination-number", destination)
        return origin

    def _origin(self, channel: str, identity: str | None, destination: str,
                dest_country: str | None) -> tuple[dict, dict]:
        """(origination record, the record whose opt-out list applies)."""
        if identity:
            if identity.startswith("pool-") or ":pool/" in identity:
                pool = self._pool(identity)
                members = self._members(pool)
                fitting = [m for m in members if m.get("IsoCountryCode") == dest_country]
                return (fitting or members)[0], pool
            _, record = self._identity_record(identity, dest_country)
            owner = self._pool(record["PoolId"]) if record.get("PoolId") else record
            return record, owner
        capability = CAPABILITY[channel]
        to_simulator = numbers.simulator(destination) is not None
        candidates = [r for r in self.state["phone_numbers"].values()
                      if capability in r["NumberCapabilities"] and r["Status"] == "ACTIVE"
                      and r["IsoCountryCode"] == dest_country
                      and (to_simulator or r["NumberType"] != "SIMULATOR")
                      and channel not in origination_rules.NOT_FOR_CHANNELS.get((dest_country, r["NumberType"]), ())]
        if not candidates:
            raise conflict("NO_ORIGINATION_IDENTITIES_FOUND", "No origination identity in "
                           f"this account can send {channel.lower()} messages to "
                           f"{dest_country or 'that destination'}.", "phone-number", None)
        candidates.sort(key=lambda r: r["NumberType"] != "SIMULATOR")
        record = candidates[0]
        return record, self._pool(record["PoolId"]) if record.get("PoolId") else record

    def _check_number(self, channel: str, capability: str, origin: dict, destination: str,
                      dest_country: str | None) -> None:
        if capability not in origin["NumberCapabilities"]:
            raise conflict("NUMBER_CAPABILITIES_MISMATCH", f"{origin['PhoneNumber']} cannot "
                           f"send {capability}.", "phone-number", origin["PhoneNumberId"])
        origination_rules.check_send(channel, origin, dest_country)
        if origin["Status"] != "ACTIVE":
            raise conflict("REGISTRATION_NOT_COMPLETE", f"{origin['PhoneNumber']} is "
                           f"{origin['NumberType']} and needs a completed registration before "
                           "it can send.", "phone-number", origin["PhoneNumberId"])
        target = numbers.simulator(destination)
        if origin["NumberType"] == "SIMULATOR":
            if target is None or target.country != origin["IsoCountryCode"]:
                raise validation("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY", "A simulator "
                                 "origination number reaches only the destination simulator "
                                 f"numbers of {origin['IsoCountryCode']}.",
                                 "DestinationPhoneNumber")
        elif dest_country != origin["IsoCountryCode"] and \
                not origin.get("InternationalSendingEnabled"):
            raise validation("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
                             f"{origin['PhoneNumber']} ({origin['IsoCountryCode']}) cannot "
                             f"send to {dest_country}.", "DestinationPhoneNumber")

    def _check_sender_id(self, channel: str, origin: dict, dest_country: str | None) -> None:
        if channel != "TEXT":
            raise validation("INVALID_PARAMETER", "Sender IDs send text messages only.",
                             "OriginationIdentity")
        if dest_country in numbers.NO_SENDER_ID_COUNTRIES:
            raise validation("SENDER_ID_NOT_SUPPORTED", f"{dest_country} does not support "
                             "sender IDs.", "OriginationIdentity")
        if dest_country != origin["IsoCountryCode"]:
            raise validation("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY", "The sender ID is "
                             f"for {origin['IsoCountryCode']}, not {dest_country}.",
                             "OriginationIdentity")
        if not origin["Registered"]:
            raise validation("SENDER_ID_NOT_REGISTERED", f"Sender ID {origin['SenderId']} "
                             f"must be registered before it can send in {dest_country}.",
                             "OriginationIdentity")

    def _price(self, channel: str, body: str) -> tuple[str, int, float]:
        encoding, parts = numbers.message_parts(body)
        if channel == "VOICE":
            return encoding, parts, numbers.VOICE_PRICE_PER_MINUTE_USD
        if channel == "MEDIA":
            return encoding, parts, numbers.MEDIA_PRICE_USD
        return encoding, parts, round(parts * numbers.TEXT_PRICE_USD, 5)

    def _charge(self, channel: str, price: float, p: dict) -> None:
        max_price = p.get("MaxPrice") or p.get("MaxPricePerMinute")
        if max_price is not None:
            try:
                ceiling = float(max_price)
            except ValueError:
                raise validation("INVALID_PARAMETER", f"MaxPrice {max_price!r} is not a "
                                 "number.", "MaxPrice") from None
            if price > ceiling:
                raise validation("PRICE_OVER_THRESHOLD", f"The message costs {price} USD, "
                                 f"over MaxPrice {max_price}.", "MaxPrice")
        name = f"{channel}_MESSAGE_MONTHLY_SPEND_LIMIT"
        month = time.strftime("%Y-%m", time.gmtime())
        spent = self.state["spend"].setdefault(month, {}).get(channel, 0.0)
        limit = self._spend_limit(name)["EnforcedLimit"]
        if spent + price > limit:
            raise quota(f"MONTHLY_SPEND_LIMIT_REACHED_FOR_{channel}", "This message would "
                        f"exceed the monthly {channel.lower()} spend limit of {limit} USD "
                        f"({spent:.5f} USD spent this month).")
        if not p.get("DryRun"):
            self.state["spend"][month][channel] = round(spent + price, 5)

    def _deliver(self, channel: str, destination: str, identity: str | None, body: str,
                 p: dict, verification: bool = False) -> str:
        origin = self.check_send(channel, destination, identity, body, p, verification)
        encoding, parts, price = self._price(channel, body)
        self._charge(channel, price, p)
        message_id = str(uuid.uuid4())
        if not p.get("DryRun"):
            config = self.state["configuration_sets"].get(p.get("ConfigurationSetName") or "")
            for record in delivery_events(channel, message_id, origin, destination, encoding,
                                          parts, price, p):
                self.events.append({"api": self.API, "configurationSetName":
                                    (config or {}).get("ConfigurationSetName"),
                                    "eventDestinations": _matching(config, record["eventType"]),
                                    "event": record})
        return message_id


def _matching(config: dict | None, event_type: str) -> list[str]:
    if not config:
        return []
    family = event_type.split("_", 1)[0] + "_ALL"
    return [d["EventDestinationName"] for d in config["EventDestinations"]
            if d.get("Enabled", True) and
            {"ALL", family, event_type} & set(d["MatchingEventTypes"])]


def delivery_events(channel: str, message_id: str, origin: dict, destination: str,
                    encoding: str, parts: int, price: float, p: dict) -> list[dict]:
    """The records AWS publishes for one message: a success simulator (and any other
    reachable number) gets SUCCESSFUL then DELIVERED, a failure simulator a final failure."""
    target = numbers.simulator(destination)
    succeeds = target is None or target.succeeds
    requested = now_ms()
    country = numbers.country_of(destination)
    base = {"eventVersion": "1.0",
            "originationPhoneNumber": origin.get("PhoneNumber") or origin.get("SenderId"),
            "destinationPhoneNumber": destination, "isoCountryCode": country,
            "isInternationalSend": country != origin.get("IsoCountryCode"),
            "messageId": message_id, "messageRequestTimestamp": requested,
            "messageType": p.get("MessageType", origin.get("MessageType", "TRANSACTIONAL")),
            "context": p.get("Context") or {}}
    if channel == "VOICE":
        steps = [("VOICE_INITIATED", "INITIATED", "The call is being initiated", False),
                 ("VOICE_RINGING", "RINGING", "The destination is ringing", False),
                 ("VOICE_ANSWERED", "ANSWERED", "The call was answered", False),
                 ("VOICE_COMPLETED", "COMPLETED", "The message was played", True)]
        return [{"eventType": t, "eventTimestamp": requested + i * 1000, "isFinal": final,
                 "messageStatus": status, "messageStatusDescription": text,
                 **base, "callDurationInSeconds": 6 if final else 0,
                 "totalDurationRoundedToMinutes": 1 if final else 0,
                 "totalMessagePrice": price if final else 0.0}
                for i, (t, status, text, final) in enumerate(steps)]
    prefix = "MEDIA" if channel == "MEDIA" else "TEXT"
    common = {**base, "mcc": "310", "mnc": "800", "carrierName": "Sandbox Carrier",
              "messageEncoding": encoding, "totalMessageParts": parts,
              "totalMessagePrice": price, "totalCarrierFee": 0.00302 if prefix == "TEXT" else 0.0}
    if succeeds:
        return [{"eventType": f"{prefix}_SUCCESSFUL", "eventTimestamp": requested + 300,
                 "isFinal": False, "messageStatus": "SUCCESSFUL",
                 "messageStatusDescription": "Message has been accepted by phone carrier",
                 **common},
                {"eventType": f"{prefix}_DELIVERED", "eventTimestamp": requested + 1200,
                 "isFinal": True, "messageStatus": "DELIVERED",
                 "messageStatusDescription": "Message has been accepted by phone", **common}]
    return [{"eventType": f"{prefix}_CARRIER_UNREACHABLE", "eventTimestamp": requested + 900,
             "isFinal": True, "messageStatus": "CARRIER_UNREACHABLE",
             "messageStatusDescription": "The destination's carrier could not be reached "
             "(simulated failure)", **common}]
