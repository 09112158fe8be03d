"""The catalogue's data matchers. A matcher is a dict of conditions that must all hold:

    status   [403, "5xx"]            HTTP status (exact or class)
    code     ["NotFoundException"]   AWS error code (x-amzn-ErrorType / __type)
    reason   ["ACCOUNT_DISABLED"]    the JSON 1.0 `Reason`
    message  "regex"                 AWS's message, or the error's; named groups are captured
    error    ["DnsFailure"]          exception class (or a base class) when nothing came back
    field    {"name": "DeliveryStatus", "values": [...]} or {"name": ..., "pattern": "regex"}:
             that key (or any of a list of keys) anywhere in the response body: per-recipient
             results inside a 200, event records (record_status, messageStatus)
    header   {"name": "Content-Type", "pattern": "regex"}
    text     "regex"                 the raw response body
    problem  "regex"                 a validation problem found before sending
    operation ["pinpoint-sms-voice-v2:VerifyDestinationNumber"]  the operation sent (api:Operation)
    ok / sent  true|false
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from workbench.core.diagnose.model import Evidence
from workbench.core.diagnose.observation import Observation

KNOWN_CONDITIONS = frozenset({"status", "code", "reason", "message", "error", "field", "header", "text", "problem", "ok",
                              "sent", "operation"})


@dataclass
class Match:
    captures: dict = field(default_factory=dict)
    evidence: list = field(default_factory=list)


def _status_ok(status: int | None, wanted) -> bool:
    if status is None:
        return False
    for item in wanted:
        if isinstance(item, int) and status == item:
            return True
        if isinstance(item, str) and item.endswith("xx") and str(status)[0] == item[0]:
            return True
    return False


def match(conditions: dict, obs: Observation) -> Match | None:
    found = Match()
    if "sent" in conditions and obs.sent != conditions["sent"]:
        return None
    if "ok" in conditions and obs.ok != conditions["ok"]:
        return None
    if "operation" in conditions and obs.operation not in conditions["operation"]:
        return None
    if "status" in conditions:
        if not _status_ok(obs.status, conditions["status"]):
            return None
        found.evidence.append(Evidence("status", "", f"HTTP {obs.status}"))
    if "code" in conditions:
        if obs.error_code not in conditions["code"]:
            return None
        source = "header x-amzn-ErrorType" if obs.header("x-amzn-ErrorType") else "body __type"
        found.evidence.append(Evidence("header" if obs.header("x-amzn-ErrorType") else "field", source.split(" ", 1)[1], obs.error_code))
    if "reason" in conditions:
        if obs.reason not in conditions["reason"]:
            return None
        found.evidence.append(Evidence("field", "$.Reason", obs.reason))
        found.captures["reason"] = obs.reason
    if "error" in conditions:
        classes = obs.error_fields.get("error_classes") or [obs.error_type]
        if not obs.error_type or not set(classes) & set(conditions["error"]):
            return None
        found.evidence.append(Evidence("error", obs.error_type, obs.error_message))
    if "message" in conditions:
        hit = re.search(conditions["message"], obs.message or obs.error_message, re.IGNORECASE | re.DOTALL)
        if not hit:
            return None
        found.captures.update({k: v for k, v in hit.groupdict().items() if v is not None})
        if obs.message and not any(e.kind == "error" for e in found.evidence):
            found.evidence.append(Evidence("message", "", obs.message[:500]))
    if "header" in conditions:
        spec = conditions["header"]
        value = obs.header(spec["name"]) or ""
        if not re.search(spec.get("pattern", "."), value, re.IGNORECASE):
            return None
        found.evidence.append(Evidence("header", spec["name"], value))
    if "text" in conditions:
        if not re.search(conditions["text"], obs.text[:4096], re.IGNORECASE):
            return None
        found.evidence.append(Evidence("field", "body", obs.text[:200].strip()))
    if "problem" in conditions:
        hits = [p for p in obs.problems if re.search(conditions["problem"], p.get("message", ""))]
        if not hits:
            return None
        found.evidence += [Evidence("problem", p.get("path", ""), p.get("message", "")) for p in hits]
    if "field" in conditions:
        spec = conditions["field"]
        names = [spec["name"]] if isinstance(spec["name"], str) else spec["name"]
        hits = []
        for path, value in (hit for name in names for hit in obs.fields.get(name, ())):
            if "values" in spec and value not in spec["values"]:
                continue
            if "pattern" in spec and not (isinstance(value, str) and re.search(spec["pattern"], value, re.IGNORECASE)):
                continue
            hits.append((path, value))
        if not hits:
            return None
        found.evidence += [Evidence("field", path, json.dumps(value) if not isinstance(value, str) else value) for path, value in hits]
        found.captures.setdefault("value", hits[0][1])
        found.captures["count"] = len(hits)
    return found
