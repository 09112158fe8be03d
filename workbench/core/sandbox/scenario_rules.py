"""A scenario's rules: what a request must look like (`match`) and what the sandbox then
does (`answer`, `fault`), read from plain data with every mistake located
(`rules.json: rules[2].fault.kind: ...`).

    {"id": "throttle-sends",                                  (optional; "rule-N" otherwise)
     "match": {"api": "pinpoint-sms-voice-v2",                 (or a list; "*" or absent: any)
               "operation": "SendTextMessage",                 ("api:Operation" too; or a list)
               "method": "POST", "path": "/v1/apps/*",         (glob on the path, no query)
               "query": {"page-size": "5"},                    (globs on query parameters)
               "body": {"DestinationPhoneNumber": "+1425*"}},  (dotted paths into a JSON body:
                                                                globs for strings, else equal)
     "answer": {"status": 400, "headers": {...}, "body": {...} or "text"},
     "fault": {"kind": "throttle", "rate": 0.5},               (faults.py: latency seconds,
                                                                throttle rate, server_error status,
                                                                drop, drip bytes_per_second,
                                                                clock_skew seconds, deny)
     "times": 1}                                               (only the first N matches)
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from workbench.core.common.errors import WorkbenchError
from workbench.core.common.suggest import did_you_mean
from workbench.core.sandbox.faults import KINDS, MAX_SECONDS

RULE_KEYS = ("id", "match", "answer", "fault", "times", "description")
MATCH_KEYS = ("api", "operation", "method", "path", "query", "body")
ANSWER_KEYS = ("status", "headers", "body")
MAX_SKEW = 7 * 24 * 3600.0  # a clock this far off (either way) is the furthest a scenario reproduces
FAULT_FIELDS = {"latency": {"seconds"}, "throttle": {"rate"}, "server_error": {"status"}, "drop": set(),
                "drip": {"bytes_per_second"}, "clock_skew": {"seconds"}, "deny": set()}


class ScenarioError(WorkbenchError):
    """A scenario that cannot be used, located: `where` (file and place in it), `detail`."""

    code = "invalid_scenario"
    fmt = "{where}: {detail}"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""

    def to_dict(self) -> dict:
        text = self.body.decode("utf-8", errors="replace")
        try:
            body: object = json.loads(text) if text else ""
        except ValueError:
            body = text
        return {"status": self.status, "headers": [list(h) for h in self.headers], "body": body}


@dataclass(frozen=True)
class Rule:
    id: str
    match: dict = field(default_factory=dict)
    answer: Answer | None = None
    fault: dict | None = None
    times: int | None = None
    description: str = ""

    @property
    def kind(self) -> str:
        return self.fault["kind"] if self.fault else "answer"

    def to_dict(self) -> dict:
        data: dict = {"id": self.id, "match": self.match}
        if self.answer is not None:
            data["answer"] = self.answer.to_dict()
        if self.fault is not None:
            data["fault"] = self.fault
        if self.times is not None:
            data["times"] = self.times
        if self.description:
            data["description"] = self.description
        return data

    def summary(self) -> str:
        what = {"answer": f"answer {self.answer.status}" if self.answer else "answer"}.get(self.kind, self.kind)
        detail = {"throttle": ("rate", " at rate {}"), "latency": ("seconds", " {} s"), "clock_skew": ("seconds", " {} s"),
                  "server_error": ("status", " {}"), "drip": ("bytes_per_second", " at {} bytes/s")}.get(self.kind)
        if detail and self.fault:
            what += detail[1].format(self.fault.get(detail[0]))
        if self.fault and self.answer is not None:
            what += f", then answer {self.answer.status}"
        def shown(value) -> str:
            if isinstance(value, list):
                return "|".join(map(str, value))
            if isinstance(value, dict):
                return ",".join(f"{k}={v}" for k, v in value.items())
            return str(value)

        where = " ".join(f"{k}={shown(v)}" for k, v in self.match.items()) or "every request"
        return f"{self.id}: {where} -> {what}" + (f" (first {self.times})" if self.times else "")

    # ---- matching

    def matches(self, route, method: str, raw_target: str, body: bytes) -> bool:
        match = self.match
        if not _one_of(match.get("api"), route.api):
            return False
        operation = match.get("operation")
        if operation is not None:
            names = operation if isinstance(operation, list) else [operation]
            full = f"{route.api}:{route.operation}"
            if not any(n in ("*", route.operation, full) for n in names):
                return False
        if not _one_of(match.get("method"), method, fold=True):
            return False
        parts = urlsplit(raw_target)
        if "path" in match and not fnmatch.fnmatchcase(parts.path, match["path"]):
            return False
        if "query" in match:
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            if not all(k in query and fnmatch.fnmatchcase(query[k], str(v)) for k, v in match["query"].items()):
                return False
        if "body" in match:
            try:
                value = json.loads(body or b"{}")
            except ValueError:
                return False
            if not all(_field_matches(value, path, wanted) for path, wanted in match["body"].items()):
                return False
        return True


def _one_of(wanted, actual, fold: bool = False) -> bool:
    if wanted is None or wanted == "*":
        return True
    names = wanted if isinstance(wanted, list) else [wanted]
    if fold:
        return (actual or "").upper() in [n.upper() for n in names]
    return actual in names


def _field_matches(value, path: str, wanted) -> bool:
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return False
        value = value[part]
    if isinstance(wanted, str) and isinstance(value, str):
        return fnmatch.fnmatchcase(value, wanted)
    return value == wanted


# --------------------------------------------------------------------------- reading


def _fail(where: str, detail: str):
    raise ScenarioError(where=where, detail=detail)


def _known_keys(data: dict, known, where: str) -> None:
    unknown = [k for k in data if k not in known]
    if unknown:
        _fail(f"{where}.{unknown[0]}", f"unknown field (known: {', '.join(known)})."
              + did_you_mean(unknown[0], known))


def _text_or_list(value, where: str) -> None:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v for v in items):
        _fail(where, "expected a name or a list of names")


def read_match(data, where: str) -> dict:
    from workbench.core.library.apis import APIS, service_model

    if data is None:
        return {}
    if not isinstance(data, dict):
        _fail(where, "expected an object (api, operation, method, path, query, body)")
    _known_keys(data, MATCH_KEYS, where)
    for key in ("api", "operation", "method"):
        if key in data:
            _text_or_list(data[key], f"{where}.{key}")
    apis = data.get("api", "*")
    apis = [a for a in (apis if isinstance(apis, list) else [apis]) if a != "*"] or list(APIS)
    for api in apis:
        if api not in APIS:
            _fail(f"{where}.api", f"unknown API {api!r} (known: {', '.join(APIS)}).{did_you_mean(api, APIS)}")
    for name in (data.get("operation") or []) if isinstance(data.get("operation"), list) else [data.get("operation")]:
        if name in (None, "*"):
            continue
        api, _, operation = name.rpartition(":")
        candidates = [api] if api else apis
        known = {op for a in candidates if a in APIS for op in service_model(a).operation_names}
        if operation not in known:
            _fail(f"{where}.operation", f"no operation {operation!r} in {', '.join(candidates)}."
                  + did_you_mean(operation, known))
    if "path" in data and not (isinstance(data["path"], str) and data["path"].startswith("/")):
        _fail(f"{where}.path", "expected a path starting with / (globs allowed: /v1/apps/*)")
    for key in ("query", "body"):
        if key in data and not (isinstance(data[key], dict) and data[key]):
            _fail(f"{where}.{key}", "expected an object of names and the values they must have")
    return data


def read_answer(data, where: str) -> Answer:
    if not isinstance(data, dict):
        _fail(where, "expected an object (status, headers, body)")
    _known_keys(data, ANSWER_KEYS, where)
    status = data.get("status")
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        _fail(f"{where}.status", f"expected an HTTP status from 100 to 599, got {status!r}")
    headers = data.get("headers", {})
    if isinstance(headers, dict):
        headers = list(headers.items())
    if not isinstance(headers, list) or not all(
            isinstance(h, (list, tuple)) and len(h) == 2 and all(isinstance(x, str) for x in h) for h in headers):
        _fail(f"{where}.headers", 'expected {"Name": "value"} or [["Name", "value"], ...]')
    for name, value in headers:
        if not name or any(c in name for c in ":\r\n ") or "\r" in value or "\n" in value:
            _fail(f"{where}.headers", f"{name!r}: a header name without spaces or ':', a value without line breaks")
    body = data.get("body", "")
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode("utf-8")
        if not any(k.lower() == "content-type" for k, _ in headers):
            headers.append(("Content-Type", "application/json"))
    elif isinstance(body, str):
        body = body.encode("utf-8")
    else:
        _fail(f"{where}.body", "expected a JSON object or list, or text")
    return Answer(status, tuple((str(k), str(v)) for k, v in headers), body)


def read_fault(data, where: str) -> dict:
    if not isinstance(data, dict):
        _fail(where, f"expected an object with a kind ({', '.join(KINDS)})")
    kind = data.get("kind")
    if kind not in KINDS:
        _fail(f"{where}.kind", f"unknown fault {kind!r} (kinds: {', '.join(KINDS)})."
              + (did_you_mean(kind, KINDS) if isinstance(kind, str) else ""))
    _known_keys(data, ("kind", *sorted(FAULT_FIELDS[kind])), where)
    fault = {"kind": kind}
    skew = kind == "clock_skew"
    for name, low, high, default in (("seconds", -MAX_SKEW if skew else 0.0, MAX_SKEW if skew else MAX_SECONDS, 900.0 if skew else 1.0),
                                     ("rate", 0.0, 1.0, 1.0), ("bytes_per_second", 1.0, 10_000_000.0, 64.0),
                                     ("status", 500, 599, 500)):
        if name not in FAULT_FIELDS[kind]:
            continue
        value = data.get(name, default)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high \
                or (name == "rate" and value == 0) or (name == "status" and not isinstance(value, int)):
            _fail(f"{where}.{name}", f"expected a number from {low:g} to {high:g}" + (" (above 0)" if name == "rate" else "")
                  + f", got {value!r}")
        fault[name] = value
    return fault


def read_rule(data, where: str, number: int) -> Rule:
    if not isinstance(data, dict):
        _fail(where, "expected an object (match, answer or fault)")
    _known_keys(data, RULE_KEYS, where)
    if "answer" not in data and "fault" not in data:
        _fail(where, 'a rule needs an "answer" or a "fault"')
    rule_id = data.get("id", f"rule-{number}")
    if not isinstance(rule_id, str) or not rule_id or "/" in rule_id:
        _fail(f"{where}.id", "expected a name without '/'")
    times = data.get("times")
    if times is not None and (not isinstance(times, int) or isinstance(times, bool) or times < 1):
        _fail(f"{where}.times", f"expected a whole number of 1 or more, got {times!r}")
    fault = read_fault(data["fault"], f"{where}.fault") if "fault" in data else None
    answer = read_answer(data["answer"], f"{where}.answer") if "answer" in data else None
    if fault and answer is not None and fault["kind"] not in ("latency", "drip"):
        _fail(f"{where}.fault", f"a {fault['kind']} fault is its own answer: drop the \"answer\" "
                                "(latency and drip go with one)")
    return Rule(rule_id, read_match(data.get("match"), f"{where}.match"), answer, fault, times,
                str(data.get("description", "")))


def read_rules(items, where: str) -> tuple[Rule, ...]:
    if not isinstance(items, list) or not items:
        _fail(where, "expected a list of rules")
    rules = tuple(read_rule(item, f"{where}[{i}]", i + 1) for i, item in enumerate(items))
    seen = set()
    for i, rule in enumerate(rules):
        if rule.id in seen:
            _fail(f"{where}[{i}].id", f"{rule.id!r} is already the id of another rule")
        seen.add(rule.id)
    return rules
