"""Compare across environments: the current request sent in two environments, status,
headers and body side by side with the differences marked (≠ and a colour), and the two
signings compared (region, host, credential scope, signed headers...)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLayout, QPlainTextEdit,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QTextEdit,
                               QVBoxLayout)

from workbench.ui.accessible import named

DIFFERENT = QColor("#ffe0b2")  # with the ≠ mark: never colour alone
MISSING = QColor("#ffcdd2")
MARK = "≠"


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
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.draft = None
        self.comparison = None
        named(self, "comparePane", "Compare across environments")
        self.setWindowTitle("Compare across environments")
        self.left_env = named(QComboBox(), "compareLeft", "Left environment")
        self.right_env = named(QComboBox(), "compareRight", "Right environment")
        self.run_button = named(QPushButton("Send in both"), "compareRun", "Send the request in both environments")
        self.run_button.clicked.connect(self.run)
        self.request_label = named(QLabel(), "compareRequest", "Request compared")
        top = QHBoxLayout()
        top.addWidget(self.request_label, 1)
        top.addWidget(self.left_env)
        top.addWidget(QLabel("vs"))
        top.addWidget(self.right_env)
        top.addWidget(self.run_button)
        self.summary = named(QLabel("Pick two environments and send."), "compareSummary", "Differences found")
        self.summary.setWordWrap(True)
        self.left_status = named(QLabel(), "compareLeftStatus", "Left status")
        self.right_status = named(QLabel(), "compareRightStatus", "Right status")
        statuses = QHBoxLayout()
        statuses.addWidget(self.left_status, 1)
        statuses.addWidget(self.right_status, 1)

        self.left_body = named(QPlainTextEdit(), "compareLeftBody", "Left body")
        self.right_body = named(QPlainTextEdit(), "compareRightBody", "Right body")
        for view in (self.left_body, self.right_body):
            view.setReadOnly(True)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.left_body.verticalScrollBar().valueChanged.connect(self.right_body.verticalScrollBar().setValue)
        self.right_body.verticalScrollBar().valueChanged.connect(self.left_body.verticalScrollBar().setValue)
        bodies = QSplitter()
        bodies.addWidget(self.left_body)
        bodies.addWidget(self.right_body)
        self.headers = self._table("compareHeaders", "Headers compared")
        self.signing = self._table("compareSigning", "Signing compared")
        self.parts = named(QTabWidget(), "compareParts", "Body, headers, signing")
        self.parts.addTab(bodies, "Body")
        self.parts.addTab(self.headers, "Headers")
        self.parts.addTab(self.signing, "Signing")

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(statuses)
        layout.addWidget(self.parts, 1)
        self.resize(1100, 700)
        controller.environments_loaded.connect(lambda _: self.set_environments())
        self.set_environments()

    @staticmethod
    def _table(name: str, label: str) -> QTableWidget:
        table = named(QTableWidget(0, 4), name, label)
        table.setHorizontalHeaderLabels(["", "name", "left", "right"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
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
        if self.draft is None:
            self.summary.setText("Open a request first (Compare works on the current tab).")
            return
        names = self.left_env.currentText(), self.right_env.currentText()
        self.summary.setText(f"sending in {names[0]} and {names[1]}…")
        self.run_button.setEnabled(False)
        send_both(self.controller, self.draft, *names, on_result=self.show_comparison, on_error=self._failed)

    def _failed(self, error) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(f"not compared: {error}")

    def show_comparison(self, result) -> None:
        names, comparison = result
        self.comparison = comparison
        self.run_button.setEnabled(True)
        status = comparison.status
        mark = f" {MARK}" if status.differs else ""
        self.left_status.setText(f"{names[0]}: {status.left}{mark}")
        self.right_status.setText(f"{names[1]}: {status.right}{mark}")
        n = comparison.differences
        self.summary.setText(f"{n} difference{'s' if n != 1 else ''} ({MARK} marks them)"
                             + "".join(f"; {note}" for note in comparison.notes) if n else
                             "no difference (headers that change on every send aside)")
        self._fill(self.headers, comparison.headers)
        self._fill(self.signing, comparison.signing)
        self._bodies(comparison.body)
        differing = (any(line.differs for line in comparison.body),
                     any(r.differs and not r.expected_to_differ for r in comparison.headers),
                     any(r.differs for r in comparison.signing))
        if True in differing:  # open the first part that differs
            self.parts.setCurrentIndex(differing.index(True))

    def _fill(self, table, rows) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            mark = "" if not row.differs else ("~" if row.expected_to_differ else MARK)
            for c, text in enumerate((mark, row.name, row.left, row.right)):
                item = QTableWidgetItem(text)
                if row.differs and not row.expected_to_differ:
                    item.setBackground(QBrush(DIFFERENT))
                if c == 0 and row.expected_to_differ and row.differs:
                    item.setToolTip("changes on every send")
                table.setItem(r, c, item)

    def _bodies(self, lines) -> None:
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
                    fmt.setBackground(QBrush(MISSING if getattr(line, side) is None else DIFFERENT))
                    fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                    selection.format = fmt
                    selection.cursor = QTextCursor(block)
                    selections.append(selection)
                block = block.next()
            view.setExtraSelections(selections)

    def differing_body_lines(self) -> list[int]:
        """The body line numbers marked as different (what a user sees highlighted)."""
        return [i for i, line in enumerate(self.comparison.body) if line.differs] if self.comparison else []
