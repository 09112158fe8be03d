"""A tutorial file's JSON -> `model.Tutorial`, collecting every problem with where it is
(`steps[2].checks[0].path: ...`) rather than stopping at the first. What refers outside the
file (library operations, troubleshooting entries, saved drafts) is checked by the loader.

    {
      "schema_version": 1, "id": "first-contact", "revision": 1, "order": 1, "sandbox_only": false,
      "title": "...", "summary": "...", "audience": "...", "duration_minutes": 15,
      "prerequisites": ["..."],
      "guide": {"url": "https://docs.aws.amazon.com/...", "title": "..."},
      "variables": {"destination": "+14254147755"},
      "steps": [{
        "id": "create-app", "title": "...", "text": ["paragraph", "..."],
        "links": [{"operation": "pinpoint:CreateApp"}, {"guide": "bad-request"}, {"url": "https://...", "title": "..."}],
        "request": {"operation": "pinpoint:CreateApp", "variant": "ex-002", "body": {...},
                    "variables": {"name": "value or {{ template }}"}, "headers": {"Name": "value"}}
                   or {"draft": "drafts/file.request.json", "variables": {...}},
        "signing": {"identity": "tutorial-user" | "secret": "wrong" | "clock_skew_minutes": 20 | "region": "eu-west-1"},
        "carry": [{"variable": "projectId", "path": "ApplicationResponse.Id", "from": "response" | "event"}],
        "checks": [{"kind": "status", "expected": 201, "hint": "...", "guide": "entry-id"}],
        "other_service": {"service": "AWS Lambda", "commands": ["aws lambda ..."]}
      }]
    }
"""

from __future__ import annotations

import json
import re
from typing import Any

from workbench.core.common.errors import Problem
from workbench.core.request.assertions import assertion_problems, jmespath_problems
from workbench.core.request.drafts import Assertion, RequestDraft
from workbench.core.tutorials.model import (SCHEMA_VERSION, Carry, Check, Link, OtherService, Signing, Step,
                                            StepRequest, Tutorial)

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
DOC_HOSTS = ("docs.aws.amazon.com", "aws.amazon.com")
TOP_FIELDS = {"schema_version", "id", "revision", "order", "sandbox_only", "title", "summary", "audience", "duration_minutes",
              "prerequisites", "guide", "variables", "steps"}
STEP_FIELDS = {"id", "title", "text", "links", "request", "signing", "carry", "checks", "other_service"}
SIGNING = {"identity": ("tutorial-user",), "secret": ("wrong",)}


class _Reader:
    """Reads values out of JSON, noting a located problem for each one that is wrong."""

    def __init__(self):
        self.problems: list[Problem] = []

    def bad(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def text(self, data: dict, key: str, where: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.bad(f"{where}{key}", "missing: a sentence is required" if value is None
                     else f"expected a non-empty string, found {json.dumps(value)[:40]}")
            return ""
        return value.strip()

    def texts(self, data: dict, key: str, where: str, required: bool = True) -> tuple[str, ...]:
        value = data.get(key)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            self.bad(f"{where}{key}", "missing: a list of sentences is required" if value is None
                     else "expected a list of non-empty strings")
            return ()
        return tuple(v.strip() for v in value)

    def unknown(self, data: dict, known: set, where: str) -> None:
        extra = sorted(set(data) - known)
        if extra:
            self.bad(where.rstrip(".") or "$", f"unknown field(s): {', '.join(extra)}")

    def pairs(self, value: Any, where: str) -> tuple[tuple[str, str], ...]:
        if value is None:
            return ()
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.bad(where, "expected an object of names to string values")
            return ()
        return tuple(value.items())


def parse(data: Any, source: str = "tutorial") -> tuple[Tutorial | None, list[Problem]]:
    """(the tutorial, []) or (None, every problem found, each located in the file)."""
    reader = _Reader()
    if not isinstance(data, dict):
        return None, [Problem("$", "expected a JSON object")]
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        reader.bad("schema_version", f"expected {SCHEMA_VERSION} (this version reads {SCHEMA_VERSION}), "
                                     f"found {json.dumps(version)}")
    reader.unknown(data, TOP_FIELDS, "")
    tutorial_id = reader.text(data, "id", "")
    if tutorial_id and not ID.fullmatch(tutorial_id):
        reader.bad("id", f"{tutorial_id!r}: lowercase words joined by '-' (it is the file's name too)")
    revision = data.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        reader.bad("revision", "expected a positive integer (raise it when the steps change)")
        revision = 1
    order = data.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool) or not 1 <= order <= 1000:
        reader.bad("order", "expected the lesson's place in the list, 1 to 1000")
        order = 100
    sandbox_only = data.get("sandbox_only", False)
    if not isinstance(sandbox_only, bool):
        reader.bad("sandbox_only", "expected true or false")
        sandbox_only = False
    duration = data.get("duration_minutes")
    if not isinstance(duration, int) or isinstance(duration, bool) or not 1 <= duration <= 240:
        reader.bad("duration_minutes", "expected minutes, 1 to 240")
        duration = 0
    guide = None
    if data.get("guide") is not None:
        guide = _link(reader, data["guide"], "guide", kinds=("url",))
    variables = reader.pairs(data.get("variables"), "variables")
    for name, _ in variables:
        if not VARIABLE.fullmatch(name):
            reader.bad(f"variables.{name}", "not a variable name (letters, digits, _)")
    steps = []
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        reader.bad("steps", "missing: a list of steps is required")
        raw_steps = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_steps):
        step = _step(reader, raw, f"steps[{index}].")
        if step is not None:
            if step.id in seen:
                reader.bad(f"steps[{index}].id", f"{step.id!r} is used by an earlier step")
            seen.add(step.id)
            steps.append(step)
    tutorial = Tutorial(id=tutorial_id, revision=revision, title=reader.text(data, "title", ""),
                        summary=reader.text(data, "summary", ""), audience=reader.text(data, "audience", ""),
                        duration_minutes=duration, prerequisites=reader.texts(data, "prerequisites", "", required=False),
                        steps=tuple(steps), guide=guide, variables=variables, order=order,
                        sandbox_only=sandbox_only, path=source)
    if reader.problems:
        return None, reader.problems
    return tutorial, []


