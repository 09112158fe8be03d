"""The window's side of a lesson: which lesson and step the learner is on, the request tab the
lesson fills, and its last exchange there. Core does the work (core.tutorials: loading,
checking, progress) in the controller's workers; answers come back as signals.

    load()            the lessons and the learner's progress
    start(id)         a lesson, at the step the learner had reached; the sandbox environment chosen
    open_request()    the step's request (and the lesson's values) in the lesson's tab, not sent
    check()           the step's checks on the last exchange of that tab since it was opened
    go(index)         Back / Next; reset(id) forgets a lesson's progress
"""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from workbench.core.common.errors import WorkbenchError
from workbench.ui.owned_work import run_for

SANDBOX = "sandbox"


class TutorialController(QObject):
    tutorials_loaded = Signal(object)  # [(Tutorial, progress summary)]
    problems_found = Signal(object)  # [Problem] of the tutorial files
    step_shown = Signal(object, int)  # Tutorial, index of the step shown
    request_opened = Signal(str)  # the lesson tab's id: the request is in it, the event log marked
    checked = Signal(object)  # core.tutorials.StepOutcome
    lesson_done = Signal(object)  # Tutorial
    refused = Signal(str)  # why the step's request was not opened (a sandbox-only lesson elsewhere...)

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window, self.controller = window, window.controller
        self.loaded = None  # core.tutorials.LoadedTutorials
        self.tutorial = None
        self.progress = None  # core.tutorials.LessonProgress of the lesson shown
        self.index = 0
        self.tab = None  # the lesson's RequestTab
        self.exchange = None  # its last exchange since the step's request was opened
        self.diagnoses = None  # the send service's diagnoses (ids) of that exchange, once they came
        self.events = None  # core.send.checks.EventWindow of the lesson's sandbox
        self.mark = 0  # the event log's last record when the request was opened
        self.environment = None  # the environment the request was opened for
        self._store = None
        self._lock = threading.Lock()
        self.guide_titles: dict = {}  # troubleshooting entry id -> its title, for links
        self.controller.exchange_received.connect(self._exchange)
        self.controller.diagnosed.connect(self._diagnosed)

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        run_for(self, self.controller, self._load, self._loaded, lambda error: self.refused.emit(str(error)))

    def _load(self):
        from workbench.core.tutorials import ProgressStore, load_tutorials

        from workbench.core.diagnose.catalogue import entries

        language = self.controller.context.language  # the window's: the lessons and titles in it where translated
        titles = {entry.id: entry.to_dict()["title"] for entry in entries(language)}  # in the guide's general words
        loaded = load_tutorials(language=language, library=self.controller.library, guide_ids=set(titles))
        with self._lock:
            self._store = ProgressStore.in_config_dir(self.controller.context.config_dir)
            return loaded, titles, self._store.problem

    def _loaded(self, result) -> None:
        loaded, self.guide_titles, problem = result
        self.loaded = loaded
        if problem:
            self.controller.notice.emit(self.tr("tutorial progress: {problem}").format(problem=problem))
        if loaded.problems:
            self.problems_found.emit(list(loaded.problems))
        self.tutorials_loaded.emit(self.rows())

    def rows(self) -> list:
        if self.loaded is None or self._store is None:
            return []
        with self._lock:
            return [(t, self._store.get(t).summary(t)) for t in self.loaded.tutorials]

    # ------------------------------------------------------------------ a lesson

    def start(self, tutorial_id: str, fresh: bool = False) -> None:
        """`fresh`: from the first step with new values, whatever was kept."""
        from workbench.core.tutorials import LessonProgress, lesson_variables

        tutorial = self.loaded.get(tutorial_id)
        with self._lock:
            progress = LessonProgress(revision=tutorial.revision) if fresh else self._store.get(tutorial)
        if "lessonRun" not in progress.variables:
            progress = replace(progress, variables={**lesson_variables(tutorial), **progress.variables})
        self.tutorial, self.progress = tutorial, progress
        if self.controller.current_env_name != SANDBOX and SANDBOX in self.controller.environments:
            self.controller.select_environment(SANDBOX)  # lessons run in the sandbox unless the learner says otherwise
        self.index = progress.position(tutorial)
        self._show()

    def go(self, index: int) -> None:
        """Back or Next (any step may be visited; only checks mark a sending step as passed)."""
        if self.tutorial is not None:
            self.index = max(0, min(index, len(self.tutorial.steps) - 1))
            self._show()

    def _show(self) -> None:
        step = self.step
        self.exchange = self.diagnoses = None
        self._forget_signing()
        passed = self.progress.passed
        if not step.sends and step.id not in passed:  # a step to read is done once shown
            passed += (step.id,)
        self.progress = replace(self.progress, step=step.id, passed=passed)
        self._save()
        self.step_shown.emit(self.tutorial, self.index)
        if not step.sends and len(passed) == len(self.tutorial.steps):
            self.lesson_done.emit(self.tutorial)

    @property
    def step(self):
        return self.tutorial.steps[self.index]

    def reset(self, tutorial_id: str | None = None) -> None:
        def work():
            with self._lock:
                self._store.reset(tutorial_id)

        if self.tutorial is not None and tutorial_id in (None, self.tutorial.id):
            self.tutorial, self.progress = None, None
        run_for(self, self.controller, work, lambda _: self.tutorials_loaded.emit(self.rows()))

    def _save(self) -> None:
        if not self.window.persist:  # a screenshot run leaves the learner's progress alone
            return
        tutorial_id, progress = self.tutorial.id, replace(self.progress, environment=self.controller.current_env_name)

        def work():
            with self._lock:
                self._store.save(tutorial_id, progress)

        run_for(self, self.controller, work, lambda _: self.tutorials_loaded.emit(self.rows()))

    # ------------------------------------------------------------------ the step's request

    def would_change(self) -> list:
        """What the lesson creates, changes, sends or deletes: asked about before AWS."""
        return self.tutorial.would_change() if self.tutorial else []

    def open_request(self) -> None:
        """The step's request in the lesson's tab (a new one if it was closed), nothing sent.
        The window asks before this when the environment is not the sandbox."""
        from workbench.core.tutorials import LessonNeedsSandbox, step_signing

        step, env = self.step, self.controller.current_env
        if step.request is None or env is None:
            return
        try:
            signing = step_signing(self.tutorial, step, env)
        except LessonNeedsSandbox as exc:
            self.refused.emit(str(exc))
            return
        draft = step.draft(self.progress.variables)
        tab = self.tab if self._tab_alive() else None
        if tab is None:
            tab = self.tab = self.window.open_draft(draft)
        else:
            tab.editor.set_model(draft, self.controller.template(draft.operation))
            tab.dirty_changed.emit(tab)
            self.window.tabs.setCurrentWidget(tab)
        if tab is None:
            return
        self.exchange = self.diagnoses = None
        self.environment = env
        self.controller.signing_overrides.pop(tab.tab_id, None)
        if not signing.plain:
            self.controller.signing_overrides[tab.tab_id] = signing
        tab_id = tab.tab_id

        def mark():
            from workbench.core.send.checks import EventWindow

            events = EventWindow.for_environment(env)
            return events, events.mark()

        def marked(result) -> None:
            self.events, self.mark = result
            self.request_opened.emit(tab_id)

        run_for(self, self.controller, mark, marked, lambda error: self.request_opened.emit(tab_id))

    def _tab_alive(self) -> bool:
        import shiboken6

        return self.tab is not None and shiboken6.isValid(self.tab) and self.window.tabs.indexOf(self.tab) >= 0

    def _forget_signing(self) -> None:
        if self.tab is not None:
            self.controller.signing_overrides.pop(self.tab.tab_id, None)

    def _exchange(self, tab_id: str, exchange) -> None:
        if self._tab_alive() and tab_id == self.tab.tab_id:
            self.exchange, self.diagnoses = exchange, None

    def _diagnosed(self, tab_id: str, diagnoses) -> None:
        if self._tab_alive() and tab_id == self.tab.tab_id and self.exchange is not None:
            self.diagnoses = tuple(d.id for d in diagnoses)

    # ------------------------------------------------------------------ checking

    def check(self) -> None:
        from workbench.core.tutorials import evaluate_step

        if self.tutorial is None:
            return
        step, exchange, variables = self.step, self.exchange, dict(self.progress.variables)
        diagnoses = self.diagnoses  # None: the engine works them out
        events, mark = self.events, self.mark
        tutorial_id = self.tutorial.id

        def work():
            records = events.since(mark) if events is not None and exchange is not None else ()
            return evaluate_step(step, exchange, variables, diagnoses=diagnoses, events=records)

        def done(outcome) -> None:
            if self.tutorial is None or self.tutorial.id != tutorial_id or self.step.id != step.id:
                return  # the learner moved on meanwhile
            if outcome.passed:
                passed = self.progress.passed + (() if step.id in self.progress.passed else (step.id,))
                self.progress = replace(self.progress, passed=passed,
                                        variables={**self.progress.variables, **outcome.carried})
                self._save()
            self.checked.emit(outcome)
            if outcome.passed and len(self.progress.passed) == len(self.tutorial.steps):
                self.lesson_done.emit(self.tutorial)

        def failed(error) -> None:
            self.refused.emit(str(error) if isinstance(error, WorkbenchError)
                              else self.tr("the check could not run: {error}").format(error=error))

        run_for(self, self.controller, work, done, failed)
