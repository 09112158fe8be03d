"""The troubleshooting guide: every known problem (core.diagnose.catalogue()), searchable
(core.diagnose.search), with its symptoms, cause, steps and where the knowledge comes from.
Useful on its own to a support engineer."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QLineEdit, QListView, QSplitter, QTextBrowser, QVBoxLayout

from workbench.ui.accessible import named
from workbench.ui.models.rows_model import OBJECT_ROLE, RowsModel
from workbench.ui.owned_work import run_for


def entry_html(entry: dict) -> str:
    e = html.escape

    def listed(key, tag="ul"):
        items = entry.get(key) or []
        return f"<{tag}>" + "".join(f"<li>{e(str(i))}</li>" for i in items) + f"</{tag}>" if items else ""

    symptoms = e(QCoreApplication.translate("GuidePane", "Symptoms"))
    cause = e(QCoreApplication.translate("GuidePane", "Cause"))
    steps = e(QCoreApplication.translate("GuidePane", "Steps"))
    source = e(QCoreApplication.translate("GuidePane", "Source: {source}").format(source=entry.get("source")))
    return (f"<h3>{e(entry['title'])}</h3><p><i>{e(entry.get('area', ''))}</i></p><p>{e(entry.get('summary', ''))}</p>"
            + (f"<p><b>{symptoms}</b></p>{listed('symptoms')}" if entry.get("symptoms") else "")
            + f"<p><b>{cause}</b></p><p>{e(entry.get('cause', ''))}</p>"
            + (f"<p><b>{steps}</b></p>{listed('steps', 'ol')}" if entry.get("steps") else "")
            + (f"<p><small>{source}</small></p>" if entry.get("source") else ""))


class GuidePane(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        named(self, "troubleshootingGuide", self.tr("Troubleshooting guide"))
        self.setWindowTitle(self.tr("Troubleshooting guide"))
        self.entries: list[dict] = []
        self.query = named(QLineEdit(), "guideSearch", self.tr("Search the guide"))
        self.query.setPlaceholderText(self.tr("search: security token, not authorized, opted out, throttling…"))
        self.query.textChanged.connect(self.filter)
        self.model = RowsModel((self.tr("Known problem"),), lambda entry: (f"{entry['title']}  ({entry.get('area', '')})",),
                               lambda entry: entry.get("summary"), self)
        self.list = named(QListView(), "guideList", self.tr("Known problems"))
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(lambda index, _: self._show(index))
        self.detail = named(QTextBrowser(), "guideDetail", self.tr("The problem, its cause and steps"))
        self.count = named(QLabel(), "guideCount", self.tr("Number of problems listed"))
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

        self.language = controller.context.language  # the window's: the guide's texts in it where translated
        run_for(self, controller, lambda: catalogue(self.language), self._loaded)

    def _loaded(self, entries) -> None:
        self.entries = list(entries)
        self.filter(self.query.text())

    def filter(self, text: str) -> None:
        from workbench.core.diagnose import search

        shown = search(text, self.language) if text.strip() else self.entries
        self.model.set_rows(shown)
        self.count.setText(self.tr("{shown} of {total} known problems").format(shown=len(shown), total=len(self.entries)))
        if shown:
            self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self.detail.setHtml(self.tr("<p>Nothing matches. Try fewer words.</p>"))

    def _show(self, index) -> None:
        entry = index.data(OBJECT_ROLE) if index.isValid() else None
        if entry is not None:
            self.detail.setHtml(entry_html(entry))

    def show_entry(self, entry_id: str) -> None:
        for row, entry in enumerate(self.model.rows()):
            if entry["id"] == entry_id:
                self.list.setCurrentIndex(self.model.index(row, 0))
