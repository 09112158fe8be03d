"""The diagnosis of the current tab's last send (core.diagnose): what happened, the likely
cause, the evidence, the steps, and the fixes. A fix that carries something to paste (the
least-privilege IAM statement, a command) shows it, with Copy; a fix the window can do is a
button. One scroller for the whole panel (no nested ones), explanation and fixes side by
side, so it lives in a dock below the request without squeezing the editor."""

from __future__ import annotations

import html
import json

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
                               QVBoxLayout, QWidget)

from workbench.ui.accessible import named
from workbench.ui.editors import monospace

# the fixes the window does itself (DiagnosisWiring.apply_fix); the others are shown to copy
WINDOW_FIXES = frozenset({"switch_environment", "open_credentials", "set_variable", "resign", "copy_policy",
                          "open_operation", "list_projects", "retry", "start_sandbox"})


def fix_content(fix: dict) -> str | None:
    """What a fix asks you to paste somewhere, shown in full: the IAM statement, a command."""
    action = fix.get("action")
    if action == "copy_policy" and fix.get("statement") is not None:
        statement = fix["statement"]
        return statement if isinstance(statement, str) else json.dumps(statement, indent=2)
    if action == "sso_login" and fix.get("profile"):
        return f"aws sso login --profile {fix['profile']}"
    if action == "check_profile" and fix.get("profile"):
        return f"aws configure list --profile {fix['profile']}"
    if action == "set_process_credentials":
        return "\n".join(f"export {name}=…" for name in fix.get("names", ()))
    return None


def diagnosis_html(diagnosis) -> str:
    e = html.escape
    words = {"cause": QCoreApplication.translate("DiagnosisPane", "Likely cause:"),
             "evidence": QCoreApplication.translate("DiagnosisPane", "Evidence"),
             "steps": QCoreApplication.translate("DiagnosisPane", "Steps"),
             "first": QCoreApplication.translate("DiagnosisPane", "First difference"),
             "ours": QCoreApplication.translate("DiagnosisPane", "ours:"),
             "expected": QCoreApplication.translate("DiagnosisPane", "expected:")}
    words = {key: e(text) for key, text in words.items()}
    parts = [f"<h3>{e(diagnosis.title)}</h3>", f"<p>{e(diagnosis.summary)}</p>"]
    if diagnosis.cause:
        parts.append(f"<p><b>{words['cause']}</b> {e(diagnosis.cause)}</p>")
    if diagnosis.evidence:
        parts.append(f"<p><b>{words['evidence']}</b></p><ul>" + "".join(
            f"<li>{e(ev.kind)} <code>{e(ev.name)}</code>: {e(str(ev.value))}</li>" for ev in diagnosis.evidence) + "</ul>")
    if diagnosis.steps:
        parts.append(f"<p><b>{words['steps']}</b></p><ol>" + "".join(f"<li>{e(step)}</li>" for step in diagnosis.steps)
                     + "</ol>")
    diff = diagnosis.details.get("diff") if isinstance(diagnosis.details, dict) else None
    if isinstance(diff, dict):
        where = QCoreApplication.translate("DiagnosisPane", "({part} line {line})").format(
            part=diff.get('part', ''), line=diff.get('line', ''))
        parts.append(f"<p><b>{words['first']}</b> {e(where)}:"
                     f"<br>{words['ours']} <code>{e(str(diff.get('ours', '')))}</code><br>{words['expected']} "
                     f"<code>{e(str(diff.get('expected', '')))}</code></p>")
    return "".join(parts)


class DiagnosisPane(QWidget):
    fix_requested = Signal(object, dict)  # tab id, the fix (action + arguments)

    def __init__(self, parent=None, language: str = "en"):
        super().__init__(parent)
        named(self, "diagnosisPane", self.tr("Diagnosis"))
        self.language = language  # the window's: the fix labels in it (the diagnoses come translated)
        self.tab_id = None
        self.diagnoses: list = []
        self.headline = named(QLabel(self.tr("No diagnosis: send a request.")), "diagnosisHeadline",
                              self.tr("Diagnosis headline"))
        self.headline.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.addStretch(1)
        scroll = named(QScrollArea(), "diagnosisScroll", self.tr("Diagnosis details"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.headline)
        layout.addWidget(scroll, 1)

    def show_diagnoses(self, tab_id, diagnoses) -> None:
        self.tab_id, self.diagnoses = tab_id, list(diagnoses)
        while self.body_layout.count() > 1:
            widget = self.body_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if not diagnoses:
            self.headline.setText(self.tr("No problem found in the last answer."))
            return
        self.headline.setText(self.tr("%n problem(s) found: {titles}", "", len(diagnoses)).format(
            titles="; ".join(d.title for d in diagnoses)))
        for number, diagnosis in enumerate(diagnoses):
            self.body_layout.insertWidget(number, self._card(number, diagnosis))

    def _card(self, number: int, diagnosis) -> QWidget:
        card = named(QFrame(), f"diagnosis{number}", diagnosis.title)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        text = named(QLabel(diagnosis_html(diagnosis)), f"diagnosisText{number}",
                     self.tr("Diagnosis: {title}").format(title=diagnosis.title))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        fixes = QVBoxLayout()
        for index, fix in enumerate(diagnosis.fixes):
            self._fix(fixes, number, index, dict(fix))
        fixes.addStretch(1)
        layout = QHBoxLayout(card)
        layout.addWidget(text, 3)
        if diagnosis.fixes:
            layout.addLayout(fixes, 2)
        return card

    def _fix(self, layout, number: int, index: int, fix: dict) -> None:
        """A fix the window does: its button. Its content, if it has some (the IAM statement
        the button copies, a command to type), shown in full under it; a fix the window cannot
        do gets its words, the content and a Copy button."""
        from workbench.core.diagnose import localized_fix_label

        label = localized_fix_label(fix, self.language)
        content = fix_content(fix)
        if fix.get("action") in WINDOW_FIXES:
            button = named(QPushButton(label), f"fixButton{number}_{index}", label)
            button.clicked.connect(lambda _=False: self.fix_requested.emit(self.tab_id, fix))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            layout.addWidget(named(QLabel(label), f"fixText{number}_{index}", label))
        if content is None:
            return
        box = named(QPlainTextEdit(content), f"fixContent{number}_{index}", self.tr("{fix}: what to paste").format(fix=label))
        box.setReadOnly(True)
        box.setFont(monospace())
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines = min(content.count("\n") + 1, 12)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 2 * int(box.document().documentMargin()) + 6
                           + box.horizontalScrollBar().sizeHint().height())
        row = QHBoxLayout()
        row.addWidget(box, 1)
        if fix.get("action") not in WINDOW_FIXES:  # the window's own button already copies or does it
            copy = named(QPushButton(self.tr("Copy")), f"copyFix{number}_{index}", self.tr("Copy: {fix}").format(fix=label))
            copy.clicked.connect(lambda _=False: QGuiApplication.clipboard().setText(content))
            row.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

    def fix_buttons(self) -> list[QPushButton]:
        return [b for b in self.body.findChildren(QPushButton) if b.objectName().startswith("fixButton")]

    def fix_contents(self) -> list[QPlainTextEdit]:
        return [b for b in self.body.findChildren(QPlainTextEdit) if b.objectName().startswith("fixContent")]
