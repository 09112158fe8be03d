"""Sent requests, newest first, and a filter by environment, operation and status class."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QSortFilterProxyModel

from workbench.ui.models.rows_model import OBJECT_ROLE, RowsModel
from workbench.ui.translation import local_time, number

ENTRY_ROLE = OBJECT_ROLE
COLUMNS = (QT_TRANSLATE_NOOP("HistoryModel", "Time"), QT_TRANSLATE_NOOP("HistoryModel", "Environment"),
           QT_TRANSLATE_NOOP("HistoryModel", "Operation"), QT_TRANSLATE_NOOP("HistoryModel", "Status"), "ms")


def status_text(entry) -> str:
    if entry.status is not None:
        return str(entry.status)
    if not entry.sent:
        return QCoreApplication.translate("HistoryModel", "not sent")
    return QCoreApplication.translate("HistoryModel", "no response")


PAGE = 200  # entries loaded at a time (start-up, reload, "Load more")


def _cells(entry) -> tuple:
    return (local_time(entry.time), entry.environment, entry.operation.split(":")[-1], status_text(entry),
            "" if entry.elapsed_ms is None else number(entry.elapsed_ms))


def _tooltip(entry) -> str:
    return f"{entry.method} {entry.url}" + (f"\n{entry.error.get('message', '')}" if entry.error else "")


class HistoryModel(RowsModel):
    """The newest `limit` entries (PAGE, plus a PAGE for each "load more"): a new send goes on
    top and the oldest row beyond the limit goes, so the window does not grow with every
    send. `may_have_more`: older entries may exist in the history file."""

    def __init__(self, parent=None):
        super().__init__([QCoreApplication.translate("HistoryModel", c) for c in COLUMNS], _cells, _tooltip, parent)
        self.limit = PAGE
        self.may_have_more = False

    def set_rows(self, entries) -> None:
        self.beginResetModel()
        self._rows = list(entries)[:PAGE]
        self.limit = PAGE
        self.may_have_more = len(self._rows) >= PAGE
        self.endResetModel()

    def append_older(self, entries) -> None:
        """A page of older entries ("load more"), oldest last."""
        entries = [e for e in entries if not self._rows or e.id < self._rows[-1].id]
        self.may_have_more = len(entries) >= PAGE
        if not entries:
            return
        self.limit = len(self._rows) + len(entries)
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(entries) - 1)
        self._rows.extend(entries)
        self.endInsertRows()

    def oldest_id(self) -> int | None:
        return self._rows[-1].id if self._rows else None

    def prepend(self, entry) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, entry)
        self.endInsertRows()
        if len(self._rows) > self.limit:
            self.beginRemoveRows(QModelIndex(), self.limit, len(self._rows) - 1)
            del self._rows[self.limit:]
            self.endRemoveRows()
            self.may_have_more = True


# the status filter's choices: (code, words); the codes are what the filter compares
STATUS_CLASSES = (("", QT_TRANSLATE_NOOP("HistoryModel", "any status")), ("2xx", "2xx"), ("3xx", "3xx"),
                  ("4xx", "4xx"), ("5xx", "5xx"), ("no response", QT_TRANSLATE_NOOP("HistoryModel", "no response")))


class HistoryFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.status_class = ""  # "" (any), 2xx..5xx, no response

    def set_filter(self, text: str, status_class: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.10
            self.text, self.status_class = text.lower().strip(), status_class
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self.text, self.status_class = text.lower().strip(), status_class
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent):
        entry = self.sourceModel().index(source_row, 0, source_parent).data(ENTRY_ROLE)
        if self.text and not all(w in f"{entry.environment} {entry.operation}".lower() for w in self.text.split()):
            return False
        if self.status_class == "no response":
            return entry.status is None
        if self.status_class:
            return entry.status is not None and str(entry.status)[0] == self.status_class[0]
        return True
