"""A steady label (the response's time and size, the body's note) takes the room its row gives
it, shows its text whole when there is room, does not widen the row when its text grows, and
follows a new font's line height."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workbench.ui.steady_label import steady


# a bare row shown as its own window: the offscreen platform says it cannot pass size hints on
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _row(qtbot, text: str):
    row = QWidget()
    label = QLabel(text)
    layout = QHBoxLayout(row)
    layout.addWidget(steady(label), 1)
    layout.addWidget(QPushButton("Save body…"))
    qtbot.addWidget(row)
    return row, label


def test_the_label_shows_its_text_in_the_room_its_row_gives_and_never_widens_the_row(qtbot):
    row, label = _row(qtbot, "553 ms   12 B")
    row.resize(600, 40)
    row.show()
    qtbot.waitExposed(row)
    assert label.width() >= label.sizeHint().width()  # the whole text shows
    minimum = row.minimumSizeHint().width()
    label.setText("first 1.0 MiB of 12.3 MiB shown (lines over 2048 characters are broken here) " * 3)
    assert row.minimumSizeHint().width() == minimum  # a longer text does not push the row wider
    row.resize(300, 40)
    qtbot.waitUntil(lambda: label.width() < 300)
    assert label.parentWidget().width() == label.width()


def test_a_bigger_font_gives_the_label_a_taller_line(qtbot):
    row, label = _row(qtbot, "553 ms")
    row.show()
    qtbot.waitExposed(row)
    before = label.height()
    font = row.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    row.setFont(font)
    qtbot.waitUntil(lambda: label.height() > before)
    assert label.height() >= label.sizeHint().height()


def test_a_bigger_font_gives_a_taller_line_under_the_window_theme_too(qtbot, qapp):
    """The real window always has the theme's style sheet, under which the text size from
    Preferences comes through the sheet: the line must grow with it, not cut the text."""
    from workbench.ui import theme

    sheet, palette = qapp.styleSheet(), qapp.palette()
    theme.apply(qapp, "light")
    try:
        row, label = _row(qtbot, "553 ms")
        row.show()
        qtbot.waitExposed(row)
        before = label.height()
        theme.set_font_size(qapp, round(label.font().pointSizeF() * 2))
        qtbot.waitUntil(lambda: label.height() > before)
        assert label.height() >= label.sizeHint().height()
    finally:
        theme.set_font_size(qapp, None)
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
