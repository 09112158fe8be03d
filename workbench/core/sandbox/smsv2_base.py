"""SMS and voice v2 (`pinpoint-sms-voice-v2`): what every part of its emulation shares.

Handlers take the operation's input dict and return its output dict (codec.write_output
keeps only the output shape's members, so stored records can carry more) or raise an
AwsError. State lives in `store.state["smsv2"]`; timestamps are stored as epoch seconds.
Here: the state's first form, ARNs and ids, pages and filters (paging.py), and tags
(every resource kind can carry them). Each kind of resource has its module (smsv2_numbers,
smsv2_pools...); `smsv2.SmsVoiceV2` is all of them.
"""

from __future__ import annotations

import time
import uuid

from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION
from workbench.core.sandbox.emulation_base import StatefulEmulation
from workbench.core.sandbox.paging import Records, filtered, paginate  # noqa: F401 - the resource modules' pages and filters
from workbench.core.sandbox.smsv2_errors import not_found, validation

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
CAPABILITY = {"TEXT": "SMS", "VOICE": "VOICE", "MEDIA": "MMS"}
_RESOURCE_PREFIX = {"phone-number": "phone", "pool": "pool", "protect-configuration": "protect",
                    "verified-destination-number": "verified", "registration": "registration"}


def arn(resource_type: str, name: str) -> str:
    return f"arn:aws:sms-voice:{SANDBOX_REGION}:{SANDBOX_ACCOUNT_ID}:{resource_type}/{name}"


def new_id(resource_type: str) -> str:
    return f"{_RESOURCE_PREFIX[resource_type]}-{uuid.uuid4().hex}"


def empty_state() -> dict:
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


class SmsV2Base(StatefulEmulation):
    API = "pinpoint-sms-voice-v2"
    STATE_KEY = "smsv2"
    empty_state = staticmethod(empty_state)

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
