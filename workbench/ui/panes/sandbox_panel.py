"""The local sandbox in the window: a status-bar button (`sandboxStatus`: running, port,
tutorial policy) whose menu starts, stops, resets it and turns the tutorial policy on or
off, and a panel with its event log (the message events it would have published, the codes
it would have texted) plus the last lines of its log (what it received and answered).

It manages the kept background sandbox (`sandbox start|stop|reset` on the command line);
every call runs in a worker."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from workbench.ui.accessible import named
from workbench.ui.owned_work import run_for

EVENT_POLL_MS = 1500


def describe(status, window_url: str | None) -> str:
    if status is not None and status.running and status.record is not None:
        policy = "on" if status.record.tutorial_policy else "off"
        return f"sandbox: running on :{status.record.port} · tutorial policy {policy}"
    if window_url:
        return f"sandbox: this window's own on :{window_url.rsplit(':', 1)[-1]} (not kept)"
    return "sandbox: not running"


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
        self._last_sequence = 0
        named(self, "sandboxPanel", "Sandbox event log")
        self.events = named(QPlainTextEdit(), "sandboxEvents", "Sandbox events")
        self.events.setReadOnly(True)
        self.events.setPlaceholderText("Events the sandbox publishes (SMS and voice deliveries, codes it would text) "
                                       "appear here.")
        self.log = named(QPlainTextEdit(), "sandboxLog", "Sandbox log")
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(500)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.events, 2)
        layout.addWidget(self.log, 1)

        self.button = named(QToolButton(), "sandboxStatus", "Local sandbox", "The local sandbox: start, stop, reset")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setText("sandbox: …")
        menu = QMenu(self.button)
        self.start_action = self._menu_action(menu, "Start the sandbox", "sandboxStartAction", self.start)
        self.stop_action = self._menu_action(menu, "Stop the sandbox", "sandboxStopAction", self.stop)
        self.reset_action = self._menu_action(menu, "Reset (forget what it keeps)", "sandboxResetAction", self.reset)
        self.policy_action = self._menu_action(menu, "Tutorial policy (deny deletes, as the guide's IAM policy)",
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

        run_for(self, self.controller, lambda: read_status(self.environ), self._show)

    def _adopt(self, status) -> None:
        """Started from here: the sandbox environment sends to it from now on."""
        if status.running and "sandbox" in self.controller.environments:
            self.controller.sandbox_ready(status.url)
        self._show(status)

    def _show(self, status) -> None:
        self.status = status
        running = status.running
        self.button.setText(describe(status, self.controller.sandbox_url))
        self.start_action.setEnabled(not running)
        self.stop_action.setEnabled(running)
        self.policy_action.setChecked(bool(running and status.record.tutorial_policy))
        if running:
            self._timer.start()
        self.status_changed.emit(status)

    def _busy(self, text: str) -> None:
        self.button.setText(f"sandbox: {text}…")

    def _failed(self, error) -> None:
        self.button.setText(f"sandbox: {str(error).splitlines()[0]}")

    def start(self, tutorial_policy: bool | None = None) -> None:
        from workbench.core.sandbox.background import ensure_running

        policy = self.policy_action.isChecked() if tutorial_policy is None else tutorial_policy
        self._busy("starting")
        run_for(self, self.controller, lambda: ensure_running(self.environ, tutorial_policy=policy), self._adopt, self._failed)

    def stop(self) -> None:
        from workbench.core.sandbox.background import read_status, stop_background

        self._busy("stopping")
        self._timer.stop()

        def done(result):
            stopped, status = result
            if stopped.url and stopped.url == self.controller.sandbox_url:
                self._forget(stopped.url)
            self._show(status)
        run_for(self, self.controller, lambda: (stop_background(self.environ), read_status(self.environ)), done, self._failed)

    def _forget(self, url: str) -> None:
        """The stopped sandbox was the one the window sent to: the next send starts one again."""
        self.controller.sandbox_url = None  # context.start_sandbox() starts the kept one again
        self.controller.reload_environments()

    def reset(self) -> None:
        from workbench.core.sandbox.background import reset_background

        self._busy("resetting")

        def done(result):
            emptied, status = result
            self.events.clear()
            self._last_sequence = 0
            self.controller.notice.emit("sandbox reset: its kept state is gone" if emptied
                                        else "sandbox reset: it kept nothing")
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
