"""One request: method + URL + Send/Cancel on a row, then Params, Headers, Body, Variables
and Docs. `set_model(draft, template)` fills it; `to_model()` reads a RequestDraft back.
The editor never holds the truth: the draft is rebuilt from the widgets on demand."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView, QPushButton, QSplitter, QStyledItemDelegate, QTableView, QTabWidget, QTextBrowser,
                               QToolButton, QVBoxLayout, QWidget)

from workbench.core.request.drafts import RequestDraft
from workbench.core.common.json_locate import line_of
from workbench.ui.accessible import named
from workbench.ui.editors import JsonEditor, UrlEdit
from workbench.ui.elided_label import ElidedLabel
from workbench.ui.models.key_value_model import SECRET_ROLE, KeyValueModel
from workbench.ui.models.rows_model import OBJECT_ROLE, RowsModel

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")


class _SecretAwareDelegate(QStyledItemDelegate):
    """A secret variable's value is typed into a password field (never shown as it is typed)."""

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        if index.data(SECRET_ROLE) and isinstance(editor, QLineEdit):
            editor.setEchoMode(QLineEdit.EchoMode.Password)
        return editor


def _table(model, object_name: str, accessible: str) -> QTableView:
    view = named(QTableView(), object_name, accessible)
    view.setModel(model)
    view.setItemDelegate(_SecretAwareDelegate(view))
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().hide()
    return view


