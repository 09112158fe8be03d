"""One tab: the request editor above (or beside) its Response and Inspect panes. It follows
the controller's events for its own tab id and turns errors into a banner with remedies."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from workbench.ui.accessible import named
from workbench.ui.panes.inspect_pane import InspectPane
from workbench.ui.panes.request_editor import RequestEditor
from workbench.ui.panes.response_pane import ResponsePane, human_size

_ids = itertools.count(1)

PHASE_TEXT = {
    "starting": QT_TRANSLATE_NOOP("RequestTab", "starting…"),
    "credentials": QT_TRANSLATE_NOOP("RequestTab", "resolving credentials"),
    "keyring": QT_TRANSLATE_NOOP("RequestTab", "reading the keyring"),
    "sandbox": QT_TRANSLATE_NOOP("RequestTab", "starting the local sandbox"),
    "dns": QT_TRANSLATE_NOOP("RequestTab", "resolving the host name"),
    "connect": QT_TRANSLATE_NOOP("RequestTab", "connecting"),
    "tls": QT_TRANSLATE_NOOP("RequestTab", "TLS handshake"),
    "sending": QT_TRANSLATE_NOOP("RequestTab", "sending"),
    "waiting": QT_TRANSLATE_NOOP("RequestTab", "waiting for the answer"),
    "downloading": QT_TRANSLATE_NOOP("RequestTab", "downloading"),
    "done": QT_TRANSLATE_NOOP("RequestTab", "done"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RequestTab", text)


def phase_words(phase: str) -> str:
    return _tr(PHASE_TEXT[phase]) if phase in PHASE_TEXT else phase


# A send answered sooner than this shows no phase and no "Sending…": nothing flickers, and
# the window does not repaint itself while the send's worker needs the interpreter (the
# disabled Send and the enabled Cancel say at once that it runs).
PHASE_SHOWN_AFTER_MS = 150


def phase_text(progress) -> str:
    text = phase_words(progress.phase)
    if progress.phase == "downloading" and progress.done is not None:
        text += f" {human_size(progress.done)}"
    elif progress.detail and progress.phase != "done" and progress.detail not in text:
        text += f" ({progress.detail})"
    return text


REMEDY_LABELS = {
    "set_variable": QT_TRANSLATE_NOOP("RequestTab", "Set {arg}"),
    "allow_any_host": QT_TRANSLATE_NOOP("RequestTab", "Send anyway…"),
    "raise_limit": QT_TRANSLATE_NOOP("RequestTab", "Raise the limit…"),
    "start_sandbox": QT_TRANSLATE_NOOP("RequestTab", "Use the local sandbox"),
    "store_credentials": QT_TRANSLATE_NOOP("RequestTab", "Store credentials for {arg}"),
    "use_profile": QT_TRANSLATE_NOOP("RequestTab", "Keyring unavailable: what now?"),
}


def remedies_for(error) -> list[tuple[str, str]]:
    """Buttons for an error's remedy codes: [(code, label)]; a missing variable gets one per name."""
    codes = [error.remedy] if getattr(error, "remedy", None) else []
    codes += [f"set_variable:{name}" for name in (getattr(error, "missing", None) or {})]
    buttons = []
    for code in dict.fromkeys(codes):
        kind, _, arg = code.partition(":")
        if kind == "raise_limit" and arg != "max_decoded_body":
            continue  # the window's Preferences hold that limit only (the others: the command line's flags)
        if kind in REMEDY_LABELS:
            buttons.append((code, _tr(REMEDY_LABELS[kind]).format(arg=arg)))
    return buttons


class _TabRoute(QObject):
    """Delivers a controller event carrying a tab id to one slot of the tab it names. A child
    of the tab: Qt drops the connection when the tab is gone."""

    def __init__(self, tab, slot):
        super().__init__(tab)
        self.tab_id, self.slot = tab.tab_id, slot

    def deliver(self, tab_id, *args) -> None:
        if tab_id == self.tab_id:
            self.slot(*args)


