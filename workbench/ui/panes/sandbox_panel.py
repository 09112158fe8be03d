"""The local sandbox in the window: a status-bar button (`sandboxStatus`: running, port,
tutorial policy) whose menu starts, stops, resets it and turns the tutorial policy on or
off, and a panel with its event log (the message events it would have published, the codes
it would have texted) plus the last lines of its log (what it received and answered).

It manages the kept background sandbox (`sandbox start|stop|reset` on the command line);
every call runs in a worker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from workbench.ui.accessible import named
from workbench.ui.credential_words import line
from workbench.ui.owned_work import run_for

EVENT_POLL_MS = 1500


def describe(status, window_url: str | None, starting: bool = False) -> str:
    """The status bar's words for the sandbox; they say what the environment bar says."""
    if starting:
        return QCoreApplication.translate("SandboxPanel", "sandbox: starting…")
    if status is not None and status.running and status.record is not None:
        if status.record.tutorial_policy:
            return QCoreApplication.translate("SandboxPanel", "sandbox: running on :{port} · tutorial policy on").format(
                port=status.record.port)
        return QCoreApplication.translate("SandboxPanel", "sandbox: running on :{port} · tutorial policy off").format(
            port=status.record.port)
    if window_url:
        return QCoreApplication.translate("SandboxPanel", "sandbox: this window's own on :{port} (not kept)").format(
            port=window_url.rsplit(':', 1)[-1])
    return QCoreApplication.translate("SandboxPanel", "sandbox: not running")


def event_line(record: dict) -> str:
    """One event record as a line: its sequence, API, type and the fields that say what
    happened (Pinpoint's `_SMS.*` records and SMS/voice v2's TEXT_*/VOICE_* alike)."""
    event = record.get("event") if isinstance(record.get("event"), dict) else record
    fields = {**event, **(event.get("attributes") or {})}
    kind = fields.get("event_type") or fields.get("eventType") or fields.get("type") or "event"
    keys = ("destination_phone_number", "destinationPhoneNumber", "record_status", "messageStatus",
            "messageStatusDescription", "destination", "code", "message")
    detail = " ".join(f"{key}={fields[key]}" for key in keys if fields.get(key) not in (None, "", {}))
    return f"#{record.get('sequence', '?')} {record.get('api', '')} {kind} {detail}".replace("  ", " ").rstrip()


