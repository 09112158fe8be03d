"""The window's translation sources (resources/i18n/workbench_*.ts): Qt's lupdate, run on a
copy, finds every marked string of workbench/ui translated and none left over; every .ts
compiles with lrelease; the translations use the glossary's terms (resources/i18n/
glossary.LANG.json); a missing or stale .qm is built at start-up, and a .ts that cannot be
compiled leaves the window in English with a message saying why."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from workbench.ui import translation

REPO = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted(str(p) for p in (REPO / "workbench" / "ui").rglob("*.py"))
TRANSLATED = translation.TRANSLATED


def _messages(ts: Path):
    """(context, source, [translations]) for each message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found = message.find("translation")
            forms = [form.text or "" for form in found.iter("numerusform")] or [found.text or ""]
            yield name, message.findtext("source"), forms, found.get("type")


def _lupdate(tmp_path: Path, extra=()) -> list[Path]:
    copies = []
    for language in translation.TS_LANGUAGES:
        copy = tmp_path / translation.ts_path(language).name
        shutil.copy(translation.ts_path(language), copy)
        copies.append(copy)
    tool = translation.qt_tool("lupdate")
    run = lambda args: subprocess.run([str(tool), "-locations", "none", *UI_SOURCES, *args], capture_output=True,
                                      text=True, timeout=300)
    # without -no-obsolete: a string no longer in the code stays, marked vanished/obsolete
    for args in ([*extra, "-ts", str(copies[1]), str(copies[2])], [*extra, "-pluralonly", "-ts", str(copies[0])]):
        result = run(args)
        assert result.returncode == 0, result.stderr
    return copies


def test_lupdate_finds_every_window_string_translated_and_none_obsolete(tmp_path):
    for copy in _lupdate(tmp_path):
        states = [(context, source, kind) for context, source, _, kind in _messages(copy)]
        assert states, copy.name
        left = [(context, source, kind) for context, source, kind in states if kind is not None]
        assert not left, (copy.name, left[:20])  # unfinished, vanished or obsolete


def test_lupdate_would_see_a_new_string_as_unfinished(tmp_path):
    """The check above can fail: a string marked in the code and not yet translated."""
    source = tmp_path / "new_pane.py"
    source.write_text("from PySide6.QtWidgets import QWidget\n\nclass NewPane(QWidget):\n"
                      "    def label(self):\n        return self.tr('A text nobody translated yet')\n")
    for copy in _lupdate(tmp_path, [str(source)])[1:]:
        new = [kind for context, text, _, kind in _messages(copy) if context == "NewPane"]
        assert new == ["unfinished"], copy.name


@pytest.mark.parametrize("language", translation.TS_LANGUAGES)
def test_every_ts_compiles_and_translates(tmp_path, language):
    ts = shutil.copy(translation.ts_path(language), tmp_path)
    qm, problem = translation.compiled(language, directory=tmp_path)
    assert problem is None and qm == Path(ts).with_suffix(".qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    if language == "en":
        assert translator.translate("CommandPalette", "%n match(es)", "", 1) == "%n match"  # %n: filled by tr()
        assert translator.translate("CommandPalette", "%n match(es)", "", 2) == "%n matches"
    else:
        sent = translator.translate("MainWindow", "Send")
        assert sent and sent != "Send", sent
    for context, source, forms, _ in _messages(Path(ts)):  # every placeholder kept, none invented
        wanted = sorted(re.findall(r"\{\w*\}|%L?n", source))
        for form in forms:
            assert sorted(re.findall(r"\{\w*\}|%L?n", form)) == wanted, (language, context, source, form)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_translations_use_the_glossary_terms(language):
    """Wherever a window text names a concept of the glossary (project, endpoint, segment,
    credentials, region...), its translation uses the glossary's word for it."""
    terms = json.loads((translation.I18N_DIR / f"glossary.{language}.json").read_text(encoding="utf-8"))["terms"]
    checked, wrong = 0, []
    for context, source, forms, _ in _messages(translation.ts_path(language)):
        words = re.sub(r"\{[^{}]*\}|~/\S+", "", source)  # placeholders and paths are not words
        for term in terms:
            if re.search(term["match"], words, re.IGNORECASE):
                checked += 1
                wrong += [(term["id"], term["term"], source, form) for form in forms if term["term"] not in form]
    assert checked > 100  # the window does speak of these things
    assert not wrong, wrong[:20]


def test_a_missing_or_stale_qm_is_built_at_start_up(tmp_path):
    shutil.copy(translation.ts_path("ko_KR"), tmp_path)
    qm, problem = translation.compiled("ko_KR", directory=tmp_path)
    assert problem is None and qm.exists()
    qm.write_bytes(b"")  # a damaged .qm older than its .ts is rebuilt
    ts = translation.ts_path("ko_KR", tmp_path)
    os.utime(qm, (ts.stat().st_mtime - 60, ts.stat().st_mtime - 60))
    qm, problem = translation.compiled("ko_KR", directory=tmp_path)
    assert problem is None and qm.stat().st_size > 1000


def test_a_resources_folder_it_cannot_write_into_builds_into_the_cache(tmp_path):
    resources, cache = tmp_path / "resources", tmp_path / "cache"
    resources.mkdir()
    shutil.copy(translation.ts_path("zh_CN"), resources)
    (resources / "workbench_zh_CN.qm").mkdir()  # no .qm can be written there (even by root)
    qm, problem = translation.compiled("zh_CN", cache_dir=cache, directory=resources)
    assert problem is None and qm == cache / "workbench_zh_CN.qm" and qm.stat().st_size > 1000


def test_a_broken_ts_is_a_located_message_not_a_crash(tmp_path):
    (tmp_path / "workbench_ko_KR.ts").write_text("<TS version='2.1' language='ko_KR'><context><name>X</name>")
    qm, problem = translation.compiled("ko_KR", directory=tmp_path)
    assert qm is None and "workbench_ko_KR.ts" in problem
    qm, problem = translation.compiled("ko_KR", directory=tmp_path / "nowhere")
    assert qm is None and "workbench_ko_KR.ts is missing" in problem
