"""The glossaries (resources/i18n/glossary.LANG.json): the terms AWS uses in each edition of
the developer guide, each with the passage it comes from. The seeds themselves are not in
the repository (tools/i18n_seed_quotes.py checks the quotes against them); these tests hold
the files to their own rules."""

from __future__ import annotations

import json
import re

import pytest

from workbench.core.common.i18n import I18N_DIR, load_glossary

LANGUAGES = ("zh_CN", "ko_KR")
SCRIPT = {"zh_CN": re.compile(r"[\u4e00-\u9fff]"), "ko_KR": re.compile(r"[\uac00-\ud7a3]")}
# What the glossary must cover (issue 24): one id per concept.
REQUIRED = [
    "project", "endpoint", "segment", "campaign", "journey", "origination-identity", "opt-out-list",
    "configuration-set", "sandbox", "phone-number", "sender-id", "keyword", "two-way", "event-stream", "channel",
    "template", "message", "recipient", "spend-limit", "registration", "verified-destination-number", "otp",
    "credentials", "access-key", "secret-access-key", "session-token", "region", "environment", "request",
    "response", "signature", "iam-policy", "role", "permission", "throttling", "quota", "end-of-support",
]


def glossary(language: str) -> dict:
    return json.loads((I18N_DIR / f"glossary.{language}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_is_well_formed(language):
    data = glossary(language)
    assert data["schema_version"] == 1 and data["language"] == language
    assert data["seed"]["file"].endswith(".txt") and data["seed"]["edition"]
    ids = [term["id"] for term in data["terms"]]
    assert len(ids) == len(set(ids))
    for term in data["terms"]:
        assert set(term) <= {"id", "en", "match", "term", "seed_form", "quote", "line", "to_line", "counts", "note"}
        assert {"id", "en", "match", "term", "quote", "line", "counts"} <= set(term), term["id"]
        assert isinstance(term["line"], int) and term["line"] > 0
        assert term.get("to_line", term["line"]) >= term["line"]
        assert re.search(term["match"], term["en"], re.IGNORECASE), f"{term['id']}: match does not find {term['en']!r}"
        assert SCRIPT[language].search(term["term"]), f"{term['id']}: {term['term']!r} is not in the language's script"
        assert term["term"] in term["counts"]
        assert all(isinstance(n, int) and n >= 0 for n in term["counts"].values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_concept_of_the_issue_has_a_term(language):
    ids = {term["id"] for term in glossary(language)["terms"]}
    assert [name for name in REQUIRED if name not in ids] == []


def test_both_languages_cover_the_same_terms():
    assert [t["id"] for t in glossary("zh_CN")["terms"]] == [t["id"] for t in glossary("ko_KR")["terms"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_seed_quote_contains_its_term(language):
    """The quote holds the term; where the edition words it otherwise (seed_form), the quote
    holds that wording and a note says why the glossary's term differs."""
    wrong = []
    for term in glossary(language)["terms"]:
        form = term.get("seed_form") or term["term"]
        if form not in term["quote"]:
            wrong.append(f"{term['id']}: {form!r} not in {term['quote']!r}")
        if term.get("seed_form") and not term.get("note"):
            wrong.append(f"{term['id']}: seed_form without a note")
        if len(term["quote"]) > 120:
            wrong.append(f"{term['id']}: the quote is not short ({len(term['quote'])} characters)")
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dominant_word_is_chosen_or_the_note_says_why(language):
    """Where an edition uses two words for one term, the glossary takes the one it uses more."""
    unexplained = []
    for term in glossary(language)["terms"]:
        counts = term["counts"]
        if counts[term["term"]] < max(counts.values()) and not term.get("note"):
            unexplained.append(f"{term['id']}: {counts}")
        others = [word for word in counts if word != term["term"]]
        if others and not term.get("note"):
            unexplained.append(f"{term['id']}: other words {others} without a note")
    assert unexplained == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_concepts_share_a_translation(language):
    """Otherwise the consistency check could not tell one term's use from the other's."""
    terms = [term["term"] for term in glossary(language)["terms"]]
    assert sorted({t for t in terms if terms.count(t) > 1}) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_says_what_stays_english(language):
    untranslated = glossary(language)["untranslated"]
    for kind in ("API names", "operation names", "field names", "error codes", "JSON"):
        assert kind in untranslated["rule"]
    assert {"Amazon Pinpoint", "AWS", "IAM", "SMS"} <= set(untranslated["names"])


def test_the_glossary_is_what_the_core_reads():
    terms = load_glossary("ko_KR")
    assert terms["sender-id"]["term"] == "발신자 ID" and terms["origination-identity"]["term"] == "발신 ID"
    assert load_glossary("zh_CN")["segment"]["term"] == "客户细分"
    assert load_glossary("en") == {}
