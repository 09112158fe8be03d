"""The pages of a fetch (core.send.pages.Page), one row each: number, status, items, time,
the token it gave. PAGE_ROLE gives the core Page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.ui.models.rows_model import OBJECT_ROLE, RowsModel

PAGE_ROLE = OBJECT_ROLE
COLUMNS = (QT_TRANSLATE_NOOP("PagesModel", "Page"), QT_TRANSLATE_NOOP("PagesModel", "Status"),
           QT_TRANSLATE_NOOP("PagesModel", "Items"), "ms", QT_TRANSLATE_NOOP("PagesModel", "Next token"))


def page_status(page) -> str:
    exchange = page.outcome.exchange
    if exchange is None:
        return QCoreApplication.translate("PagesModel", "not sent")
    if exchange.response is None:
        return QCoreApplication.translate("PagesModel", "no response")
    return str(exchange.response.status)


def _cells(page) -> tuple:
    response = page.outcome.exchange.response if page.outcome.exchange is not None else None
    elapsed = f"{response.elapsed_ms:.0f}" if response is not None else ""
    return str(page.number), page_status(page), str(page.items), elapsed, page.next_token or ""


class PagesModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__([QCoreApplication.translate("PagesModel", c) for c in COLUMNS], _cells, parent=parent)

    set_pages = RowsModel.set_rows
