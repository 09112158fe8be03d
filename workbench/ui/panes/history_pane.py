"""History: every send from this window, filtered by environment/operation text and status
class; a double click reopens the entry as a new, unlinked tab with its response. The newest
entries are shown (a page at a time: "Load more" asks for the page before)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from workbench.ui.accessible import named
from workbench.ui.models.history_model import ENTRY_ROLE, STATUS_CLASSES, HistoryFilter, HistoryModel


class HistoryPane(QWidget):
    reopen_requested = Signal(object)  # a HistoryEntry
    more_requested = Signal(int)  # the id of the oldest entry shown: the page before it is wanted

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.filter = HistoryFilter(self)
        self.filter.setSourceModel(self.model)
        self.text = named(QLineEdit(), "historyFilter", self.tr("Filter history by environment or operation"))
        self.text.setPlaceholderText(self.tr("Filter: environment, operation…"))
        self.status = named(QComboBox(), "historyStatus", self.tr("Filter history by status"))
        for code, words in STATUS_CLASSES:
            self.status.addItem(QCoreApplication.translate("HistoryModel", words), code)
        self.list = named(QTableView(), "historyList", self.tr("Request history"))
        self.list.setModel(self.filter)
        self.list.verticalHeader().hide()
        self.list.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.more = named(QPushButton(self.tr("Load more")), "historyLoadMore", self.tr("Load older history entries"))
        self.more.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self.more.clicked.connect(self._load_more)
        for changed in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            changed.connect(self._update_more)
        self.text.textChanged.connect(self._refilter)
        self.status.currentTextChanged.connect(self._refilter)
        self.list.activated.connect(lambda index: self.reopen_requested.emit(index.data(ENTRY_ROLE)))  # Enter or double click

    def _refilter(self) -> None:
        self.filter.set_filter(self.text.text(), self.status.currentData() or "")

    def add(self, entry) -> None:
        self.model.prepend(entry)

    def add_older(self, entries) -> None:
        self.model.append_older(entries)
        self._update_more()

    def _load_more(self) -> None:
        oldest = self.model.oldest_id()
        if oldest is not None:
            self.more.setEnabled(False)  # until the page arrives
            self.more_requested.emit(oldest)

    def _update_more(self, *_) -> None:
        self.more.setEnabled(self.model.may_have_more)
