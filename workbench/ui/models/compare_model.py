"""Rows of a comparison (core.send.compare.Row: headers, signing) as a table: a mark
column (≠ differs, ~ differs as expected on every send), the name, the left and right
values. Differences are marked in words and tinted (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush

MARK = "≠"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the core Row


class CompareRowsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._headers = ("", self.tr("name"), self.tr("left"), self.tr("right"))

    def set_rows(self, rows, left: str = "", right: str = "") -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._headers = ("", self.tr("name"), left or self.tr("left"), right or self.tr("right"))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "" if not row.differs else ("~" if row.expected_to_differ else MARK)
            return (mark, row.name, row.left, row.right)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.differs and row.expected_to_differ:
                return self.tr("changes on every send")
            return self.tr("differs") if row.differs else None
        if role == Qt.ItemDataRole.BackgroundRole and row.differs and not row.expected_to_differ:
            from workbench.ui import theme

            return QBrush(theme.colours()["different"])
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
