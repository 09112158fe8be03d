"""Guided troubleshooting: from an exchange (or an error before sending) to what went wrong,
why, the evidence, the steps and the fixes the app can do.

    diagnose(exchange, plan_or_context=..., environments=[...], now=...) -> [Diagnosis]
    catalogue() / entry(id) / search(words)   the browsable guide, plain data

`exchange` may be a `send_flow.Exchange`, the dict `Exchange.to_dict()` gives (what
`send --json` writes), or a WorkbenchError raised before anything was sent (a missing
{{endpoint}}, no credentials). Matching is data (resources/troubleshooting.json) plus the
code checks in `checks` for what data cannot say (clock skew, the canonical-request diff,
region availability, IAM statements...).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from workbench.core.diagnose.catalogue import (CatalogueError, UnknownEntry, catalogue, entries, entry, guide_words,
                                               localized_fix_label, overlay_problems, search, untranslated)
from workbench.core.diagnose.checks import CHECKS, Finding
from workbench.core.diagnose.context import DiagnosisContext, build_context
from workbench.core.diagnose.credential_fixes import environment_of, fit_fixes
from workbench.core.diagnose.matching import Match, match
from workbench.core.diagnose.model import Diagnosis, Entry, Evidence, fill, fix_label
from workbench.core.diagnose.observation import Observation, SavedExchangeError, from_error, from_exchange, from_saved

__all__ = [
    "CatalogueError", "Diagnosis", "DiagnosisContext", "Evidence", "SavedExchangeError", "UnknownEntry",
    "catalogue", "diagnose", "diagnose_event", "diagnose_history_entry", "entry", "fix_label", "flagged_paths", "from_saved",
    "guide_words", "localized_fix_label", "observe", "overlay_problems", "search", "untranslated",
]


def observe(subject, environment: str = "") -> Observation:
    if isinstance(subject, Observation):
        return subject
    if isinstance(subject, dict):
        return from_saved(subject)
    if isinstance(subject, BaseException):
        return from_error(subject, environment)
    if isinstance(subject, str):  # only an error's text is known
        return Observation(environment=environment, sent=False, error_message=subject)
    if not hasattr(subject, "to_dict"):
        raise SavedExchangeError(where="diagnose", reason=f"cannot read a {type(subject).__name__} as an exchange")
    return from_exchange(subject)


def diagnose(exchange, *, plan_or_context=None, environments=None, now: datetime | None = None,
             language: str = "en") -> list[Diagnosis]:
    """Every catalogue problem this exchange shows, most specific first; [] when nothing is wrong.
    `language`: the catalogue's texts in that language where translated (the steps a code check
    adds, and the values read from the exchange, stay as they are)."""
    env = getattr(plan_or_context, "environment", None) or getattr(plan_or_context, "env", None)
    obs = observe(exchange, getattr(env, "name", ""))
    ctx = build_context(obs, plan_or_context, environments)
    if ctx.key and not obs.operation:
        obs = replace(obs, operation=ctx.key)
    found: list[tuple[Entry, Diagnosis]] = []
    for item in entries(language):
        result = _apply(item, obs, ctx, now)
        if result is not None:
            found.append((item, result))
    superseded = {s for item, _ in found for s in item.supersedes}
    kept = [(item, d) for item, d in found if item.id not in superseded]
    if any(not item.fallback for item, _ in kept):
        kept = [(item, d) for item, d in kept if not item.fallback]
    return [d for _, d in kept]


def flagged_paths(diagnoses) -> dict[str, str]:
    """JSON path in the response body -> id of the diagnosis that read it: the failed
    recipients inside a 200, for a response tree to flag."""
    flagged: dict[str, str] = {}
    for diagnosis in diagnoses:
        for evidence in diagnosis.evidence:
            if evidence.kind == "field" and evidence.name.startswith("$"):
                flagged.setdefault(evidence.name, diagnosis.id)
    return flagged


def diagnose_event(record: dict, *, now: datetime | None = None) -> list[Diagnosis]:
    """Diagnose one delivery event record (Pinpoint's `_SMS.*` stream with record_status, or an
    SMS and Voice v2 event destination's TEXT_*/VOICE_* with messageStatus)."""
    if not isinstance(record, dict):
        raise SavedExchangeError(where="event record", reason="expected a JSON object")
    return diagnose({"status": None, "body": record}, now=now)


def diagnose_history_entry(entry, *, environments=None, now: datetime | None = None) -> list[Diagnosis]:
    """Diagnose a send kept in the history (core.history.HistoryEntry), request body included."""
    return diagnose(entry.to_dict(), environments=environments, now=now)


def _apply(item: Entry, obs: Observation, ctx: DiagnosisContext, now) -> Diagnosis | None:
    hit = Match()
    if item.match:
        for conditions in item.match:
            hit = match(conditions, obs)
            if hit is not None:
                break
        if hit is None:
            return None
    finding = Finding()
    if item.check:
        finding = CHECKS[item.check](obs, ctx, hit, now)
        if finding is None:
            return None
    captures = {
        "environment": getattr(ctx.environment, "name", None) or obs.environment or "this environment",
        "status": obs.status, "code": obs.error_code, "message": obs.message or obs.error_message, "reason": obs.reason,
        "operation": ctx.key or "this operation", "error": obs.error_message,
    }
    captures.update(hit.captures)
    captures.update(finding.captures)
    if not captures["message"]:  # an answer with no message: say what the matched field held
        captures["message"] = str(captures.get("value") or captures["reason"] or captures["code"] or "")
    fixes = [_fill_fix(f, captures) for f in [*finding.fixes, *item.fixes]]
    fixes = fit_fixes([f for f in fixes if f is not None], environment_of(ctx, obs), obs)
    unique_fixes = []
    for fix in fixes:
        if fix not in unique_fixes:
            unique_fixes.append(fix)
    return Diagnosis(
        id=item.id, title=fill(item.title, captures), summary=fill(item.summary, captures), cause=fill(item.cause, captures),
        evidence=tuple(_unique([*hit.evidence, *finding.evidence])),
        steps=tuple(fill(s, captures) for s in [*finding.steps, *item.steps]),
        fixes=tuple(unique_fixes), severity=item.severity, area=item.area, details=finding.details,
    )


def _unique(items):
    seen, out = set(), []
    for item in items:
        key = (item.kind, item.name, item.value)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _fill_fix(fix: dict, captures: dict) -> dict | None:
    """A fix with its {placeholders} filled; None when one cannot be (the fix does not apply)."""
    out = {}
    for key, value in fix.items():
        if isinstance(value, str):
            value = fill(value, captures)
            if "{" in value and "}" in value and key != "statement":
                return None
        out[key] = value
    if fix.get("action") == "open_operation" and out.get("operation") in (None, "this operation"):
        return None
    return out
