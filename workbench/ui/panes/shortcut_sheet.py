"""The shortcut sheet (F1): every window action that has keys, by menu, read from the
actions themselves (so the sheet and the menus can never disagree)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHeaderView, QLayout, QTableView, QVBoxLayout

from workbench.ui.accessible import named
from workbench.ui.models.rows_model import RowsModel


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
        named(self, "shortcutSheet", self.tr("Keyboard shortcuts"))
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.model = RowsModel((self.tr("menu"), self.tr("action"), self.tr("keys")), lambda row: row, parent=self)
        self.model.set_rows(shortcut_rows(menu_bar))
        self.table = named(QTableView(), "shortcutTable", self.tr("Shortcuts"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.table)
        self.resize(620, 560)
