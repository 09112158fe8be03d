"""What is not translated yet, in one list per language: every troubleshooting entry, the
guide's own words, every shipped tutorial text and `tutorial show`'s words still shown in English. The list is the test's message; it fails when the
list names a shipped tutorial or one of the 20 most common troubleshooting entries (issue 24),
and lists the rest as a warning without failing (English is their fallback)."""

from __future__ import annotations

import json
import re
import shutil
import warnings
from collections import Counter
from pathlib import Path

import pytest

from workbench.cli.tutorial_cmds import SHOW_WORDS
from workbench.core import diagnose
from workbench.core.common.i18n import load_overlay
from workbench.core.diagnose.catalogue import CATALOGUE_FILE
from workbench.core.tutorials import TUTORIALS_DIR, load_tutorials, untranslated

LANGUAGES = ("zh_CN", "ko_KR")
FIXTURES = Path(__file__).parents[1] / "diagnose" / "fixtures"
TUTORIAL_TABLE = "tutorial-postman.md section 5"


def most_common_entries(count: int = 20) -> list[str]:
    """The entries people meet most, from the data: 3 points when the developer guide's Postman
    tutorial names the problem in its troubleshooting table (every newcomer follows it; the
    entry's 'source' says so), 1 point per recorded AWS answer in tests/diagnose/fixtures that
    produces it, 1 point per place a shipped tutorial sends the learner to it (a guide link, a
    check's guide entry, an error made on purpose); ties in the catalogue's order."""
    recorded = Counter(name for path in FIXTURES.glob("*.json")
                       for name in json.loads(path.read_text(encoding="utf-8"))["expect"])
    for path in TUTORIALS_DIR.glob("*.json"):
        for step in json.loads(path.read_text(encoding="utf-8"))["steps"]:
            recorded.update(link["guide"] for link in step.get("links", ()) if "guide" in link)
            recorded.update(check["guide"] for check in step.get("checks", ()) if "guide" in check)
            recorded.update(check["expected"] for check in step.get("checks", ()) if check["kind"] == "diagnosis")
    entries = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))["entries"]
    scored = [(-(3 * (TUTORIAL_TABLE in e.get("source", "")) + recorded[e["id"]]), n, e["id"])
              for n, e in enumerate(entries)]
    return [name for _, _, name in sorted(scored)[:count]]


def what_is_missing(language: str, tutorials: Path = TUTORIALS_DIR) -> dict[str, list[str]]:
    """"troubleshooting ID" or "tutorial ID" -> the texts still in English in `language`."""
    missing = {f"troubleshooting {name}": fields for name, fields in diagnose.untranslated(language).items()}
    words = [f"{table}.{key}" for table in ("labels", "guide_words", "fix_labels")
             for key, text in diagnose.guide_words("en", table).items()
             if text and re.search("[a-z]{2}", text) and diagnose.guide_words(language, table)[key] == text]
    overlay = load_overlay("tutorial_show", language)
    shown = overlay.data.get("words") if isinstance(overlay.data.get("words"), dict) else {}
    words += [f"tutorial_show.{key}" for key, text in SHOW_WORDS.items() if overlay.text(shown.get(key), text) == text]
    if words:
        missing["words"] = words
    english = {t.id: t for t in load_tutorials(tutorials).tutorials}
    for tutorial in load_tutorials(tutorials, language=language).tutorials:
        if found := untranslated(english[tutorial.id], tutorial):
            missing[f"tutorial {tutorial.id}"] = found
    return missing


def required(tutorials: Path = TUTORIALS_DIR) -> set[str]:
    """What must be translated: the shipped tutorials, the 20 most common entries and the words
    around them (the guide's labels, `tutorial show`'s)."""
    shipped = {"words"} | {f"tutorial {t.id}" for t in load_tutorials(tutorials).tutorials}
    return shipped | {f"troubleshooting {name}" for name in most_common_entries()}


def report(language: str, missing: dict[str, list[str]], must: set[str]) -> str:
    lines = [f"{language}: {len(missing)} still (partly) English ('!' = must be translated):"]
    lines += [f"{'!' if name in must else ' '} {name}: {', '.join(fields)}" for name, fields in missing.items()]
    return "\n".join(lines)


def check(language: str, tutorials: Path = TUTORIALS_DIR) -> None:
    """Fails with the whole list when it names anything required; warns with it otherwise."""
    missing, must = what_is_missing(language, tutorials), required(tutorials)
    if must & missing.keys():
        pytest.fail(report(language, missing, must), pytrace=False)
    if missing:
        warnings.warn(report(language, missing, must), stacklevel=2)


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_required_is_missing(language):
    check(language)


def test_the_twenty_most_common_entries_come_from_the_data():
    common = most_common_entries()
    assert len(common) == 20
    # the tutorial's troubleshooting table, the most recorded answers, what the lessons point at
    assert {"no-environment", "credentials-missing", "invalid-security-token", "iam-not-authorized"} <= set(common)
    assert {"sms-opted-out", "iam-passrole-denied", "otp-not-valid", "iam-tutorial-no-delete"} <= set(common)
    assert common[0] == "iam-not-authorized"  # the table's third row, a recorded answer, and first-contact's lesson


def test_the_list_names_what_is_missing_and_fails_only_for_what_is_required(i18n_copy, tmp_path):
    """Take out translations: a rare entry's is listed as a warning; a common entry's, one text
    of a shipped tutorial's or one of `tutorial show`'s words fails the check, and the message
    lists them all."""
    common = most_common_entries()
    rare = next(e.id for e in diagnose.entries() if e.id not in common)
    tutorials = tmp_path / "tutorials"
    shutil.copytree(TUTORIALS_DIR, tutorials)

    def drop(path: Path, change) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    overlay = i18n_copy / "troubleshooting.zh_CN.json"
    drop(overlay, lambda data: data["entries"].pop(rare))
    with pytest.warns(UserWarning, match=f"  troubleshooting {rare}: title, summary"):
        check("zh_CN", tutorials)

    drop(overlay, lambda data: data["entries"][common[-1]].pop("cause"))
    drop(tutorials / "translations" / "zh_CN" / "otp.json", lambda data: data.pop("title"))
    drop(i18n_copy / "tutorial_show.zh_CN.json", lambda data: data["words"].pop("passed"))
    with pytest.raises(pytest.fail.Exception) as failed:
        check("zh_CN", tutorials)
    message = str(failed.value)
    assert f"! troubleshooting {common[-1]}: cause" in message
    assert "! tutorial otp: title" in message
    assert "! words: tutorial_show.passed" in message
    assert f"  troubleshooting {rare}: title" in message
    assert message.startswith("zh_CN: 4 still (partly) English")
    check("ko_KR", tutorials)  # the other language is untouched