def _step(reader: _Reader, raw: Any, where: str) -> Step | None:
    if not isinstance(raw, dict):
        reader.bad(where.rstrip("."), "expected an object")
        return None
    reader.unknown(raw, STEP_FIELDS, where)
    step_id = reader.text(raw, "id", where)
    if step_id and not ID.fullmatch(step_id):
        reader.bad(f"{where}id", f"{step_id!r}: lowercase words joined by '-' (translations are keyed by it)")
    links = tuple(filter(None, (_link(reader, item, f"{where}links[{i}]") for i, item in enumerate(_list(reader, raw, "links", where)))))
    request = _request(reader, raw["request"], f"{where}request.") if raw.get("request") is not None else None
    signing = _signing(reader, raw.get("signing"), f"{where}signing.")
    checks = tuple(filter(None, (_check(reader, item, f"{where}checks[{i}].") for i, item in enumerate(_list(reader, raw, "checks", where)))))
    carry = tuple(filter(None, (_carry(reader, item, f"{where}carry[{i}].") for i, item in enumerate(_list(reader, raw, "carry", where)))))
    other = _other_service(reader, raw["other_service"], f"{where}other_service.") if raw.get("other_service") is not None else None
    if request is None and (checks or carry or not signing.plain):
        reader.bad(f"{where}request", "checks, carry and signing need a request to act on")
    if request is not None and other is not None:
        reader.bad(f"{where}other_service", "a step is either sent by the workbench (request) or done on another service")
    if any(c.source == "event" for c in carry) and not any(c.assertion.kind == "event" for c in checks):
        reader.bad(f"{where}carry", "a value carried from an event needs an event check in the same step (it names the event)")
    return Step(id=step_id, title=reader.text(raw, "title", where), text=reader.texts(raw, "text", where),
                links=links, request=request, signing=signing, carry=carry, checks=checks, other_service=other)


def _list(reader: _Reader, raw: dict, key: str, where: str) -> list:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        reader.bad(f"{where}{key}", "expected a list")
        return []
    return value


def _link(reader: _Reader, raw: Any, where: str, kinds=("operation", "guide", "url")) -> Link | None:
    if not isinstance(raw, dict):
        reader.bad(where, "expected an object such as {\"operation\": \"pinpoint:GetApps\"}")
        return None
    kind = next((k for k in kinds if k in raw), None)
    if kind is None or not set(raw) <= {kind, "title"}:
        reader.bad(where, f"expected one of {', '.join(kinds)} (and a title for a url)")
        return None
    target = raw[kind]
    if not isinstance(target, str) or not target:
        reader.bad(f"{where}.{kind}", "expected a string")
        return None
    if kind == "url":
        host = re.match(r"https://([^/]+)/", target)
        if not host or host.group(1) not in DOC_HOSTS:
            reader.bad(f"{where}.url", f"a link goes to AWS's documentation over https ({', '.join(DOC_HOSTS)})")
        title = reader.text(raw, "title", f"{where}.")
        return Link("url", target, title)
    if "title" in raw:
        reader.bad(f"{where}.title", f"a {kind} link takes its title from the {kind}")
    return Link(kind, target)


