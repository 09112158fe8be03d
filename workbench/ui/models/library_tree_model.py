"""The library as a tree (API -> group -> operation), and which of its operations a search
shows.

The rows live on Qt's side: a QStandardItemModel filled once per library (again only when
the sandbox's badges arrive), under a filter on each operation's key. A keystroke hands Qt
one pattern of the matching keys and Qt removes and inserts only the rows that changed; a
repaint reads every cell from C++. (A Python model was asked ~1,200 times a repaint and
rebuilt on every change of matches: 4-5 ms a keystroke.)"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

ENTRY_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the core LibraryEntry (None on folders)
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the row's number among the operations, zero-padded ("" on folders)
COLUMNS = (QT_TRANSLATE_NOOP("LibraryTreeModel", "Operation"), QT_TRANSLATE_NOOP("LibraryTreeModel", "Method"),
           QT_TRANSLATE_NOOP("LibraryTreeModel", "Badges"))
_NOTHING = "(?!)"  # a pattern no key matches: a search that found nothing
_ACCESSIBLE, _TOOLTIP = int(Qt.ItemDataRole.AccessibleTextRole), int(Qt.ItemDataRole.ToolTipRole)


def numbers_pattern(codes: list[str]) -> str:
    """A regular expression matching exactly `codes` (equal-length strings of digits), as a
    trie: Qt compiles a pattern per keystroke, and 278 alternatives cost it 0.8 ms, the trie
    0.1 ms."""
    if not codes:
        return _NOTHING

    def branch(group: list[str]) -> str:
        if len(group[0]) == 1:
            return f"[{''.join(group)}]" if len(group) > 1 else group[0]
        by_first: dict[str, list[str]] = {}
        for code in group:
            by_first.setdefault(code[0], []).append(code[1:])
        parts = [first + branch(rest) for first, rest in by_first.items()]
        return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"

    return f"^{branch(sorted(codes))}$"


def _tooltip(entry) -> str:
    return (f"{entry.operation}\n{entry.method} {entry.path}\naws {entry.api} {entry.cli_name}\n\n"
            f"{entry.documentation[:400]}")


def _folder(label: str) -> list[QStandardItem]:
    item = QStandardItem(label)
    item.setData(label, _ACCESSIBLE)
    return [item]


def _operation(entry, code: str) -> list[QStandardItem]:
    """The three cells of an operation's row. (Editable by Qt's default: the view never
    edits, it has no edit triggers.)"""
    badges = entry.badges()
    name, method, shown = (QStandardItem(entry.operation), QStandardItem(entry.method),
                           QStandardItem(" ".join(short for short, _ in badges)))
    tooltip = _tooltip(entry)
    name.setData(entry, ENTRY_ROLE)
    name.setData(code, KEY_ROLE)
    name.setData(f"{entry.operation} {', '.join(text for _, text in badges)}".strip(), _ACCESSIBLE)
    name.setData(tooltip, _TOOLTIP)
    method.setData(tooltip, _TOOLTIP)
    if badges:
        shown.setData("\n".join(text for _, text in badges), _TOOLTIP)
    return [name, method, shown]


class LibraryTreeModel(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = QStandardItemModel(0, 3, self)
        self._headers = [self.tr(title) for title in COLUMNS]  # the window's translators are in before any model
        self._rows.setHorizontalHeaderLabels(self._headers)
        self.setSourceModel(self._rows)
        self.setRecursiveFilteringEnabled(True)  # a folder is shown while one of its operations is
        self.setFilterRole(KEY_ROLE)
        self._entries: list = []
        self._codes: dict[str, str] = {}  # key -> the row's number, zero-padded (KEY_ROLE)
        self._pattern: str | None = ""  # None: not known for the rows shown (after a fill)

    def set_entries(self, entries) -> bool:
        """Fill the tree with all of the library (`entries`); False (nothing done) when they
        are the ones shown already."""
        entries = list(entries)
        if entries == self._entries:  # the same objects: compared by identity first
            return False
        self._entries = entries
        width = len(str(max(len(entries) - 1, 0)))
        self._codes = {entry.key: f"{number:0{width}d}" for number, entry in enumerate(entries)}
        self.beginResetModel()
        self._rows.blockSignals(True)  # one reset for the whole fill, not a signal per row
        self._rows.clear()
        self._rows.setHorizontalHeaderLabels(self._headers)
        folders: dict[tuple, QStandardItem] = {}
        root = self._rows.invisibleRootItem()
        for entry in entries:
            parent = root
            for key in ((entry.api,), (entry.api, entry.group)):
                if key not in folders:
                    row = _folder(key[-1])
                    parent.appendRow(row)
                    folders[key] = row[0]
                parent = folders[key]
            parent.appendRow(_operation(entry, self._codes[entry.key]))
        self._rows.blockSignals(False)
        self.endResetModel()
        self._pattern = None  # the next show_only applies its pattern (and says it changed the tree)
        return True

    def show_only(self, keys) -> bool:
        """Show the operations whose keys are in `keys` (None: all of them) and the folders
        above them; False (nothing done) when that is what is shown already."""
        if keys is None:
            pattern = ""
        else:
            pattern = numbers_pattern([self._codes[key] for key in keys if key in self._codes])
        if pattern == self._pattern:
            return False
        self._pattern = pattern
        self.setFilterRegularExpression(pattern)
        return True
