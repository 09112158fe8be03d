"""The troubleshooting catalogue in another language: resources/i18n/troubleshooting.LANG.json
laid over the English entries, English wherever a text is not (or no longer) translated.

    {"schema_version": 1, "language": "zh_CN",
     "words": {"labels": {"cause": {"en": "cause", "zh_CN": "原因"}, ...},
               "guide_words": {"action": {"en": "the action", "zh_CN": "该操作"}, ...},
               "fix_labels": {"switch_environment": {"en": "Switch environment", "zh_CN": "切换环境"}, ...}},
     "entries": {"throttled": {"title": {"en": "...", "zh_CN": "..."}, "summary": {...}, "cause": {...},
                               "steps": [{"en": "...", "zh_CN": "..."}, ...],
                               "guide": {"summary": {...}, "cause": {...}, "steps": [...]}}}}

Each translation sits beside the English it was made from: a step the English gained, or
a title it reworded, shows in English until translated again. {placeholders}, operation
names, field names, error codes, JSON and commands stay as the English writes them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.core.common.i18n import ENGLISH, Overlay, load_overlay, translation
from workbench.core.diagnose.model import FIX_LABELS, GUIDE_WORDS, NO_MESSAGE, Entry, guide_text

OVERLAY = "troubleshooting"
TEXT_FIELDS = ("title", "summary", "cause")
# The guide's own words around the entries (what `troubleshoot show` prints before each part).
LABELS = {
    "symptoms": "symptoms", "cause": "cause", "fix": "fix", "source": "source",
    "nothing_found": "No problem in the guide mentions that; `troubleshoot list` shows them all.",
}
_WORD_TABLES = {"labels": LABELS, "guide_words": {**GUIDE_WORDS, "": NO_MESSAGE}, "fix_labels": FIX_LABELS}


def words(overlay: Overlay, table: str) -> dict[str, str]:
    """One of the overlay's word tables (labels, guide_words, fix_labels), English for any
    word it does not translate."""
    tables = overlay.data.get("words")
    given = tables.get(table) if isinstance(tables, dict) else None
    given = given if isinstance(given, dict) else {}
    return {key: overlay.text(given.get(key), text) for key, text in _WORD_TABLES[table].items()}


def _entries_of(overlay: Overlay) -> dict:
    found = overlay.data.get("entries")
    return found if isinstance(found, dict) else {}


def _steps(pairs, english, language: str) -> tuple[str, ...]:
    """Each English step translated where a pair gives that very step."""
    return tuple(translation(pair, step, language) or step for step, pair in zip(english, _matched(pairs, english)))


def localize(entry: Entry, overlay: Overlay, local_words: dict | None = None) -> Entry:
    """`entry` with the texts `overlay` translates (what a diagnosis fills from an exchange),
    and its `guide` texts (what the guide shows without one) in that language: each text the
    overlay translates with the guide's words of the language, each it does not in English."""
    if overlay.language == ENGLISH:
        return entry
    language, raw = overlay.language, _entries_of(overlay).get(entry.id)
    raw = raw if isinstance(raw, dict) else {}
    raw_guide = raw.get("guide") if isinstance(raw.get("guide"), dict) else {}
    local_words = words(overlay, "guide_words") if local_words is None else local_words

    def both(pair, english: str) -> tuple[str, str]:
        translated = translation(pair, english, language)
        return (english, guide_text(english)) if translated is None else (translated, guide_text(translated, local_words))

    texts, guide = {}, {}
    for name in TEXT_FIELDS:
        texts[name], guide[name] = both(raw.get(name), getattr(entry, name))
        if name in entry.guide:  # the guide's own wording of this text
            guide[name] = overlay.text(raw_guide.get(name), entry.guide[name])
    steps = [both(pair, step) for step, pair in zip(entry.steps, _matched(raw.get("steps"), entry.steps))]
    guide["steps"] = [shown for _, shown in steps]
    if "steps" in entry.guide:
        guide["steps"] = [overlay.text(pair, step) for step, pair in
                          zip(entry.guide["steps"], _matched(raw_guide.get("steps"), entry.guide["steps"]))]
    return replace(entry, **texts, steps=tuple(text for text, _ in steps), guide=guide)


def _matched(pairs, english) -> list:
    """For each English step, the pair translating that very step (matched by its English), or None."""
    by_english = {p.get("en"): p for p in pairs if isinstance(p, dict)} if isinstance(pairs, list) else {}
    return [by_english.get(step) for step in english]


def localize_all(entries: tuple[Entry, ...], language: str, directory=None) -> tuple[tuple[Entry, ...], Overlay]:
    overlay = load_overlay(OVERLAY, language, directory)
    local_words = words(overlay, "guide_words")
    return tuple(localize(entry, overlay, local_words) for entry in entries), overlay


def _wordy(text: str) -> bool:
    """Whether a text has words to translate (not only {placeholders} and punctuation)."""
    return bool(re.search(r"\w", re.sub(r"\{\w+\}", "", text)))


def untranslated(entries: tuple[Entry, ...], language: str, directory=None) -> dict[str, list[str]]:
    """Entry id -> the texts of it still shown in English (title, summary, cause, steps[N],
    guide.summary...): not translated, or translated from an English text since changed."""
    overlay = load_overlay(OVERLAY, language, directory)
    missing: dict[str, list[str]] = {}
    for entry in entries:
        raw = _entries_of(overlay).get(entry.id)
        raw = raw if isinstance(raw, dict) else {}
        raw_guide = raw.get("guide") if isinstance(raw.get("guide"), dict) else {}
        fields = [name for name in TEXT_FIELDS if _wordy(getattr(entry, name))
                  and translation(raw.get(name), getattr(entry, name), language) is None]
        done = _steps(raw.get("steps"), entry.steps, language)
        fields += [f"steps[{n}]" for n, (a, b) in enumerate(zip(entry.steps, done)) if a == b]
        for name, english in entry.guide.items():
            if name == "steps":
                done = _steps(raw_guide.get(name), tuple(english), language)
                fields += [f"guide.steps[{n}]" for n, (a, b) in enumerate(zip(english, done)) if a == b]
            elif _wordy(english) and translation(raw_guide.get(name), english, language) is None:
                fields.append(f"guide.{name}")
        if fields:
            missing[entry.id] = fields
    return missing