def _request(reader: _Reader, raw: Any, where: str) -> StepRequest | None:
    if not isinstance(raw, dict):
        reader.bad(where.rstrip("."), "expected an object with an operation (or a saved draft)")
        return None
    if "draft" in raw:
        reader.unknown(raw, {"draft", "variables"}, where)
        path = raw["draft"]
        if not isinstance(path, str) or not path.endswith(".request.json") or ".." in path.split("/") or path.startswith("/"):
            reader.bad(f"{where}draft", "expected a path under resources/tutorials/ ending in .request.json")
            return None
        draft = RequestDraft(variables=reader.pairs(raw.get("variables"), f"{where}variables"))
        return StepRequest(draft, draft_file=path)  # read by the loader
    reader.unknown(raw, {"operation", "variant", "body", "variables", "headers"}, where)
    operation = reader.text(raw, "operation", where)
    if operation and (":" not in operation):
        reader.bad(f"{where}operation", f"{operation!r}: name the API too, e.g. pinpoint:{operation}")
    variant = raw.get("variant")
    if variant is not None and not isinstance(variant, str):
        reader.bad(f"{where}variant", "expected a string (minimal, full or a worked example such as ex-002)")
        variant = None
    body = raw.get("body")
    if body is not None and not isinstance(body, (dict, list)):
        reader.bad(f"{where}body", "expected the JSON body as an object")
        body = None
    return StepRequest(RequestDraft(operation=operation or None, variant=variant,
                                    body=json.dumps(body, indent=2, ensure_ascii=False) if body is not None else None,
                                    variables=reader.pairs(raw.get("variables"), f"{where}variables"),
                                    headers=reader.pairs(raw.get("headers"), f"{where}headers")))


def _signing(reader: _Reader, raw: Any, where: str) -> Signing:
    if raw is None:
        return Signing()
    if not isinstance(raw, dict):
        reader.bad(where.rstrip("."), "expected an object")
        return Signing()
    reader.unknown(raw, {"identity", "secret", "clock_skew_minutes", "region"}, where)
    values = {}
    for key, allowed in SIGNING.items():
        if key in raw:
            if raw[key] not in allowed:
                reader.bad(f"{where}{key}", f"expected one of {', '.join(allowed)}")
            else:
                values[key] = raw[key]
    if "clock_skew_minutes" in raw:
        skew = raw["clock_skew_minutes"]
        if not isinstance(skew, int) or isinstance(skew, bool) or not -1440 <= skew <= 1440 or not skew:
            reader.bad(f"{where}clock_skew_minutes", "expected minutes, -1440 to 1440, not 0")
        else:
            values["clock_skew_minutes"] = skew
    if "region" in raw:
        if not isinstance(raw["region"], str) or not re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", raw["region"]):
            reader.bad(f"{where}region", "expected a region name such as eu-west-1")
        else:
            values["region"] = raw["region"]
    return Signing(**values)


def _check(reader: _Reader, raw: Any, where: str) -> Check | None:
    if not isinstance(raw, dict):
        reader.bad(where.rstrip("."), "expected an object with a kind")
        return None
    reader.unknown(raw, {"kind", "path", "expected", "hint", "guide"}, where)
    kind, path, expected = raw.get("kind"), raw.get("path", ""), raw.get("expected")
    problems = assertion_problems(kind, path, expected)
    for problem in problems:
        reader.bad(f"{where}{problem.path}", problem.message)
    if problems:
        return None
    guide = raw.get("guide", "")
    if not isinstance(guide, str):
        reader.bad(f"{where}guide", "expected the id of a troubleshooting entry")
        guide = ""
    return Check(Assertion(kind, path, expected), hint=reader.text(raw, "hint", where, required=False), guide=guide)


def _carry(reader: _Reader, raw: Any, where: str) -> Carry | None:
    if not isinstance(raw, dict):
        reader.bad(where.rstrip("."), "expected {\"variable\": ..., \"path\": ...}")
        return None
    reader.unknown(raw, {"variable", "path", "from"}, where)
    variable, path = reader.text(raw, "variable", where), reader.text(raw, "path", where)
    if variable and not VARIABLE.fullmatch(variable):
        reader.bad(f"{where}variable", f"{variable!r} is not a variable name (letters, digits, _)")
    if path:
        for problem in jmespath_problems(path, f"{where}path"):
            reader.problems.append(problem)
    source = raw.get("from", "response")
    if source not in ("response", "event"):
        reader.bad(f"{where}from", "expected response or event")
    return Carry(variable, path, source) if variable and path else None


def _other_service(reader: _Reader, raw: Any, where: str) -> OtherService | None:
    if not isinstance(raw, dict):
        reader.bad(where.rstrip("."), "expected {\"service\": ..., \"commands\": [...]}")
        return None
    reader.unknown(raw, {"service", "commands"}, where)
    commands = raw.get("commands", [])
    if not isinstance(commands, list) or not all(isinstance(c, str) for c in commands):
        reader.bad(f"{where}commands", "expected a list of command lines")
        commands = []
    return OtherService(reader.text(raw, "service", where), tuple(commands))
