"""SMS and voice v2: the account's attributes, limits and spend limits."""

from __future__ import annotations

from workbench.core.sandbox.smsv2_base import SmsV2Base, paginate, MAX_VERIFIED_DESTINATIONS, SPEND_LIMITS
from workbench.core.sandbox.smsv2_errors import validation


class Smsv2Account(SmsV2Base):
    def op_DescribeAccountAttributes(self, p):
        attributes = [{"Name": name, "Value": value}
                      for name, value in self.state["account"].items()]
        return paginate(attributes, p, "AccountAttributes")

    def op_DescribeAccountLimits(self, p):
        used = {"PHONE_NUMBERS": len(self.state["phone_numbers"]),
                "POOLS": len(self.state["pools"]),
                "CONFIGURATION_SETS": len(self.state["configuration_sets"]),
                "OPT_OUT_LISTS": len(self.state["opt_out_lists"]),
                "SENDER_IDS": len(self.state["sender_ids"]),
                "REGISTRATIONS": 0, "REGISTRATION_ATTACHMENTS": 0,
                "VERIFIED_DESTINATION_NUMBERS": len(self.state["verified"])}
        limits = {"VERIFIED_DESTINATION_NUMBERS": MAX_VERIFIED_DESTINATIONS}
        return paginate([{"Name": name, "Used": count, "Max": limits.get(name, 25)}
                          for name, count in used.items()], p, "AccountLimits")

    def _spend_limit(self, name: str) -> dict:
        maximum = SPEND_LIMITS[name][1]
        override = self.state["spend_overrides"].get(name)
        return {"Name": name, "EnforcedLimit": maximum if override is None else override,
                "MaxLimit": maximum, "Overridden": override is not None}

    def op_DescribeSpendLimits(self, p):
        return paginate([self._spend_limit(name) for name in SPEND_LIMITS], p, "SpendLimits")

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
