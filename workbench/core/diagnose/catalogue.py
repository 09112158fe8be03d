"""The troubleshooting catalogue (resources/troubleshooting.json): loading, checking, browsing."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from workbench.core.diagnose.matching import KNOWN_CONDITIONS
from workbench.core.diagnose.model import Entry
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.resources import RESOURCES_DIR

CATALOGUE_FILE = RESOURCES_DIR / "troubleshooting.json"
FIX_ACTIONS = frozenset({
    "switch_environment", "open_credentials", "set_variable", "resign", "copy_policy", "open_operation",
    "list_projects", "retry", "start_sandbox", "unlock_keyring", "use_profile", "session_credentials", "check_profile",
    "sso_login", "set_process_credentials",
})


class CatalogueError(WorkbenchError):
    fmt = "troubleshooting catalogue, entry {entry}: {reason}"


class UnknownEntry(WorkbenchError):
    fmt = "no troubleshooting entry {id!r}; `troubleshoot list` shows them all"


def load_entries(data: dict) -> tuple[Entry, ...]:
    from workbench.core.diagnose.checks import CHECKS

    entries, seen = [], set()
    for index, raw in enumerate(data.get("entries", ())):
        name = raw.get("id", f"#{index}")
        try:
            entry = Entry.from_dict(raw)
        except KeyError as exc:
            raise CatalogueError(entry=name, reason=f"missing {exc.args[0]!r}") from None
        if entry.id in seen:
            raise CatalogueError(entry=name, reason="duplicate id")
        seen.add(entry.id)
        if not entry.match and not entry.check:
            raise CatalogueError(entry=name, reason="needs a 'match' or a 'check'")
        if entry.check and entry.check not in CHECKS:
            raise CatalogueError(entry=name, reason=f"unknown check {entry.check!r}")
        for conditions in entry.match:
            unknown = set(conditions) - KNOWN_CONDITIONS
            if unknown:
                raise CatalogueError(entry=name, reason=f"unknown match condition(s) {sorted(unknown)}")
            for key in ("message", "text"):
                if key in conditions:
                    try:
                        re.compile(conditions[key])
                    except re.error as exc:
                        raise CatalogueError(entry=name, reason=f"bad {key} pattern: {exc}") from None
        for fix in entry.fixes:
            if fix.get("action") not in FIX_ACTIONS:
                raise CatalogueError(entry=name, reason=f"unknown fix action {fix.get('action')!r}")
        entries.append(entry)
    for entry in entries:
        unknown = set(entry.supersedes) - seen
        if unknown:
            raise CatalogueError(entry=entry.id, reason=f"supersedes unknown entries {sorted(unknown)}")
    return tuple(entries)


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    with open(CATALOGUE_FILE, encoding="utf-8") as handle:
        return load_entries(json.load(handle))


def catalogue() -> list[dict]:
    """Every known problem as plain data (id, title, area, summary, symptoms, cause, steps,
    fixes, severity, source), in the catalogue's order: the browsable guide."""
    return [entry.to_dict() for entry in entries()]


def entry(entry_id: str) -> dict:
    for item in entries():
        if item.id == entry_id:
            return item.to_dict()
    raise UnknownEntry(id=entry_id)


def _haystack(item: Entry) -> str:
    return " ".join([item.id, item.title, item.area, item.summary, item.cause, *item.symptoms, *item.steps]).lower()


def search(words: str) -> list[dict]:
    """Entries containing every word (case-insensitive), best first: title hits, then symptom hits."""
    terms = [w for w in re.split(r"\s+", words.lower().strip()) if w]
    if not terms:
        return catalogue()
    hits = []
    for position, item in enumerate(entries()):
        text = _haystack(item)
        if all(term in text for term in terms):
            title = f"{item.id} {item.title}".lower()
            symptoms = " ".join(item.symptoms).lower()
            score = sum(3 for t in terms if t in title) + sum(1 for t in terms if t in symptoms)
            hits.append((-score, position, item))
    return [item.to_dict() for _, _, item in sorted(hits, key=lambda h: (h[0], h[1]))]
