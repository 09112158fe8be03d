"""An editable (name, value) table with a blank row at the end for adding: Params, Headers,
Variables. `set_pairs()` resets; `pairs()` reads back what the user typed."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal


SECRET_ROLE = Qt.ItemDataRole.UserRole + 1  # True on the value cell of a secret variable


class KeyValueModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, headers=("Name", "Value"), parent=None):
        super().__init__(parent)
        self._headers = headers
        self._rows: list[list[str]] = []
        self._tooltips: dict[str, str] = {}
        self.is_secret = lambda name: False  # a secret's value is shown masked (edited in a password field)

    def set_pairs(self, pairs, tooltips: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = [[str(k), str(v)] for k, v in pairs]
        self._tooltips = dict(tooltips or {})
        self.endResetModel()

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
        return 0 if parent.isValid() else len(self._rows) + 1

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.row() == len(self._rows):
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "(add)"
            if role == Qt.ItemDataRole.EditRole:
                return ""
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole and self._masked(index):
            from workbench.core.environments.secret_variables import mask

            return mask(value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == SECRET_ROLE:
            return self._masked(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips.get(self._rows[index.row()][0])
        return None

    def _masked(self, index) -> bool:
        """A secret's value cell, unless it only refers to variables ({{apiKey}} is no secret)."""
        name, value = self._rows[index.row()]
        return index.column() == 1 and "{{" not in value and self.is_secret(name)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        value = str(value)
        if index.row() == len(self._rows):
            if not value:
                return False
            row = len(self._rows)  # a real row takes the blank row's place; the blank moves down
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(["", ""])
            self.endInsertRows()
        self._rows[index.row()][index.column()] = value
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
