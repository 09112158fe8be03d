"""SMS and voice v2: opt-out lists and the numbers opted out."""

from __future__ import annotations

from workbench.core.sandbox import numbers
from workbench.core.sandbox.smsv2_base import Records, SmsV2Base, arn, paginate, filtered
from workbench.core.sandbox.smsv2_errors import conflict, not_found, validation


class Smsv2OptOuts(SmsV2Base):
    def _opt_out_list(self, name: str) -> dict:
        try:
            return self.state["opt_out_lists"][name]
        except KeyError:
            raise not_found("opt-out-list", name) from None

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
        return paginate(records, p, "OptOutLists")

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
                **paginate(filtered(entries, p.get("Filters")), p, "OptedOutNumbers")}
