"""A parsed JSON value as a lazy tree: children are created only when a node is expanded,
and big containers hand them out in batches (canFetchMore/fetchMore), so a 10 MB response
costs the UI thread nothing until the user opens it."""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush

from workbench.core.common.json_locate import child_path

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the node's JSON path ($.ApplicationResponse.Id)
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the node's value (Python)
BATCH = 500
COLUMNS = (QT_TRANSLATE_NOOP("JsonTreeModel", "Key"), QT_TRANSLATE_NOOP("JsonTreeModel", "Value"),
           QT_TRANSLATE_NOOP("JsonTreeModel", "Type"))
_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number", type(None): "null"}


class _Node:
    __slots__ = ("key", "value", "parent", "row", "path", "children")

    def __init__(self, key, value, parent, row, path):
        self.key, self.value, self.parent, self.row, self.path = key, value, parent, row, path
        self.children: list[int] = []


def _size(value) -> int:
    return len(value) if isinstance(value, (dict, list)) else 0


def preview(value, limit: int = 200) -> str:
    """A scalar in a line: its JSON, cut at `limit` characters (a container is said by its size:
    JsonTreeModel, whose words have plurals)."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


class JsonTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._items: dict[int, list] = {}  # node id -> its (key, value) pairs, computed on first fetch
        self.flagged: dict[str, str] = {}  # JSON path -> why it is flagged (set_flagged)

    def set_value(self, value) -> None:
        """Show `value`; a container's members are the top rows."""
        self.beginResetModel()
        self._nodes = [_Node("$", value, None, 0, "$")]
        self._items = {}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._nodes, self._items = [], {}
        self.endResetModel()

    def _node_id(self, index: QModelIndex) -> int:
        return index.internalId() if index.isValid() else 0

    def _pairs(self, node_id: int) -> list:
        if node_id not in self._items:
            value = self._nodes[node_id].value
            self._items[node_id] = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
        return self._items[node_id]

    # ---- lazy loading

    def hasChildren(self, parent=QModelIndex()):
        if not self._nodes or (parent.isValid() and parent.column() != 0):
            return False
        return _size(self._nodes[self._node_id(parent)].value) > 0

    def canFetchMore(self, parent=QModelIndex()):
        if not self._nodes or (parent.isValid() and parent.column() != 0):
            return False
        node = self._nodes[self._node_id(parent)]
        return len(node.children) < _size(node.value)

    def fetchMore(self, parent=QModelIndex()):
        if not self.canFetchMore(parent):
            return
        node_id = self._node_id(parent)
        node = self._nodes[node_id]
        start = len(node.children)
        pairs = self._pairs(node_id)[start:start + BATCH]
        self.beginInsertRows(parent, start, start + len(pairs) - 1)
        for offset, (key, value) in enumerate(pairs):
            self._nodes.append(_Node(key, value, node_id, start + offset, child_path(node.path, key)))
            node.children.append(len(self._nodes) - 1)
        self.endInsertRows()

    # ---- QAbstractItemModel

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._nodes[self._node_id(parent)].children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent_id = self._nodes[index.internalId()].parent
        if not parent_id:
            return QModelIndex()
        return self.createIndex(self._nodes[parent_id].row, 0, parent_id)

    def rowCount(self, parent=QModelIndex()):
        if not self._nodes or (parent.isValid() and parent.column() != 0):
            return 0
        return len(self._nodes[self._node_id(parent)].children)

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        flag = self.flag_of(node.path)
        if role == Qt.ItemDataRole.DisplayRole:
            key = f"⚑ {node.key}" if flag and index.column() == 0 else str(node.key)
            return (key, self._preview(node.value), _TYPES.get(type(node.value), ""))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.path + (f"\n⚑ {flag}" if flag else "")
        if role == Qt.ItemDataRole.BackgroundRole and flag:  # with the ⚑ mark in the key: never colour alone
            from workbench.ui import theme

            return QBrush(theme.colours()["flagged"])
        if role == PATH_ROLE:
            return node.path
        if role == VALUE_ROLE:
            return node.value
        return None

    def _preview(self, value) -> str:
        if isinstance(value, dict):
            return self.tr("{%Ln member(s)}", "", len(value))
        if isinstance(value, list):
            return self.tr("[%Ln item(s)]", "", len(value))
        return preview(value)

    def set_flagged(self, flagged: dict[str, str]) -> None:
        """Mark these JSON paths (and the nodes above them) with the diagnosis that read them
        (core.diagnose.flagged_paths: failed recipients inside a 200)."""
        self.flagged = dict(flagged)
        for path, reason in flagged.items():
            for cut in range(len(path) - 1, 0, -1):
                if path[cut] in ".[" and path[:cut] not in self.flagged:
                    self.flagged[path[:cut]] = reason
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 2))

    def flag_of(self, path: str) -> str:
        return self.flagged.get(path, "") if self.flagged else ""

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
