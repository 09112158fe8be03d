"""Which language texts are shown in: an explicit choice, else the locale, else the desktop's
UI languages, else English; anything without a translation is English, with a note."""

from __future__ import annotations

import pytest

from workbench.core.common.i18n import LANGUAGE_NAMES, LANGUAGES, normalise, resolve_language


@pytest.mark.parametrize("tag, code", [
    ("zh_CN", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"), ("zh_CN.GB18030", "zh_CN"), ("zh-CN", "zh_CN"),
    ("zh-Hans", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("zh_Hans_SG", "zh_CN"), ("zh_SG.UTF-8", "zh_CN"), ("zh", "zh_CN"),
    ("ko", "ko_KR"), ("ko_KR", "ko_KR"), ("ko_KR.UTF-8", "ko_KR"), ("ko-KR", "ko_KR"), ("ko_KR.eucKR", "ko_KR"),
    ("KO_kr.utf8", "ko_KR"),
    ("en", "en"), ("en_US.UTF-8", "en"), ("en_GB@euro", "en"), ("C", "en"), ("C.UTF-8", "en"), ("POSIX", "en"),
    ("zh_TW.UTF-8", None), ("zh-Hant", None), ("zh_HK", None), ("zh-Hant-CN", None), ("fr_FR.UTF-8", None),
    ("", None), ("  ", None), ("_", None), ("de", None),
])
def test_locale_names_and_language_tags_normalise(tag, code):
    assert normalise(tag) == code


@pytest.mark.parametrize("variable", ["LC_ALL", "LC_MESSAGES", "LANG"])
def test_each_locale_variable_chooses(variable):
    choice = resolve_language(None, {variable: "ko_KR.UTF-8"})
    assert (choice.code, choice.source, choice.note) == ("ko_KR", variable, None)


def test_locale_variables_in_gettext_order():
    environ = {"LANG": "en_US.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    assert resolve_language(None, environ).code == "zh_CN"
    del environ["LC_ALL"]
    assert resolve_language(None, environ).code == "ko_KR"
    environ["LC_ALL"] = ""  # set but empty: not a choice
    assert resolve_language(None, environ).code == "ko_KR"


def test_language_is_a_list_and_wins_over_the_locale():
    assert resolve_language(None, {"LANGUAGE": "zh_CN", "LANG": "ko_KR.UTF-8"}).code == "zh_CN"
    assert resolve_language(None, {"LANGUAGE": "fr:de:ko", "LANG": "en_US.UTF-8"}).code == "ko_KR"
    choice = resolve_language(None, {"LANGUAGE": "fr:de", "LANG": "zh_CN.UTF-8"})
    assert (choice.code, choice.source) == ("en", "LANGUAGE")  # as gettext: LANGUAGE decides
    assert "fr:de" in choice.note


def test_language_is_ignored_under_the_c_locale_as_gettext_does():
    assert resolve_language(None, {"LANGUAGE": "zh_CN", "LC_ALL": "C"}).code == "en"
    assert resolve_language(None, {"LANGUAGE": "zh_CN", "LANG": "POSIX"}).code == "en"


def test_explicit_wins_over_everything():
    environ = {"LANGUAGE": "ko", "LC_ALL": "ko_KR.UTF-8", "LANG": "ko_KR.UTF-8"}
    for asked, code in (("zh_CN", "zh_CN"), ("en", "en"), ("zh-Hans", "zh_CN"), ("ko", "ko_KR")):
        choice = resolve_language(asked, environ, system_languages=["ko-KR"])
        assert (choice.code, choice.source, choice.note) == (code, "explicit", None)


@pytest.mark.parametrize("asked", ["fr", "zh_TW", "klingon", ""])
def test_an_unknown_explicit_language_is_english_with_a_note(asked):
    choice = resolve_language(asked, {"LANG": "zh_CN.UTF-8"})
    assert (choice.code, choice.source) == ("en", "explicit")
    assert repr(asked) in choice.note and "English" in choice.note and "zh_CN" in choice.note


def test_an_unknown_locale_is_english_with_a_note():
    choice = resolve_language(None, {"LANG": "fr_FR.UTF-8"})
    assert (choice.code, choice.source) == ("en", "LANG")
    assert "fr_FR.UTF-8" in choice.note


def test_the_desktop_languages_when_the_environment_says_nothing():
    assert resolve_language(None, {}, system_languages=["fr-FR", "ko-KR", "en-US"]).code == "ko_KR"
    assert resolve_language(None, {}, system_languages=["zh-Hans-CN"]).source == "system"
    assert resolve_language(None, {"LANG": "en_US.UTF-8"}, system_languages=["ko-KR"]).code == "en"


def test_nothing_at_all_is_english():
    choice = resolve_language(None, {})
    assert (choice.code, choice.source, choice.note) == ("en", "default", None)
    assert resolve_language().code == "en"


def test_every_language_has_its_own_name():
    assert LANGUAGES == ("en", "zh_CN", "ko_KR")
    assert [LANGUAGE_NAMES[code] for code in LANGUAGES] == ["English", "简体中文", "한국어"]
    assert resolve_language("ko_KR").name == "한국어" and str(resolve_language("zh_CN")) == "zh_CN"
