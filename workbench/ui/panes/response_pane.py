"""The response: status (coloured, with its text), time and size on one line, then Pretty
(a lazy JSON tree, plus highlighted text for small bodies), Raw (the head, "show all" in
chunks, save to a file) and Headers. Ctrl+F finds in the text; the tree's context menu
copies a value or its path and saves a value as a variable."""

from __future__ import annotations

import json

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QPushButton, QSplitter,
                               QTableView, QTabWidget, QTreeView, QVBoxLayout, QWidget)

from workbench.core.send.response_body import HEAD_CHARS
from workbench.ui.accessible import named
from workbench.ui.editors import JsonView
from workbench.ui.models.json_tree_model import PATH_ROLE, VALUE_ROLE, JsonTreeModel
from workbench.ui.models.key_value_model import KeyValueModel
from workbench.ui.steady_label import steady



NARROW = 720  # below this width the tree gets the whole Pretty tab: its values must stay readable


def reason_phrase(status: int) -> str:
    """The standard reason for a status (a history entry keeps only the number)."""
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def human_size(size: int) -> str:
    """A size as the window's language writes numbers (QLocale)."""
    locale = QLocale()
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{locale.toString(int(size))} {unit}" if unit == "B" else f"{locale.toString(float(size), 'f', 1)} {unit}"
        size /= 1024
    return f"{size} B"


