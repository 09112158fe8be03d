"""The list of lessons with the learner's progress: an item model over core's tutorials and
progress summaries, and the page that shows it with Start (or Continue) and Reset."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from workbench.ui.accessible import named
from workbench.ui.translation import Translatable

TUTORIAL_ROLE = Qt.ItemDataRole.UserRole + 1  # the core.tutorials.Tutorial
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2  # {"passed", "steps", "done", "step"}


class TutorialProgress(Translatable):
    """How far a learner got in a lesson, in words (the list, the welcome page)."""

    def words(self, progress: dict) -> str:
        if progress["done"]:
            return self.tr("done")
        steps = progress["steps"]
        if progress["passed"]:
            return self.tr("{passed} of %n step(s)", "", steps).format(passed=progress["passed"])
        return self.tr("not started")


def progress_words(progress: dict) -> str:
    return TutorialProgress().words(progress)


class TutorialListModel(QAbstractListModel):
    """One row per lesson: its title and progress (display), the Tutorial and the progress
    (custom roles). The rows come from core; the model only presents them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []  # [(Tutorial, progress summary)]

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        tutorial, progress = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓ " if progress["done"] else ""
            return f"{mark}{tutorial.title}\n" + self.tr("{minutes} min · {progress}").format(
                minutes=tutorial.duration_minutes, progress=progress_words(progress))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tutorial.summary
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{tutorial.title}, {progress_words(progress)}"
        if role == TUTORIAL_ROLE:
            return tutorial
        if role == PROGRESS_ROLE:
            return progress
        return None

    def row_of(self, tutorial_id: str) -> int:
        return next((i for i, (t, _) in enumerate(self._rows) if t.id == tutorial_id), -1)


class TutorialListPage(QWidget):
    start_requested = Signal(str)  # tutorial id
    reset_requested = Signal(str)  # tutorial id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("tutorialListPage")
        self.model = TutorialListModel(self)
        heading = QLabel("<b>" + html.escape(self.tr("Tutorials")) + "</b>")
        intro = QLabel(self.tr("Lessons from the developer guide. Each step sends a real request and checks what came "
                               "back; they run in the local sandbox, with no AWS account."))
        intro.setWordWrap(True)
        self.list = named(QListView(), "tutorialList", self.tr("Tutorials"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(lambda current, _: self._describe(current))
        self.list.activated.connect(lambda index: self._start(index))
        self.details = named(QTextBrowser(), "tutorialSummary", self.tr("About the selected tutorial"))
        self.details.setOpenExternalLinks(False)
        self.start_button = named(QPushButton(self.tr("Start")), "tutorialStart", self.tr("Start or continue the tutorial"))
        self.reset_button = named(QPushButton(self.tr("Reset progress")), "tutorialReset",
                                  self.tr("Forget your progress in the selected tutorial"))
        self.start_button.setEnabled(False)
        self.reset_button.setEnabled(False)
        self.start_button.clicked.connect(lambda: self._start(self.list.currentIndex()))
        self.reset_button.clicked.connect(self._reset)
        self.problems = named(QLabel(), "tutorialProblems", self.tr("Tutorial files that could not be read"))
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        self.problems.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.details, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)

    def set_rows(self, rows) -> None:
        current = self.list.currentIndex().data(TUTORIAL_ROLE)
        self.model.set_rows(rows)
        row = self.model.row_of(current.id) if current is not None else 0
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(max(row, 0)))

    def show_problems(self, problems) -> None:
        lines = [str(p) for p in problems if p.severity == "error"]
        self.problems.setText(self.tr("Some tutorial files could not be read:") + "\n" + "\n".join(lines[:5]))
        self.problems.setVisible(bool(lines))

    def _describe(self, index) -> None:
        tutorial, progress = index.data(TUTORIAL_ROLE), index.data(PROGRESS_ROLE)
        self.start_button.setEnabled(tutorial is not None)
        self.reset_button.setEnabled(bool(progress and (progress["passed"] or progress["step"])))
        if tutorial is None:
            self.details.clear()
            return
        started = progress["passed"] or progress["step"]
        self.start_button.setText(self.tr("Continue") if started and not progress["done"] else self.tr("Start"))
        e = html.escape
        parts = [f"<p>{e(tutorial.summary)}</p>",
                 "<p><b>" + e(self.tr("For:")) + f"</b> {e(tutorial.audience)}</p>",
                 "<p>" + e(self.tr("About {minutes} minutes, {steps} steps.").format(
                     minutes=tutorial.duration_minutes, steps=len(tutorial.steps))) + "</p>"]
        if tutorial.prerequisites:
            parts.append("<ul>" + "".join(f"<li>{e(p)}</li>" for p in tutorial.prerequisites) + "</ul>")
        self.details.setHtml("".join(parts))

    def _start(self, index) -> None:
        tutorial = index.data(TUTORIAL_ROLE)
        if tutorial is not None:
            self.start_requested.emit(tutorial.id)

    def _reset(self) -> None:
        tutorial = self.list.currentIndex().data(TUTORIAL_ROLE)
        if tutorial is not None:
            self.reset_requested.emit(tutorial.id)
