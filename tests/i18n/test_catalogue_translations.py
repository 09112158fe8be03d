"""The troubleshooting catalogue in Simplified Chinese and Korean: overlays of the English
(resources/i18n/troubleshooting.LANG.json) written with the glossary's terms, placeholders and
code kept, English wherever a text is not (or no longer) translated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from text_checks import SCRIPT, english_leftovers, missing_terms, placeholders

from workbench.core import diagnose
from workbench.core.common.i18n import I18N_DIR, load_glossary

LANGUAGES = ("zh_CN", "ko_KR")
FIXTURES = Path(__file__).parents[1] / "diagnose" / "fixtures"


def overlay(language: str) -> dict:
    return json.loads((I18N_DIR / f"troubleshooting.{language}.json").read_text(encoding="utf-8"))


def pairs(language: str):
    """(where, english, translation) for every text of the overlay."""
    data = overlay(language)
    for table, words in data["words"].items():
        for key, pair in words.items():
            yield f"words.{table}.{key}", pair["en"], pair[language]
    for entry_id, fields in data["entries"].items():
        for name, value in fields.items():
            items = value.items() if name == "guide" else [(None, value)]
            for sub, item in items:
                for n, pair in enumerate(item if isinstance(item, list) else [item]):
                    where = ".".join(filter(None, (entry_id, name, sub))) + (f"[{n}]" if isinstance(item, list) else "")
                    yield where, pair["en"], pair[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    wrong = [f"{where}: {placeholders(en)} -> {placeholders(text)}"
             for where, en, text in pairs(language) if placeholders(en) != placeholders(text)]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_use_the_glossary_terms(language):
    """Wherever the English uses a glossary term, the translation uses the glossary's word."""
    terms = load_glossary(language)
    wrong = [f"{where}: {', '.join(found)}" for where, en, text in pairs(language)
             if (found := missing_terms(en, text, terms))]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_leave_no_english_prose(language):
    names = json.loads((I18N_DIR / f"glossary.{language}.json").read_text(encoding="utf-8"))["untranslated"]["names"]
    wrong = [f"{where}: {left}" for where, en, text in pairs(language) if (left := english_leftovers(text, names))]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translated_text_is_in_the_language(language):
    """(A text of at most one English word, "id" or "HTTP {status} {code}: {message}", may stay as it is.)"""
    assert [where for where, en, text in pairs(language)
            if len(english_leftovers(en, [])) > 1 and not SCRIPT[language].search(text)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_overlays_name_only_entries_and_texts_that_exist(language):
    """An overlay entry for an id the catalogue lacks, or a pair for an English text it no
    longer has, is dead weight: the English it was made from is gone."""
    english = {e.id: e for e in diagnose.entries()}
    stale = []
    for entry_id, fields in overlay(language)["entries"].items():
        entry = english.get(entry_id)
        if entry is None:
            stale.append(f"{entry_id}: no such entry")
            continue
        for name, value in fields.items():
            if name == "steps":
                stale += [f"{entry_id}.steps: {p['en']!r}" for p in value if p["en"] not in entry.steps]
            elif name == "guide":
                for sub, item in value.items():
                    known = entry.guide.get(sub)
                    items = item if isinstance(item, list) else [item]
                    stale += [f"{entry_id}.guide.{sub}" for p in items if p["en"] not in (known if isinstance(known, list) else [known])]
            elif value["en"] != getattr(entry, name):
                stale.append(f"{entry_id}.{name}")
    assert stale == []


def test_the_guide_reads_in_chinese_and_korean_with_the_english_structure():
    english = diagnose.entry("iam-not-authorized")
    chinese = diagnose.entry("iam-not-authorized", "zh_CN")
    korean = diagnose.entry("iam-not-authorized", "ko_KR")
    assert chinese["title"] == "未获授权：IAM 策略缺少该操作"  # {action} read in the guide's words
    assert korean["title"] == "권한 없음: IAM 정책에 해당 작업이 없습니다"  # the particle fits 작업
    for item in (chinese, korean):
        assert (item["id"], item["area"], item["symptoms"], item["fixes"], item["source"]) == (
            english["id"], english["area"], english["symptoms"], english["fixes"], english["source"])
        assert len(item["steps"]) == len(english["steps"])


def test_a_diagnosis_can_be_made_in_another_language():
    exchange = json.loads((FIXTURES / "throttled-send-messages.json").read_text(encoding="utf-8"))["exchange"]
    [english] = diagnose.diagnose(exchange)
    [korean] = diagnose.diagnose(exchange, language="ko_KR")
    assert korean.id == english.id == "throttled"
    assert korean.title == "요청 제한: 요청이 너무 많습니다"
    assert korean.evidence == english.evidence and korean.fixes == english.fixes


def test_search_finds_an_entry_by_its_translated_or_english_words():
    assert [item["id"] for item in diagnose.search("选择退出 收件人", "zh_CN")] == ["sms-opted-out"]
    found = diagnose.search("throttled", "ko_KR")
    assert found[0]["id"] == "throttled" and found[0]["title"] == "요청 제한: 요청이 너무 많습니다"


def test_fix_labels_read_in_the_language():
    assert diagnose.localized_fix_label({"action": "set_variable", "name": "projectId"}, "zh_CN") == "设置 projectId"
    assert diagnose.localized_fix_label({"action": "resign", "region": "eu-west-1"}, "ko_KR") == "eu-west-1에 맞게 다시 서명"
    assert diagnose.localized_fix_label({"action": "open_credentials"}, "zh_CN") == "打开该环境的凭证"
    assert diagnose.localized_fix_label({"action": "retry"}, "en") == "Retry with backoff"


# --------------------------------------------------------------------------- fallbacks


def _edit(copy: Path, language: str, change) -> None:
    path = copy / f"troubleshooting.{language}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_an_untranslated_entry_and_text_fall_back_to_english(i18n_copy):
    def change(data):
        del data["entries"]["throttled"]
        del data["entries"]["sms-opted-out"]["cause"]

    _edit(i18n_copy, "zh_CN", change)
    english = diagnose.entry("throttled")
    assert diagnose.entry("throttled", "zh_CN") == english
    opted_out = diagnose.entry("sms-opted-out", "zh_CN")
    assert opted_out["title"] == "目标号码已选择退出" and opted_out["cause"] == diagnose.entry("sms-opted-out")["cause"]
    missing = diagnose.untranslated("zh_CN")
    steps = [f"steps[{n}]" for n in range(len(english["steps"]))]
    assert missing["throttled"] == ["title", "summary", "cause", *steps]
    assert missing["sms-opted-out"] == ["cause"]


def test_a_translation_of_an_english_text_since_changed_is_not_used(i18n_copy):
    """The English reworded (or a step added): its old translation no longer shows."""
    def change(data):
        entry = data["entries"]["throttled"]
        entry["title"]["en"] = "Throttled (an older wording)"
        entry["steps"] = entry["steps"][1:]  # as if the first step had been added since

    _edit(i18n_copy, "ko_KR", change)
    english, korean = diagnose.entry("throttled"), diagnose.entry("throttled", "ko_KR")
    assert korean["title"] == english["title"]
    assert korean["steps"][0] == english["steps"][0] and korean["steps"][1] != english["steps"][1]
    assert diagnose.untranslated("ko_KR")["throttled"] == ["title", "steps[0]"]


@pytest.mark.parametrize("damage", [b"{not json", b"[1, 2]", "\ufeff{\"language\": \"ko_KR\"}".encode("utf-16")])
def test_a_damaged_overlay_leaves_the_guide_in_english_and_says_so(i18n_copy, damage):
    (i18n_copy / "troubleshooting.zh_CN.json").write_bytes(damage)
    assert diagnose.catalogue("zh_CN") == diagnose.catalogue()
    [problem] = diagnose.overlay_problems("zh_CN")
    assert problem.path == "troubleshooting.zh_CN.json"


def test_an_overlay_in_another_language_is_not_used(i18n_copy):
    (i18n_copy / "troubleshooting.zh_CN.json").write_bytes((i18n_copy / "troubleshooting.ko_KR.json").read_bytes())
    assert diagnose.catalogue("zh_CN") == diagnose.catalogue()
    assert "ko_KR" in diagnose.overlay_problems("zh_CN")[0].message


def test_malformed_pairs_are_english_not_a_crash(i18n_copy):
    def change(data):
        data["entries"]["throttled"] = {"title": "no pair", "steps": {"not": "a list"}, "guide": ["x"]}
        data["entries"]["sms-opted-out"]["title"] = {"en": "The destination opted out", "zh_CN": 42}
        data["words"]["labels"] = ["not", "a", "table"]

    _edit(i18n_copy, "zh_CN", change)
    assert diagnose.entry("throttled", "zh_CN") == diagnose.entry("throttled")
    assert diagnose.entry("sms-opted-out", "zh_CN")["title"] == "The destination opted out"
    assert diagnose.guide_words("zh_CN", "labels")["cause"] == "cause"


def test_the_checks_see_what_they_look_for():
    """The consistency and leftover checks above catch what they are meant to."""
    terms = load_glossary("zh_CN")
    assert missing_terms("Check the endpoint of the project.", "检查该项目的主机。", terms) == ["endpoint -> 端点"]
    assert missing_terms("Set {endpoint} again.", "再次设置 {endpoint}。", terms) == []  # a placeholder is not prose
    assert missing_terms("sets endpoint for its region", "为其区域设置 `endpoint`", terms) == []  # kept as code
    assert english_leftovers("请检查 the host（GetApps、projectId、AWS_CA_BUNDLE、`aws sso login`）", ["AWS"]) == [
        "the", "host"]
    assert english_leftovers("{environment} 的 Amazon Pinpoint 凭证，https://example.com/x 或 true", ["Amazon Pinpoint"]) == []
    assert placeholders("{a} 和 {b}") == ["{a}", "{b}"]