class ResponsePane(QWidget):
    save_variable_requested = Signal(str, str)  # suggested name, value: ask where (a dialog)
    save_value_requested = Signal(str, str)  # variable name, value: keep it now, in the environment
    save_body_requested = Signal()
    show_all_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.status = named(QLabel(self.tr("No response yet")), "responseStatus", self.tr("Response status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.status.font()
        bold.setBold(True)
        self.status.setFont(bold)
        self.meta = named(QLabel(""), "responseMeta", self.tr("Response time and size"))
        self.notes = named(QLabel(""), "responseNotes", self.tr("Notes about this send"))
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.save_button = named(QPushButton(self.tr("Save body…")), "saveBodyButton",
                                 self.tr("Save the response body to a file"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_body_requested)
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addWidget(steady(self.meta), 1)  # a new time and size repaints the label alone
        top.addWidget(self.save_button)

        self.tree_model = JsonTreeModel(self)
        self.tree = named(QTreeView(), "responseTree", self.tr("Response body as a tree"))
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 120)
        self.tree.setColumnWidth(2, self.fontMetrics().horizontalAdvance("boolean") + 16)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.pretty_text = named(JsonView(), "prettyText", self.tr("Response body, formatted"))
        pretty = QSplitter(Qt.Orientation.Horizontal)
        pretty.addWidget(self.tree)
        pretty.addWidget(self.pretty_text)
        pretty.setStretchFactor(0, 3)  # the tree first: its values must stay readable in a narrow window
        pretty.setStretchFactor(1, 2)
        self.pretty = pretty

        self.raw = named(JsonView(json_syntax=False), "rawView", self.tr("Response body, raw"))
        self.show_all = named(QPushButton(self.tr("Show all")), "showAllButton", self.tr("Show the whole body"))
        self.show_all.clicked.connect(self.show_all_requested)
        self.raw_note = QLabel("")
        raw_box = QWidget()
        raw_layout = QVBoxLayout(raw_box)
        raw_layout.setContentsMargins(0, 0, 0, 0)
        raw_row = QHBoxLayout()
        raw_row.addWidget(steady(self.raw_note), 1)
        raw_row.addWidget(self.show_all)
        raw_layout.addLayout(raw_row)
        raw_layout.addWidget(self.raw, 1)

        self.header_model = KeyValueModel((self.tr("Header"), self.tr("Value")), self)
        headers = named(QTableView(), "responseHeaders", self.tr("Response headers"))
        headers.setModel(self.header_model)
        headers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        headers.verticalHeader().hide()
        headers.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

        self.views = named(QTabWidget(), "responseView", self.tr("Response body views"))
        self.views.addTab(pretty, self.tr("Pretty"))
        self.views.addTab(raw_box, self.tr("Raw"))
        self.views.addTab(headers, self.tr("Headers"))

        self.find = named(QLineEdit(), "findEdit", self.tr("Find in the response"),
                          self.tr("Find in the response text (Ctrl+F, Enter: next)"))
        self.find.setPlaceholderText(self.tr("Find…"))
        self.find.returnPressed.connect(self.find_next)
        self.find.installEventFilter(self)  # Esc closes it
        self.find.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.find)
        layout.addWidget(self.views, 1)
        # JSON path -> the variable names templates use for that value (set by the tab)
        self.suggest_names = lambda path: []
        self._narrow = None  # the tree alone (no text beside it, no Type column) when the pane is narrow
        self._chunks = None
        self._chunk_timer = QTimer(self, interval=0)
        self._chunk_timer.timeout.connect(self._append_chunk)
        self.clear()

    def clear(self) -> None:
        self.tree_model.clear()
        self.pretty_text.clear()
        self.raw.clear()
        self.header_model.set_pairs([])
        self.show_all.hide()
        self.raw_note.setText("")
        self.save_button.setEnabled(False)

    # ---- showing

    def show_state(self, text: str, tone: str = "") -> None:
        """The status line; `tone` status2..status5 colours it (the theme's colour for it)."""
        self.status.setText(text)
        self._tone = tone
        self._paint_status()

    def _paint_status(self) -> None:
        """The status's colour through its palette (a style sheet set on every answer made Qt
        polish the label again and lay out the pane around it)."""
        from workbench.ui import theme

        tone = getattr(self, "_tone", "")
        palette = QPalette()  # nothing set: the window's palette, inherited
        if tone:
            palette.setColor(QPalette.ColorRole.WindowText, theme.colours()[tone])
        self.status.setPalette(palette)  # the same again: Qt does nothing

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.PaletteChange:  # the theme changed: its status colours too
            self._paint_status()
        super().changeEvent(event)

    def show_exchange(self, exchange) -> None:
        self.clear()
        notes = list(exchange.notes) + [str(p) for p in exchange.problems]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        response = exchange.response
        if response is None:
            self.show_state(self.tr("No response: {error}").format(error=exchange.error), "status5")
            self.meta.setText("")
            return
        tone = f"status{str(response.status)[0]}" if str(response.status)[0] in "2345" else ""
        self.show_state(f"{response.status} {response.reason or reason_phrase(response.status)}".strip(), tone)
        self.meta.setText(f"{QLocale().toString(round(response.elapsed_ms))} ms   {human_size(response.size_bytes)}")
        self.header_model.set_pairs(response.headers)
        self.raw_note.setText(self.tr("loading the body…") if response.size_bytes else self.tr("(empty body)"))
        self.save_button.setEnabled(response.size_bytes > 0)

    def show_body(self, body) -> None:
        """A core ResponseBody, parsed off the UI thread."""
        self.raw.setPlainText(body.head)
        wrapped = self.tr(" (lines over 2048 characters are broken here; Save body… keeps them whole)") if body.wrapped else ""
        if body.complete:
            self.raw_note.setText(f"{human_size(body.size)}{wrapped}")
            self.show_all.hide()
        else:
            self.raw_note.setText(self.tr("first {head} of {size} shown").format(
                head=human_size(HEAD_CHARS), size=human_size(body.size)) + wrapped)
            self.show_all.show()
        if body.is_json:
            self.tree_model.set_value(body.value)
            if self.tree_model.canFetchMore():
                self.tree_model.fetchMore()
            self.pretty_text.setVisible(bool(body.pretty))
            self.pretty_text.setPlainText(body.pretty)
            if self.tree_model.rowCount() <= 20:
                self.tree.expandToDepth(1)
            self._fit_key_column()
            self.views.setCurrentIndex(0)
        else:
            self.views.setCurrentIndex(1)
            if body.json_error:
                self.raw_note.setText(self.tr("{note} — not valid JSON: {error}").format(note=self.raw_note.text(),
                                                                                         error=body.json_error))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW
        if narrow != self._narrow:  # only when it flips: a user's own drag of the splitter stays
            self._narrow = narrow
            self.tree.setColumnHidden(2, narrow)
            self.pretty.setSizes([1, 0] if narrow else [3 * self.width() // 5, 2 * self.width() // 5])

    def _fit_key_column(self) -> None:
        """The key column as wide as the keys shown (the first 200), at most a third of the
        tree: the value column gets the rest."""
        model, metrics = self.tree_model, self.tree.fontMetrics()
        widest = 0
        for row in range(min(model.rowCount(), 200)):
            index = model.index(row, 0)
            widest = max(widest, metrics.horizontalAdvance(str(index.data())))
            for child in range(min(model.rowCount(index), 50) if self.tree.isExpanded(index) else 0):
                widest = max(widest, metrics.horizontalAdvance(str(model.index(child, 0, index).data()))
                             + self.tree.indentation())
        width = widest + self.tree.indentation() + 24
        self.tree.setColumnWidth(0, max(80, min(width, self.tree.viewport().width() // 3 or width)))

    def append_all(self, chunks) -> None:
        """Show the rest of the raw body, one chunk per event-loop turn (the window stays live)."""
        self.show_all.hide()
        self._chunks = iter(chunks)
        self._chunk_timer.start()

    def _append_chunk(self) -> None:
        chunk = next(self._chunks, None)
        if chunk is None:
            self._chunk_timer.stop()
            self.raw_note.setText(self.tr("whole body shown"))
            return
        cursor = self.raw.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(chunk)

    # ---- find, copy, save as variable

    def eventFilter(self, watched, event) -> bool:
        if watched is self.find and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.find.hide()
            return True
        return super().eventFilter(watched, event)

    def start_find(self) -> None:
        self.find.show()
        self.find.setFocus()
        self.find.selectAll()

    def find_next(self) -> bool:
        text = self.find.text()
        view = self.pretty_text if self.views.currentIndex() == 0 and self.pretty_text.isVisible() else self.raw
        if not text:
            return False
        found = view.find(text) or (view.moveCursor(view.textCursor().MoveOperation.Start) or view.find(text))
        if not found and view is self.pretty_text:
            self.views.setCurrentIndex(1)
            found = self.raw.find(text)
        return bool(found)

    def _tree_menu(self, position) -> None:
        index = self.tree.indexAt(position)
        if not index.isValid():
            return
        self.tree_menu(index.siblingAtColumn(0)).exec(self.tree.viewport().mapToGlobal(position))

    def tree_menu(self, index) -> QMenu:
        """Copy value, Copy path, "Save as NAME" for each name the library's templates use
        for this field (one step: kept in the current environment), "Save as variable…"."""
        menu = QMenu(self)
        menu.setObjectName("responseTreeMenu")
        menu.addAction(self.tr("Copy value"), lambda: self.copy_value(index)).setObjectName("copyValueAction")
        menu.addAction(self.tr("Copy path"), lambda: self.copy_path(index)).setObjectName("copyPathAction")
        menu.addSeparator()
        for number, name in enumerate(self.suggest_names(index.data(PATH_ROLE)) if self._scalar(index) else []):
            action = menu.addAction(self.tr("Save as {name}").format(name=name),
                                    lambda name=name: self.save_value_requested.emit(name, self.value_text(index)))
            action.setObjectName(f"saveAsSuggested{number}")
            if number == 0:
                action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        menu.addAction(self.tr("Save as variable…"), lambda: self.request_save_variable(index)).setObjectName(
            "saveAsVariableAction")
        return menu

    def save_selected(self) -> bool:
        """Ctrl+Shift+S: the selected value, under the name templates use for it (else ask)."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return False
        index = index.siblingAtColumn(0)
        names = self.suggest_names(index.data(PATH_ROLE)) if self._scalar(index) else []
        if names:
            self.save_value_requested.emit(names[0], self.value_text(index))
        else:
            self.request_save_variable(index)
        return True

    @staticmethod
    def _scalar(index) -> bool:
        return not isinstance(index.data(VALUE_ROLE), (dict, list))

    @staticmethod
    def value_text(index) -> str:
        value = index.data(VALUE_ROLE)
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def copy_value(self, index) -> None:
        QGuiApplication.clipboard().setText(self.value_text(index))

    def copy_path(self, index) -> None:
        QGuiApplication.clipboard().setText(index.data(PATH_ROLE))

    def request_save_variable(self, index) -> None:
        names = self.suggest_names(index.data(PATH_ROLE))
        key = names[0] if names else str(index.data(Qt.ItemDataRole.DisplayRole)).lstrip("⚑ ")
        self.save_variable_requested.emit(key, self.value_text(index))
