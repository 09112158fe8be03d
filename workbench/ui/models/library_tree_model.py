"""The library as a tree (API -> group -> operation). Search as you type rebuilds the tree
from the matching entries (a few hundred nodes: cheaper than a proxy asking Python for every
row on every keystroke).

The view calls these methods thousands of times a keystroke (every visible cell, every role,
every layout), so each is kept to a few operations: what a row shows is computed once when
the tree is built, roles are compared as plain ints, flags are one constant, and an invalid
parent (internal id 0) is the root without asking Qt."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, Qt

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the core LibraryEntry (None on folders)
COLUMNS = (QT_TRANSLATE_NOOP("LibraryTreeModel", "Operation"), QT_TRANSLATE_NOOP("LibraryTreeModel", "Method"),
           QT_TRANSLATE_NOOP("LibraryTreeModel", "Badges"))
_DISPLAY, _TOOLTIP, _ACCESSIBLE = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                                   int(Qt.ItemDataRole.AccessibleTextRole))
_ENTRY = int(ENTRY_ROLE)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_HORIZONTAL = Qt.Orientation.Horizontal


class _Node:
    __slots__ = ("entry", "parent", "row", "children", "display", "accessible")

    def __init__(self, shown, entry, parent, row):
        self.entry, self.parent, self.row, self.children = entry, parent, row, []
        self.display, self.accessible = shown


def _shown(label: str, entry) -> tuple[tuple, str]:
    """(what the three columns display, the accessible text) of a row."""
    badges = entry.badges() if entry is not None else []
    display = (label, entry.method, " ".join(short for short, _ in badges)) if entry else (label, None, None)
    return display, f"{label} {', '.join(text for _, text in badges)}".strip()


class LibraryTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._nodes: list[_Node] = [_Node(_shown("", None), None, None, 0)]  # id 0: the invisible root
        self._shown_cache: dict = {}  # (label, entry) -> _shown: a row is worked out once, not each keystroke
        self._entries: list | None = None

    def set_entries(self, entries) -> bool:
        """Show `entries` (all of the library, or the ones a search matched); False (and the
        view left alone) when they are the ones shown already: a keystroke that does not
        change what matches costs nothing here."""
        entries = list(entries)
        if entries == self._entries:  # the same objects: compared by identity first
            return False
        self._entries = entries
        self.beginResetModel()
        self._nodes = [_Node(_shown("", None), None, None, 0)]
        if len(self._shown_cache) > 4096:  # entries replaced (sandbox badges): forget the old ones
            self._shown_cache.clear()
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
        return True

    def _add(self, label, entry, parent_id) -> int:
        parent = self._nodes[parent_id]
        node_id = len(self._nodes)
        shown = self._shown_cache.get((label, entry))
        if shown is None:
            shown = self._shown_cache[(label, entry)] = _shown(label, entry)
        self._nodes.append(_Node(shown, entry, parent_id, len(parent.children)))
        parent.children.append(node_id)
        return node_id

    # ---- QAbstractItemModel

    def index(self, row, column, parent=QModelIndex()):
        children = self._nodes[parent.internalId() if parent.column() == 0 else 0].children
        if not (0 <= row < len(children) and 0 <= column < 3) or parent.column() > 0:
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index=QModelIndex()):
        parent_id = self._nodes[index.internalId()].parent if index.column() >= 0 else 0
        if not parent_id:
            return QModelIndex()
        return self.createIndex(self._nodes[parent_id].row, 0, parent_id)

    def rowCount(self, parent=QModelIndex()):
        column = parent.column()
        if column > 0:
            return 0
        return len(self._nodes[parent.internalId() if column == 0 else 0].children)

    def columnCount(self, parent=QModelIndex()):
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == _DISPLAY and orientation == _HORIZONTAL:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index, role=_DISPLAY):
        if role == _DISPLAY:
            return self._nodes[index.internalId()].display[index.column()] if index.column() >= 0 else None
        if role == _ENTRY:
            return self._nodes[index.internalId()].entry if index.column() >= 0 else None
        if role == _TOOLTIP and index.column() >= 0:
            entry = self._nodes[index.internalId()].entry
            if entry is None:
                return None
            if index.column() == 2:
                return "\n".join(text for _, text in entry.badges()) or None
            return f"{entry.operation}\n{entry.method} {entry.path}\naws {entry.api} {entry.cli_name}\n\n{entry.documentation[:400]}"
        if role == _ACCESSIBLE and index.column() == 0:
            return self._nodes[index.internalId()].accessible
        return None

    def flags(self, index):
        return _FLAGS if index.column() >= 0 else _NO_FLAGS
