"""The library as a tree (API -> group -> operation). Search as you type rebuilds the tree
from the matching entries (a few hundred nodes: cheaper than a proxy asking Python for every
row on every keystroke)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the core LibraryEntry (None on folders)
COLUMNS = ("Operation", "Method", "Badges")


class _Node:
    __slots__ = ("label", "entry", "parent", "row", "children")

    def __init__(self, label, entry, parent, row):
        self.label, self.entry, self.parent, self.row, self.children = label, entry, parent, row, []


class LibraryTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._nodes: list[_Node] = [_Node("", None, None, 0)]  # id 0: the invisible root

    def set_entries(self, entries) -> None:
        """Show `entries` (all of the library, or the ones a search matched)."""
        self.beginResetModel()
        self._nodes = [_Node("", None, None, 0)]
        folders: dict[tuple, int] = {}
        for entry in entries:
            parent_id = 0
            for depth, label in enumerate((entry.api, entry.group)):
                key = (entry.api, entry.group)[: depth + 1]
                if key not in folders:
                    folders[key] = self._add(label, None, parent_id)
                parent_id = folders[key]
            self._add(entry.operation, entry, parent_id)
        self.endResetModel()

    def _add(self, label, entry, parent_id) -> int:
        parent = self._nodes[parent_id]
        node_id = len(self._nodes)
        self._nodes.append(_Node(label, entry, parent_id, len(parent.children)))
        parent.children.append(node_id)
        return node_id

    # ---- QAbstractItemModel

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_id = parent.internalId() if parent.isValid() else 0
        return self.createIndex(row, column, self._nodes[parent_id].children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent_id = self._nodes[index.internalId()].parent
        if not parent_id:
            return QModelIndex()
        return self.createIndex(self._nodes[parent_id].row, 0, parent_id)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId() if parent.isValid() else 0].children)

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        entry, column = node.entry, index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return node.label
            if entry is None:
                return None
            return entry.method if column == 1 else " ".join(label for label, _ in entry.badges())
        if role == Qt.ItemDataRole.ToolTipRole and entry is not None:
            if column == 2:
                return "\n".join(text for _, text in entry.badges()) or None
            return f"{entry.operation}\n{entry.method} {entry.path}\naws {entry.api} {entry.cli_name}\n\n{entry.documentation[:400]}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            badges = ", ".join(text for _, text in entry.badges()) if entry else ""
            return f"{node.label} {badges}".strip()
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
