"""An editable (name, value) table with a blank row at the end for adding: Params, Headers,
Variables. `set_pairs()` resets; `pairs()` reads back what the user typed.

What a request inherits is shown where it will be used, greyed and with its scope in words
(never colour alone): an empty row's value from the environment or globals (`inherited`),
and read-only rows the request gets anyway (`set_implied`: the template's headers, those
signing adds). Neither is ever read back by `pairs()`."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont


SECRET_ROLE = Qt.ItemDataRole.UserRole + 1  # True on the value cell of a secret variable
INHERITED_ROLE = Qt.ItemDataRole.UserRole + 2  # the scope a shown value comes from ("" if typed here)


class KeyValueModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, headers=("Name", "Value"), parent=None):
        super().__init__(parent)
        self._headers = headers
        self._rows: list[list[str]] = []
        self._tooltips: dict[str, str] = {}
        self._implied: list[tuple[str, str, str]] = []  # (name, value, where from): shown, read-only
        self.is_secret = lambda name: False  # a secret's value is shown masked (edited in a password field)
        # name -> (value, scope) the request inherits when its own cell is empty, or None
        self.inherited: Callable[[str], tuple[str, str] | None] = lambda name: None

    def set_pairs(self, pairs, tooltips: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = [[str(k), str(v)] for k, v in pairs]
        self._tooltips = dict(tooltips or {})
        self.endResetModel()

    def set_implied(self, rows) -> None:
        """Read-only rows shown after the user's: [(name, value, where it comes from)]."""
        rows = [tuple(r) for r in rows]
        if rows == self._implied:
            return
        self.beginResetModel()
        self._implied = rows
        self.endResetModel()

    def inherited_changed(self) -> None:
        """The environment or globals changed: repaint the inherited values."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))

    def pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, v) for k, v in self._rows if k.strip())

    def set_value(self, name: str, value: str) -> None:
        for row, pair in enumerate(self._rows):
            if pair[0] == name:
                self.setData(self.index(row, 1), value)
                return
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([name, value])
        self.endInsertRows()
        self.edited.emit()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows) + len(self._implied) + 1

    def _add_row(self) -> int:
        return len(self._rows) + len(self._implied)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.row() == self._add_row():
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.tr("(add)")
            if role == Qt.ItemDataRole.EditRole:
                return ""
            return None
        if index.row() >= len(self._rows):
            return self._implied_data(self._implied[index.row() - len(self._rows)], index.column(), role)
        value = self._rows[index.row()][index.column()]
        inherited = self._inherited(index)
        if inherited is not None:
            shown, scope = inherited
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("{value}   (from {scope})").format(value=shown, scope=scope)
            if role == INHERITED_ROLE:
                return scope
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Not set in this request: the {scope} gives {value}. Type a value to use "
                               "another one here.").format(scope=scope, value=shown)
            if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
                return _greyed(role)
        if role == Qt.ItemDataRole.DisplayRole and self._masked(index):
            from workbench.core.environments.secret_variables import mask

            return mask(value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == SECRET_ROLE:
            return self._masked(index)
        if role == INHERITED_ROLE:
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips.get(self._rows[index.row()][0])
        return None

    def _implied_data(self, row, column, role):
        name, value, source = row
        if role == Qt.ItemDataRole.DisplayRole:
            return name if column == 0 else self.tr("{value}   ({source})").format(value=value, source=source)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}: {source}").format(name=name, source=source)
        if role == INHERITED_ROLE:
            return source
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return _greyed(role)
        return None

    def _inherited(self, index):
        if index.column() != 1 or self._rows[index.row()][1] != "":
            return None
        return self.inherited(self._rows[index.row()][0])

    def _masked(self, index) -> bool:
        """A secret's value cell, unless it only refers to variables ({{apiKey}} is no secret)."""
        name, value = self._rows[index.row()]
        return index.column() == 1 and "{{" not in value and self.is_secret(name)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        value = str(value)
        row = index.row()
        if len(self._rows) <= row < self._add_row():
            return False  # an implied row is read-only
        if row == self._add_row():
            if not value:
                return False
            row = len(self._rows)  # a real row, after the user's others; the blank stays last
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(["", ""])
            self.endInsertRows()
            index = self.index(row, index.column())
        self._rows[row][index.column()] = value
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if len(self._rows) <= index.row() < self._add_row():
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


def _greyed(role):
    """Inherited, not typed here: the theme's muted text colour (still 4.5:1), in italics."""
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    from workbench.ui import theme

    return theme.colours()["inherited"]
