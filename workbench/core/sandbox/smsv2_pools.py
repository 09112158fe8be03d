"""SMS and voice v2: pools of origination identities."""

from __future__ import annotations

from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.sandbox.smsv2_base import SmsV2Base, arn, new_id, paginate, filtered
from workbench.core.sandbox.smsv2_errors import conflict, not_found


class Smsv2Pools(SmsV2Base):
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
        return paginate(filtered(records, p.get("Filters")), p, "Pools")

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
        identities = filtered([self._metadata(m) for m in self._members(pool)],
                               p.get("Filters"), aliases)
        return {"PoolArn": pool["PoolArn"], "PoolId": pool["PoolId"],
                **paginate(identities, p, "OriginationIdentities")}
