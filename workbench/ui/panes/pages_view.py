"""Request -> Fetch all pages: the current tab's request, every page of its answer, fetched in
a worker through the send service (progress in pages and items, Cancel keeps what came).
The pages are listed (each one inspectable: what was signed, what came back), the merged
result is shown as the AWS CLI shows it and can be saved; the fetch is one history entry."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLayout, QPlainTextEdit, QPushButton,
                               QSpinBox, QSplitter, QTableView, QTabWidget, QVBoxLayout)

from workbench.core.common.cancel import CancelToken
from workbench.ui.accessible import named
from workbench.ui.models.pages_model import PAGE_ROLE, PagesModel
from workbench.ui.workers import ExclusiveRunner

SHOWN_BYTES = 256 * 1024  # of the merged result (Save keeps all of it)


def page_text(page) -> str:
    """One page as text: what came back, then what was signed (redacted) for it."""
    translate = QCoreApplication.translate
    exchange = page.outcome.exchange
    if exchange is None:
        return translate("FetchPagesView", "page {number}: not sent: {error}").format(number=page.number,
                                                                                      error=page.outcome.error)
    asked = translate("FetchPagesView", ", asked with token {token}").format(token=page.asked_with)
    gave = translate("FetchPagesView", ", gave token {token}").format(token=page.next_token)
    lines = [translate("FetchPagesView", "page {number}").format(number=page.number)
             + (asked if page.asked_with else "")
             + (gave if page.next_token else translate("FetchPagesView", ", the last"))]
    response = exchange.response
    if response is None:
        lines.append(translate("FetchPagesView", "no response: {error}").format(error=exchange.error))
    else:
        from workbench.ui.panes.response_pane import human_size

        lines.append(f"HTTP {response.status} {response.reason}   ({response.elapsed_ms:.1f} ms, "
                     f"{human_size(response.size_bytes)})")
        parsed = response.json()
        lines.append(json.dumps(parsed, indent=2, ensure_ascii=False) if parsed is not None else response.text())
    lines += ["", translate("FetchPagesView", "What was signed:"), exchange.inspection.to_text(body="")]
    return "\n".join(lines)


class FetchPagesView(QDialog):
    def __init__(self, controller, draft, environment: str, parent=None):
        super().__init__(parent)
        self.controller, self.draft, self.environment = controller, draft, environment
        self.result = None
        self._stop = None
        self.runner = ExclusiveRunner(self, pool=controller.pool)
        operation = draft.operation.split(":")[-1]
        named(self, "fetchPagesView", self.tr("Fetch all pages of {operation}").format(operation=operation))
        self.setWindowTitle(self.tr("Fetch all pages: {operation} in {environment}").format(
            operation=operation, environment=environment))
        self.resize(960, 620)

        self.page_size = named(QSpinBox(), "fetchPageSize", self.tr("Items per page (0: the service's default)"))
        self.max_items = named(QSpinBox(), "fetchMaxItems", self.tr("Stop after this many items (0: all)"))
        for box in (self.page_size, self.max_items):
            box.setRange(0, 1_000_000)
            box.setSpecialValueText(self.tr("default") if box is self.page_size else self.tr("all"))
        self.fetch_button = named(QPushButton(self.tr("Fetch")), "fetchStart", self.tr("Fetch every page"))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "fetchCancel",
                                   self.tr("Stop fetching (keeps the pages that came)"))
        self.save_button = named(QPushButton(self.tr("Save merged result…")), "fetchSave",
                                 self.tr("Save the merged result as JSON"))
        self.save_button.setEnabled(False)
        self.status = named(QLabel(self.tr("Not fetched yet.")), "fetchStatus", self.tr("Pages and items fetched"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Page size")))
        top.addWidget(self.page_size)
        top.addWidget(QLabel(self.tr("Max items")))
        top.addWidget(self.max_items)
        top.addWidget(self.fetch_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.save_button)

        self.model = PagesModel(self)
        self.pages = named(QTableView(), "fetchPages", self.tr("The pages fetched"))
        self.pages.setModel(self.model)
        self.pages.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.pages.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.pages.verticalHeader().hide()
        self.pages.selectionModel().currentChanged.connect(lambda current, _: self.show_page(current))
        self.page_detail = named(QPlainTextEdit(), "fetchPageDetail",
                                 self.tr("The selected page: what was signed, what came back"))
        self.merged = named(QPlainTextEdit(), "fetchMerged", self.tr("Every page merged, as the AWS CLI shows it"))
        for view in (self.page_detail, self.merged):
            view.setReadOnly(True)
        self.tabs = named(QTabWidget(), "fetchTabs", self.tr("Merged result or one page"))
        self.tabs.addTab(self.merged, self.tr("Merged result"))
        self.tabs.addTab(self.page_detail, self.tr("Page"))
        splitter = QSplitter()
        splitter.addWidget(self.pages)
        splitter.addWidget(self.tabs)
        splitter.setSizes([380, 580])
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see ui/dialogs.py
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.fetch_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        self._busy(False)

    def start(self) -> None:
        from workbench.core.send.pages import fetch_all_pages
        from workbench.ui.support_services import send_service

        service, draft, environment = send_service(self.controller), self.draft, self.environment
        page_size, max_items = self.page_size.value() or None, self.max_items.value() or None
        options = getattr(self.controller, "send_options", None)

        # its own token, not the worker's: a cancelled fetch still hands back the pages that came
        stop = self._stop = CancelToken()

        def work(cancel, progress):
            with service.open(environment, cancel=stop) as session:
                return fetch_all_pages(session, draft, page_size=page_size, max_items=max_items, on_page=progress,
                                       cancel=stop, options=options)

        self.model.set_pages([])
        self.merged.clear()
        self.page_detail.clear()
        self.status.setText(self.tr("Fetching…"))
        self._busy(True)
        self.runner.run(work, on_result=self._done, on_error=self._failed, on_progress=self._progressed)

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.cancel()

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)

    def _busy(self, busy: bool) -> None:
        self.fetch_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _progressed(self, step) -> None:
        self.status.setText(self.tr("Fetching… {progress}").format(progress=step.text()))

    def _done(self, result) -> None:
        from workbench.ui.support_services import history_changed

        self._busy(False)
        self.result = result
        self.model.set_pages(result.pages)
        every_page = self.tr("every page")
        stopped = {"max-items": self.tr("stopped at the maximum"),
                   "cancelled": self.tr("cancelled: the pages that came are kept"),
                   "failed": self.tr("a page failed"), "repeated-token": self.tr("the service gave the same token twice")}
        where = self.tr("; history #{id}").format(id=result.history_id) if result.history_id is not None else ""
        self.status.setText(self.tr("%n page(s)", "", len(result.pages)) + ", "
                            + self.tr("%Ln item(s)", "", result.items)
                            + f" ({stopped.get(result.stopped or '', every_page)}{where})")
        text = json.dumps(result.merged, indent=2, ensure_ascii=False)
        if len(text) > SHOWN_BYTES:
            text = text[:SHOWN_BYTES] + "\n" + self.tr("… (the first {size} KB shown; Save keeps all of it)").format(
                size=SHOWN_BYTES // 1024)
        self.merged.setPlainText(text)
        self.save_button.setEnabled(True)
        if result.failed_page is not None:
            self.pages.selectRow(len(result.pages) - 1)
            self.tabs.setCurrentWidget(self.page_detail)
        history_changed(self.controller)

    def _failed(self, error) -> None:
        self._busy(False)
        self.status.setText(self.tr("Not fetched: {error}").format(error=error))

    def show_page(self, index) -> None:
        page = index.data(PAGE_ROLE) if index.isValid() else None
        self.page_detail.setPlainText(page_text(page) if page is not None else "")

    def save(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the merged result"), "pages.json")
        if path:
            self.write(path)

    def write(self, path: str) -> None:
        from workbench.core.common.storage import atomic_write_text
        from workbench.ui.owned_work import run_for

        merged = self.result.merged
        run_for(self, self.controller, lambda: atomic_write_text(path, json.dumps(merged, indent=2, ensure_ascii=False)) or path,
                lambda where: self.status.setText(self.tr("{status} — saved to {path}").format(status=self.status.text(),
                                                                                             path=where)),
                lambda error: self.status.setText(self.tr("Not saved: {error}").format(error=error)))