class RequestTab(QWidget):
    send_requested = Signal(object)  # self
    remedy_requested = Signal(object, str)  # self, a remedy code the window acts on
    dirty_changed = Signal(object)  # self

    def __init__(self, controller, draft, template, *, dirty=False, saved_path="", parent=None):
        super().__init__(parent)
        self.tab_id = f"tab{next(_ids)}"
        self.controller = controller
        self.dirty = dirty
        self.saved_path = saved_path
        self.exchange = None
        self.response_body = None
        self._not_ready = False  # the banner says what stops a send (the check's), not what a send said
        self._phase = ""  # the running send's phase, shown once it has run PHASE_SHOWN_AFTER_MS
        self._phase_timer = QTimer(self, singleShot=True, interval=PHASE_SHOWN_AFTER_MS)
        self._phase_timer.timeout.connect(self._show_phase)
        self._phase_shown = False
        self._api_loaded = None  # the API whose service model was read for "Save as NAME"

        self.editor = RequestEditor()
        self.response = ResponsePane()
        self.inspect = InspectPane()
        self.output = named(QTabWidget(), "outputTabs", self.tr("Response and inspection"))
        self.output.addTab(self.response, self.tr("Response"))
        self.output.addTab(self.inspect, self.tr("Inspect"))
        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "requestSplitter", self.tr("Request and response"))
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.output)
        self.splitter.setSizes([320, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.editor.set_model(draft, template)
        self.editor.set_scope_lookup(controller.scopes)
        self.editor.set_variable_lookup(controller.variable_uses)
        self.editor.set_secret_test(controller.is_secret)
        self.editor.edited.connect(self._edited)
        self.editor.send_requested.connect(lambda: self.send_requested.emit(self))
        self.editor.cancel_requested.connect(lambda: controller.cancel(self.tab_id))
        self.editor.check_requested.connect(lambda: controller.check(self.tab_id, self.to_model(), self.saved_path))
        self.editor.remedy_requested.connect(self._remedy)
        self.response.save_variable_requested.connect(self._save_variable)
        self.response.save_value_requested.connect(self._save_value)
        self.response.suggest_names = self._names_for
        self.response.show_all_requested.connect(self._show_all)

        for signal, slot in ((controller.send_started, self._started), (controller.send_progress, self._progress),
                             (controller.exchange_received, self._received), (controller.send_failed, self._failed),
                             (controller.send_cancelled, self._cancelled), (controller.body_loaded, self._body),
                             (controller.rest_loaded, self.response.append_all),
                             (controller.checked, self._checked)):
            signal.connect(_TabRoute(self, slot).deliver)
        controller.environment_changed.connect(lambda env: self.editor.set_destination(env.scheme))
        if controller.current_env is not None:
            self.editor.set_destination(controller.current_env.scheme)
        controller.environment_changed.connect(self.editor.refresh_variables)
        controller.environment_changed.connect(self.editor.recheck)
        controller.globals_changed.connect(self.editor.refresh_variables)

    @property
    def title(self) -> str:
        draft = self.editor.to_model()
        return ("● " if self.dirty else "") + (draft.name or self.tr("request"))

    def to_model(self):
        return self.editor.to_model()

    def _edited(self) -> None:
        if not self.dirty:
            self.dirty = True
            self.dirty_changed.emit(self)

    def mark_saved(self, path: str) -> None:
        self.saved_path = path
        self.dirty = False
        self.dirty_changed.emit(self)

    # ---- controller events

    def _checked(self, problems, error) -> None:
        """After an edit: the problems, and what would stop a send (a missing variable...)."""
        self.editor.show_problems(problems)
        if error is not None:
            self.editor.show_error(self.tr("Not ready to send: {error}").format(error=error), remedies_for(error))
            self._not_ready = True
        elif self._not_ready:
            self.editor.show_error("")
            self._not_ready = False

    def _progress(self, progress) -> None:
        self._phase = phase_text(progress)
        if self._phase_shown:
            self.editor.set_busy(True, self._phase)

    def _started(self) -> None:
        self.editor.show_error("")
        self._not_ready = False
        self.editor.set_busy(True)
        self._phase, self._phase_shown = phase_words("starting"), False
        self._phase_timer.start()

    def _show_phase(self) -> None:
        """The send runs longer than PHASE_SHOWN_AFTER_MS: say what it is doing."""
        self._phase_shown = True
        self.editor.set_busy(True, self._phase)
        self.response.show_state(self.tr("Sending…"))

    def _idle(self) -> None:
        self._phase_timer.stop()
        self._phase_shown = False
        self.editor.set_busy(False)

    def show_exchange(self, exchange) -> None:
        """Show a send's outcome (a new one, or one reopened from history)."""
        self._received(exchange)

    def _received(self, exchange) -> None:
        self.exchange = exchange
        self._idle()
        self.response.show_exchange(exchange)
        self.inspect.show_inspection(exchange.inspection, self.to_model().body or "", self.controller.redact)
        self.editor.show_problems(exchange.problems)

    def _body(self, body) -> None:
        self.response_body = body
        self.response.show_body(body)
        template = self.editor.template
        if body.is_json and template is not None and self._api_loaded != template.api:
            # what the response's "Save as NAME" reads, read now (once: it is kept)
            from workbench.core.library.apis import service_model
            from workbench.ui.owned_work import run_for

            self._api_loaded = template.api
            run_for(self, self.controller, lambda: service_model(template.api), lambda _: None, lambda _: None)

    def _failed(self, error) -> None:
        self._idle()
        self.response.show_state(self.tr("Not sent"), "status5")
        self.editor.show_error(self.tr("Not sent: {error}").format(error=error), remedies_for(error))
        self._not_ready = False
        for name in (getattr(error, "missing", None) or {}):
            self.editor.url.refresh()

    def _cancelled(self, phase: str) -> None:
        self._idle()
        self.response.show_state(self.tr("Cancelled while {phase}").format(phase=phase_words(phase)), "status4")

    def _remedy(self, code: str) -> None:
        kind, _, arg = code.partition(":")
        if kind == "set_variable":
            self.editor.set_it(arg)
        else:
            self.remedy_requested.emit(self, code)

    def _save_variable(self, name: str, value: str) -> None:
        from workbench.ui.dialogs import ask_variable

        answer = ask_variable(self, value, name, self.controller.current_env_name)
        if answer is None:
            return
        chosen, scope = answer
        if scope == "request":
            self.editor.variables.set_value(chosen, value)
        else:
            self.controller.set_variable(scope, chosen, value)

    def _names_for(self, path: str) -> list[str]:
        """The variable names the library's templates use for the value at `path` of this
        operation's answer (core.library.response_names)."""
        from workbench.core.library.response_names import variable_names_for

        template, library = self.editor.template, self.controller.library
        if template is None or library is None or not path:
            return []
        return variable_names_for(library, template.key, path)

    def _save_value(self, name: str, value: str) -> None:
        """One step: kept in the current environment (the status bar says so)."""
        self.controller.set_variable("environment", name, value)

    def _show_all(self) -> None:
        if self.exchange is not None and self.exchange.response is not None:
            self.controller.load_rest(self.tab_id, self.exchange.response)
