"""A tutorial as plain data: what a lesson says, what each step sends, what it carries
forward and what it checks. Read from `resources/tutorials/NAME.json` by `schema.py`.

Every text a learner reads (titles, paragraphs, prerequisites, hints, link titles) is a whole
sentence in one field, so a translation can replace it field by field (`loader.py` reads
per-language overlay files keyed by step id; English is the fallback). Code (JSON bodies,
commands for other services, JMESPath, ids) is never translated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from workbench.core.request.drafts import Assertion, AwsV4Auth, RequestDraft

SCHEMA_VERSION = 1
SANDBOX_HEADER_PREFIX = "x-sandbox-"  # headers only the local sandbox reads


@dataclass(frozen=True)
class Link:
    """Where to read more: a library operation's docs, a troubleshooting guide entry, or a page
    of AWS's documentation (with its title)."""

    kind: str  # "operation" | "guide" | "url"
    target: str  # "pinpoint:GetApps" | "iam-tutorial-no-delete" | "https://docs.aws.amazon.com/..."
    title: str = ""  # url links: the page's title (translatable)

    def to_dict(self) -> dict:
        data = {self.kind: self.target}
        if self.title:
            data["title"] = self.title
        return data


@dataclass(frozen=True)
class Check:
    """One check on the learner's exchange (kinds: send.checks), with the hint a failure shows."""

    assertion: Assertion
    hint: str = ""  # one or two sentences: what usually causes this failure
    guide: str = ""  # a troubleshooting entry the hint points at (else the diagnosis that matches)

    def to_dict(self) -> dict:
        data = {"kind": self.assertion.kind}
        if self.assertion.path:
            data["path"] = self.assertion.path
        if self.assertion.expected is not None:
            data["expected"] = self.assertion.expected
        if self.hint:
            data["hint"] = self.hint
        if self.guide:
            data["guide"] = self.guide
        return data


@dataclass(frozen=True)
class Carry:
    """A value carried to later steps, like `send --save`: a JMESPath into the response, or
    into the event record the step's event check found (`source` "event")."""

    variable: str
    path: str
    source: str = "response"

    def to_dict(self) -> dict:
        data = {"variable": self.variable, "path": self.path}
        if self.source != "response":
            data["from"] = self.source
        return data


