"""The troubleshooting catalogue (resources/troubleshooting.json): loading, checking, browsing;
in English, Simplified Chinese or Korean (translations: catalogue_i18n)."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from workbench.core.diagnose.matching import KNOWN_CONDITIONS
from workbench.core.diagnose.model import Entry, fix_label
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.i18n import ENGLISH
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
def _english_entries() -> tuple[Entry, ...]:
    with open(CATALOGUE_FILE, encoding="utf-8") as handle:
        return load_entries(json.load(handle))


@lru_cache(maxsize=None)
def _localized(language: str):
    """(entries, overlay) in one of i18n.LANGUAGES; English is the catalogue itself."""
    from workbench.core.diagnose.catalogue_i18n import localize_all

    return localize_all(_english_entries(), language)


def entries(language: str = ENGLISH) -> tuple[Entry, ...]:
    """The catalogue's entries, their texts in `language` where translated (English otherwise)."""
    return _english_entries() if language == ENGLISH else _localized(language)[0]


def overlay_problems(language: str) -> tuple:
    """What could not be read of `language`'s translation (then the guide is English)."""
    return _localized(language)[1].problems


def untranslated(language: str) -> dict[str, list[str]]:
    """Entry id -> its texts still shown in English in `language` (see catalogue_i18n)."""
    from workbench.core.diagnose.catalogue_i18n import untranslated as missing

    return {} if language == ENGLISH else missing(_english_entries(), language)


def guide_words(language: str, table: str) -> dict[str, str]:
    """The guide's labels ('labels'), placeholder words ('guide_words') or fix labels
    ('fix_labels') in `language`, English where not translated."""
    from workbench.core.diagnose.catalogue_i18n import words

    return words(_localized(language)[1], table)


def localized_fix_label(fix: dict, language: str = ENGLISH) -> str:
    """A fix in a few words (model.fix_label) in `language`."""
    if language == ENGLISH:
        return fix_label(fix)
    return fix_label(fix, guide_words(language, "fix_labels"), guide_words(language, "guide_words"))


def catalogue(language: str = ENGLISH) -> list[dict]:
    """Every known problem as plain data (id, title, area, summary, symptoms, cause, steps,
    fixes, severity, source), in the catalogue's order: the browsable guide."""
    return [entry.to_dict() for entry in entries(language)]


def entry(entry_id: str, language: str = ENGLISH) -> dict:
    for item in entries(language):
        if item.id == entry_id:
            return item.to_dict()
    raise UnknownEntry(id=entry_id)


def _haystack(item: Entry) -> str:
    return " ".join([item.id, item.title, item.area, item.summary, item.cause, *item.symptoms, *item.steps]).lower()


def search(words: str, language: str = ENGLISH) -> list[dict]:
    """Entries containing every word (case-insensitive), best first: title hits, then symptom
    hits. In another language a word may be English or of that language."""
    terms = [w for w in re.split(r"\s+", words.lower().strip()) if w]
    if not terms:
        return catalogue(language)
    hits = []
    for position, (item, english) in enumerate(zip(entries(language), entries())):
        text = _haystack(item) + (" " + _haystack(english) if language != ENGLISH else "")
        if all(term in text for term in terms):
            title = f"{item.id} {item.title} {english.title}".lower()
            symptoms = " ".join(item.symptoms).lower()
            score = sum(3 for t in terms if t in title) + sum(1 for t in terms if t in symptoms)
            hits.append((-score, position, item))
    return [item.to_dict() for _, _, item in sorted(hits, key=lambda h: (h[0], h[1]))]
