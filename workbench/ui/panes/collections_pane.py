"""Saved requests: the collection folders on disk (Qt reads the folder in its own thread)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileSystemModel, QTreeView, QVBoxLayout, QWidget

from workbench.ui.accessible import named


class CollectionsPane(QWidget):
    open_requested = Signal(str)  # a saved draft's path

    def __init__(self, folder, parent=None):
        super().__init__(parent)
        self.model = QFileSystemModel(self)
        from workbench.core.request.drafts import DRAFT_SUFFIX

        self.model.setNameFilters([f"*{DRAFT_SUFFIX}"])
        self.model.setNameFilterDisables(False)
        self.tree = named(QTreeView(), "collectionsTree", self.tr("Saved requests"))
        self.tree.setModel(self.model)
        for column in (1, 2, 3):
            self.tree.hideColumn(column)
        self.tree.setHeaderHidden(True)
        self.folder = folder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        self.tree.doubleClicked.connect(self._open)

    def watch(self) -> None:
        """Start showing the folder (once it exists)."""
        root = self.model.setRootPath(str(self.folder))
        self.tree.setRootIndex(root)

    def _open(self, index) -> None:
        if not self.model.isDir(index):
            self.open_requested.emit(self.model.filePath(index))
