"""The command palette (Ctrl+K, Ctrl+P): one search over operations, environments, saved
requests, history entries and the window's actions, fuzzy on name, method and path
("gapps" finds GetApps, "post campaigns" CreateCampaign): the exact name first, then names
that start with the query, then those that contain it, then the rest; letters-in-order
matches only when nothing better matches. Enter opens the first match."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QLineEdit, QListView, QVBoxLayout

from workbench.ui.accessible import named

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 200
KINDS = {"operation": QT_TRANSLATE_NOOP("PaletteModel", "operation"),
         "environment": QT_TRANSLATE_NOOP("PaletteModel", "environment"),
         "request": QT_TRANSLATE_NOOP("PaletteModel", "request"),
         "history": QT_TRANSLATE_NOOP("PaletteModel", "history"),
         "action": QT_TRANSLATE_NOOP("PaletteModel", "action")}


@dataclass(frozen=True)
class PaletteItem:
    kind: str  # operation | environment | request | history | action
    title: str
    detail: str  # method and path, region, file, shortcut...
    activate: Callable[[], object]
    haystack: str = field(default="", compare=False)  # what is searched, lower case

    def __post_init__(self):
        object.__setattr__(self, "haystack", f"{self.title} {self.detail}".lower())


EXACT, PREFIX, IN_TITLE, IN_DETAIL, FUZZY = 4000, 3000, 2000, 1000, 0  # the tiers, best first


def word_score(word: str, title: str, haystack: str) -> int | None:
    """How well `word` (lower case) matches an item: the whole title, then a title that
    starts with it, then the title containing it, then the detail (method, path, region...)
    containing it, then, last, its letters in order in the title, kept only when they sit
    close together ("gapps" finds GetApps; "sendotp" does not find SendUsersMessages). An
    earlier and tighter match beats a later, looser one within a tier; None: no match."""
    if title == word:
        return EXACT
    if title.startswith(word):
        return PREFIX - (len(title) - len(word))
    at = title.find(word)
    if at >= 0:
        return IN_TITLE - at
    at = haystack.find(word)
    if at >= 0:
        return IN_DETAIL - min(at, 999)
    return _fuzzy(word, title)


def _fuzzy(word: str, title: str) -> int | None:
    position, gaps, start = -1, 0, None
    for letter in word:
        found = title.find(letter, position + 1)
        if found < 0:
            return None
        if start is None:
            start = found
        elif found != position + 1:
            gaps += found - position - 1
        position = found
    if len(word) < 3 or start > 0 or gaps > len(word):  # weak: scattered letters, or not from the start
        return None
    return FUZZY + 500 - gaps * 10


def score(query: str, item: PaletteItem) -> int | None:
    """Every word of the query must match (any order); the sum of their scores."""
    total = 0
    title = item.title.lower()
    for word in query.lower().split():
        found = word_score(word, title, item.haystack)
        if found is None:
            return None
        total += found
    return total


def _fuzzy_only(query: str, item: PaletteItem) -> bool:
    title = item.title.lower()
    return any(word not in item.haystack for word in query.lower().split()) and title != query.lower()


def rank(query: str, items: list[PaletteItem]) -> list[PaletteItem]:
    """The items matching `query`, best first. When some match by name or detail, the
    letters-in-order ones are left out: they would bury the real answers."""
    if not query.strip():
        return items[:MAX_SHOWN]
    scored = [(s, i, item) for i, item in enumerate(items) if (s := score(query, item)) is not None]
    plain = [t for t in scored if not _fuzzy_only(query, t[2])]
    scored = plain or scored
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [item for _, _, item in scored[:MAX_SHOWN]]


class PaletteModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PaletteItem] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._kind(item.kind):<11}  {item.title}    {item.detail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._kind(item.kind)}: {item.title}\n{item.detail}"
        if role == ITEM_ROLE:
            return item
        return None

    def _kind(self, kind: str) -> str:
        return self.tr(KINDS[kind]) if kind in KINDS else kind


class CommandPalette(QDialog):
    activated = Signal(object)  # the PaletteItem run

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "commandPalette", self.tr("Command palette"))
        self.setWindowTitle(self.tr("Go to…"))
        self.items: list[PaletteItem] = []
        self.query = named(QLineEdit(), "paletteQuery", self.tr("Search operations, environments, requests, history, actions"))
        self.query.setPlaceholderText(self.tr("operation, environment, saved request, history, action…"))
        self.model = PaletteModel(self)
        self.view = named(QListView(), "paletteResults", self.tr("Matches"))
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.count = named(QLabel(), "paletteCount", self.tr("Number of matches"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.query)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.query.textChanged.connect(self.filter)
        self.query.returnPressed.connect(self.run_current)
        self.view.activated.connect(lambda index: self.run(index.data(ITEM_ROLE)))
        self.query.installEventFilter(self)
        self.resize(720, 460)

    def set_items(self, items: list[PaletteItem]) -> None:
        self.items = list(items)
        self.filter(self.query.text())

    def filter(self, text: str) -> None:
        shown = rank(text, self.items)
        self.model.set_rows(shown)
        self.count.setText(self.tr("%n match(es)", "", len(shown)))
        if shown:
            self.view.setCurrentIndex(self.model.index(0))

    def eventFilter(self, watched, event) -> bool:
        """Up and Down move through the matches while typing."""
        if watched is self.query and event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Up,
                                                                                                Qt.Key.Key_Down):
            row = self.view.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(row))
            return True
        return False

    def run_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.run(index.data(ITEM_ROLE))

    def run(self, item: PaletteItem | None) -> None:
        if item is None:
            return
        self.hide()
        item.activate()
        self.activated.emit(item)

    def open(self) -> None:  # noqa: A003 - QDialog.open, non-modal here
        self.query.clear()
        self.filter("")
        self.show()
        self.activateWindow()
        self.query.setFocus()
