"""The shipped tutorials in Simplified Chinese and Korean: every text a learner reads is
translated (a missing one fails), for the tutorial's current revision, with the glossary's
terms; `tutorial list --json --language ko_KR` and `tutorial show` follow the language."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from text_checks import HANGUL, SCRIPT, english_leftovers, missing_terms

from workbench.core.common.i18n import I18N_DIR, load_glossary
from workbench.core.tutorials import load_tutorials, texts

LANGUAGES = ("zh_CN", "ko_KR")


@lru_cache(maxsize=None)
def loaded(language: str):
    return load_tutorials(language=language)


def names(language: str) -> list[str]:
    return json.loads((I18N_DIR / f"glossary.{language}.json").read_text(encoding="utf-8"))["untranslated"]["names"]


def pairs(language: str):
    """(where, english, translation) for every text of every shipped tutorial."""
    english = {t.id: t for t in loaded("en").tutorials}
    for tutorial in loaded(language).tutorials:
        shown = texts(tutorial)
        for where, text in texts(english[tutorial.id]).items():
            yield f"{tutorial.id}: {where}", text, shown.get(where, "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_tutorial_has_a_translation(language):
    """(What each one still lacks, test_what_is_missing lists and holds.)"""
    assert [t.language for t in loaded(language).tutorials] == [language] * len(loaded("en").tutorials)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_are_of_the_current_revision_and_read_cleanly(language):
    """A translation of an older revision still applies, with a warning: for the shipped
    lessons there is none (nor any other problem)."""
    assert [str(p) for p in loaded(language).problems] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_tutorial_translations_use_the_glossary_terms(language):
    terms = load_glossary(language)
    wrong = [f"{where}: {', '.join(found)}" for where, en, text in pairs(language)
             if (found := missing_terms(en, text, terms))]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_tutorial_translations_leave_no_english_prose(language):
    wrong = [f"{where}: {left}" for where, en, text in pairs(language)
             if (left := english_leftovers(text, names(language)))]
    assert wrong == []
    assert [where for where, en, text in pairs(language) if not SCRIPT[language].search(text)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_code_of_a_lesson_is_not_translated(language):
    """Requests, checks, carries, links and signing are the English lesson's, untouched."""
    english = {t.id: t for t in loaded("en").tutorials}
    for tutorial in loaded(language).tutorials:
        for ours, theirs in zip(tutorial.steps, english[tutorial.id].steps):
            assert (ours.id, ours.request, ours.carry, ours.signing, ours.other_service) == (
                theirs.id, theirs.request, theirs.carry, theirs.signing, theirs.other_service)
            assert [c.assertion for c in ours.checks] == [c.assertion for c in theirs.checks]
            assert [(link.kind, link.target) for link in ours.links] == [(link.kind, link.target) for link in theirs.links]


def test_list_json_gives_translated_titles(run_cli):
    result = run_cli("tutorial", "list", "--json", "--language", "ko_KR")
    assert result.status == 0
    rows = result.json["tutorials"]
    english = {row["id"]: row for row in run_cli("tutorial", "list", "--json").json["tutorials"]}
    assert len(rows) == len(english) >= 6
    for row in rows:
        assert HANGUL.search(row["title"]) and row["language"] == "ko_KR", row
        assert row["title"] != english[row["id"]]["title"]
        assert (row["id"], row["steps"], row["duration_minutes"]) == (
            row["id"], english[row["id"]]["steps"], english[row["id"]]["duration_minutes"])
    assert result.json["problems"] == []


def test_list_follows_the_locale_and_an_unknown_language_is_english(run_cli):
    chinese = run_cli("tutorial", "list", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "初次接触：不用 Postman 完成 Postman 教程" in chinese
    result = run_cli("tutorial", "list", "--language", "de")
    assert result.stdout == run_cli("tutorial", "list").stdout
    assert result.stderr == "note: no translation for 'de' (--language): English is used; languages: en, zh_CN, ko_KR\n"


def test_show_reads_in_the_language(run_cli):
    result = run_cli("tutorial", "show", "otp", "--language", "zh_CN")
    assert result.status == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "一次性密码：发送验证码、验证它、输错它、让它过期"
    assert "大约 15 分钟，共 10 个步骤。" in lines
    assert "   请求：pinpoint:SendOTPMessage" in lines  # the request is the lesson's own, not translated
    korean = run_cli("tutorial", "show", "sms-sandbox", "--language", "ko_KR").stdout
    assert korean.startswith("SMS 샌드박스") and "   요청: pinpoint-sms-voice-v2:DescribeAccountAttributes" in korean
    english = run_cli("tutorial", "show", "otp", "--language", "en").stdout
    assert english == run_cli("tutorial", "show", "otp").stdout
    assert english.startswith("One-time passwords: send a code") and "\nAbout 15 minutes, 10 steps.\n" in english


def test_an_outdated_translation_is_said_on_the_list(run_cli, tmp_path, monkeypatch):
    """The loader's warning about a translation of an older revision reaches the user."""
    from workbench.core.tutorials import loader

    copy = tmp_path / "tutorials"
    import shutil

    shutil.copytree(loader.TUTORIALS_DIR, copy)
    path = copy / "translations" / "ko_KR" / "otp.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["revision"] = 0
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(loader, "TUTORIALS_DIR", copy)
    result = run_cli("tutorial", "list", "--language", "ko_KR")
    assert "warning: tutorial translations/ko_KR/otp.json: revision: translated from revision 0" in result.stderr
    assert HANGUL.search(result.stdout)  # still used, with the warning
