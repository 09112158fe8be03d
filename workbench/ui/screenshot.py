"""Render the window to a PNG once it is ready: open an operation, optionally send it and
wait for the answer, show a pane, grab. For the README's pictures and for checks."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


def save_png(pixmap, path: str) -> str | None:
    """Write `pixmap` as a PNG file; None, or why it could not be written (Qt's own save
    only says that it failed)."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        return "the window could not be encoded as PNG"
    try:
        with open(path, "wb") as handle:
            handle.write(bytes(buffer.data()))
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


class ScreenshotScript(QObject):
    finished = Signal(int)  # exit status

    def __init__(self, window, path: str, *, operation=None, variant=None, env=None, send=False, pane="response",
                 timeout_s=90, dialog=None, tutorial=None, step=None):
        super().__init__(window)
        self.window, self.path = window, path
        self.operation, self.variant, self.env, self.send, self.pane = operation, variant, env, send, pane
        self.tab = None
        self.dialog = dialog  # environments | credentials | welcome | compare: grab that view instead
        self.tutorial, self.step = tutorial, step  # a lesson's view (screenshot_tutorial.py)
        controller = window.controller
        window.ready.connect(self._open)
        controller.body_loaded.connect(lambda tab_id, _: self._answered(tab_id))
        controller.exchange_received.connect(lambda tab_id, ex: None if ex.response and ex.response.size_bytes
                                             else self._answered(tab_id))
        controller.send_failed.connect(lambda tab_id, _: self._answered(tab_id))
        self._timeout = QTimer(self, singleShot=True, interval=int(timeout_s * 1000))
        self._timeout.timeout.connect(self._timed_out)
        self._timeout.start()

    def _open(self) -> None:
        controller = self.window.controller
        if self.tutorial:
            from workbench.ui.screenshot_tutorial import show_lesson

            show_lesson(self.window, self.tutorial, self.step, self._lesson_shown)
            return
        if self.env:
            if self.env not in controller.environments:
                print(f"no environment {self.env!r}; known: {', '.join(controller.environments)}")
                self.finished.emit(1)
                return
            controller.select_environment(self.env)
        if self.operation:
            try:
                key = controller.library.find(self.operation).key
            except Exception as exc:  # noqa: BLE001 - an UnknownOperation, shown as is
                print(f"{exc}")
                self.finished.emit(1)
                return
            self.tab = self.window.open_operation(key)
            if self.variant:
                variant = self.tab.editor.variant
                variant.setCurrentIndex(variant.findData(self.variant))
                variant.activated.emit(variant.currentIndex())
            library = self.window.library
            library.search.setText(self.operation.split(":")[-1])
            library.select_first()
        if self.send and self.tab is not None:
            QTimer.singleShot(200, lambda: self.window.send(self.tab))
        else:
            QTimer.singleShot(300, self._grab)

    def _lesson_shown(self, problem) -> None:
        if problem:
            print(f"screenshot: {problem}")
            self._timeout.stop()
            self.finished.emit(1)
        else:
            QTimer.singleShot(150, self._save)

    def _answered(self, tab_id: str) -> None:
        if self.tab is not None and tab_id == self.tab.tab_id:
            QTimer.singleShot(300, self._grab)

    def _grab(self) -> None:
        if self.dialog:
            from workbench.ui.screenshot_views import open_view

            open_view(self.window, self.dialog, self._save_widget)
            return
        if self.tab is not None and self.pane == "inspect":
            self.tab.output.setCurrentIndex(1)
        QTimer.singleShot(150, self._save)

    def _save_widget(self, widget) -> None:
        self._timeout.stop()
        ok = widget.grab().save(self.path, "PNG")
        print(f"screenshot {'saved to' if ok else 'NOT saved to'} {self.path}")
        self.finished.emit(0 if ok else 1)

    def _save(self) -> None:
        self._timeout.stop()
        problem = save_png(self.window.grab(), self.path)
        print(f"screenshot NOT saved to {self.path}: {problem}" if problem else f"screenshot saved to {self.path}")
        self.finished.emit(1 if problem else 0)

    def _timed_out(self) -> None:
        print("screenshot: the window did not get ready in time")
        self.finished.emit(1)