class RequestEditor(QWidget):
    send_requested = Signal()
    cancel_requested = Signal()
    edited = Signal()  # anything the user changed (the tab marks itself dirty)
    check_requested = Signal()  # debounced: time to validate again
    remedy_requested = Signal(str)  # a remedy code from the error banner

    def __init__(self, parent=None):
        super().__init__(parent)
        self._template = None
        self._draft = RequestDraft()
        self._loading = False

        self.method = named(QComboBox(), "methodCombo", self.tr("HTTP method"))
        self.method.addItems(METHODS)
        self.url = named(UrlEdit(), "urlEdit", self.tr("Request URL"),
                         self.tr("The URL; {{variables}} are filled in from the request, the environment and globals "
                                 "(Ctrl+L)"))
        self.send_button = named(QPushButton(self.tr("Send")), "sendButton", self.tr("Send"),
                                 self.tr("Send the request (Ctrl+Enter)"))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelButton", self.tr("Cancel"),
                                   self.tr("Cancel the running send (Esc)"))
        self.cancel_button.setEnabled(False)
        self.phase = named(QLabel(""), "sendPhase", self.tr("Send phase"))
        self.phase.hide()  # shown while a send says its phase (set_busy)
        row = QHBoxLayout()
        row.addWidget(self.method)
        row.addWidget(self.url, 1)
        row.addWidget(self.send_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.phase)

        # One line however long the error (the editor below keeps its room); the whole text on
        # hover and under "Details".
        self.banner = named(ElidedLabel(""), "errorBanner", self.tr("Problem"))
        self.details_button = named(QToolButton(), "errorDetailsButton", self.tr("Show the whole message"))
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details = named(QLabel(""), "errorDetails", self.tr("The whole message"))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.details_button.toggled.connect(self.details.setVisible)
        self.remedy_row = QHBoxLayout()
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(0, 2, 0, 2)
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.details_button)
        banner_row.addLayout(self.remedy_row)
        self.banner_box = QWidget()
        banner_layout = QVBoxLayout(self.banner_box)
        banner_layout.setContentsMargins(0, 0, 0, 0)
        banner_layout.addLayout(banner_row)
        banner_layout.addWidget(self.details)
        self.banner_box.hide()

        self.params = KeyValueModel((self.tr("Parameter"), self.tr("Value")), self)
        self.headers = KeyValueModel((self.tr("Header"), self.tr("Value")), self)
        self.variables = KeyValueModel((self.tr("Variable"), self.tr("Value")), self)
        self.sections = named(QTabWidget(), "requestSections", self.tr("Request sections"))
        self.params_view = _table(self.params, "paramsTable", self.tr("Path and query parameters"))
        self.variables_view = _table(self.variables, "variablesTable", self.tr("Request variables"))
        self.sections.addTab(self.params_view, self.tr("Params"))
        self.headers_view = _table(self.headers, "headersTable", self.tr("Headers"))
        self.sections.addTab(self.headers_view, self.tr("Headers"))
        self.body_page = self._body_tab()
        self.sections.addTab(self.body_page, self.tr("Body"))
        self.sections.addTab(self.variables_view, self.tr("Variables"))
        self.docs = named(QTextBrowser(), "operationDocs", self.tr("Operation documentation"))
        self.docs.setOpenExternalLinks(True)
        self.sections.addTab(self.docs, self.tr("Docs"))

        # The URL as it will be sent: variables filled in, and the scheme really used (the
        # local sandbox is reached over http whatever the template says).
        self.url_preview = named(ElidedLabel(""), "urlPreview", self.tr("The URL as it will be sent"))
        self.url_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_preview.setContentsMargins(4, 0, 4, 0)
        self.scheme = "https"  # the environment's: set_destination()
        self._scopes = lambda request_variables: []  # [(scope, {name: value})], set_scope_lookup()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(row)
        layout.addWidget(self.url_preview)
        layout.addWidget(self.banner_box)
        layout.addWidget(self.sections, 1)

        self._check_timer = QTimer(self, singleShot=True, interval=400)
        self._check_timer.timeout.connect(self.check_requested)
        for model in (self.params, self.headers, self.variables):
            model.edited.connect(self._changed)
        self.params.edited.connect(self.refresh_variables)
        self.headers.edited.connect(self._implied_headers)
        self.url.textChanged.connect(self._preview)
        self.variables.edited.connect(self.refresh_variables)
        # textChanged also fires when the highlighter recolours: compare the text itself
        self._texts = {self.url: "", self.body: ""}
        self.url.textChanged.connect(lambda: self._text_changed(self.url))
        self.body.textChanged.connect(lambda: self._text_changed(self.body))
        self.method.currentTextChanged.connect(self._changed)
        self.send_button.clicked.connect(self.send_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.url.send_shortcut.connect(self.send_requested)
        self.body.send_shortcut.connect(self.send_requested)

    def _body_tab(self) -> QWidget:
        self.variant = named(QComboBox(), "variantCombo", self.tr("Body example"),
                             self.tr("Minimal, full, or a worked example"))
        self.variant.activated.connect(self._variant_chosen)
        self.format_button = named(QPushButton(self.tr("Format")), "formatButton", self.tr("Format the JSON body"),
                                   "Ctrl+Shift+F")
        self.format_button.clicked.connect(lambda: self.body.format_json())
        self.body = named(JsonEditor(), "bodyEditor", self.tr("Request body (JSON)"))
        self.problem_model = RowsModel((self.tr("Problem"),), lambda p: (f"{p.path}: {p.message}",), parent=self)
        self.problems = named(QListView(), "bodyProblems", self.tr("Validation problems"),
                              self.tr("Problems found in the request; click one to jump to it"))
        self.problems.setModel(self.problem_model)
        self.problems.activated.connect(self._jump_to_problem)
        self.problems.clicked.connect(self._jump_to_problem)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Example:")))
        top.addWidget(self.variant, 1)
        top.addWidget(self.format_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.body)
        split.addWidget(self.problems)
        split.setSizes([300, 80])
        self.problems.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        return box

    # ---- model <-> widgets

    def set_model(self, draft: RequestDraft, template) -> None:
        self._loading = True
        self._draft, self._template = draft, template
        self.method.setCurrentText(draft.method or template.method)
        self.url.setPlainText(draft.url or template.url)
        path_vars = [v for v in template.variables if v.location != "body"]
        values = draft.variables_dict()
        required = self.tr(" (required)")
        self.params.set_pairs([(v.name, values.pop(v.name, "")) for v in path_vars],
                              {v.name: f"{v.location} {v.type}{required if v.required else ''}: {v.description}"
                               for v in path_vars})
        self.variables.set_pairs(values.items())
        self.headers.set_pairs(draft.headers)
        self._implied_headers()
        self.variant.clear()
        if template.has_body:
            self.variant.addItem(self.tr("minimal"), "minimal")
            self.variant.addItem(self.tr("full"), "full")
            for variant in template.variants:
                self.variant.addItem(f"{variant.name}: {variant.title}"[:80], variant.name)
            self.variant.setCurrentIndex(max(0, self.variant.findData(draft.variant or "minimal")))
        body = draft.body if draft.body is not None else (template.body_text(draft.variant or "minimal") if template.has_body else "")
        self.body.setPlainText(body or "")
        self.body.setEnabled(template.has_body or bool(body))
        self.docs.setHtml(_docs_html(template))
        self.sections.setCurrentIndex(self.sections.indexOf(self.body_page) if template.has_body else 0)
        self._loading = False
        self.refresh_variables()

    def to_model(self) -> RequestDraft:
        template = self._template
        variables = tuple(p for p in self.params.pairs() if p[1] != "") + self.variables.pairs()
        method = self.method.currentText()
        url = self.url.toPlainText().strip()
        body = self.body.toPlainText() if (template is None or template.has_body or self.body.toPlainText()) else None
        return replace(
            self._draft,
            method="" if template and method == template.method else method,
            url="" if template and url == template.url else url,
            headers=self.headers.pairs(),
            variables=variables,
            variant=self.variant.currentData() if self.variant.count() else None,
            body=body,
        )

    @property
    def template(self):
        return self._template

    def _variant_chosen(self) -> None:
        if self._template is not None:
            self.body.setPlainText(self._template.body_text(self.variant.currentData()) or "")

    def _text_changed(self, editor) -> None:
        text = editor.toPlainText()
        if text != self._texts[editor]:
            self._texts[editor] = text
            self._changed()

    def recheck(self) -> None:
        """Validate again soon (the environment or globals changed)."""
        self._check_timer.start()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
            self._check_timer.start()

    # ---- variables and problems

    def request_variables(self) -> dict:
        return dict(tuple(p for p in self.params.pairs() if p[1] != "") + self.variables.pairs())

    def set_variable_lookup(self, uses_for) -> None:
        """`uses_for(text, request_variables)` -> core VariableUse records."""
        for editor in (self.url, self.body):
            editor.uses_for = lambda text, uses_for=uses_for: uses_for(text, self.request_variables())
        self.refresh_variables()

    def set_scope_lookup(self, scopes_for) -> None:
        """`scopes_for(request_variables)` -> [(scope, {name: value})] (the controller's,
        secrets masked): what an empty parameter inherits, and the URL's preview."""
        self._scopes = scopes_for
        self.params.inherited = self._inherited

    def _inherited(self, name: str):
        for scope, values in self._scopes(self.request_variables()):
            if scope != "request" and values.get(name) not in (None, ""):
                return str(values[name]), scope_words(scope)
        return None

    def set_destination(self, scheme: str) -> None:
        """The scheme the current environment sends with (http for the local sandbox)."""
        self.scheme = scheme or "https"
        self._implied_headers()
        self._preview()

    def _implied_headers(self) -> None:
        """Headers the request gets without being listed: the template's, then signing's."""
        typed = {name.lower() for name, _ in self.headers.pairs()}
        rows = [(name, value, self.tr("from the operation")) for name, value in
                (self._template.headers if self._template is not None else ())
                if name.lower() not in typed]
        rows += [(name, self.tr("set when signed"), self.tr("SigV4 signing")) for name in
                 ("Host", "X-Amz-Date", "Authorization") if name.lower() not in typed]
        self.headers.set_implied(rows)

    def _preview(self) -> None:
        from workbench.core.request.template_vars import variable_uses

        text = self.url.toPlainText().strip()
        uses = variable_uses(text, self._scopes(self.request_variables())) if text else []
        for use in sorted(uses, key=lambda u: u.start, reverse=True):
            if use.resolved:
                text = text[:use.start] + use.value + text[use.end:]
        scheme, sep, rest = text.partition("://")
        if sep and scheme.lower() in ("http", "https"):
            text = f"{self.scheme}://{rest}"
        missing = [u.name for u in uses if not u.resolved]
        note = self.tr("  (not set: {names})").format(names=", ".join(missing)) if missing else ""
        self.url_preview.setText(self.tr("Sends to {url}{note}").format(url=text, note=note) if text else "")

    def set_secret_test(self, is_secret) -> None:
        """`is_secret(name)`: whose values the tables mask."""
        for model in (self.params, self.headers, self.variables):
            model.is_secret = is_secret

    def refresh_variables(self) -> None:
        self.params.inherited_changed()
        self._preview()
        self.url.refresh()
        if len(self.body.toPlainText()) < 200_000:
            self.body.refresh()

    def show_problems(self, problems) -> None:
        self.problem_model.set_rows(problems)
        self.problems.setVisible(bool(problems))
        index = self.sections.indexOf(self.body_page)
        text = self.tr("Body ({count})").format(count=len(problems)) if problems else self.tr("Body")
        if self.sections.tabText(index) != text:  # setting it, even unchanged, repaints the whole tab widget
            self.sections.setTabText(index, text)

    def _jump_to_problem(self, index) -> None:
        problem = index.data(OBJECT_ROLE)
        if problem is None:
            return
        line = line_of(self.body.toPlainText(), problem.path + " " + problem.message)
        if line is not None:
            self.sections.setCurrentWidget(self.body_page)
            self.body.go_to_line(line)

    def set_busy(self, busy: bool, phase: str = "") -> None:
        self.send_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self._show_phase(phase)

    def _show_phase(self, text: str) -> None:
        """The phase beside Cancel, hidden when there is none. Its width is fixed and only
        grows while it shows: a new phase then repaints the label alone, instead of laying out
        the row again and repainting the URL and the buttons beside it."""
        if text == self.phase.text():
            return
        self.phase.setText(text)
        if not text:
            self.phase.hide()
            return
        width = self.phase.fontMetrics().horizontalAdvance(text) + 2 * self.phase.margin() + 4
        if self.phase.isHidden() or width > self.phase.maximumWidth():
            self.phase.setFixedWidth(width)
        self.phase.show()

    def show_error(self, text: str, remedies=()) -> None:
        """The banner above the sections; each remedy (code, label) becomes a button."""
        while self.remedy_row.count():
            old = self.remedy_row.takeAt(0).widget()
            old.hide()
            old.deleteLater()
        if not text:
            self.banner_box.hide()
            return
        self.banner.setText(text)
        self.details.setText(text)
        self.details_button.setChecked(False)
        self.details_button.setVisible("\n" in text.strip() or len(text) > 120)
        for code, label in remedies:
            button = named(QPushButton(label), f"remedy_{code.split(':')[0]}", label)
            button.clicked.connect(lambda _=False, code=code: self.remedy_requested.emit(code))
            self.remedy_row.addWidget(button)
        self.banner_box.show()

    def set_it(self, name: str) -> None:
        """Remedy set_variable:NAME: its row in Params (a path or query parameter) or a new row
        in Variables, ready to type into."""
        in_params = name in dict(self.params.pairs())
        model, view = (self.params, self.params_view) if in_params else (self.variables, self.variables_view)
        if not in_params:
            model.set_value(name, dict(model.pairs()).get(name, ""))
        self.sections.setCurrentWidget(view)
        value = model.index([key for key, _ in model.pairs()].index(name), 1)
        view.setCurrentIndex(value)
        view.edit(value)

_SCOPE_WORDS = {"environment": QT_TRANSLATE_NOOP("RequestEditor", "environment"),
                "global": QT_TRANSLATE_NOOP("RequestEditor", "globals")}


def scope_words(scope: str) -> str:
    """Where an inherited value comes from, in words (the environment, the globals)."""
    return QCoreApplication.translate("RequestEditor", _SCOPE_WORDS[scope]) if scope in _SCOPE_WORDS else scope


def _docs_html(template) -> str:
    from html import escape

    where = QCoreApplication.translate("RequestEditor", "API {api}, signing name {signing_name}; lifecycle: {lifecycle}").format(
        api=template.api, signing_name=template.signing_name, lifecycle=template.lifecycle_status)
    lines = [f"<h3>{escape(template.operation)}</h3>",
             f"<p><code>{escape(template.method)} {escape(template.url)}</code><br>{escape(where)}</p>",
             f"<p>{escape(template.documentation)}</p>"]
    if template.variables:
        lines.append("<h4>" + escape(QCoreApplication.translate("RequestEditor", "Variables")) + "</h4><ul>")
        required = QCoreApplication.translate("RequestEditor", ", required")
        for v in template.variables:
            lines.append(f"<li><b>{escape(v.name)}</b> ({escape(v.location)}, {escape(v.type)}"
                         f"{escape(required) if v.required else ''}): {escape(v.description)}</li>")
        lines.append("</ul>")
    return "".join(lines)
