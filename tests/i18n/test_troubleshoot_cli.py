"""`troubleshoot show | list | search` follow --language or the locale; the rest of the
command line stays English (scripts parse it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from text_checks import CJK, HANGUL, english_leftovers

from workbench.core.common.i18n import I18N_DIR

FIXTURES = Path(__file__).parents[1] / "diagnose" / "fixtures"


def names(language: str) -> list[str]:
    return json.loads((I18N_DIR / f"glossary.{language}.json").read_text(encoding="utf-8"))["untranslated"]["names"]


def shown_parts(stdout: str) -> tuple[str, str, list[str]]:
    """title, cause and steps as `troubleshoot show` prints them."""
    lines = stdout.splitlines()
    title = lines[0].rsplit("  [", 1)[0]
    cause = lines[2].split(": ", 1)[1]
    steps = [line.split(". ", 1)[1] for line in lines[3:] if line.startswith("  ") and line.strip()[0].isdigit()]
    return title, cause, steps


@pytest.mark.parametrize("entry", ["throttled", "invalid-security-token", "iam-not-authorized", "sms-opted-out",
                                   "no-environment", "credentials-missing"])
def test_show_in_chinese(run_cli, entry):
    result = run_cli("troubleshoot", "show", entry, "--language", "zh_CN")
    assert result.status == 0 and result.stderr == ""
    title, cause, steps = shown_parts(result.stdout)
    for text in (title, cause, *steps):
        assert CJK.search(text), text
        assert english_leftovers(text, names("zh_CN")) == [], text
    assert "\n原因: " in result.stdout and "\n来源: " in result.stdout  # the guide's own labels too


@pytest.mark.parametrize("entry", ["throttled", "sms-sandbox-unverified-destination", "end-of-support"])
def test_show_in_korean(run_cli, entry):
    result = run_cli("troubleshoot", "show", entry, "--language", "ko_KR")
    assert result.status == 0
    title, cause, steps = shown_parts(result.stdout)
    for text in (title, cause, *steps):
        assert HANGUL.search(text), text
        assert english_leftovers(text, names("ko_KR")) == [], text


def test_show_in_english_is_what_it_always_was(run_cli):
    plain = run_cli("troubleshoot", "show", "throttled")
    english = run_cli("troubleshoot", "show", "throttled", "--language", "en")
    assert english.stdout == plain.stdout
    assert plain.stdout.startswith("Throttled: too many requests  [throttled, quota]\nsymptoms: ")
    assert "\ncause: The per-account, per-region" in plain.stdout
    assert not CJK.search(plain.stdout) and not HANGUL.search(plain.stdout)


def test_the_locale_chooses_when_no_language_is_given(run_cli):
    assert HANGUL.search(run_cli("troubleshoot", "show", "throttled", env={"LANG": "ko_KR.UTF-8"}).stdout)
    assert CJK.search(run_cli("troubleshoot", "show", "throttled", env={"LC_ALL": "zh_CN.UTF-8"}).stdout)
    chinese_first = run_cli("troubleshoot", "show", "throttled", env={"LANGUAGE": "zh_CN:ko", "LANG": "ko_KR.UTF-8"})
    assert CJK.search(chinese_first.stdout) and not HANGUL.search(chinese_first.stdout)
    c_locale = run_cli("troubleshoot", "show", "throttled", env={"LANGUAGE": "zh_CN", "LC_ALL": "C"})
    assert c_locale.stdout.startswith("Throttled")
    explicit = run_cli("troubleshoot", "show", "throttled", "--language", "en", env={"LANG": "zh_CN.UTF-8"})
    assert explicit.stdout.startswith("Throttled")


def test_an_unknown_language_is_english_with_a_note(run_cli):
    result = run_cli("troubleshoot", "show", "throttled", "--language", "fr")
    assert result.status == 0
    assert result.stdout == run_cli("troubleshoot", "show", "throttled").stdout
    assert result.stderr == "note: no translation for 'fr' (--language): English is used; languages: en, zh_CN, ko_KR\n"
    quiet = run_cli("troubleshoot", "show", "throttled", env={"LANG": "fr_FR.UTF-8"})
    assert quiet.stderr == "" and quiet.stdout.startswith("Throttled")  # a French locale just reads English


def test_a_missing_translation_falls_back_to_english(run_cli, i18n_copy):
    path = i18n_copy / "troubleshooting.zh_CN.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["entries"]["throttled"]
    del data["entries"]["timeout"]["steps"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run_cli("troubleshoot", "show", "throttled", "--language", "zh_CN").stdout.startswith(
        "Throttled: too many requests  [throttled, quota]\n症状: ")  # the labels are still translated
    title, cause, steps = shown_parts(run_cli("troubleshoot", "show", "timeout", "--language", "zh_CN").stdout)
    assert title == "请求超时" and CJK.search(cause)
    assert steps[0].startswith("Connect timeout: check the network path")


def test_a_damaged_translation_is_said_and_english_shown(run_cli, i18n_copy):
    (i18n_copy / "troubleshooting.ko_KR.json").write_text("{ broken", encoding="utf-8")
    result = run_cli("troubleshoot", "show", "throttled", "--language", "ko_KR")
    assert result.status == 0 and result.stdout.startswith("Throttled")
    assert result.stderr.startswith("warning: the 한국어 troubleshooting guide could not be read "
                                    "(troubleshooting.ko_KR.json: invalid JSON at line 1, column 3")


def test_show_json_carries_the_translated_texts(run_cli):
    item = run_cli("troubleshoot", "show", "sms-opted-out", "--language", "zh_CN", "--json").json
    assert item["title"] == "目标号码已选择退出"
    assert item["symptoms"] == run_cli("troubleshoot", "show", "sms-opted-out", "--json").json["symptoms"]


def test_list_and_search_follow_the_language(run_cli):
    listed = run_cli("troubleshoot", "list", "--language", "ko_KR", "--json").json
    assert all(HANGUL.search(item["title"]) for item in listed) and len(listed) > 60
    lines = run_cli("troubleshoot", "list", "--language", "zh_CN").stdout.splitlines()
    assert lines[0].split()[:2] == ["no-environment", "setup"] and CJK.search(lines[0])
    found = run_cli("troubleshoot", "search", "限额", "--language", "zh_CN").stdout
    assert "throttled" in found and "请求被限制" in found
    nothing = run_cli("troubleshoot", "search", "zzzz", "--language", "ko_KR").stdout
    assert HANGUL.search(nothing) and "`troubleshoot list`" in nothing


def test_the_rest_of_the_command_line_stays_english(run_cli, tmp_path):
    """Its output is parsed by scripts: a Chinese locale changes nothing outside the guide."""
    case = json.loads((FIXTURES / "throttled-send-messages.json").read_text(encoding="utf-8"))
    saved = tmp_path / "exchange.json"
    saved.write_text(json.dumps(case["exchange"]), encoding="utf-8")
    chinese = run_cli("diagnose", str(saved), env={"LANG": "zh_CN.UTF-8"})
    assert chinese.stdout == run_cli("diagnose", str(saved)).stdout
    assert chinese.stdout.startswith("diagnosis [throttled] Throttled: too many requests")
    assert run_cli("library", "show", "GetApps", env={"LANG": "ko_KR.UTF-8"}).stdout == run_cli(
        "library", "show", "GetApps").stdout


@pytest.mark.parametrize("asked", ["../../etc", "zh_CN/../ko_KR", "\x00"])
def test_a_language_that_is_a_path_is_just_an_unknown_language(run_cli, asked):
    """The language names a file only once it is one of en, zh_CN, ko_KR."""
    result = run_cli("troubleshoot", "show", "throttled", "--language", asked)
    assert result.status == 0 and result.stdout.startswith("Throttled")
    assert result.stderr.startswith("note: no translation for ")
    listed = run_cli("tutorial", "list", "--json", "--language", asked)
    assert listed.status == 0 and listed.json["tutorials"][0]["language"] == "en"
