"""SMS and voice v2: protect configurations and the account default."""

from __future__ import annotations

from workbench.core.sandbox.smsv2_base import SmsV2Base, arn, new_id, paginate, filtered
from workbench.core.sandbox.smsv2_errors import conflict, not_found


class Smsv2Protect(SmsV2Base):
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
        return paginate(filtered(records, p.get("Filters")), p, "ProtectConfigurations")

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
