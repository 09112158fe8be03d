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
    own full stop ends in one ("...for this project.", not "...for this project.."). In a
    translation, the words around a filled value follow it: no space between Chinese
    characters, and a Korean particle written for either ending (이(가)) fits the word before."""
    filled = text.format_map(_Fill({k: v for k, v in captures.items() if v is not None}))
    filled = _HAN_SPACE.sub("", filled)
    filled = _PARTICLE.sub(_particle, filled)
    return re.sub(r"(?<![.。])([.!?。！？])[.。]$", r"\1", filled)


_HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_PARTICLE = re.compile(r"([\uac00-\ud7a3])(이\(가\)|을\(를\)|은\(는\)|과\(와\)|\(으\)로)")
_PARTICLES = {"이(가)": ("이", "가"), "을(를)": ("을", "를"), "은(는)": ("은", "는"), "과(와)": ("과", "와")}


def _particle(found) -> str:
    """A Korean syllable and the particle form its ending takes (final consonant or not)."""
    syllable, particle = found.groups()
    final = (ord(syllable) - 0xAC00) % 28
    if particle == "(으)로":
        return syllable + ("으로" if final not in (0, 8) else "로")  # 8: ㄹ takes 로
    with_final, without = _PARTICLES[particle]
    return syllable + (with_final if final else without)


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


NO_MESSAGE = "The message that came back says what went wrong."


def guide_text(text: str, words: dict | None = None) -> str:
    """A catalogue text without an exchange, for the guide: {action} -> "the action"; a text
    that was only the message that came back says so. `words`: the guide's words in the
    entry's language (placeholder -> words; "" -> the sentence for an empty text)."""
    english = not words
    words = {**GUIDE_WORDS, "": NO_MESSAGE, **(words or {})}
    text = re.sub(r"\s{2,}", " ", fill(text, words))
    text = re.sub(r"\s+([.,;)。，；）])", r"\1", text)
    text = re.sub(r":\s*\.?$", ".", text)
    text = re.sub(r"[：:]\s*。?$", "。", text).strip()
    if not text:
        return words[""]
    return text[0].upper() + text[1:] if english else text


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
            return self.guide.get(name) or guide_text(getattr(self, name))

        return {
            "id": self.id, "title": text("title"), "area": self.area, "summary": text("summary"),
            "symptoms": list(self.symptoms), "cause": text("cause"),
            "steps": list(self.guide.get("steps") or [guide_text(s) for s in self.steps]),
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
    "resign_region": "Re-sign for {region}",
    "resign_signing_name": "Re-sign as {signing_name}",
}


def fix_label(fix: dict, labels: dict | None = None, words: dict | None = None) -> str:
    """A fix in a few words, for a button: 'Re-sign for eu-west-1', 'Set projectId'. `labels`
    and `words`: FIX_LABELS and the guide's words in another language (which then starts as
    the translation does: 'eu-west-1에 맞게 다시 서명')."""
    labels = {**FIX_LABELS, **(labels or {})}
    action = fix.get("action", "")
    if action == "resign":
        action = "resign_region" if "region" in fix else "resign_signing_name"
        fix = {"signing_name": "?", **fix}
    values = {k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in fix.items()}
    return guide_text(fill(labels.get(action, action.replace("_", " ").capitalize()), values), words)
