"""The window in Simplified Chinese and Korean: started in each, its menus, buttons, tab
headers and column headers (found by objectName) read in that language with no English left
over; the guide, the diagnosis and the tutorials come in it from core; numbers in the
language's way; the language chosen by gui --language, else the preference, else the locale."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QTabBar, QWidget

from workbench.ui import translation

SCRIPT = {"zh_CN": re.compile(r"[\u4e00-\u9fff]"), "ko_KR": re.compile(r"[\uac00-\ud7a3]")}
# what stays as it is in every language: products, protocols, units, API names, keys
KEPT = {"AWS", "API", "URL", "JSON", "IAM", "ID", "CA", "SMS", "OTP", "HTTP", "HTTPS", "Postman", "Pinpoint", "Email",
        "ms", "MB", "curl", "CloudTrail", "ARN", "PEM", "Ctrl", "Shift", "Esc", "Enter", "Tab", "F1", "Workbench"}
OPERATION = re.compile(r"(?:[A-Z][a-z0-9]+){2,}")  # an API operation's name: GetApps, SendMessages


def leftovers(texts, language, data=()) -> list[str]:
    """The texts that are not in `language`: an English word other than the KEPT names, API
    operation names (GetApps) and the user's own names (`data`), or no word at all in it."""
    found = []
    for text in texts:
        plain = re.sub(r"\(&\w\)|&(?=\w)|\{[^{}]*\}", "", text or "")
        words = re.findall(r"[A-Za-z][A-Za-z0-9'-]*", plain)
        english = [w for w in words if w not in KEPT and w not in data and not OPERATION.fullmatch(w)]
        if english or (plain.strip() and not words and not SCRIPT[language].search(plain)):
            found.append(text)
    return found


def menu_texts(window) -> dict[str, str]:
    texts = {}

    def walk(menu, where):
        for action in menu.actions():
            if action.isSeparator():
                continue
            texts[action.objectName() or f"{where}/{action.text()}"] = action.text()
            if action.menu():
                walk(action.menu(), action.text())

    walk(window.menuBar(), "")
    return texts


def shown_texts(widget) -> dict[str, str]:
    """Buttons' texts, tab titles and column headers of the widgets under `widget`, by objectName."""
    texts = {}
    for button in widget.findChildren(QAbstractButton):
        if button.objectName() and not button.objectName().startswith("qt_") and button.text():
            texts[button.objectName()] = button.text()
    for bar in widget.findChildren(QTabBar):
        owner = bar.parent().objectName() or bar.objectName()
        texts |= {f"{owner}[{i}]": bar.tabText(i) for i in range(bar.count()) if bar.tabData(i) is None}
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if model is not None and header.orientation() == Qt.Orientation.Horizontal and header.parent().objectName():
            texts |= {f"{header.parent().objectName()}#{i}": model.headerData(i, Qt.Orientation.Horizontal)
                      for i in range(model.columnCount())}
    return texts


@pytest.fixture
def window_in(qapp, open_window, context, tmp_path):
    def open_(language):
        problems = translation.install(qapp, language, cache_dir=tmp_path / "translations")
        assert not problems, problems
        context.language = language
        return open_window(context)

    return open_


def test_the_check_finds_english_left_over():
    texts = ["보내기", "发送", "Send", "URL로 이동", "환경 Manager", "요청(&R)", "{name} 열기", "Postman 가져오기…"]
    assert leftovers(texts, "ko_KR") == ["发送", "Send", "환경 Manager"]
    assert leftovers(["dev (로컬)", "GetApps 보내기", "ms", "dev mode"], "ko_KR", data={"dev"}) == ["dev mode"]


