"""SMS and voice v2: phone numbers and sender IDs (origination identities), as AWS
offers them by country (origination_rules).
"""

from __future__ import annotations

from workbench.core.sandbox import numbers, origination_rules
from workbench.core.sandbox.smsv2_base import SmsV2Base, arn, new_id, paginate, filtered
from workbench.core.sandbox.smsv2_errors import conflict, not_found, validation


class Smsv2Numbers(SmsV2Base):
    def op_RequestPhoneNumber(self, p):
        country, number_type = p["IsoCountryCode"], p["NumberType"]
        if number_type == "SIMULATOR" and country not in numbers.ORIGINATION_SIMULATOR_COUNTRIES:
            raise validation("INVALID_PARAMETER", "Origination simulator numbers are available "
                             f"only in {', '.join(numbers.ORIGINATION_SIMULATOR_COUNTRIES)}.",
                             "IsoCountryCode")
        if country not in numbers.phonenumbers.SUPPORTED_REGIONS:
            raise validation("INVALID_PARAMETER", f"{country!r} is not an ISO country code.",
                             "IsoCountryCode")
        origination_rules.check_request(country, number_type)
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
        return paginate(filtered(records, p.get("Filters"), aliases), p, "PhoneNumbers")

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
        return paginate(filtered(records, p.get("Filters"), aliases), p, "SenderIds")

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
