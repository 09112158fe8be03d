"""Tools -> Account health: the health check of one environment, run in a worker (progress,
Cancel), its findings grouped by area in a tree; a click shows a finding's evidence and its
next step (a guide entry or an operation to open); the report exports as HTML or JSON."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLayout, QProgressBar,
                               QPushButton, QSplitter, QTextBrowser, QTreeView, QVBoxLayout)

from workbench.ui.accessible import named
from workbench.ui.models.health_model import FINDING_ROLE, HealthReportModel, severity_words
from workbench.ui.workers import ExclusiveRunner

COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}


def run_check(controller, environment: str):
    """The work of one check, for a worker: fn(cancel, progress) -> HealthReport."""
    from workbench.core.health import run_health
    from workbench.ui.support_services import send_service

    service = send_service(controller)

    def work(cancel, progress):
        with service.open(environment, cancel=cancel) as session:
            return run_health(session, cancel=cancel, progress=progress)

    return work


class HealthView(QDialog):
    guide_requested = Signal(str)  # a troubleshooting-guide entry id
    operation_requested = Signal(str)  # a library key to open in a tab

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.report = None
        self.runner = ExclusiveRunner(self, pool=controller.pool)
        named(self, "healthView", self.tr("Account health"))
        self.setWindowTitle(self.tr("Account health"))
        self.resize(1180, 680)

        self.environment = named(QComboBox(), "healthEnvironment", self.tr("Environment to check"))
        self.run_button = named(QPushButton(self.tr("Check")), "healthRun", self.tr("Run the health check"))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "healthCancel", self.tr("Cancel the health check"))
        self.cancel_button.setEnabled(False)
        self.progress = named(QProgressBar(), "healthProgress", self.tr("Calls made"))
        self.progress.setFormat(self.tr("%v of %m calls"))
        self.summary = named(QLabel(self.tr("Pick an environment and check it: read-only calls, nothing is changed.")),
                             "healthSummary", self.tr("Health check summary"))
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Environment")))
        top.addWidget(self.environment, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress, 1)

        self.model = HealthReportModel(self)
        self.tree = named(QTreeView(), "healthFindings", self.tr("Findings by area"))
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 150)
        header.setStretchLastSection(False)
        self.tree.selectionModel().currentChanged.connect(lambda current, _: self.show_finding(current))
        self.details = named(QTextBrowser(), "healthEvidence", self.tr("The finding's evidence and next step"))
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._follow)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setSizes([780, 400])

        self.export_html = named(QPushButton(self.tr("Export HTML…")), "healthExportHtml",
                                 self.tr("Export the report as HTML"))
        self.export_json = named(QPushButton(self.tr("Export JSON…")), "healthExportJson",
                                 self.tr("Export the report as JSON"))
        for button in (self.export_html, self.export_json):
            button.setEnabled(False)
        self.export_html.clicked.connect(lambda: self.export("html"))
        self.export_json.clicked.connect(lambda: self.export("json"))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export_html)
        bottom.addWidget(self.export_json)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see ui/dialogs.py
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)

    def set_environments(self, names, current: str) -> None:
        self.environment.clear()
        self.environment.addItems(list(names))
        if current in names:
            self.environment.setCurrentText(current)

    # ---- running

    def run(self) -> None:
        name = self.environment.currentText()
        if not name:
            return
        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("Checking {name}…").format(name=name))
        self._busy(True)
        self.runner.run(run_check(self.controller, name), on_result=self._done, on_error=self._failed,
                        on_progress=self._progressed)

    def cancel(self) -> None:
        if self.runner.current is not None:
            self.runner.current.cancel()

    def _busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.environment.setEnabled(not busy)

    def _progressed(self, step) -> None:
        self.progress.setRange(0, max(step.total, 1))
        self.progress.setValue(step.done)

    def _done(self, report) -> None:
        from workbench.ui.support_services import history_changed

        self._busy(False)
        self.report = report
        self.model.set_report(report)
        self.tree.expandAll()
        counts = report.counts()
        env = report.environment
        self.summary.setText(
            f"{env['name']} ({env['region']}): " + "; ".join([
                ", ".join([self.tr("%n error(s)", "", counts["error"]), self.tr("%n warning(s)", "", counts["warning"]),
                           self.tr("%n note(s)", "", counts["info"])]),
                self.tr("%n call(s) in {seconds} s", "", len(report.calls)).format(
                    seconds=QLocale().toString(report.elapsed_ms / 1000, "f", 1))]))
        for button in (self.export_html, self.export_json):
            button.setEnabled(True)
        first = self.model.index(0, 0, self.model.index(0, 0))
        if first.isValid():
            self.tree.setCurrentIndex(first)
        history_changed(self.controller)

    def _failed(self, error) -> None:
        from workbench.core.common.cancel import Cancelled

        self._busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.summary.setText(self.tr("Cancelled: no report.") if isinstance(error, Cancelled)
                             else self.tr("The check could not run: {error}").format(error=error))

    # ---- a finding

    def show_finding(self, index) -> None:
        item = index.data(FINDING_ROLE) if index.isValid() else None
        if item is None:
            self.details.clear()
            return
        from workbench.core.health.html import next_step_text

        colour = COLOURS[item.severity]
        e = html.escape
        evidence, after = e(self.tr("Evidence")), e(self.tr("Next"))
        parts = [f"<p><b style='color:{colour}'>{e(severity_words(item.severity))}</b> "
                 f"<code>{e(item.code)}</code></p><p>{e(item.title)}</p><p><b>{evidence}</b></p><ul>"]
        parts += [f"<li><code>{e(ev.call)}</code>: {e(ev.text())}</li>" for ev in item.evidence]
        parts.append(f"</ul><p><b>{after}</b>: {e(next_step_text(item.next))}</p>")
        if item.next.get("guide"):
            words = e(self.tr("Open it in the troubleshooting guide"))
            parts.append(f"<p><a href='guide:{e(item.next['guide'])}'>{words}</a></p>")
        elif item.next.get("operation"):
            words = self.tr("Open {operation} in a tab").format(operation=item.next['operation'].split(':')[-1])
            parts.append(f"<p><a href='operation:{e(item.next['operation'])}'>{e(words)}</a></p>")
        self.details.setHtml("".join(parts))

    def _follow(self, url) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "guide":
            self.guide_requested.emit(value)
        elif kind == "operation":
            self.operation_requested.emit(value)

    # ---- export

    def export(self, kind: str) -> None:
        if self.report is None:
            return
        suffix = "html" if kind == "html" else "json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the health report"), f"health.{suffix}")
        if path:
            self.write(kind, path)

    def write(self, kind: str, path: str) -> None:
        """Write the report (in a worker); the summary line says where it went."""
        import json

        from workbench.core.common.storage import atomic_write_text
        from workbench.core.health.html import write_html
        from workbench.ui.owned_work import run_for

        report = self.report

        def work():
            if kind == "html":
                write_html(report, path)
            else:
                atomic_write_text(path, json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
            return path

        run_for(self, self.controller, work,
                lambda where: self.summary.setText(self.tr("{summary} — exported to {path}").format(
                    summary=self.summary.text(), path=where)),
                lambda error: self.summary.setText(self.tr("Not exported: {error}").format(error=error)))
