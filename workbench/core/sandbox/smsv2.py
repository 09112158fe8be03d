"""SMS and voice v2 (`pinpoint-sms-voice-v2`), stateful, with AWS's sending rules.

Handlers take the operation's input dict and return its output dict (codec.write_output
keeps only the output shape's members, so stored records can carry more) or raise an
AwsError. State lives in `store.state["smsv2"]`; timestamps are stored as epoch seconds.

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

import random
import time
import uuid

from workbench.core.sandbox import numbers
from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.sandbox.events import EventLog, now_ms
from workbench.core.sandbox.paging import Records, filtered as _filtered, paginate as _paginate
from workbench.core.sandbox.smsv2_errors import conflict, not_found, quota, validation
from workbench.core.sandbox.store import SandboxStore
from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION

SANDBOX_TIER = "SANDBOX"
MAX_VERIFIED_DESTINATIONS = 10
MAX_EVENT_DESTINATIONS = 5
VERIFICATION_CODE_TTL = 24 * 3600
SPEND_LIMITS = {  # name: (channel, sandbox max limit in USD)
    "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT": ("TEXT", 1),
    "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT": ("VOICE", 1),
    "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT": ("MEDIA", 1),
    "NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT": ("NOTIFY", 1),
}
_CAPABILITY = {"TEXT": "SMS", "VOICE": "VOICE", "MEDIA": "MMS"}
_RESOURCE_PREFIX = {"phone-number": "phone", "pool": "pool", "protect-configuration": "protect",
                    "verified-destination-number": "verified", "registration": "registration"}


def arn(resource_type: str, name: str) -> str:
    return f"arn:aws:sms-voice:{SANDBOX_REGION}:{SANDBOX_ACCOUNT_ID}:{resource_type}/{name}"


def new_id(resource_type: str) -> str:
    return f"{_RESOURCE_PREFIX[resource_type]}-{uuid.uuid4().hex}"


def _empty_state() -> dict:
    now = time.time()
    return {
        "account": {"ACCOUNT_TIER": SANDBOX_TIER},
        "phone_numbers": {}, "pools": {}, "sender_ids": {}, "configuration_sets": {},
        "opt_out_lists": {"Default": {"OptOutListArn": arn("opt-out-list", "Default"),
                                      "OptOutListName": "Default", "CreatedTimestamp": now,
                                      "Numbers": {}}},
        "keywords": {}, "verified": {}, "protect": {}, "spend_overrides": {}, "spend": {},
        "tags": {},
    }


class SmsVoiceV2:
    API = "pinpoint-sms-voice-v2"

    def __init__(self, store: SandboxStore, events: EventLog):
        self.store = store
        self.events = events
        self.state = store.state.setdefault("smsv2", _empty_state())

    @classmethod
    def operations(cls) -> frozenset[str]:
        return frozenset(name[3:] for name in dir(cls) if name.startswith("op_"))

    def handle(self, operation: str, params: dict) -> dict:
        with self.store.lock:
            answer = getattr(self, f"op_{operation}")(params)
            if not operation.startswith(("Describe", "List", "Get")):
                self.store.save()
            return answer

    # -- tags -------------------------------------------------------------------------------
    def _tag(self, resource_arn: str, tags: list | None) -> list:
        current = self.state["tags"].setdefault(resource_arn, {})
        for tag in tags or []:
            current[tag["Key"]] = tag["Value"]
        return [{"Key": key, "Value": value} for key, value in current.items()]

    def _known_arns(self) -> set[str]:
        found = set()
        for kind, arn_key in (("phone_numbers", "PhoneNumberArn"), ("pools", "PoolArn"),
                              ("sender_ids", "SenderIdArn"),
                              ("configuration_sets", "ConfigurationSetArn"),
                              ("opt_out_lists", "OptOutListArn"),
                              ("verified", "VerifiedDestinationNumberArn"),
                              ("protect", "ProtectConfigurationArn")):
            found.update(record[arn_key] for record in self.state[kind].values())
        return found

    def _tagged(self, resource_arn: str) -> dict:
        if not resource_arn.startswith("arn:"):
            raise validation("INVALID_ARN", f"{resource_arn!r} is not an ARN.", "ResourceArn")
        if resource_arn not in self._known_arns():
            raise not_found(resource_arn.rsplit(":", 1)[-1].split("/")[0], resource_arn)
        return self.state["tags"].setdefault(resource_arn, {})

    def op_TagResource(self, p):
        tags = self._tagged(p["ResourceArn"])
        tags.update({tag["Key"]: tag["Value"] for tag in p["Tags"]})
        return {}

    def op_UntagResource(self, p):
        tags = self._tagged(p["ResourceArn"])
        for key in p["TagKeys"]:
            tags.pop(key, None)
        return {}

    def op_ListTagsForResource(self, p):
        tags = self._tagged(p["ResourceArn"])
        return {"ResourceArn": p["ResourceArn"],
                "Tags": [{"Key": key, "Value": value} for key, value in tags.items()]}

    def _with_tags(self, record: dict, arn_key: str) -> dict:
        return {**record, "Tags": self._tag(record[arn_key], None)}

    # -- account ----------------------------------------------------------------------------
    def op_DescribeAccountAttributes(self, p):
        attributes = [{"Name": name, "Value": value}
                      for name, value in self.state["account"].items()]
        return _paginate(attributes, p, "AccountAttributes")

    def op_DescribeAccountLimits(self, p):
        used = {"PHONE_NUMBERS": len(self.state["phone_numbers"]),
                "POOLS": len(self.state["pools"]),
                "CONFIGURATION_SETS": len(self.state["configuration_sets"]),
                "OPT_OUT_LISTS": len(self.state["opt_out_lists"]),
                "SENDER_IDS": len(self.state["sender_ids"]),
                "REGISTRATIONS": 0, "REGISTRATION_ATTACHMENTS": 0,
                "VERIFIED_DESTINATION_NUMBERS": len(self.state["verified"])}
        limits = {"VERIFIED_DESTINATION_NUMBERS": MAX_VERIFIED_DESTINATIONS}
        return _paginate([{"Name": name, "Used": count, "Max": limits.get(name, 25)}
                          for name, count in used.items()], p, "AccountLimits")

    def _spend_limit(self, name: str) -> dict:
        maximum = SPEND_LIMITS[name][1]
        override = self.state["spend_overrides"].get(name)
        return {"Name": name, "EnforcedLimit": maximum if override is None else override,
                "MaxLimit": maximum, "Overridden": override is not None}

    def op_DescribeSpendLimits(self, p):
        return _paginate([self._spend_limit(name) for name in SPEND_LIMITS], p, "SpendLimits")

    def _set_spend(self, name: str, p: dict) -> dict:
        limit = int(p["MonthlyLimit"])
        if limit > SPEND_LIMITS[name][1]:
            raise validation("REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
                             f"The requested spend limit {limit} is higher than the service "
                             f"limit of {SPEND_LIMITS[name][1]} USD.", "MonthlyLimit")
        self.state["spend_overrides"][name] = limit
        return {"MonthlyLimit": limit}

    def _delete_spend(self, name: str) -> dict:
        previous = self.state["spend_overrides"].pop(name, None)
        return {"MonthlyLimit": previous}

    def op_SetTextMessageSpendLimitOverride(self, p):
        return self._set_spend("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", p)

    def op_SetVoiceMessageSpendLimitOverride(self, p):
        return self._set_spend("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT", p)

    def op_SetMediaMessageSpendLimitOverride(self, p):
        return self._set_spend("MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT", p)

    def op_SetNotifyMessageSpendLimitOverride(self, p):
        return self._set_spend("NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT", p)

    def op_DeleteTextMessageSpendLimitOverride(self, p):
        return self._delete_spend("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT")

    def op_DeleteVoiceMessageSpendLimitOverride(self, p):
        return self._delete_spend("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT")

    def op_DeleteMediaMessageSpendLimitOverride(self, p):
        return self._delete_spend("MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT")

    def op_DeleteNotifyMessageSpendLimitOverride(self, p):
        return self._delete_spend("NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT")

    # -- phone numbers ----------------------------------------------------------------------
    def _opt_out_list(self, name: str) -> dict:
        try:
            return self.state["opt_out_lists"][name]
        except KeyError:
            raise not_found("opt-out-list", name) from None

    def op_RequestPhoneNumber(self, p):
        country, number_type = p["IsoCountryCode"], p["NumberType"]
        if number_type == "SIMULATOR" and country not in numbers.ORIGINATION_SIMULATOR_COUNTRIES:
            raise validation("INVALID_PARAMETER", "Origination simulator numbers are available "
                             f"only in {', '.join(numbers.ORIGINATION_SIMULATOR_COUNTRIES)}.",
                             "IsoCountryCode")
        if country not in numbers.phonenumbers.SUPPORTED_REGIONS:
            raise validation("INVALID_PARAMETER", f"{country!r} is not an ISO country code.",
                             "IsoCountryCode")
        option = p.get("OptOutListName", "Default")
        self._opt_out_list(option)
        if p.get("PoolId"):
            self._pool(p["PoolId"])
        taken = {record["PhoneNumber"] for record in self.state["phone_numbers"].values()}
        needs_registration = country == "US" and number_type in ("TOLL_FREE", "TEN_DLC")
        pending = needs_registration and not p.get("RegistrationId")
        number_id = new_id("phone-number")
        record = {
            "PhoneNumberArn": arn("phone-number", number_id), "PhoneNumberId": number_id,
            "PhoneNumber": numbers.new_number(country, number_type, taken),
            "Status": "PENDING" if pending else "ACTIVE", "IsoCountryCode": country,
            "MessageType": p["MessageType"], "NumberCapabilities": list(p["NumberCapabilities"]),
            "NumberType": number_type, "MonthlyLeasingPrice": numbers.MONTHLY_LEASE[number_type],
            "TwoWayEnabled": False, "SelfManagedOptOutsEnabled": False,
            "OptOutListName": option,
            "InternationalSendingEnabled": bool(p.get("InternationalSendingEnabled", False)),
            "DeletionProtectionEnabled": bool(p.get("DeletionProtectionEnabled", False)),
            "RegistrationId": p.get("RegistrationId"), "CreatedTimestamp": self.store.now(),
        }
        self.state["phone_numbers"][number_id] = record
        self.state["keywords"][record["PhoneNumberArn"]] = {
            "HELP": {"Keyword": "HELP", "KeywordMessage": "This is the sandbox. Reply STOP to "
                     "opt out.", "KeywordAction": "AUTOMATIC_RESPONSE"},
            "STOP": {"Keyword": "STOP", "KeywordMessage": "You are opted out.",
                     "KeywordAction": "OPT_OUT"}}
        if p.get("PoolId"):
            self._pool(p["PoolId"])["Members"].append(record["PhoneNumberArn"])
            record["PoolId"] = p["PoolId"]
        self._tag(record["PhoneNumberArn"], p.get("Tags"))
        return self._with_tags(record, "PhoneNumberArn")

    def _phone(self, identity: str) -> dict:
        for record in self.state["phone_numbers"].values():
            if identity in (record["PhoneNumberId"], record["PhoneNumberArn"],
                            record["PhoneNumber"]):
                return record
        raise not_found("phone-number", identity)

    def op_DescribePhoneNumbers(self, p):
        records = [self._phone(i) for i in p["PhoneNumberIds"]] if p.get("PhoneNumberIds") \
            else self.state["phone_numbers"]
        aliases = {"number-capability": "NumberCapabilities"}
        return _paginate(_filtered(records, p.get("Filters"), aliases), p, "PhoneNumbers")

    def op_UpdatePhoneNumber(self, p):
        record = self._phone(p["PhoneNumberId"])
        if p.get("TwoWayEnabled") and not (p.get("TwoWayChannelArn")
                                           or record.get("TwoWayChannelArn")):
            raise validation("TWO_WAY_TOPIC_NOT_PRESENT", "Two-way messaging needs a "
                             "TwoWayChannelArn.", "TwoWayChannelArn")
        if p.get("OptOutListName"):
            self._opt_out_list(p["OptOutListName"])
        for key in ("TwoWayEnabled", "TwoWayChannelArn", "TwoWayChannelRole",
                    "SelfManagedOptOutsEnabled", "OptOutListName", "InternationalSendingEnabled",
                    "DeletionProtectionEnabled"):
            if key in p:
                record[key] = p[key]
        return record

    def op_ReleasePhoneNumber(self, p):
        record = self._phone(p["PhoneNumberId"])
        if record["DeletionProtectionEnabled"]:
            raise conflict("DELETION_PROTECTION_ENABLED", "Deletion protection is enabled on "
                           "this phone number; turn it off with UpdatePhoneNumber first.",
                           "phone-number", record["PhoneNumberId"])
        if record.get("PoolId"):
            raise conflict("PHONE_NUMBER_ASSOCIATED_TO_POOL", "The phone number belongs to "
                           f"pool {record['PoolId']}; disassociate it first.", "phone-number",
                           record["PhoneNumberId"])
        del self.state["phone_numbers"][record["PhoneNumberId"]]
        self.state["keywords"].pop(record["PhoneNumberArn"], None)
        self.state["tags"].pop(record["PhoneNumberArn"], None)
        return {**record, "Status": "DELETED"}

    # -- sender ids -------------------------------------------------------------------------
    def _sender(self, sender_id: str, country: str | None = None) -> dict:
        for record in self.state["sender_ids"].values():
            if sender_id in (record["SenderId"], record["SenderIdArn"]) and \
                    country in (None, record["IsoCountryCode"]):
                return record
        raise not_found("sender-id", sender_id)

    def op_RequestSenderId(self, p):
        key = f"{p['SenderId']}|{p['IsoCountryCode']}"
        if key in self.state["sender_ids"]:
            raise conflict("RESOURCE_ALREADY_EXISTS", "This sender ID already exists for "
                           "that country.", "sender-id", p["SenderId"])
        if p["IsoCountryCode"] in numbers.NO_SENDER_ID_COUNTRIES:
            raise validation("SENDER_ID_NOT_SUPPORTED", f"{p['IsoCountryCode']} does not "
                             "support sender IDs.", "IsoCountryCode")
        record = {"SenderIdArn": arn("sender-id", f"{p['SenderId']}/{p['IsoCountryCode']}"),
                  "SenderId": p["SenderId"], "IsoCountryCode": p["IsoCountryCode"],
                  "MessageTypes": list(p.get("MessageTypes") or ["TRANSACTIONAL",
                                                                   "PROMOTIONAL"]),
                  "MonthlyLeasingPrice": "0.00",
                  "DeletionProtectionEnabled": bool(p.get("DeletionProtectionEnabled")),
                  "Registered": p["IsoCountryCode"] not in
                  numbers.SENDER_ID_REGISTRATION_COUNTRIES}
        self.state["sender_ids"][key] = record
        self._tag(record["SenderIdArn"], p.get("Tags"))
        return self._with_tags(record, "SenderIdArn")

    def op_DescribeSenderIds(self, p):
        if p.get("SenderIds"):
            records = [self._sender(item["SenderId"], item.get("IsoCountryCode"))
                       for item in p["SenderIds"]]
        else:
            records = self.state["sender_ids"]
        aliases = {"message-type": "MessageTypes"}
        return _paginate(_filtered(records, p.get("Filters"), aliases), p, "SenderIds")

    def op_UpdateSenderId(self, p):
        record = self._sender(p["SenderId"], p["IsoCountryCode"])
        if "DeletionProtectionEnabled" in p:
            record["DeletionProtectionEnabled"] = p["DeletionProtectionEnabled"]
        return record

    def op_ReleaseSenderId(self, p):
        record = self._sender(p["SenderId"], p["IsoCountryCode"])
        if record["DeletionProtectionEnabled"]:
            raise conflict("DELETION_PROTECTION_ENABLED", "Deletion protection is enabled on "
                           "this sender ID.", "sender-id", record["SenderId"])
        del self.state["sender_ids"][f"{record['SenderId']}|{record['IsoCountryCode']}"]
        return record

    # -- pools ------------------------------------------------------------------------------
    def _pool(self, identity: str) -> dict:
        for record in self.state["pools"].values():
            if identity in (record["PoolId"], record["PoolArn"]):
                return record
        raise not_found("pool", identity)

    def _identity_record(self, identity: str, country: str | None = None) -> tuple[str, dict]:
        """('phone-number'|'sender-id', record) for an identity as the API accepts it."""
        try:
            return "phone-number", self._phone(identity)
        except AwsError:
            pass
        try:
            return "sender-id", self._sender(identity, country)
        except AwsError:
            raise not_found("phone-number" if identity.startswith(("+", "phone-")) else
                            "sender-id", identity) from None

    def op_CreatePool(self, p):
        kind, member = self._identity_record(p["OriginationIdentity"], p.get("IsoCountryCode"))
        member_arn = member["PhoneNumberArn" if kind == "phone-number" else "SenderIdArn"]
        if member.get("PoolId"):
            raise conflict("PHONE_NUMBER_ASSOCIATED_TO_POOL", "The origination identity "
                           "already belongs to a pool.", kind, p["OriginationIdentity"])
        pool_id = new_id("pool")
        record = {"PoolArn": arn("pool", pool_id), "PoolId": pool_id, "Status": "ACTIVE",
                  "MessageType": p["MessageType"],
                  "TwoWayEnabled": member.get("TwoWayEnabled", False),
                  "SelfManagedOptOutsEnabled": member.get("SelfManagedOptOutsEnabled", False),
                  "OptOutListName": member.get("OptOutListName", "Default"),
                  "SharedRoutesEnabled": False,
                  "DeletionProtectionEnabled": bool(p.get("DeletionProtectionEnabled")),
                  "CreatedTimestamp": self.store.now(), "Members": [member_arn]}
        member["PoolId"] = pool_id
        self.state["pools"][pool_id] = record
        self._tag(record["PoolArn"], p.get("Tags"))
        return self._with_tags(record, "PoolArn")

    def op_DescribePools(self, p):
        records = [self._pool(i) for i in p["PoolIds"]] if p.get("PoolIds") \
            else self.state["pools"]
        return _paginate(_filtered(records, p.get("Filters")), p, "Pools")

    def op_UpdatePool(self, p):
        record = self._pool(p["PoolId"])
        if p.get("OptOutListName"):
            self._opt_out_list(p["OptOutListName"])
        for key in ("TwoWayEnabled", "TwoWayChannelArn", "TwoWayChannelRole",
                    "SelfManagedOptOutsEnabled", "OptOutListName", "SharedRoutesEnabled",
                    "DeletionProtectionEnabled"):
            if key in p:
                record[key] = p[key]
        return record

    def op_DeletePool(self, p):
        record = self._pool(p["PoolId"])
        if record["DeletionProtectionEnabled"]:
            raise conflict("DELETION_PROTECTION_ENABLED", "Deletion protection is enabled on "
                           "this pool.", "pool", record["PoolId"])
        for member in self._members(record):
            member.pop("PoolId", None)
        del self.state["pools"][record["PoolId"]]
        return {**record, "Status": "DELETING"}

    def _members(self, pool: dict) -> list[dict]:
        found = []
        for member_arn in pool["Members"]:
            for collection in ("phone_numbers", "sender_ids"):
                found += [r for r in self.state[collection].values()
                          if member_arn in (r.get("PhoneNumberArn"), r.get("SenderIdArn"))]
        return found

    def _metadata(self, record: dict) -> dict:
        if "PhoneNumberArn" in record:
            return {"OriginationIdentityArn": record["PhoneNumberArn"],
                    "OriginationIdentity": record["PhoneNumberId"],
                    "IsoCountryCode": record["IsoCountryCode"],
                    "NumberCapabilities": record["NumberCapabilities"],
                    "PhoneNumber": record["PhoneNumber"]}
        return {"OriginationIdentityArn": record["SenderIdArn"],
                "OriginationIdentity": record["SenderId"],
                "IsoCountryCode": record["IsoCountryCode"], "NumberCapabilities": ["SMS"]}

    def op_AssociateOriginationIdentity(self, p):
        pool = self._pool(p["PoolId"])
        kind, member = self._identity_record(p["OriginationIdentity"], p.get("IsoCountryCode"))
        if member.get("PoolId"):
            raise conflict("RESOURCE_ALREADY_ASSOCIATED", "The origination identity already "
                           "belongs to a pool.", kind, p["OriginationIdentity"])
        if kind == "phone-number" and (member["TwoWayEnabled"] != pool["TwoWayEnabled"]):
            raise conflict("TWO_WAY_CONFIG_MISMATCH", "The phone number's two-way settings "
                           "differ from the pool's.", kind, p["OriginationIdentity"])
        member["PoolId"] = pool["PoolId"]
        pool["Members"].append(self._metadata(member)["OriginationIdentityArn"])
        return {"PoolArn": pool["PoolArn"], "PoolId": pool["PoolId"], **self._metadata(member)}

    def op_DisassociateOriginationIdentity(self, p):
        pool = self._pool(p["PoolId"])
        kind, member = self._identity_record(p["OriginationIdentity"], p.get("IsoCountryCode"))
        member_arn = self._metadata(member)["OriginationIdentityArn"]
        if member_arn not in pool["Members"]:
            raise conflict("PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL", "The origination identity "
                           "is not in this pool.", kind, p["OriginationIdentity"])
        if len(pool["Members"]) == 1:
            raise conflict("LAST_PHONE_NUMBER", "A pool keeps at least one origination "
                           "identity; delete the pool instead.", "pool", pool["PoolId"])
        pool["Members"].remove(member_arn)
        member.pop("PoolId", None)
        return {"PoolArn": pool["PoolArn"], "PoolId": pool["PoolId"], **self._metadata(member)}

    def op_ListPoolOriginationIdentities(self, p):
        pool = self._pool(p["PoolId"])
        aliases = {"number-capability": "NumberCapabilities"}
        identities = _filtered([self._metadata(m) for m in self._members(pool)],
                               p.get("Filters"), aliases)
        return {"PoolArn": pool["PoolArn"], "PoolId": pool["PoolId"],
                **_paginate(identities, p, "OriginationIdentities")}

    # -- opt-out lists ----------------------------------------------------------------------
    def op_CreateOptOutList(self, p):
        name = p["OptOutListName"]
        if name in self.state["opt_out_lists"]:
            raise conflict("RESOURCE_ALREADY_EXISTS", f"Opt-out list {name} already exists.",
                           "opt-out-list", name)
        record = {"OptOutListArn": arn("opt-out-list", name), "OptOutListName": name,
                  "CreatedTimestamp": self.store.now(), "Numbers": {}}
        self.state["opt_out_lists"][name] = record
        self._tag(record["OptOutListArn"], p.get("Tags"))
        return self._with_tags(record, "OptOutListArn")

    def op_DescribeOptOutLists(self, p):
        names = p.get("OptOutListNames")
        records = [self._opt_out_list(n) for n in names] if names \
            else self.state["opt_out_lists"]
        return _paginate(records, p, "OptOutLists")

    def op_DeleteOptOutList(self, p):
        record = self._opt_out_list(p["OptOutListName"])
        users = [r for c in ("phone_numbers", "pools") for r in self.state[c].values()
                 if r.get("OptOutListName") == record["OptOutListName"]]
        if users:
            raise conflict("RESOURCE_DELETION_NOT_ALLOWED", "The opt-out list is in use by a "
                           "phone number or pool.", "opt-out-list", record["OptOutListName"])
        del self.state["opt_out_lists"][record["OptOutListName"]]
        return record

    def _opted_out(self, opt_list: dict, number: str, end_user: bool) -> dict:
        return {"OptOutListArn": opt_list["OptOutListArn"],
                "OptOutListName": opt_list["OptOutListName"], "OptedOutNumber": number,
                "OptedOutTimestamp": self.store.now(), "EndUserOptedOut": end_user}

    def op_PutOptedOutNumber(self, p):
        opt_list = self._opt_out_list(p["OptOutListName"])
        number = p["OptedOutNumber"]
        if numbers.parse_e164(number) is None and numbers.simulator(number) is None:
            raise validation("INVALID_PARAMETER", f"{number!r} is not an E.164 phone number.",
                             "OptedOutNumber")
        entry = self._opted_out(opt_list, number, False)
        opt_list["Numbers"][number] = {"OptedOutTimestamp": entry["OptedOutTimestamp"],
                                       "EndUserOptedOut": False}
        return entry

    def op_DeleteOptedOutNumber(self, p):
        opt_list = self._opt_out_list(p["OptOutListName"])
        entry = opt_list["Numbers"].get(p["OptedOutNumber"])
        if entry is None:
            raise not_found("opted-out-number", p["OptedOutNumber"])
        del opt_list["Numbers"][p["OptedOutNumber"]]
        return {**self._opted_out(opt_list, p["OptedOutNumber"], entry["EndUserOptedOut"]),
                "OptedOutTimestamp": entry["OptedOutTimestamp"]}

    def op_DescribeOptedOutNumbers(self, p):
        opt_list = self._opt_out_list(p["OptOutListName"])
        wanted = p.get("OptedOutNumbers")
        entries = Records(opt_list["Numbers"], lambda number, entry: {"OptedOutNumber": number, **entry},
                          (lambda record: record["OptedOutNumber"] in wanted) if wanted else None)
        return {"OptOutListArn": opt_list["OptOutListArn"],
                "OptOutListName": opt_list["OptOutListName"],
                **_paginate(_filtered(entries, p.get("Filters")), p, "OptedOutNumbers")}

    # -- configuration sets and event destinations ------------------------------------------
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
        return _paginate(_filtered(rows, p.get("Filters")), p, "ConfigurationSets")

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

    # -- keywords ---------------------------------------------------------------------------
    def _keyword_owner(self, identity: str) -> tuple[str, dict]:
        if identity.startswith("pool-") or ":pool/" in identity:
            record = self._pool(identity)
            return record["PoolArn"], record
        record = self._phone(identity)
        return record["PhoneNumberArn"], record

    def _keyword_answer(self, owner_arn: str, identity: str, keyword: dict) -> dict:
        return {"OriginationIdentityArn": owner_arn, "OriginationIdentity": identity, **keyword}

    def op_PutKeyword(self, p):
        owner_arn, _ = self._keyword_owner(p["OriginationIdentity"])
        keyword = {"Keyword": p["Keyword"].upper(), "KeywordMessage": p["KeywordMessage"],
                   "KeywordAction": p.get("KeywordAction", "AUTOMATIC_RESPONSE")}
        self.state["keywords"].setdefault(owner_arn, {})[keyword["Keyword"]] = keyword
        return self._keyword_answer(owner_arn, p["OriginationIdentity"], keyword)

    def op_DescribeKeywords(self, p):
        owner_arn, _ = self._keyword_owner(p["OriginationIdentity"])
        keywords = list(self.state["keywords"].get(owner_arn, {}).values())
        if p.get("Keywords"):
            wanted = {k.upper() for k in p["Keywords"]}
            keywords = [k for k in keywords if k["Keyword"] in wanted]
        return {"OriginationIdentityArn": owner_arn,
                "OriginationIdentity": p["OriginationIdentity"],
                **_paginate(_filtered(keywords, p.get("Filters")), p, "Keywords")}

    def op_DeleteKeyword(self, p):
        owner_arn, _ = self._keyword_owner(p["OriginationIdentity"])
        keywords = self.state["keywords"].get(owner_arn, {})
        keyword = keywords.pop(p["Keyword"].upper(), None)
        if keyword is None:
            raise not_found("keyword", p["Keyword"])
        return self._keyword_answer(owner_arn, p["OriginationIdentity"], keyword)

    # -- verified destination numbers -------------------------------------------------------
    def _verified(self, identity: str) -> dict:
        for record in self.state["verified"].values():
            if identity in (record["VerifiedDestinationNumberId"],
                            record["VerifiedDestinationNumberArn"]):
                return record
        raise not_found("verified-destination-number", identity)

    def op_CreateVerifiedDestinationNumber(self, p):
        number = p["DestinationPhoneNumber"]
        if numbers.parse_e164(number) is None:
            raise validation("INVALID_PARAMETER", f"{number!r} is not an E.164 phone number.",
                             "DestinationPhoneNumber")
        if len(self.state["verified"]) >= MAX_VERIFIED_DESTINATIONS:
            raise quota("VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT", "An account in the SMS "
                        f"sandbox has at most {MAX_VERIFIED_DESTINATIONS} verified destination "
                        "numbers.")
        number_id = new_id("verified-destination-number")
        record = {"VerifiedDestinationNumberArn": arn("verified-destination-number", number_id),
                  "VerifiedDestinationNumberId": number_id, "DestinationPhoneNumber": number,
                  "Status": "PENDING", "CreatedTimestamp": self.store.now()}
        self.state["verified"][number_id] = record
        self._tag(record["VerifiedDestinationNumberArn"], p.get("Tags"))
        return self._with_tags(record, "VerifiedDestinationNumberArn")

    def op_DescribeVerifiedDestinationNumbers(self, p):
        records = [self._verified(i) for i in p["VerifiedDestinationNumberIds"]] \
            if p.get("VerifiedDestinationNumberIds") else list(self.state["verified"].values())
        if p.get("DestinationPhoneNumbers"):
            records = [r for r in records
                       if r["DestinationPhoneNumber"] in p["DestinationPhoneNumbers"]]
        return _paginate(_filtered(records, p.get("Filters")), p, "VerifiedDestinationNumbers")

    def op_DeleteVerifiedDestinationNumber(self, p):
        record = self._verified(p["VerifiedDestinationNumberId"])
        del self.state["verified"][record["VerifiedDestinationNumberId"]]
        self.state["tags"].pop(record["VerifiedDestinationNumberArn"], None)
        return record

    def op_SendDestinationNumberVerificationCode(self, p):
        record = self._verified(p["VerifiedDestinationNumberId"])
        if record["Status"] == "VERIFIED":
            raise conflict("VERIFICATION_ALREADY_COMPLETE", "This destination number is "
                           "already verified.", "verified-destination-number",
                           record["VerifiedDestinationNumberId"])
        code = f"{random.SystemRandom().randrange(10 ** 6):06d}"
        record["Code"], record["CodeExpires"] = code, self.store.now() + VERIFICATION_CODE_TTL
        channel = "TEXT" if p["VerificationChannel"] == "TEXT" else "VOICE"
        body = f"Your verification code is {code}"
        message_id = self._deliver(channel, record["DestinationPhoneNumber"],
                                   p.get("OriginationIdentity"), body, p, verification=True)
        self.events.append({"api": self.API, "note": "verification code",
                            "destinationPhoneNumber": record["DestinationPhoneNumber"],
                            "verifiedDestinationNumberId": record["VerifiedDestinationNumberId"],
                            "code": code, "messageId": message_id})
        return {"MessageId": message_id}

    def op_VerifyDestinationNumber(self, p):
        record = self._verified(p["VerifiedDestinationNumberId"])
        if record["Status"] == "VERIFIED":
            raise conflict("VERIFICATION_ALREADY_COMPLETE", "This destination number is "
                           "already verified.", "verified-destination-number",
                           record["VerifiedDestinationNumberId"])
        if not record.get("Code") or self.store.now() > record.get("CodeExpires", 0):
            raise conflict("VERIFICATION_CODE_EXPIRED", "The verification code has expired "
                           "or was never sent; send a new one.", "verified-destination-number",
                           record["VerifiedDestinationNumberId"])
        if p["VerificationCode"] != record["Code"]:
            raise validation("VERIFICATION_CODE_MISMATCH", "The verification code does not "
                             "match.", "VerificationCode")
        record["Status"] = "VERIFIED"
        record.pop("Code"), record.pop("CodeExpires")
        return record

    # -- protect configurations -------------------------------------------------------------
    def _protect(self, identity: str) -> dict:
        for record in self.state["protect"].values():
            if identity in (record["ProtectConfigurationId"], record["ProtectConfigurationArn"]):
                return record
        raise not_found("protect-configuration", identity)

    def op_CreateProtectConfiguration(self, p):
        protect_id = new_id("protect-configuration")
        record = {"ProtectConfigurationArn": arn("protect-configuration", protect_id),
                  "ProtectConfigurationId": protect_id, "CreatedTimestamp": self.store.now(),
                  "AccountDefault": False,
                  "DeletionProtectionEnabled": bool(p.get("DeletionProtectionEnabled"))}
        self.state["protect"][protect_id] = record
        self._tag(record["ProtectConfigurationArn"], p.get("Tags"))
        return self._with_tags(record, "ProtectConfigurationArn")

    def op_DescribeProtectConfigurations(self, p):
        records = [self._protect(i) for i in p["ProtectConfigurationIds"]] \
            if p.get("ProtectConfigurationIds") else list(self.state["protect"].values())
        return _paginate(_filtered(records, p.get("Filters")), p, "ProtectConfigurations")

    def op_UpdateProtectConfiguration(self, p):
        record = self._protect(p["ProtectConfigurationId"])
        if "DeletionProtectionEnabled" in p:
            record["DeletionProtectionEnabled"] = p["DeletionProtectionEnabled"]
        return record

    def op_DeleteProtectConfiguration(self, p):
        record = self._protect(p["ProtectConfigurationId"])
        if record["DeletionProtectionEnabled"]:
            raise conflict("DELETION_PROTECTION_ENABLED", "Deletion protection is enabled on "
                           "this protect configuration.", "protect-configuration",
                           record["ProtectConfigurationId"])
        if record["AccountDefault"]:
            raise conflict("PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT", "This protect "
                           "configuration is the account default.", "protect-configuration",
                           record["ProtectConfigurationId"])
        del self.state["protect"][record["ProtectConfigurationId"]]
        return record

    def op_SetAccountDefaultProtectConfiguration(self, p):
        record = self._protect(p["ProtectConfigurationId"])
        for other in self.state["protect"].values():
            other["AccountDefault"] = other is record
        self.state["account"]["DEFAULT_PROTECT_CONFIGURATION_ID"] = record["ProtectConfigurationId"]
        return {"DefaultProtectConfigurationArn": record["ProtectConfigurationArn"],
                "DefaultProtectConfigurationId": record["ProtectConfigurationId"]}

    def op_DeleteAccountDefaultProtectConfiguration(self, p):
        current = self.state["account"].pop("DEFAULT_PROTECT_CONFIGURATION_ID", None)
        if current is None:
            raise not_found("protect-configuration", "account default")
        record = self._protect(current)
        record["AccountDefault"] = False
        return {"DefaultProtectConfigurationArn": record["ProtectConfigurationArn"],
                "DefaultProtectConfigurationId": record["ProtectConfigurationId"]}

    def op_AssociateProtectConfiguration(self, p):
        record = self._protect(p["ProtectConfigurationId"])
        config = self._config_set(p["ConfigurationSetName"])
        if config.get("ProtectConfigurationId"):
            raise conflict("PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET",
                           "The configuration set already has a protect configuration.",
                           "configuration-set", config["ConfigurationSetName"])
        config["ProtectConfigurationId"] = record["ProtectConfigurationId"]
        return {**config, **record}

    def op_DisassociateProtectConfiguration(self, p):
        record = self._protect(p["ProtectConfigurationId"])
        config = self._config_set(p["ConfigurationSetName"])
        if config.get("ProtectConfigurationId") != record["ProtectConfigurationId"]:
            raise conflict("PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET",
                           "The protect configuration is not associated with this "
                           "configuration set.", "configuration-set",
                           config["ConfigurationSetName"])
        config.pop("ProtectConfigurationId")
        return {**config, **record}

    # -- sending ----------------------------------------------------------------------------
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
        capability = _CAPABILITY[channel]
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
        capability = _CAPABILITY[channel]
        to_simulator = numbers.simulator(destination) is not None
        candidates = [r for r in self.state["phone_numbers"].values()
                      if capability in r["NumberCapabilities"] and r["Status"] == "ACTIVE"
                      and r["IsoCountryCode"] == dest_country
                      and (to_simulator or r["NumberType"] != "SIMULATOR")]
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
