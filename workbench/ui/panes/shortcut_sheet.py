"""The shortcut sheet (F1): every window action that has keys, by menu, read from the
actions themselves (so the sheet and the menus can never disagree)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHeaderView, QLayout, QTableWidget, QTableWidgetItem, QVBoxLayout

from workbench.ui.accessible import named


def shortcut_rows(menu_bar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every menu action with a shortcut."""
    rows = []
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append((menu_action.text().replace("&", ""), action.text().replace("&", ""), keys))
    return rows


class ShortcutSheet(QDialog):
    def __init__(self, menu_bar, parent=None):
        super().__init__(parent)
        named(self, "shortcutSheet", "Keyboard shortcuts")
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(menu_bar)
        self.table = named(QTableWidget(len(rows), 3), "shortcutTable", "Shortcuts")
        self.table.setHorizontalHeaderLabels(["menu", "action", "keys"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.table)
        self.resize(620, 560)