@dataclass(frozen=True)
class Signing:
    """How a step signs on purpose differently (sandbox only): as the guide's PostmanUser, with
    a wrong secret, with a skewed clock, or for another region."""

    identity: str = ""  # "" | "tutorial-user"
    secret: str = ""  # "" | "wrong"
    clock_skew_minutes: int = 0
    region: str = ""

    @property
    def plain(self) -> bool:
        return self == Signing()

    def to_dict(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


@dataclass(frozen=True)
class StepRequest:
    """The request a step is about: a library operation (+ variant, body, variables, headers),
    or a saved draft file (`draft_file`, relative to resources/tutorials/)."""

    draft: RequestDraft  # the template of the request (the lesson's variables are added when it is opened)
    draft_file: str = ""

    @property
    def operation(self) -> str:
        return self.draft.operation or ""

    @property
    def sandbox_only(self) -> bool:
        """Whether it speaks to the local sandbox only (a header only the sandbox reads)."""
        return any(name.lower().startswith(SANDBOX_HEADER_PREFIX) for name, _ in self.draft.headers)

    def to_dict(self) -> dict:
        if self.draft_file:
            data = {"draft": self.draft_file}
            if self.draft.variables:
                data["variables"] = dict(self.draft.variables)
            return data
        data = {"operation": self.draft.operation}
        if self.draft.variant:
            data["variant"] = self.draft.variant
        if self.draft.body is not None:
            data["body"] = json.loads(self.draft.body) if _is_json(self.draft.body) else self.draft.body
        if self.draft.variables:
            data["variables"] = dict(self.draft.variables)
        if self.draft.headers:
            data["headers"] = dict(self.draft.headers)
        return data


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class OtherService:
    """A step done on another AWS service (IAM, Lambda, API Gateway...): shown, with commands
    to copy, never sent by the workbench."""

    service: str  # "AWS Lambda"
    commands: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        data = {"service": self.service}
        if self.commands:
            data["commands"] = list(self.commands)
        return data


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: tuple[str, ...]  # paragraphs
    links: tuple[Link, ...] = ()
    request: StepRequest | None = None  # None: a step to read (or one done on another service)
    signing: Signing = Signing()
    carry: tuple[Carry, ...] = ()
    checks: tuple[Check, ...] = ()
    other_service: OtherService | None = None

    @property
    def sends(self) -> bool:
        return self.request is not None

    @property
    def sandbox_only(self) -> bool:
        return not self.signing.plain or (self.request is not None and self.request.sandbox_only)

    def draft(self, variables: dict | None = None) -> RequestDraft:
        """The step's request as a draft to open in a tab or send: the lesson's `variables` (values
        carried so far) in its request scope, the step's own variables winning (a value may be a
        template over the lesson's: `{{ e164 | replace("+", "") }}`; one that cannot be filled yet
        is left out, so the send names it as missing); no saves and no assertions (the lesson
        checks and carries)."""
        from workbench.core.common.errors import WorkbenchError
        from workbench.core.request.render import render_text

        base = self.request.draft
        lesson = dict(variables or {})
        own = {}
        for name, value in base.variables:
            if "{{" in value or "{%" in value:
                try:
                    value = render_text(value, lesson, f"variable {name}")
                except WorkbenchError:
                    continue
            own[name] = value
        merged = {**lesson, **own}
        auth = AwsV4Auth(region=self.signing.region) if self.signing.region else base.auth
        return replace(base, name=base.name or self.request.operation.rpartition(":")[2],
                       variables=tuple(merged.items()), auth=auth, saves=(), assertions=())

    def to_dict(self) -> dict:
        data = {"id": self.id, "title": self.title, "text": list(self.text)}
        if self.links:
            data["links"] = [link.to_dict() for link in self.links]
        if self.request is not None:
            data["request"] = self.request.to_dict()
        if not self.signing.plain:
            data["signing"] = self.signing.to_dict()
        if self.carry:
            data["carry"] = [c.to_dict() for c in self.carry]
        if self.checks:
            data["checks"] = [c.to_dict() for c in self.checks]
        if self.other_service is not None:
            data["other_service"] = self.other_service.to_dict()
        return data


@dataclass(frozen=True)
class Tutorial:
    id: str
    revision: int  # raised when the steps change: kept progress of an older revision starts over
    title: str
    summary: str
    audience: str
    duration_minutes: int
    prerequisites: tuple[str, ...]
    steps: tuple[Step, ...]
    guide: Link | None = None  # the developer guide's chapter this lesson follows
    variables: tuple[tuple[str, str], ...] = ()  # the lesson's starting values
    order: int = 100  # its place in the list of lessons (first-contact is 1)
    sandbox_only: bool = False  # the whole lesson is about what only the sandbox does (breaking signatures)
    language: str = "en"  # the language the texts are in (after an overlay)
    path: str = ""  # the file it was read from

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def index(self, step_id: str) -> int:
        return [s.id for s in self.steps].index(step_id)

    def operations(self) -> list[str]:
        """The operations its steps send, in order (repeats kept)."""
        return [step.request.operation for step in self.steps if step.request is not None]

    def would_change(self) -> list[tuple[str, str]]:
        """[(operation, kind)] of the steps that create, change, send or delete something in an
        AWS environment (kind as environments.model.classify_operation says; the steps that run
        only in the sandbox left out): what running the lesson against AWS does."""
        from workbench.core.environments.model import classify_operation

        out = []
        for operation in [s.request.operation for s in self.steps if s.sends and not s.sandbox_only]:
            kind = classify_operation(operation.rpartition(":")[2])
            if kind != "read":
                out.append((operation, kind))
        return out

    def summary_dict(self) -> dict:
        return {"id": self.id, "revision": self.revision, "order": self.order, "title": self.title, "summary": self.summary,
                "audience": self.audience, "duration_minutes": self.duration_minutes,
                "steps": len(self.steps), "sandbox_only": self.sandbox_only, "language": self.language}

    def to_dict(self) -> dict:
        data = {"schema_version": SCHEMA_VERSION, **self.summary_dict(), "prerequisites": list(self.prerequisites),
                "steps": [s.to_dict() for s in self.steps]}
        data.pop("language")
        if not self.sandbox_only:
            data.pop("sandbox_only")
        if self.guide is not None:
            data["guide"] = self.guide.to_dict()
        if self.variables:
            data["variables"] = dict(self.variables)
        return data
