"""The diagnosis of the current tab's last send (core.diagnose): what happened, the likely
cause, the evidence, the steps, and the fixes the window can do as buttons. Failed
recipients inside a 200 are flagged in the response tree (core.diagnose.flagged_paths)."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from workbench.ui.accessible import named


def diagnosis_html(diagnosis) -> str:
    e = html.escape
    parts = [f"<h3>{e(diagnosis.title)}</h3>", f"<p>{e(diagnosis.summary)}</p>"]
    if diagnosis.cause:
        parts.append(f"<p><b>Likely cause:</b> {e(diagnosis.cause)}</p>")
    if diagnosis.evidence:
        parts.append("<p><b>Evidence</b></p><ul>" + "".join(
            f"<li>{e(ev.kind)} <code>{e(ev.name)}</code>: {e(str(ev.value))}</li>" for ev in diagnosis.evidence) + "</ul>")
    if diagnosis.steps:
        parts.append("<p><b>Steps</b></p><ol>" + "".join(f"<li>{e(step)}</li>" for step in diagnosis.steps) + "</ol>")
    diff = diagnosis.details.get("diff") if isinstance(diagnosis.details, dict) else None
    if isinstance(diff, dict):
        parts.append(f"<p><b>First difference</b> ({e(str(diff.get('part', '')))} line {e(str(diff.get('line', '')))}):"
                     f"<br>ours: <code>{e(str(diff.get('ours', '')))}</code><br>expected: "
                     f"<code>{e(str(diff.get('expected', '')))}</code></p>")
    return "".join(parts)


class DiagnosisPane(QWidget):
    fix_requested = Signal(object, dict)  # tab id, the fix (action + arguments)

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "diagnosisPane", "Diagnosis")
        self.setMinimumWidth(360)
        self.tab_id = None
        self.diagnoses: list = []
        self.headline = named(QLabel("No diagnosis: send a request."), "diagnosisHeadline", "Diagnosis headline")
        self.headline.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.headline)
        layout.addWidget(scroll, 1)

    def show_diagnoses(self, tab_id, diagnoses) -> None:
        self.tab_id, self.diagnoses = tab_id, list(diagnoses)
        while self.body_layout.count() > 1:
            widget = self.body_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if not diagnoses:
            self.headline.setText("No problem found in the last answer.")
            return
        self.headline.setText(f"{len(diagnoses)} problem{'s' if len(diagnoses) != 1 else ''} found: "
                              + "; ".join(d.title for d in diagnoses))
        for number, diagnosis in enumerate(diagnoses):
            self.body_layout.insertWidget(number, self._card(number, diagnosis))

    def _card(self, number: int, diagnosis) -> QWidget:
        from workbench.core.diagnose import fix_label

        card = named(QWidget(), f"diagnosis{number}", diagnosis.title)
        text = named(QTextBrowser(), f"diagnosisText{number}", f"Diagnosis: {diagnosis.title}")
        text.setHtml(diagnosis_html(diagnosis))
        text.setMinimumHeight(280)
        buttons = QHBoxLayout()
        for index, fix in enumerate(diagnosis.fixes):
            label = fix_label(fix)
            button = named(QPushButton(label), f"fixButton{number}_{index}", label)
            button.clicked.connect(lambda _=False, fix=dict(fix): self.fix_requested.emit(self.tab_id, fix))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(text)
        layout.addLayout(buttons)
        return card

    def fix_buttons(self) -> list[QPushButton]:
        return [b for b in self.body.findChildren(QPushButton) if b.objectName().startswith("fixButton")]
