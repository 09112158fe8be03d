"""What the translation tests look for in a translated text: English left in it (beyond what
stays English on purpose), the glossary's terms, placeholders and script."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
CJK = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SCRIPT = {"zh_CN": CJK, "ko_KR": HANGUL}
# Anything of these scripts (and their punctuation) separates the runs of Latin text in a translation.
_SEPARATORS = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef\s]+")
_EDGE = "()[]{}<>,;:!?.'\"“”‘’"


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _code_like(token: str) -> bool:
    """An operation, field, error code, header, command, path, number or value: kept as is."""
    if re.search(r"[0-9_./:=*+@~#$%&\\|<>-]", token):
        return True
    if token[0].isupper() or re.search(r"[a-z][A-Z]", token):  # GetApps, PENDING, Postman, projectId
        return True
    return token in ("true", "false", "null")


def english_leftovers(text: str, names: list[str]) -> list[str]:
    """The English words of a translated text that are not meant to stay English: everything
    but backticked code, {placeholders}, the glossary's untranslated names, and tokens that
    look like code (see _code_like). Lowercase prose words are what is left."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = PLACEHOLDER.sub(" ", text)
    text = re.sub(r"https?://\S+", " ", text)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    leftovers = []
    for run in _SEPARATORS.split(text):
        token = run.strip(_EDGE)
        if len(token) < 2 or not re.search(r"[A-Za-z]", token):
            continue
        if not _code_like(token):
            leftovers.append(token)
    return leftovers


def prose(english: str) -> str:
    """English without its placeholders and code words (X-Sandbox-Advance-Clock, iam:PassRole,
    SANDBOX, projectId), where a glossary term is not prose; opt-out and two-way stay."""
    english = PLACEHOLDER.sub(" ", english)
    return " ".join(token for token in english.split()
                    if not (re.search(r"[_/:=0-9]|\.\w", token) or re.search(r".[A-Z]", token.strip(_EDGE))))


def missing_terms(english: str, translated: str, glossary: dict) -> list[str]:
    """Glossary terms the English uses that the translation does not: "segment -> 客户细分".
    A translation may instead keep the English words as code, in backticks (`endpoint`, an
    AWS message quoted as it comes: `Credential should be scoped to a valid region`)."""
    missing = []
    english = prose(english)
    kept = [span.lower() for span in re.findall(r"`([^`]*)`", translated)]
    for term in glossary.values():
        # a value in capitals (SANDBOX, OPT_OUT) is a code, not the term
        found = [m.group(0) for m in re.finditer(term["match"], english, re.IGNORECASE) if not m.group(0).isupper()]
        if not found or term["term"] in translated:
            continue
        if all(any(word.lower() in span for span in kept) for word in found):
            continue
        missing.append(f"{found[0]} -> {term['term']}")
    return missing
