"""The plain data troubleshooting works with: catalogue entries and diagnoses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class _Fill(dict):
    """format_map helper: an unknown {placeholder} stays as written."""

    def __missing__(self, key):
        return "{" + key + "}"


def fill(text: str, captures: dict) -> str:
    return text.format_map(_Fill({k: v for k, v in captures.items() if v is not None}))


def _generic(text: str) -> str:
    """A catalogue text without an exchange: {key_id} -> <key id>."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: "<" + m.group(1).replace("_", " ") + ">", text)


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

    @classmethod
    def from_dict(cls, data: dict) -> "Entry":
        return cls(
            id=data["id"], title=data["title"], area=data["area"], summary=data["summary"],
            cause=data["cause"], symptoms=tuple(data.get("symptoms", ())), steps=tuple(data["steps"]),
            fixes=tuple(data.get("fixes", ())), match=tuple(data.get("match", ())),
            check=data.get("check"), supersedes=tuple(data.get("supersedes", ())),
            fallback=bool(data.get("fallback", False)), severity=data.get("severity", "error"),
            source=data.get("source", ""),
        )

    def to_dict(self) -> dict:
        """What the guide shows: everything but the matchers' internals; a {placeholder} filled
        from an exchange reads as <placeholder> here."""
        return {
            "id": self.id, "title": _generic(self.title), "area": self.area, "summary": _generic(self.summary),
            "symptoms": list(self.symptoms), "cause": _generic(self.cause), "steps": [_generic(s) for s in self.steps],
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
}


def fix_label(fix: dict) -> str:
    """A fix in a few words, for a button: 'Re-sign for eu-west-1', 'Set projectId'."""
    action = fix.get("action", "")
    if action == "resign":
        return f"Re-sign for {fix['region']}" if "region" in fix else f"Re-sign as {fix.get('signing_name', '?')}"
    values = {k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in fix.items()}
    return _generic(fill(FIX_LABELS.get(action, action.replace("_", " ").capitalize()), values))
