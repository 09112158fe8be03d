"""`gui --screenshot FILE --tutorial NAME [--step N]`: the lesson view, with the steps before N
done in the window the way a learner does them (open the request, send it from its tab,
check), and step N opened, sent and checked. `LessonDriver` is that learner; the tests of the
window's controller use it too."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class LessonDriver(QObject):
    """Does steps `first..last` (indexes) of the lesson shown in `window`, in order: each
    step's request opened, sent from the lesson's tab and checked. `finished` gives the
    StepOutcome of each step that sends, in order; `failed` says what stopped it."""

    finished = Signal(object)  # [StepOutcome]
    failed = Signal(str)

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.wiring = window.extras.tutorials
        self.lessons = self.wiring.lessons
        self.outcomes: list = []
        self._index = self._last = 0
        self._waiting = ""
        lessons, controller = self.lessons, window.controller
        lessons.request_opened.connect(self._opened)
        lessons.checked.connect(self._checked)
        lessons.refused.connect(self._refused)
        controller.exchange_received.connect(self._sent)
        controller.send_failed.connect(lambda tab_id, error: self._sent(tab_id, None))

    def run(self, first: int, last: int) -> None:
        self._index, self._last = first, last
        self._next()

    def _next(self) -> None:
        if self._index > self._last:
            self._waiting = ""
            self.finished.emit(self.outcomes)
            return
        self.lessons.go(self._index)
        if not self.lessons.step.sends:
            self._index += 1
            QTimer.singleShot(0, self._next)
            return
        self._waiting = "opened"
        self.wiring.open_request()

    def _opened(self, tab_id: str) -> None:
        if self._waiting == "opened":
            self._waiting = "sent"
            self.window.send(self.lessons.tab)

    def _sent(self, tab_id: str, exchange) -> None:
        if self._waiting == "sent" and self.lessons.tab is not None and tab_id == self.lessons.tab.tab_id:
            self._waiting = "checked"
            self.wiring._check()

    def _checked(self, outcome) -> None:
        if self._waiting == "checked":
            self.outcomes.append(outcome)
            self._index += 1
            QTimer.singleShot(0, self._next)

    def _refused(self, text: str) -> None:
        if self._waiting:
            self._waiting = ""
            self.failed.emit(text)


def show_lesson(window, name: str, step: int | None, done) -> None:
    """Start lesson `name` in `window`, do its steps up to `step` (1-based; default: the first
    that sends), then call done(None) with the panel showing step `step`'s check, or
    done(why it could not)."""
    wiring = window.extras.tutorials
    wiring.show_list()

    def loaded(_rows=None) -> None:
        try:
            tutorial = wiring.lessons.loaded.get(name)
        except Exception as exc:  # noqa: BLE001 - an UnknownTutorial, said as it is
            done(str(exc))
            return
        target = step if step is not None else next((i + 1 for i, s in enumerate(tutorial.steps) if s.sends), 1)
        if not 1 <= target <= len(tutorial.steps):
            done(f"{name} has steps 1 to {len(tutorial.steps)}, not {target}")
            return
        wiring.start(name, fresh=True)
        driver = LessonDriver(window)
        driver.finished.connect(lambda _: QTimer.singleShot(400, lambda: done(None)))
        driver.failed.connect(done)
        driver.run(0, target - 1)

    if wiring.lessons.loaded is not None:
        loaded()
    else:
        wiring.lessons.tutorials_loaded.connect(_once(wiring.lessons.tutorials_loaded, loaded))


def _once(signal, slot):
    def call(*args):
        signal.disconnect(call)
        slot(*args)

    return call
