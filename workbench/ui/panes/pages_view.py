"""Request -> Fetch all pages: the current tab's request, every page of its answer, fetched in
a worker through the send service (progress in pages and items, Cancel keeps what came).
The pages are listed (each one inspectable: what was signed, what came back), the merged
result is shown as the AWS CLI shows it and can be saved; the fetch is one history entry."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLayout, QPlainTextEdit, QPushButton,
                               QSpinBox, QSplitter, QTableView, QTabWidget, QVBoxLayout)

from workbench.core.common.cancel import CancelToken
from workbench.ui.accessible import named
from workbench.ui.models.pages_model import PAGE_ROLE, PagesModel
from workbench.ui.workers import ExclusiveRunner

SHOWN_BYTES = 256 * 1024  # of the merged result (Save keeps all of it)


def page_text(page) -> str:
    """One page as text: what came back, then what was signed (redacted) for it."""
    exchange = page.outcome.exchange
    if exchange is None:
        return f"page {page.number}: not sent: {page.outcome.error}"
    lines = [f"page {page.number}" + (f", asked with token {page.asked_with}" if page.asked_with else "")
             + (f", gave token {page.next_token}" if page.next_token else ", the last")]
    response = exchange.response
    if response is None:
        lines.append(f"no response: {exchange.error}")
    else:
        lines.append(f"HTTP {response.status} {response.reason}   ({response.elapsed_ms:.1f} ms, {response.size_bytes} bytes)")
        parsed = response.json()
        lines.append(json.dumps(parsed, indent=2, ensure_ascii=False) if parsed is not None else response.text())
    lines += ["", "What was signed:", exchange.inspection.to_text(body="")]
    return "\n".join(lines)


class FetchPagesView(QDialog):
    def __init__(self, controller, draft, environment: str, parent=None):
        super().__init__(parent)
        self.controller, self.draft, self.environment = controller, draft, environment
        self.result = None
        self._stop = None
        self.runner = ExclusiveRunner(self, pool=controller.pool)
        operation = draft.operation.split(":")[-1]
        named(self, "fetchPagesView", f"Fetch all pages of {operation}")
        self.setWindowTitle(f"Fetch all pages: {operation} in {environment}")
        self.resize(960, 620)

        self.page_size = named(QSpinBox(), "fetchPageSize", "Items per page (0: the service's default)")
        self.max_items = named(QSpinBox(), "fetchMaxItems", "Stop after this many items (0: all)")
        for box in (self.page_size, self.max_items):
            box.setRange(0, 1_000_000)
            box.setSpecialValueText("default" if box is self.page_size else "all")
        self.fetch_button = named(QPushButton("Fetch"), "fetchStart", "Fetch every page")
        self.cancel_button = named(QPushButton("Cancel"), "fetchCancel", "Stop fetching (keeps the pages that came)")
        self.save_button = named(QPushButton("Save merged result…"), "fetchSave", "Save the merged result as JSON")
        self.save_button.setEnabled(False)
        self.status = named(QLabel("Not fetched yet."), "fetchStatus", "Pages and items fetched")
        top = QHBoxLayout()
        top.addWidget(QLabel("Page size"))
        top.addWidget(self.page_size)
        top.addWidget(QLabel("Max items"))
        top.addWidget(self.max_items)
        top.addWidget(self.fetch_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.save_button)

        self.model = PagesModel(self)
        self.pages = named(QTableView(), "fetchPages", "The pages fetched")
        self.pages.setModel(self.model)
        self.pages.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.pages.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.pages.verticalHeader().hide()
        self.pages.selectionModel().currentChanged.connect(lambda current, _: self.show_page(current))
        self.page_detail = named(QPlainTextEdit(), "fetchPageDetail", "The selected page: what was signed, what came back")
        self.merged = named(QPlainTextEdit(), "fetchMerged", "Every page merged, as the AWS CLI shows it")
        for view in (self.page_detail, self.merged):
            view.setReadOnly(True)
        self.tabs = named(QTabWidget(), "fetchTabs", "Merged result or one page")
        self.tabs.addTab(self.merged, "Merged result")
        self.tabs.addTab(self.page_detail, "Page")
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
        self.status.setText("Fetching…")
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
        self.status.setText(f"Fetching… {step.text()}")

    def _done(self, result) -> None:
        from workbench.ui.support_services import history_changed

        self._busy(False)
        self.result = result
        self.model.set_pages(result.pages)
        stopped = {"max-items": "stopped at the maximum", "cancelled": "cancelled: the pages that came are kept",
                   "failed": "a page failed", "repeated-token": "the service gave the same token twice"}
        where = f"; history #{result.history_id}" if result.history_id is not None else ""
        self.status.setText(f"{len(result.pages)} page(s), {result.items} items "
                            f"({stopped.get(result.stopped or '', 'every page')}{where})")
        text = json.dumps(result.merged, indent=2, ensure_ascii=False)
        if len(text) > SHOWN_BYTES:
            text = text[:SHOWN_BYTES] + f"\n… (the first {SHOWN_BYTES // 1024} KB shown; Save keeps all of it)"
        self.merged.setPlainText(text)
        self.save_button.setEnabled(True)
        if result.failed_page is not None:
            self.pages.selectRow(len(result.pages) - 1)
            self.tabs.setCurrentWidget(self.page_detail)
        history_changed(self.controller)

    def _failed(self, error) -> None:
        self._busy(False)
        self.status.setText(f"Not fetched: {error}")

    def show_page(self, index) -> None:
        page = index.data(PAGE_ROLE) if index.isValid() else None
        self.page_detail.setPlainText(page_text(page) if page is not None else "")

    def save(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save the merged result", "pages.json")
        if path:
            self.write(path)

    def write(self, path: str) -> None:
        from workbench.core.common.storage import atomic_write_text
        from workbench.ui.owned_work import run_for

        merged = self.result.merged
        run_for(self, self.controller, lambda: atomic_write_text(path, json.dumps(merged, indent=2, ensure_ascii=False)) or path,
                lambda where: self.status.setText(f"{self.status.text()} — saved to {where}"),
                lambda error: self.status.setText(f"Not saved: {error}"))
