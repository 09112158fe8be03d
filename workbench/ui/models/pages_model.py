"""The pages of a fetch (core.send.pages.Page), one row each: number, status, items, time,
the token it gave. PAGE_ROLE gives the core Page; `append` adds a page as it arrives."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (QT_TRANSLATE_NOOP("PagesModel", "Page"), QT_TRANSLATE_NOOP("PagesModel", "Status"),
           QT_TRANSLATE_NOOP("PagesModel", "Items"), "ms", QT_TRANSLATE_NOOP("PagesModel", "Next token"))


def page_status(page) -> str:
    exchange = page.outcome.exchange
    if exchange is None:
        return QCoreApplication.translate("PagesModel", "not sent")
    if exchange.response is None:
        return QCoreApplication.translate("PagesModel", "no response")
    return str(exchange.response.status)


class PagesModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_pages(self, pages) -> None:
        self.beginResetModel()
        self._rows = list(pages)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        page = self._rows[index.row()]
        if role == PAGE_ROLE:
            return page
        if role == Qt.ItemDataRole.DisplayRole:
            response = page.outcome.exchange.response if page.outcome.exchange is not None else None
            elapsed = f"{response.elapsed_ms:.0f}" if response is not None else ""
            return (str(page.number), page_status(page), str(page.items), elapsed, page.next_token or "")[index.column()]
        return None
