"""SMS and voice v2: keywords of a phone number or pool (HELP, STOP, your own)."""

from __future__ import annotations

from workbench.core.sandbox.smsv2_base import SmsV2Base, paginate, filtered
from workbench.core.sandbox.smsv2_errors import not_found


class Smsv2Keywords(SmsV2Base):
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
                **paginate(filtered(keywords, p.get("Filters")), p, "Keywords")}

    def op_DeleteKeyword(self, p):
        owner_arn, _ = self._keyword_owner(p["OriginationIdentity"])
        keywords = self.state["keywords"].get(owner_arn, {})
        keyword = keywords.pop(p["Keyword"].upper(), None)
        if keyword is None:
            raise not_found("keyword", p["Keyword"])
        return self._keyword_answer(owner_arn, p["OriginationIdentity"], keyword)
