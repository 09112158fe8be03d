"""A read-only table (or list, with one column) over core objects: each row is one object,
its cells come from a function of it. The object itself is under OBJECT_ROLE. Used by the
troubleshooting guide (catalogue entries), the shortcut sheet (menu actions) and the
request editor's validation problems."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], cells: Callable[[object], Sequence[str]],
                 tooltip: Callable[[object], str | None] | None = None, parent=None):
        super().__init__(parent)
        self._headers = tuple(headers)
        self._cells = cells
        self._tooltip = tooltip or (lambda item: None)
        self._rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self._cells(item)[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == OBJECT_ROLE:
            return item
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