@pytest.mark.parametrize("language", ["zh_CN", "ko_KR"])
def test_the_window_speaks_the_language(qtbot, window_in, language):
    from ui_helpers import open_operation

    window = window_in(language)
    menus = menu_texts(window)
    assert {"sendAction", "preferencesAction", "guideAction", "manageEnvironmentsAction"} <= set(menus)
    assert not leftovers(menus.values(), language), leftovers(menus.values(), language)
    open_operation(qtbot, window, "CreateApp")
    shown = shown_texts(window)
    assert {"sidebar[0]", "libraryTree#0", "historyList#0"} <= set(shown), sorted(shown)
    assert any(name.startswith("requestTab") or "Button" in name for name in shown), sorted(shown)
    left = {name: text for name, text in shown.items() if leftovers([text], language, window.controller.environments)}
    assert not left, left
    assert SCRIPT[language].search(window.env_bar.credentials.text())  # the credential status too


@pytest.mark.parametrize("language", ["zh_CN", "ko_KR"])
def test_the_dialogs_speak_the_language(qtbot, window_in, language):
    window = window_in(language)
    extras = window.extras
    dialog = extras.open_preferences()
    qtbot.addWidget(dialog)
    texts = shown_texts(dialog) | {"title": dialog.windowTitle()}
    assert {"prefSave", "prefCancel"} <= set(texts)  # qtbase's translation: the standard buttons too
    assert not leftovers(texts.values(), language), texts
    assert [dialog.language.itemText(i) for i in range(1, 4)] == ["English", "简体中文", "한국어"]


@pytest.mark.parametrize("language", ["zh_CN", "ko_KR"])
def test_the_guide_the_diagnosis_and_the_tutorials_come_in_the_language(qtbot, window_in, language):
    from ui_helpers import open_operation, send

    from workbench.core.diagnose import catalogue

    window = window_in(language)
    english = {item["id"]: item["title"] for item in catalogue()}
    translated = {item["id"]: item["title"] for item in catalogue(language)}
    guide = window.extras.diagnosis_wiring.open_guide()
    qtbot.addWidget(guide)
    qtbot.waitUntil(lambda: guide.model.rowCount() == len(english), timeout=20000)
    shown = [guide.model.index(row, 0).data() for row in range(guide.model.rowCount())]
    assert any(text.startswith(translated["throttled"]) for text in shown)
    assert SCRIPT[language].search(translated["throttled"]) and translated["throttled"] != english["throttled"]
    guide.close()

    with qtbot.waitSignal(window.controller.globals_changed, timeout=10000):
        window.controller.set_variable("global", "projectId", "abc")
    delete = open_operation(qtbot, window, "DeleteApp")
    assert send(qtbot, delete).startswith("403")  # the tutorial policy denies deletes: a diagnosis
    pane = window.extras.diagnosis
    qtbot.waitUntil(lambda: bool(pane.diagnoses), timeout=20000)
    found = pane.diagnoses[0]
    assert found.title == translated[found.id] != english[found.id]
    assert found.title in pane.headline.text() and not leftovers([pane.headline.text()], language)
    labels = [button.text() for button in pane.fix_buttons()]
    assert labels and not leftovers(labels, language), labels

    lessons = window.extras.tutorials.lessons
    window.extras.tutorials.show_list()
    qtbot.waitUntil(lambda: lessons.loaded is not None, timeout=20000)
    titles = [tutorial.title for tutorial in lessons.loaded.tutorials]
    assert titles and all(SCRIPT[language].search(title) for title in titles), titles


def test_numbers_and_plurals_follow_the_language(qapp):
    translation.install(qapp, "en")
    assert QCoreApplication.translate("CommandPalette", "%n match(es)", "", 1) == "1 match"
    assert QCoreApplication.translate("CommandPalette", "%n match(es)", "", 3) == "3 matches"
    translation.install(qapp, "ko_KR")
    assert SCRIPT["ko_KR"].search(QCoreApplication.translate("CommandPalette", "%n match(es)", "", 3))
    assert "3" in QCoreApplication.translate("CommandPalette", "%n match(es)", "", 3)
    assert QLocale().language() == QLocale.Language.Korean
    assert translation.number(1234567) == "1,234,567"
    translation.install(qapp, "zh_CN")
    assert QLocale().language() == QLocale.Language.Chinese


