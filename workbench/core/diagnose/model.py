"""The plain data troubleshooting works with: catalogue entries and diagnoses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class _Fill(dict):
    """format_map helper: an unknown {placeholder} stays as written."""

    def __missing__(self, key):
        return "{" + key + "}"


def fill(text: str, captures: dict) -> str:
    """`text` with its {placeholders} filled; a sentence ending in a filled message that has its
    own full stop ends in one ("...for this project.", not "...for this project..")."""
    filled = text.format_map(_Fill({k: v for k, v in captures.items() if v is not None}))
    return re.sub(r"(?<!\.)([.!?])\.$", r"\1", filled)


# What the guide says where a diagnosis names the value it read: {action} -> "the action".
GUIDE_WORDS = {
    "action": "the action", "principal": "the caller", "resource": "the resource", "role": "the role",
    "service": "the service", "signed": "another signing name", "region": "the endpoint's region",
    "scoped": "another region", "variable": "(endpoint, smsVoiceV2Endpoint, smsVoiceEndpoint or emailEndpoint)",
    "variables": "a variable", "key_id": "", "difference": "the first line of the canonical request that differs",
    "likely": ("a wrong secret access key, a wrong signing name or region, a body or header changed after "
               "signing, or clock skew"),
    "skew": "more than 5 minutes off", "what": "id", "member": "the member the message names",
    "quota": "the operation's request-rate quota", "count": "some", "operation": "the operation",
    "api": "This API", "offered": "other regions", "area": "campaigns, journeys, segments...",
    "date": "2026-10-30", "migration": "the replacement the developer guide names",
    "identities": "the sender or recipient addresses", "reason": "the reason code", "value": "the status it reports",
    "explanation": "the origination and destination numbers are in different countries",
    "country": "the destination's country", "destination": "The destination number", "countries": "the sandbox's countries",
    "environment": "the environment", "name": "the variable", "environments": "your environments",
    "profile": "the profile", "status": "", "code": "", "message": "", "error": "",
}


def _generic(text: str) -> str:
    """A catalogue text without an exchange, for the guide: {action} -> "the action"; a text
    that was only the message that came back says so."""
    text = re.sub(r"\s{2,}", " ", fill(text, GUIDE_WORDS))
    text = re.sub(r"\s+([.,;)])", r"\1", text)
    text = re.sub(r":\s*\.?$", ".", text).strip()
    if not text:
        return "The message that came back says what went wrong."
    return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Entry:
    """One known problem of the catalogue (resources/troubleshooting.json)."""

    id: str
    title: str
    area: str
    summary: str
    cause: str
    symptoms: tuple[str, ...]
    steps: tuple[str, ...]
    fixes: tuple[dict, ...] = ()
    match: tuple[dict, ...] = ()  # alternatives (any); each a dict of conditions (all)
    check: str | None = None  # a code check in diagnose.checks
    supersedes: tuple[str, ...] = ()
    fallback: bool = False  # only when nothing else explains the exchange
    severity: str = "error"
    source: str = ""
    guide: dict = field(default_factory=dict)  # the guide's own title/summary/cause/steps, where the general wording reads badly

    @classmethod
    def from_dict(cls, data: dict) -> "Entry":
        return cls(
            id=data["id"], title=data["title"], area=data["area"], summary=data["summary"],
            cause=data["cause"], symptoms=tuple(data.get("symptoms", ())), steps=tuple(data["steps"]),
            fixes=tuple(data.get("fixes", ())), match=tuple(data.get("match", ())),
            check=data.get("check"), supersedes=tuple(data.get("supersedes", ())),
            fallback=bool(data.get("fallback", False)), severity=data.get("severity", "error"),
            source=data.get("source", ""), guide=dict(data.get("guide", {})),
        )

    def to_dict(self) -> dict:
        """What the guide shows: everything but the matchers' internals; a {placeholder} filled
        from an exchange reads in general words here ("the action")."""
        def text(name):
            return self.guide.get(name) or _generic(getattr(self, name))

        return {
            "id": self.id, "title": text("title"), "area": self.area, "summary": text("summary"),
            "symptoms": list(self.symptoms), "cause": text("cause"),
            "steps": list(self.guide.get("steps") or [_generic(s) for s in self.steps]),
            "fixes": [dict(f) for f in self.fixes], "severity": self.severity, "source": self.source,
        }


@dataclass(frozen=True)
class Evidence:
    """What a diagnosis read: `kind` is status|header|field|message|error|problem|clock|inspection."""

    kind: str
    name: str
    value: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "value": self.value}

    def __str__(self) -> str:
        return f"{self.kind} {self.name}: {self.value}" if self.name else f"{self.kind}: {self.value}"


@dataclass(frozen=True)
class Diagnosis:
    """One explained problem of one exchange: plain data every front end shows the same way."""

    id: str
    title: str
    summary: str
    cause: str
    evidence: tuple[Evidence, ...]
    steps: tuple[str, ...]
    fixes: tuple[dict, ...] = ()
    severity: str = "error"
    area: str = ""
    details: dict = field(default_factory=dict)  # e.g. the signature diff, ranked causes

    def to_dict(self) -> dict:
        data = {
            "id": self.id, "title": self.title, "summary": self.summary, "cause": self.cause,
            "evidence": [e.to_dict() for e in self.evidence], "steps": list(self.steps),
            "fixes": [dict(f) for f in self.fixes], "severity": self.severity, "area": self.area,
        }
        if self.details:
            data["details"] = self.details
        return data


FIX_LABELS = {
    "switch_environment": "Switch environment",
    "open_credentials": "Open the credentials of {environment}",
    "set_variable": "Set {name}",
    "copy_policy": "Copy the IAM policy statement",
    "open_operation": "Open {operation}",
    "list_projects": "List projects in {environments}",
    "retry": "Retry with backoff",
    "start_sandbox": "Start the local sandbox",
    "unlock_keyring": "Unlock the OS keyring",
    "use_profile": "Use an AWS profile for {environment}",
    "session_credentials": "Keep the keys for this session only",
    "check_profile": "Check AWS profile {profile}",
    "sso_login": "Log in to SSO (profile {profile})",
    "set_process_credentials": "Set {names}",
}


def fix_label(fix: dict) -> str:
    """A fix in a few words, for a button: 'Re-sign for eu-west-1', 'Set projectId'."""
    action = fix.get("action", "")
    if action == "resign":
        return f"Re-sign for {fix['region']}" if "region" in fix else f"Re-sign as {fix.get('signing_name', '?')}"
    values = {k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in fix.items()}
    return _generic(fill(FIX_LABELS.get(action, action.replace("_", " ").capitalize()), values))