class SandboxPanel(QWidget):
    """The event log panel; the status button lives in the status bar (`button`)."""

    status_changed = Signal(object)  # SandboxStatus

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.environ = controller.context.environ
        self.status = None
        self._acting = False
        self._last_sequence = 0
        named(self, "sandboxPanel", self.tr("Sandbox event log"))
        self.events = named(QPlainTextEdit(), "sandboxEvents", self.tr("Sandbox events"))
        self.events.setReadOnly(True)
        self.events.setPlaceholderText(self.tr("Events the sandbox publishes (SMS and voice deliveries, codes it would "
                                               "text) appear here."))
        self.log = named(QPlainTextEdit(), "sandboxLog", self.tr("Sandbox log"))
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(500)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.events, 2)
        layout.addWidget(self.log, 1)

        self.button = named(QToolButton(), "sandboxStatus", self.tr("Local sandbox"),
                            self.tr("The local sandbox: start, stop, reset"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setText(self.tr("sandbox: …"))
        self.shows_running = False  # the button says the sandbox runs (kept, or this window's own)
        menu = QMenu(self.button)
        self.start_action = self._menu_action(menu, self.tr("Start the sandbox"), "sandboxStartAction", self.start)
        self.stop_action = self._menu_action(menu, self.tr("Stop the sandbox"), "sandboxStopAction", self.stop)
        self.reset_action = self._menu_action(menu, self.tr("Reset (forget what it keeps)"), "sandboxResetAction",
                                              self.reset)
        self.policy_action = self._menu_action(menu, self.tr("Tutorial policy (deny deletes, as the guide's IAM policy)"),
                                               "sandboxPolicyAction", self.set_tutorial_policy)
        self.policy_action.setCheckable(True)
        self.button.setMenu(menu)

        self._timer = QTimer(self, interval=EVENT_POLL_MS)
        self._timer.timeout.connect(self.refresh_events)
        self.refresh()

    def _menu_action(self, menu, text, name, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ---- status

    def refresh(self) -> None:
        from workbench.core.sandbox.background import read_status

        if self._acting:  # stopping, resetting...: its own answer comes when it is done
            return
        run_for(self, self.controller, lambda: read_status(self.environ), self._show)

    def _adopt(self, status) -> None:
        """Started from here: the sandbox environment sends to it from now on."""
        if status.running:
            self.controller.sandbox_found(status.url, announce=True)
        self._show(status)

    def _show(self, status) -> None:
        self._acting = False
        self.status = status
        running = status.running
        starting = self.controller.sandbox_starting_now
        self.button.setText(describe(status, self.controller.sandbox_url, starting))
        self.shows_running = not starting and (running or bool(self.controller.sandbox_url))
        self.button.setToolTip(self.button.text())
        self.start_action.setEnabled(not running and not starting)
        self.stop_action.setEnabled(running)
        self.policy_action.setChecked(bool(running and status.record.tutorial_policy))
        if running:
            self._timer.start()
        self.status_changed.emit(status)

    def show_starting(self, starting: bool) -> None:
        """The controller starts the sandbox (first start, a send, Start): say so at once."""
        if starting:
            self.button.setText(describe(None, None, True))
            self.shows_running = False
            self.start_action.setEnabled(False)
        else:
            self.refresh()

    def _busy(self, doing: str) -> None:
        """doing: starting, stopping, resetting, restarting."""
        self._acting = True
        self.shows_running = False
        words = {"starting": self.tr("sandbox: starting…"), "stopping": self.tr("sandbox: stopping…"),
                 "resetting": self.tr("sandbox: resetting…"), "restarting": self.tr("sandbox: restarting…")}
        self.button.setText(words[doing])
        self.controller.credential_status.emit("sandbox", line(f"sandbox_{doing}"))

    def _failed(self, error) -> None:
        self._acting = False
        self.shows_running = False
        first = str(error).splitlines()[0]
        self.button.setText(self.tr("sandbox: {problem}").format(problem=first))
        self.controller.credential_status.emit("sandbox", line("sandbox_not_running", reason=first))

    def start(self, tutorial_policy: bool | None = None) -> None:
        from workbench.core.sandbox.background import ensure_running

        policy = self.policy_action.isChecked() if tutorial_policy is None else tutorial_policy
        self._busy("starting")
        run_for(self, self.controller, lambda: ensure_running(self.environ, tutorial_policy=policy), self._adopt,
                self._failed)

    def stop(self) -> None:
        from workbench.core.sandbox.background import read_status, stop_background

        self._busy("stopping")
        self._timer.stop()

        def done(result):
            stopped, status = result
            self._acting = False
            if stopped.url and stopped.url == self.controller.sandbox_url:
                self.controller.sandbox_gone()  # the next send (or Start) starts one again
            else:
                self.controller.credential_status.emit("sandbox", line("sandbox_stopped"))
            self._show(status)
        run_for(self, self.controller, lambda: (stop_background(self.environ), read_status(self.environ)), done, self._failed)

    def reset(self) -> None:
        from workbench.core.sandbox.background import reset_background

        self._busy("resetting")

        def done(result):
            emptied, status = result
            self.events.clear()
            self._last_sequence = 0
            self.controller.notice.emit(self.tr("sandbox reset: its kept state is gone") if emptied
                                        else self.tr("sandbox reset: it kept nothing"))
            self._adopt(status)
        run_for(self, self.controller, lambda: reset_background(self.environ), done, self._failed)

    def set_tutorial_policy(self, on: bool) -> None:
        """Restart the sandbox with the tutorial policy on or off (its kept state stays)."""
        from workbench.core.sandbox.background import read_status, start_background, stop_background

        self._busy("restarting")

        def work():
            stop_background(self.environ)
            start_background(self.environ, tutorial_policy=on)
            return read_status(self.environ)
        run_for(self, self.controller, work, self._adopt, self._failed)

    # ---- events and log

    def refresh_events(self) -> None:
        from workbench.core.sandbox.events import read_events
        from workbench.core.sandbox.statefile import LOG_FILE_NAME, state_file
        from workbench.core.sandbox.store import EVENTS_FILE, sandbox_data_dir

        after = self._last_sequence

        def work():
            records = list(read_events(sandbox_data_dir(self.environ) / EVENTS_FILE, after))
            log_path = state_file(self.environ).parent / LOG_FILE_NAME
            try:
                tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-200:]
            except OSError:
                tail = []
            return records, tail
        run_for(self, self.controller, work, self._show_events)

    def _show_events(self, result) -> None:
        records, tail = result
        for record in records:
            self._last_sequence = max(self._last_sequence, int(record.get("sequence", 0)))
            self.events.appendPlainText(event_line(record))
        text = "\n".join(tail)
        if text != self.log.toPlainText():
            self.log.setPlainText(text)
            self.log.verticalScrollBar().setValue(self.log.verticalScrollBar().maximum())

    def shutdown(self) -> None:
        self._timer.stop()
