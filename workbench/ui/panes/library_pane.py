"""The library sidebar: search as you type, the API -> group -> operation tree with badges,
and the selected operation's documentation. Enter or a double click opens it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLineEdit, QSplitter, QTextBrowser, QTreeView, QVBoxLayout, QWidget

from workbench.ui.accessible import named
from workbench.ui.models.library_tree_model import ENTRY_ROLE, LibraryTreeModel


class _Tree(QTreeView):
    activated_entry = Signal(object)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().data(ENTRY_ROLE):
            self.activated_entry.emit(self.currentIndex().data(ENTRY_ROLE))
            return
        super().keyPressEvent(event)


class LibraryPane(QWidget):
    open_requested = Signal(str)  # library key api:Operation

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries = []
        self.search = named(QLineEdit(), "librarySearch", self.tr("Search the library"),
                            self.tr("Search by name, AWS CLI name, path or description"))
        self.search.setPlaceholderText(self.tr("Search operations…"))
        self.search.setClearButtonEnabled(True)
        self.model = LibraryTreeModel(self)
        self.tree = named(_Tree(), "libraryTree", self.tr("Request library"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)  # a double click opens the operation
        # Many names share a long prefix (GetApplicationDateRangeKpi, GetApplicationSettings):
        # cut them in the middle so the ends that tell them apart stay visible.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The names get the room: the method as wide as the widest (DELETE; fixed: sized to
        # the rows shown, every search measured every row again, a third of a keystroke), the
        # badges at most "EOS sandbox" wide (more badges are elided there, all of them on hover
        # and in the documentation below).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("DELETE") + 12)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("EOS sandbox") + 12)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("GET") + 12)
        self.tree.setIndentation(max(12, self.fontMetrics().horizontalAdvance("M")))
        self.docs = named(QTextBrowser(), "libraryDocs", self.tr("Operation documentation"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.docs)
        split.setSizes([500, 140])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)

        self.search.textChanged.connect(self.apply_search)
        self.search.returnPressed.connect(self._open_first)
        self.tree.doubleClicked.connect(self._open_index)
        self.tree.activated_entry.connect(lambda entry: self.open_requested.emit(entry.key))
        self.tree.selectionModel().currentChanged.connect(self._show_docs)

    def set_entries(self, entries) -> None:
        """Show `entries` (again, once their sandbox badges are known), keeping the search and
        the selected operation."""
        current = self.tree.currentIndex().siblingAtColumn(0).data(ENTRY_ROLE)
        self.entries = entries
        self.model.set_entries(entries)
        self.apply_search(self.search.text())
        if current is not None:
            self.select(current.key)

    def apply_search(self, text: str) -> None:
        from workbench.core.library.index import search_keys

        keys = search_keys(self.entries, text)
        changed = self.model.show_only(keys)
        if changed and keys is not None and len(keys) <= 60:  # unchanged: the tree stays as it is
            self.tree.expandAll()

    def select(self, key: str, parent=None) -> bool:
        """Make the operation `key` current (and visible); False if the tree does not show it."""
        from PySide6.QtCore import QModelIndex

        parent = parent or QModelIndex()
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            entry = index.data(ENTRY_ROLE)
            if (entry is not None and entry.key == key) or (entry is None and self.select(key, index)):
                if entry is not None:
                    self.tree.setCurrentIndex(index)
                return True
        return False

    def select_first(self) -> None:
        """Make the first operation shown current (its documentation appears below)."""
        index = self._first_operation()
        if index is not None:
            self.tree.setCurrentIndex(index)

    def _open_first(self) -> None:
        index = self._first_operation()
        if index is not None:
            self.tree.setCurrentIndex(index)
            self.open_requested.emit(index.data(ENTRY_ROLE).key)

    def _first_operation(self, parent=None):
        from PySide6.QtCore import QModelIndex

        parent = parent or QModelIndex()
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            if index.data(ENTRY_ROLE):
                return index
            found = self._first_operation(index)
            if found is not None:
                return found
        return None

    def _open_index(self, index) -> None:
        entry = index.siblingAtColumn(0).data(ENTRY_ROLE)
        if entry is not None:
            self.open_requested.emit(entry.key)

    def _show_docs(self, index) -> None:
        entry = index.siblingAtColumn(0).data(ENTRY_ROLE) if index.isValid() else None
        if entry is None:
            self.docs.clear()
            return
        badges = "".join(f"<p><b>{escape(label)}</b>: {escape(text)}</p>" for label, text in entry.badges())
        self.docs.setHtml(f"<b>{escape(entry.operation)}</b> <code>{escape(entry.method)} {escape(entry.path)}</code>"
                          f"<br><small>aws {escape(entry.api)} {escape(entry.cli_name)}</small>{badges}"
                          f"<p>{escape(entry.documentation)}</p>")
