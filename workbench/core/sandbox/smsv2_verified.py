"""SMS and voice v2: verified destination numbers (the SMS sandbox's), their codes."""

from __future__ import annotations

import random

from workbench.core.sandbox import numbers
from workbench.core.sandbox.smsv2_base import SmsV2Base, arn, new_id, paginate, filtered, MAX_VERIFIED_DESTINATIONS, VERIFICATION_CODE_TTL
from workbench.core.sandbox.smsv2_errors import conflict, not_found, quota, validation


class Smsv2VerifiedNumbers(SmsV2Base):
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
        return paginate(filtered(records, p.get("Filters")), p, "VerifiedDestinationNumbers")

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
