"""Light and dark: every colour the window draws text with is readable (WCAG AA, 4.5:1)
on the background it is drawn on, in both themes; the preference switches the theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from workbench.ui import theme

TEXT_ON_BACKGROUNDS = ("key", "string", "number", "keyword", "resolved", "unresolved", "inherited",
                       "status2", "status3", "status4", "status5")
MARKS = ("bracket", "different", "missing", "flagged")
AA = 4.5


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_text_colour_reaches_4_5_to_1(qapp, name):
    palette, colours = theme.palette(name), theme.colours(name)
    backgrounds = {"base": palette.color(QPalette.ColorRole.Base), "window": palette.color(QPalette.ColorRole.Window)}
    low = []
    for key in TEXT_ON_BACKGROUNDS:
        for where, background in backgrounds.items():
            if theme.contrast(colours[key], background) < AA:
                low.append((key, where, round(theme.contrast(colours[key], background), 2)))
    for mark in MARKS:  # the palette's text on a marked background (differences, flags, bracket match)
        ratio = theme.contrast(palette.color(QPalette.ColorRole.Text), colours[mark])
        if ratio < AA:
            low.append(("text on " + mark, round(ratio, 2)))
    for text, background in ((QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                             (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                             (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
                             (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
                             (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase)):
        ratio = theme.contrast(palette.color(text), palette.color(background))
        if ratio < AA:
            low.append((text.name, background.name, round(ratio, 2)))
    production = theme.contrast(QColor(theme.PRODUCTION["text"]), QColor(theme.PRODUCTION["background"]))
    if production < AA:
        low.append(("PRODUCTION mark", round(production, 2)))
    assert low == []


def test_the_contrast_formula_matches_wcag():
    assert round(theme.contrast(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert round(theme.contrast(QColor("#777777"), QColor("#ffffff")), 2) == 4.48  # the classic just-too-light grey


def test_the_preference_switches_to_dark_and_the_editors_follow(qtbot, window):
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPushButton
    from ui_helpers import open_operation

    tab = open_operation(qtbot, window, "CreateApp")
    try:
        dialog = window.extras.open_preferences()
        choice = dialog.findChild(QComboBox, "prefTheme")
        choice.setCurrentIndex(choice.findData("dark"))
        qtbot.mouseClick(dialog.findChild(QPushButton, "prefSave"), Qt.MouseButton.LeftButton)
        assert theme.current() == "dark"
        assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 80
        qtbot.waitUntil(lambda: tab.editor.body.highlighter.theme == "dark")
        assert tab.editor.body.highlighter.formats["key"].foreground().color() == theme.colours("dark")["key"]
        qtbot.waitUntil(lambda: (window.extras.preferences is not None and window.extras.preferences.theme == "dark"))
        assert "close-dark.svg" in window.tabs.tabBar().styleSheet()  # the tabs' close cross follows the theme
        assert QApplication.instance().styleSheet() == ""  # no size chosen: no style sheet over every widget
    finally:
        theme.apply(QApplication.instance(), "light")
    assert "close-light.svg" in window.tabs.tabBar().styleSheet()


def test_the_bracket_match_shows_only_while_editing_and_unlike_a_selection(qtbot, window):
    from ui_helpers import open_operation

    tab = open_operation(qtbot, window, "CreateApp")
    body = tab.editor.body
    body.setPlainText('{\n  "Name": "x"\n}')
    assert body.extraSelections() == []  # a body just loaded: no highlighted outer braces
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    cursor = body.textCursor()
    cursor.setPosition(0)
    body.setTextCursor(cursor)
    qtbot.waitUntil(lambda: len(body.extraSelections()) == 2)
    selections = body.extraSelections()
    tint = selections[0].format.background().color()
    assert tint == theme.colours()["bracket"] and tint != body.palette().color(QPalette.ColorRole.Highlight)
    tab.editor.url.setFocus()
    qtbot.waitUntil(lambda: body.extraSelections() == [])