def test_the_language_is_the_argument_else_the_preference_else_the_locale(qapp, tmp_path):
    from workbench.ui.app import install_language
    from workbench.ui.app_context import AppContext

    config = tmp_path / "config"
    config.mkdir()
    environ = {"HOME": str(tmp_path), "PINPOINT_WORKBENCH_CONFIG_DIR": str(config),
               "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data"), "LANG": "zh_CN.UTF-8"}

    def started(explicit=None):
        context = AppContext.from_environ(environ)
        install_language(qapp, context, explicit)
        return context

    assert started().language == "zh_CN"  # the locale
    assert translation.installed_language() == "zh_CN"
    (config / "preferences.json").write_text(json.dumps({"schema_version": 1, "language": "ko_KR"}))
    assert started().language == "ko_KR"  # the preference over the locale
    assert started("en").language == "en"  # gui --language over both
    context = started("fr_FR")  # a language with no translation: English, and a note saying so
    assert context.language == "en" and "fr_FR" in context.language_note
    (config / "preferences.json").write_text(json.dumps({"schema_version": 1, "language": ""}))
    assert started().language == "zh_CN"  # "": as the system


def test_preferences_choose_the_language_for_the_next_start(qtbot, window_in, app_look_restored):
    from workbench.core.settings.preferences import load_preferences

    window = window_in("en")
    dialog = window.extras.open_preferences()
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "" and "next start" in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findText("한국어"))
    with qtbot.waitSignal(window.controller.notice, timeout=10000):
        dialog.findChild(QAbstractButton, "prefSave").click()
    config = window.controller.context.config_dir
    assert load_preferences(config).preferences.language == "ko_KR"
    assert translation.installed_language() == "en"  # this window stays as it started


@pytest.mark.parametrize("language", ["en", "ko_KR"])
def test_the_welcome_page_cuts_nothing_at_1024x640(qtbot, window_in, language):
    """Long titles wrap, buttons stay whole, the page scrolls rather than squeezing lines."""
    from PySide6.QtWidgets import QPushButton

    window = window_in(language)
    window.resize(1024, 640)
    page = window.extras.show_welcome()
    qtbot.waitUntil(lambda: len([b for b in page.findChildren(QPushButton)
                                 if b.objectName().startswith("welcomeTutorial-")]) == 6, timeout=20000)

    def cut() -> list[str]:
        found = []
        for button in page.findChildren(QPushButton):
            if not button.isVisibleTo(page) or not button.text():
                continue
            if button.hasHeightForWidth():  # a wrapping link: all its lines fit in its height
                short = button.height() < button.heightForWidth(button.width())
            else:
                short = button.width() < button.sizeHint().width()
            found += [button.text()] if short else []
        return found

    qtbot.waitUntil(lambda: not cut(), timeout=5000)  # after the layout has settled; fails with what stays cut
    scroll = page.findChild(QWidget, "welcomeScroll")
    assert scroll.widget().width() <= scroll.viewport().width()  # nothing runs off to the right


def test_gui_screenshot_language_renders_in_that_language_and_names_a_wrong_one(tmp_path):
    """`gui --screenshot FILE --language ko_KR` as the issue's checks call it; `--language fr`
    is English with a note, not a failure."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")} | {
        "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
        "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    for language, note in (("ko_KR", ""), ("fr", "no translation for 'fr'")):
        shot = tmp_path / f"{language}.png"
        result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(shot), "--language",
                                 language, "--size", "1024x640"], env=environ, capture_output=True, text=True,
                                timeout=180)
        assert result.returncode == 0, result.stderr
        assert QImage(str(shot)).width() == 1024
        assert (note in result.stderr) if note else "pinpoint-workbench:" not in result.stderr, result.stderr
