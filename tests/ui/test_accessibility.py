"""Every interactive widget has a stable objectName and an accessible name (for tests,
screen readers and UI automation); the names the issue lists exist."""

from __future__ import annotations

from ui_helpers import open_operation
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QPlainTextEdit,
                               QTabWidget, QWidget)

REQUIRED = ("librarySearch", "libraryTree", "environmentSwitcher", "urlEdit", "bodyEditor", "sendButton",
            "cancelButton", "responseStatus", "responseView", "inspectView", "historyList")
INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QTabWidget)


def _own_widgets(window):
    """Interactive widgets the window created (not the parts Qt builds inside a widget)."""
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractItemView, QTabWidget)) and not isinstance(widget, QTabWidget) \
                or type(parent).__name__ in ("QTabBar", "QLineEdit"):
            continue
        if widget.window() is not window or widget.objectName().startswith("qt_"):  # popups, Qt's own parts
            continue
        yield widget


def test_required_names_and_every_interactive_widget_named(qtbot, window):
    open_operation(qtbot, window, "CreateApp")
    names = {w.objectName() for w in window.findChildren(QWidget)}
    assert set(REQUIRED) <= names
    widgets = list(_own_widgets(window))
    assert len(widgets) > 25
    unnamed = [f"{type(w).__name__} in {type(w.parentWidget()).__name__}" for w in widgets
               if not w.objectName() or not w.accessibleName()]
    assert unnamed == []
