"""The lesson panel beside the request tab: the current step and its explanation, "Open the
request", "Check", each check's result in plain words, Back and Next. It shows what the
TutorialController says and emits what the learner asks for; it holds no lesson state."""

from __future__ import annotations

import html
import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from workbench.ui.accessible import named

PASS, FAIL = "✓", "✗"
GOOD, BAD, NOTE = "#2e7d32", "#c62828", "#ef6c00"


def _code(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"<code>{html.escape(text if len(text) <= 120 else text[:117] + '…')}</code>"


class TutorialPanel(QWidget):
    open_requested = Signal()
    check_requested = Signal()
    next_requested = Signal()
    back_requested = Signal()
    all_requested = Signal()  # back to the list of lessons
    link_activated = Signal(str, str)  # kind (operation, guide, url), target

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "tutorialPanel", self.tr("Lesson"))
        self.setMinimumWidth(340)
        self.guide_titles: dict = {}  # troubleshooting entry id -> title (links read better with it)
        self.lesson = named(QLabel(), "tutorialTitle", self.tr("Lesson title"))
        self.lesson.setWordWrap(True)
        self.count = named(QLabel(), "tutorialStepCount", self.tr("Step number"))
        self.where = named(QLabel(), "tutorialEnvironment", self.tr("Where the lesson runs"))
        self.where.setWordWrap(True)
        self.text = named(QTextBrowser(), "tutorialStepText", self.tr("The step's explanation"))
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._link)
        self.open_button = named(QPushButton(self.tr("Open the request")), "tutorialOpenRequest",
                                 self.tr("Open the step's request in the lesson's tab, without sending it"))
        self.check_button = named(QPushButton(self.tr("Check")), "tutorialCheck",
                                  self.tr("Check the last answer in the lesson's tab"))
        self.result = named(QTextBrowser(), "tutorialResult", self.tr("The result of each check"))
        self.result.setOpenLinks(False)
        self.result.anchorClicked.connect(self._link)
        self.back_button = named(QPushButton(self.tr("Back")), "tutorialBack", self.tr("The previous step"))
        self.next_button = named(QPushButton(self.tr("Next")), "tutorialNext", self.tr("The next step"))
        self.all_button = named(QPushButton(self.tr("All tutorials")), "tutorialAll", self.tr("Back to the list of tutorials"))
        self.open_button.clicked.connect(self.open_requested)
        self.check_button.clicked.connect(self.check_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.all_button.clicked.connect(self.all_requested)

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.all_button)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.check_button)
        actions.addStretch(1)
        moves = QHBoxLayout()
        moves.addWidget(self.back_button)
        moves.addStretch(1)
        moves.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.lesson)
        layout.addWidget(self.where)
        layout.addWidget(self.text, 3)
        layout.addLayout(actions)
        layout.addWidget(self.result, 2)
        layout.addLayout(moves)
        self.setTabOrder(self.open_button, self.check_button)
        self.setTabOrder(self.check_button, self.back_button)
        self.setTabOrder(self.back_button, self.next_button)

    # ------------------------------------------------------------------ showing a step

    def show_step(self, tutorial, index: int, passed: bool) -> None:
        step = tutorial.steps[index]
        self.lesson.setText(f"<b>{html.escape(tutorial.title)}</b>")
        self.count.setText(self.tr("Step {number} of {total}").format(number=index + 1, total=len(tutorial.steps)))
        parts = [f"<h3>{html.escape(step.title)}</h3>"]
        parts += [f"<p>{html.escape(paragraph)}</p>" for paragraph in step.text]
        if step.other_service is not None:
            parts.append("<p><i>" + html.escape(self.tr("This step is done on {service}; the workbench does not send it.")
                                                .format(service=step.other_service.service)) + "</i></p>")
            parts += [f"<pre>{html.escape(command)}</pre>" for command in step.other_service.commands]
        if not step.signing.plain:
            parts.append("<p><i>" + html.escape(self.tr("While this step is shown, the lesson's tab signs on purpose as "
                                                         "the step says (in the sandbox only).")) + "</i></p>")
        if step.links:
            parts.append("<p>" + " · ".join(self._link_html(link) for link in step.links) + "</p>")
        self.text.setHtml("".join(parts))
        self.open_button.setEnabled(step.sends)
        self.check_button.setEnabled(step.sends)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(tutorial.steps) - 1)
        if not step.sends:
            self.show_message(self.tr("Nothing to send in this step: read it, then go on with Next."))
        elif passed:
            self.show_message(self.tr("You passed this step already. Open the request to do it again."), GOOD)
        else:
            self.show_message(self.tr("Open the request, send it from its tab (Ctrl+Enter), then press Check."))

    def _link_html(self, link) -> str:
        if link.kind == "operation":
            label = self.tr("{operation} in the library").format(operation=link.target.rpartition(":")[2])
        elif link.kind == "guide":
            label = self.tr("Troubleshooting: “{entry}”").format(entry=self.guide_titles.get(link.target, link.target))
        else:
            label = link.title
        return f'<a href="{link.kind}:{html.escape(link.target)}">{html.escape(label)}</a>'

    def show_environment(self, name: str, is_sandbox: bool) -> None:
        if is_sandbox:
            self.where.setText(self.tr("This lesson runs in the local sandbox environment: nothing reaches AWS."))
            self.where.setStyleSheet("")
        else:
            self.where.setText(self.tr("This lesson runs in {environment}, an AWS environment: its requests create, "
                                       "send and delete for real.").format(environment=name))
            self.where.setStyleSheet(f"color: {NOTE};")

    def show_message(self, text: str, colour: str = "") -> None:
        style = f' style="color: {colour};"' if colour else ""
        self.result.setHtml(f"<p{style}>{html.escape(text)}</p>")

    # ------------------------------------------------------------------ showing a check

    def show_outcome(self, outcome) -> None:
        if outcome.nothing_sent == "not_sent":
            self.show_message(self.tr("Nothing was sent from the lesson's tab for this step yet. Open the request, "
                                      "send it, then check."), NOTE)
            return
        if outcome.nothing_sent == "other_operation":
            self.show_message(self.tr("The last request sent from the lesson's tab was {operation}, not this step's. "
                                      "Open the request again, send it, then check.")
                              .format(operation=outcome.last_operation), NOTE)
            return
        head = (self.tr("Step passed.") if outcome.passed else self.tr("Not yet: see what differs below."))
        rows = [f'<p style="color: {GOOD if outcome.passed else BAD};"><b>{html.escape(head)}</b></p>']
        for problem in outcome.problems:
            rows.append(f'<p style="color: {BAD};">{FAIL} {html.escape(problem)}</p>')
        for item in outcome.checks:
            rows.append(self._check_html(item))
        if outcome.passed and outcome.carried:
            kept = ", ".join(f"{html.escape(k)} = {_code(v)}" for k, v in outcome.carried.items())
            rows.append("<p>" + html.escape(self.tr("Kept for the next steps:")) + f" {kept}</p>")
        self.result.setHtml("".join(rows))

    def _check_html(self, item) -> str:
        r = item.result
        if item.passed:
            text = self._passed_words(r)
            return f'<p style="color: {GOOD};">{PASS} {text}</p>'
        text = self._failed_words(r)
        if item.hint:
            text += "<br>" + html.escape(item.hint)
        if item.guide:
            label = self.tr("Troubleshooting: “{title}”").format(title=item.guide_title or item.guide)
            text += f'<br><a href="guide:{html.escape(item.guide)}">{html.escape(label)}</a>'
        return f'<p style="color: {BAD};">{FAIL} {text}</p>'

    def _passed_words(self, r) -> str:
        if r.kind == "status":
            return html.escape(self.tr("The answer was HTTP {status}, as expected.").format(status=r.found))
        if r.kind == "exists":
            return self.tr("{path} is in the answer.").format(path=_code(r.path))
        if r.kind == "diagnosis":
            return self.tr("The diagnosis {id} explains the answer, as this step intends.").format(id=_code(r.expected))
        if r.kind == "event":
            return html.escape(self.tr("The sandbox's event log has the event this step looks for."))
        return self.tr("{path} is {value}.").format(path=_code(r.path), value=_code(r.found))

    def _failed_words(self, r) -> str:
        if r.kind == "status":
            return html.escape(self.tr("Expected HTTP {expected}; the answer was HTTP {found}.")
                               .format(expected=r.expected, found=r.found))
        if r.kind == "exists":
            return self.tr("Expected {path} in the answer; it is not there.").format(path=_code(r.path))
        if r.kind == "equals":
            return self.tr("Expected {path} to be {expected}; it is {found}.").format(
                path=_code(r.path), expected=_code(r.expected), found=_code(r.found))
        if r.kind == "matches":
            return self.tr("Expected {path} to match {pattern}; it is {found}.").format(
                path=_code(r.path), pattern=_code(r.expected), found=_code(r.found))
        if r.kind == "diagnosis":
            found = ", ".join(r.found) if r.found else self.tr("no diagnosis")
            return self.tr("Expected the diagnosis {expected}; this answer got {found}.").format(
                expected=_code(r.expected), found=html.escape(found))
        fields = ", ".join(f"{html.escape(k)} = {_code(v)}" for k, v in (r.expected or {}).items())
        return self.tr("Expected an event with {fields} in the sandbox's event log; none came since the request "
                       "was opened.").format(fields=fields)

    def _link(self, url) -> None:
        kind, _, target = url.toString().partition(":")  # operation:KEY, guide:ID, url:https://...
        self.link_activated.emit(kind, target)
