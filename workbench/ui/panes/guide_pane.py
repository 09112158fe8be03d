"""The troubleshooting guide: every known problem (core.diagnose.catalogue()), searchable
(core.diagnose.search), with its symptoms, cause, steps and where the knowledge comes from.
Useful on its own to a support engineer."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QLabel, QLayout, QLineEdit, QListWidget, QListWidgetItem, QSplitter,
                               QTextBrowser, QVBoxLayout)

from workbench.ui.accessible import named
from workbench.ui.owned_work import run_for


def entry_html(entry: dict) -> str:
    e = html.escape

    def listed(key, tag="ul"):
        items = entry.get(key) or []
        return f"<{tag}>" + "".join(f"<li>{e(str(i))}</li>" for i in items) + f"</{tag}>" if items else ""

    return (f"<h3>{e(entry['title'])}</h3><p><i>{e(entry.get('area', ''))}</i></p><p>{e(entry.get('summary', ''))}</p>"
            + (f"<p><b>Symptoms</b></p>{listed('symptoms')}" if entry.get("symptoms") else "")
            + f"<p><b>Cause</b></p><p>{e(entry.get('cause', ''))}</p>"
            + (f"<p><b>Steps</b></p>{listed('steps', 'ol')}" if entry.get("steps") else "")
            + (f"<p><small>Source: {e(entry['source'])}</small></p>" if entry.get("source") else ""))


class GuidePane(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        named(self, "troubleshootingGuide", "Troubleshooting guide")
        self.setWindowTitle("Troubleshooting guide")
        self.entries: list[dict] = []
        self.query = named(QLineEdit(), "guideSearch", "Search the guide")
        self.query.setPlaceholderText("search: security token, not authorized, opted out, throttling…")
        self.query.textChanged.connect(self.filter)
        self.list = named(QListWidget(), "guideList", "Known problems")
        self.list.currentItemChanged.connect(lambda item, _: self._show(item))
        self.detail = named(QTextBrowser(), "guideDetail", "The problem, its cause and steps")
        self.count = named(QLabel(), "guideCount", "Number of problems listed")
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 560])
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.query)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)
        self.resize(900, 600)
        from workbench.core.diagnose import catalogue

        run_for(self, controller, catalogue, self._loaded)

    def _loaded(self, entries) -> None:
        self.entries = list(entries)
        self.filter(self.query.text())

    def filter(self, text: str) -> None:
        from workbench.core.diagnose import search

        shown = search(text) if text.strip() else self.entries
        self.list.clear()
        for entry in shown:
            item = QListWidgetItem(f"{entry['title']}  ({entry.get('area', '')})")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        self.count.setText(f"{len(shown)} of {len(self.entries)} known problems")
        if shown:
            self.list.setCurrentRow(0)
        else:
            self.detail.setHtml("<p>Nothing matches. Try fewer words.</p>")

    def _show(self, item) -> None:
        if item is not None:
            self.detail.setHtml(entry_html(item.data(Qt.ItemDataRole.UserRole)))

    def show_entry(self, entry_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole)["id"] == entry_id:
                self.list.setCurrentRow(row)
