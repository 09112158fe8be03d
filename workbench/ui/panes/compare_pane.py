"""Compare across environments: the current request sent in two environments, status,
headers and body side by side with the differences marked (≠ and a colour), and the two
signings compared (region, host, credential scope, signed headers...)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLayout, QPlainTextEdit,
                               QPushButton, QSplitter, QTableView, QTabWidget, QTextEdit, QVBoxLayout, QWidget)

from workbench.ui.accessible import named
from workbench.ui.models.compare_model import MARK, CompareRowsModel


def send_both(controller, draft, left: str, right: str, *, on_result, on_error) -> None:
    """Send `draft` in two environments through the send service (one after the other, in
    one worker; a new compare cancels the running one) and compare:
    on_result(((left, right), core.send.compare.Comparison))."""
    from workbench.core.send.compare import compare_in

    service, options = controller.service, controller.send_options

    def work(cancel):
        return (left, right), compare_in(service, draft, left, right, cancel=cancel, options=options)

    def done(result) -> None:
        controller.reload_history()  # both sends are in the history, as every send is
        on_result(result)

    controller.runner("compare").run(work, on_result=done, on_error=on_error)


class ComparePane(QDialog):
    # (environment, remedy code): a fix for what stopped the compare (set_variable:NAME...)
    remedy_requested = Signal(str, str)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.draft = None
        self.comparison = None
        named(self, "comparePane", self.tr("Compare across environments"))
        self.setWindowTitle(self.tr("Compare across environments"))
        self.left_env = named(QComboBox(), "compareLeft", self.tr("Left environment"))
        self.right_env = named(QComboBox(), "compareRight", self.tr("Right environment"))
        self.run_button = named(QPushButton(self.tr("Send in both")), "compareRun",
                                self.tr("Send the request in both environments"))
        self.run_button.clicked.connect(self.run)
        self.request_label = named(QLabel(), "compareRequest", self.tr("Request compared"))
        top = QHBoxLayout()
        top.addWidget(self.request_label, 1)
        top.addWidget(self.left_env)
        top.addWidget(QLabel(self.tr("vs")))
        top.addWidget(self.right_env)
        top.addWidget(self.run_button)
        self.summary = named(QLabel(self.tr("Pick two environments and send.")), "compareSummary",
                             self.tr("Differences found"))
        self.summary.setWordWrap(True)
        self.remedies = QHBoxLayout()  # buttons that fix what stopped the compare
        self.remedy_box = QWidget()
        self.remedy_box.setLayout(self.remedies)
        self.remedy_box.hide()
        self.left_status = named(QLabel(), "compareLeftStatus", self.tr("Left status"))
        self.right_status = named(QLabel(), "compareRightStatus", self.tr("Right status"))
        statuses = QHBoxLayout()
        statuses.addWidget(self.left_status, 1)
        statuses.addWidget(self.right_status, 1)

        self.left_body = named(QPlainTextEdit(), "compareLeftBody", self.tr("Left body"))
        self.right_body = named(QPlainTextEdit(), "compareRightBody", self.tr("Right body"))
        for view in (self.left_body, self.right_body):
            view.setReadOnly(True)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.left_body.verticalScrollBar().valueChanged.connect(self.right_body.verticalScrollBar().setValue)
        self.right_body.verticalScrollBar().valueChanged.connect(self.left_body.verticalScrollBar().setValue)
        bodies = QSplitter()
        bodies.addWidget(self.left_body)
        bodies.addWidget(self.right_body)
        self.headers = self._table("compareHeaders", self.tr("Headers compared"))
        self.signing = self._table("compareSigning", self.tr("Signing compared"))
        self.parts = named(QTabWidget(), "compareParts", self.tr("Body, headers, signing"))
        self.parts.addTab(bodies, self.tr("Body"))
        self.parts.addTab(self.headers, self.tr("Headers"))
        self.parts.addTab(self.signing, self.tr("Signing"))

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.remedy_box)
        layout.addLayout(statuses)
        layout.addWidget(self.parts, 1)
        self.resize(1100, 700)
        controller.environments_loaded.connect(lambda _: self.set_environments())
        self.set_environments()

    def _table(self, name: str, label: str) -> QTableView:
        table = named(QTableView(), name, label)
        table.setModel(CompareRowsModel(table))
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the two values share what is left
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def set_environments(self) -> None:
        names = list(self.controller.environments)
        for combo in (self.left_env, self.right_env):
            current = combo.currentText()
            combo.clear()
            combo.addItems(names)
            if current in names:
                combo.setCurrentText(current)
        if self.left_env.currentText() == self.right_env.currentText() and len(names) > 1:
            self.right_env.setCurrentIndex(1 if self.left_env.currentIndex() == 0 else 0)

    def set_request(self, draft) -> None:
        self.draft = draft
        self.request_label.setText(f"{(draft.operation or draft.method).split(':')[-1]}  {draft.url}")
        current = self.controller.current_env_name
        if current in self.controller.environments:
            self.left_env.setCurrentText(current)

    def run(self) -> None:
        self._show_remedies("", [])
        if self.draft is None:
            self.summary.setText(self.tr("Open a request first (Compare works on the current tab)."))
            return
        names = self.left_env.currentText(), self.right_env.currentText()
        self.summary.setText(self.tr("Sending in {left} and {right}…").format(left=names[0], right=names[1]))
        self.run_button.setEnabled(False)
        send_both(self.controller, self.draft, *names, on_result=self.show_comparison, on_error=self._failed)

    def _failed(self, error) -> None:
        """Say which side could not be sent and why, in every pane, with the fix as a button."""
        from workbench.ui.panes.request_tab import remedies_for

        self.run_button.setEnabled(True)
        side, _, reason = str(error).partition(": ")
        names = self.left_env.currentText(), self.right_env.currentText()
        if side not in names:
            side, reason = "", str(error)
        text = (self.tr("Not compared: the request cannot be sent in {env}: {reason}").format(env=side, reason=reason)
                if side else self.tr("Not compared: {reason}").format(reason=reason))
        self.summary.setText(text)
        self.comparison = None
        for status, body, name in ((self.left_status, self.left_body, names[0]),
                                   (self.right_status, self.right_body, names[1])):
            status.setText(self.tr("{env}: not sent").format(env=name) if not side or side == name
                           else self.tr("{env}: not sent (the other side could not be)").format(env=name))
            body.clear()
            body.setPlaceholderText(text)
        self._show_remedies(side, remedies_for(error))
        if side and self.draft is not None:  # the side's own plan says what would fix it (Set projectId...)
            draft, controller = self.draft, self.controller
            controller.run_in_worker(lambda: controller.service.plan(side, draft).error,
                                     lambda cause: self._show_remedies(side, remedies_for(cause)) if cause else None)

    def _show_remedies(self, env: str, remedies) -> None:
        while self.remedies.count():
            old = self.remedies.takeAt(0).widget()
            if old is not None:
                old.hide()
                old.deleteLater()
        for code, label in remedies:
            text = self.tr("{fix} in {env}").format(fix=label, env=env) if code.startswith("set_variable") else label
            button = named(QPushButton(text), f"compareRemedy_{code.split(':')[0]}", text)
            button.clicked.connect(lambda _=False, code=code: self.remedy_requested.emit(env, code))
            self.remedies.addWidget(button)
        self.remedies.addStretch(1)
        self.remedy_box.setVisible(bool(remedies))

    def show_comparison(self, result) -> None:
        names, comparison = result
        self.comparison = comparison
        self.run_button.setEnabled(True)
        status = comparison.status
        mark = f" {MARK}" if status.differs else ""
        self.left_status.setText(f"{names[0]}: {status.left}{mark}")
        self.right_status.setText(f"{names[1]}: {status.right}{mark}")
        n = comparison.differences
        self.summary.setText(self.tr("%n difference(s) ({mark} marks them)", "", n).format(mark=MARK)
                             + "".join(f"; {note}" for note in comparison.notes) if n else
                             self.tr("no difference (headers that change on every send aside)"))
        self.headers.model().set_rows(comparison.headers, *names)
        self.signing.model().set_rows(comparison.signing, *names)
        for body in (self.left_body, self.right_body):
            body.setPlaceholderText("")
        self._bodies(comparison.body)
        differing = (any(line.differs for line in comparison.body),
                     any(r.differs and not r.expected_to_differ for r in comparison.headers),
                     any(r.differs for r in comparison.signing))
        if True in differing:  # open the first part that differs
            self.parts.setCurrentIndex(differing.index(True))

    def _bodies(self, lines) -> None:
        from workbench.ui import theme

        left = [line.left if line.left is not None else "" for line in lines]
        right = [line.right if line.right is not None else "" for line in lines]
        self.left_body.setPlainText("\n".join(left))
        self.right_body.setPlainText("\n".join(right))
        for view, side in ((self.left_body, "left"), (self.right_body, "right")):
            selections = []
            block = view.document().firstBlock()
            for line in lines:
                if line.differs:
                    selection = QTextEdit.ExtraSelection()
                    fmt = QTextCharFormat()
                    fmt.setBackground(QBrush(theme.colours()["missing" if getattr(line, side) is None else "different"]))
                    fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                    selection.format = fmt
                    selection.cursor = QTextCursor(block)
                    selections.append(selection)
                block = block.next()
            view.setExtraSelections(selections)

    def differing_body_lines(self) -> list[int]:
        """The body line numbers marked as different (what a user sees highlighted)."""
        return [i for i, line in enumerate(self.comparison.body) if line.differs] if self.comparison else []
