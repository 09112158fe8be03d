"""The account health check as data: the calls it makes and the findings it can report
(resources/health_checks.json), and what a run gives back (CallResult, Finding, HealthReport)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field

from workbench.core.common.errors import WorkbenchError
from workbench.core.common.resources import RESOURCES_DIR

CHECKS_FILE = RESOURCES_DIR / "health_checks.json"
SEVERITIES = ("error", "warning", "info")
AREAS = {"sms": "SMS and voice v2", "email": "Pinpoint Email", "pinpoint": "Pinpoint projects",
         "access": "What the check could not see"}


class HealthCatalogueError(WorkbenchError):
    fmt = "{where}: {detail}"


@dataclass(frozen=True)
class CallSpec:
    id: str
    area: str
    what: str  # "the SMS spend limits": what a denied call hides
    operation: str  # api:Operation
    body: dict | None = None
    for_each: dict | None = None  # {"call", "items", "field", "variable", "limit"}
    feature: str = ""  # an ended Pinpoint feature this call lists ("campaigns")
    items: str = ""  # where its answer lists them

    @property
    def api(self) -> str:
        return self.operation.partition(":")[0]

    @property
    def name(self) -> str:
        return self.operation.partition(":")[2]


@dataclass(frozen=True)
class FindingSpec:
    code: str
    area: str
    severity: str
    title: str
    next: dict


@dataclass(frozen=True)
class Catalogue:
    calls: tuple[CallSpec, ...]
    findings: dict

    def call(self, call_id: str) -> CallSpec:
        return next(c for c in self.calls if c.id == call_id)


def read_catalogue(data: dict, where: str = str(CHECKS_FILE)) -> Catalogue:
    """The checks' data, each mistake located (a test keeps the shipped file right)."""
    from workbench.core.library.apis import APIS, service_model

    calls, seen = [], set()
    for i, item in enumerate(data.get("calls", [])):
        at = f"{where}: calls[{i}]"
        try:
            spec = CallSpec(**{k: v for k, v in item.items()})
        except TypeError as exc:
            raise HealthCatalogueError(where=at, detail=str(exc)) from None
        api, _, name = spec.operation.partition(":")
        if api not in APIS or name not in service_model(api).operation_names:
            raise HealthCatalogueError(where=f"{at}.operation", detail=f"no operation {spec.operation!r}")
        if spec.area not in AREAS or spec.id in seen:
            raise HealthCatalogueError(where=at, detail=f"area must be one of {', '.join(AREAS)}, id unique")
        if spec.for_each and spec.for_each.get("call") not in seen:
            raise HealthCatalogueError(where=f"{at}.for_each", detail="names a call that is not listed before it")
        seen.add(spec.id)
        calls.append(spec)
    findings = {}
    for code, item in data.get("findings", {}).items():
        at = f"{where}: findings.{code}"
        if item.get("severity") not in SEVERITIES or item.get("area") not in AREAS:
            raise HealthCatalogueError(where=at, detail=f"severity one of {SEVERITIES}, area one of {tuple(AREAS)}")
        nxt = item.get("next")
        if not isinstance(nxt, dict) or not (nxt.get("guide") or nxt.get("action")):
            raise HealthCatalogueError(where=f"{at}.next", detail='expected {"guide": ID} or {"action": ...}')
        findings[code] = FindingSpec(code, item["area"], item["severity"], item["title"], nxt)
    return Catalogue(tuple(calls), findings)


@functools.lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    with open(CHECKS_FILE, encoding="utf-8") as handle:
        return read_catalogue(json.load(handle))


# --------------------------------------------------------------------------- what a run gives


@dataclass(frozen=True)
class Evidence:
    call: str  # the call id ("sms.spend")
    operation: str  # api:Operation
    field: str = ""  # "$.SpendLimits[0].EnforcedLimit", or "status"
    value: object = None

    def to_dict(self) -> dict:
        return {"call": self.call, "operation": self.operation, "field": self.field, "value": self.value}

    def text(self) -> str:
        shown = json.dumps(self.value, ensure_ascii=False) if not isinstance(self.value, str) else self.value
        return f"{self.operation.partition(':')[2]} {self.field} = {shown}".strip()


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    area: str
    title: str
    evidence: tuple[Evidence, ...] = ()
    next: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "title": self.title,
                "evidence": [e.to_dict() for e in self.evidence], "next": dict(self.next)}


def _fill(text: str, values: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)


def finding(code: str, evidence=(), **values) -> Finding:
    """The catalogue's finding `code`, its title and next step filled with `values`."""
    spec = catalogue().findings[code]
    nxt = {k: _fill(v, values) if isinstance(v, str) else v for k, v in spec.next.items()}
    return Finding(code, spec.severity, spec.area, _fill(spec.title, values), tuple(evidence), nxt)


@dataclass
class CallResult:
    spec: CallSpec
    subject: str | None = None  # the item a for_each call was made for
    status: int | None = None
    body: dict | None = None  # the answer (every page merged)
    error: dict | None = None  # {"code", "message"}: an AWS error, or why nothing came back
    pages: int = 0
    elapsed_ms: float = 0.0
    attempts: int = 0
    history_id: int | None = None
    diagnoses: tuple[str, ...] = ()
    sample: bool = False  # the local sandbox answered a sample (it keeps no state for this)
    scenario: str | None = None  # a sandbox scenario answered it

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300 and self.body is not None and not self.sample

    @property
    def operation(self) -> str:
        return self.spec.operation

    def to_dict(self) -> dict:
        data = {"id": self.spec.id, "operation": self.spec.operation, "status": self.status, "pages": self.pages,
                "attempts": self.attempts, "elapsed_ms": round(self.elapsed_ms, 1)}
        if self.subject is not None:
            data["subject"] = self.subject
        for key in ("error", "history_id", "scenario"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.diagnoses:
            data["diagnoses"] = list(self.diagnoses)
        if self.sample:
            data["sample"] = True
        return data


@dataclass
class HealthReport:
    environment: dict
    findings: list[Finding] = field(default_factory=list)
    calls: list[CallResult] = field(default_factory=list)
    elapsed_ms: float = 0.0

    @property
    def ok(self) -> bool:
        """No finding is an error (the command's exit status)."""
        return not any(f.severity == "error" for f in self.findings)

    def counts(self) -> dict:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}

    def by_area(self) -> dict[str, list[Finding]]:
        grouped = {area: [] for area in AREAS}
        for item in self.findings:
            grouped[item.area].append(item)
        return {area: items for area, items in grouped.items() if items}

    def to_dict(self) -> dict:
        return {"findings": [f.to_dict() for f in self.findings], "calls": [c.to_dict() for c in self.calls],
                "environment": self.environment}
