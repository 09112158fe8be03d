"""The Tutorials dock, hooked into the window from one place (window_extras calls
`TutorialWiring(extras)`): the list of lessons and the lesson panel in one dock beside the
request tabs, Help → Tutorials, the welcome page's door to them, and what a lesson needs
from the window (asking before AWS, following links)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl
from PySide6.QtWidgets import QDockWidget, QStackedWidget

from workbench.ui.panes.tutorial_controller import SANDBOX, TutorialController
from workbench.ui.panes.tutorial_list import TutorialListPage
from workbench.ui.panes.tutorial_panel import TutorialPanel
from workbench.ui.translation import Translatable

WORDS = {"write": QT_TRANSLATE_NOOP("TutorialWiring", "create"),
         "send": QT_TRANSLATE_NOOP("TutorialWiring", "send or pay for"),
         "destructive": QT_TRANSLATE_NOOP("TutorialWiring", "overwrite or delete")}


class TutorialWiring(Translatable):
    def __init__(self, extras) -> None:
        self.extras = extras
        self.window, self.controller = window, controller = extras.window, extras.controller
        self.lessons = TutorialController(window)
        self.list_page = TutorialListPage()
        self.panel = TutorialPanel()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.panel)
        self.dock = QDockWidget(self.tr("Tutorials"), window)
        self.dock.setObjectName("tutorialsDock")
        self.dock.setWidget(self.pages)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._confirmed: set = set()  # (tutorial id, environment) the learner agreed to run against AWS
        self._loading = False

        lessons, panel = self.lessons, self.panel
        lessons.tutorials_loaded.connect(self.list_page.set_rows)
        lessons.problems_found.connect(self.list_page.show_problems)
        lessons.step_shown.connect(self._step_shown)
        lessons.checked.connect(panel.show_outcome)
        lessons.checked.connect(lambda outcome: panel.next_button.setFocus() if outcome.passed else None)
        lessons.refused.connect(lambda text: panel.show_message(text, "#c62828"))
        lessons.lesson_done.connect(self._done)
        self.list_page.start_requested.connect(self.start)
        self.list_page.reset_requested.connect(lessons.reset)
        panel.open_requested.connect(self.open_request)
        panel.check_requested.connect(self._check)
        panel.next_requested.connect(lambda: lessons.go(lessons.index + 1))
        panel.back_requested.connect(lambda: lessons.go(lessons.index - 1))
        panel.all_requested.connect(self.show_list)
        panel.link_activated.connect(self.follow)
        controller.environment_changed.connect(lambda env: panel.show_environment(env.name, env.is_sandbox))
        extras.diagnosis_dock.visibilityChanged.connect(lambda shown: self._share_side() if shown else None)
        self.dock.visibilityChanged.connect(lambda shown: self._share_side() if shown else None)

    # ------------------------------------------------------------------ the welcome page

    def connect_welcome(self, page) -> None:
        """The welcome page as the door to the lessons, recent work and environments."""
        window, controller = self.window, self.controller
        page.start_tutorial.connect(self.start)
        page.show_tutorials.connect(self.show_list)
        page.reopen.connect(controller.open_history)
        page.show_history.connect(lambda: (window.sidebar.show(), window.sidebar.setCurrentWidget(window.history)))
        page.choose_environment.connect(controller.select_environment)
        page.manage_environments.connect(self.extras.open_manager)
        self.lessons.tutorials_loaded.connect(page.set_tutorials)
        controller.history_loaded.connect(page.set_recent)
        controller.environments_loaded.connect(page.set_environments)
        page.set_tutorials(self.lessons.rows())
        page.set_environments(list(controller.environments.values()))
        model = window.history.model
        from workbench.ui.models.history_model import ENTRY_ROLE

        page.set_recent([model.index(row, 0).data(ENTRY_ROLE) for row in range(model.rowCount())])
        self.ensure_loaded()

    # ------------------------------------------------------------------ showing

    def ensure_loaded(self) -> None:
        if self.lessons.loaded is None and not self._loading and self.controller.library is not None:
            self._loading = True
            self.lessons.load()

    def show_list(self):
        """Help → Tutorials: the dock, on the list of lessons."""
        self.ensure_loaded()
        if self.lessons.loaded is None and self.controller.library is None:
            self.controller.library_loaded.connect(lambda _: self.ensure_loaded())
        self.pages.setCurrentWidget(self.list_page)
        self.dock.show()
        self.dock.raise_()
        self.list_page.list.setFocus()
        return self.list_page

    def start(self, tutorial_id: str, fresh: bool = False):
        """The lesson, at the step the learner had reached (`fresh`: from the start), in the panel."""
        if self.lessons.loaded is None:  # from the welcome page before the list loaded
            def once(_rows) -> None:
                self.lessons.tutorials_loaded.disconnect(once)
                self.start(tutorial_id, fresh)

            self.lessons.tutorials_loaded.connect(once)
            self.show_list()
            return self.panel
        self.lessons.start(tutorial_id, fresh)
        env = self.controller.current_env
        if env is not None:
            self.panel.show_environment(env.name, env.is_sandbox)
        self.pages.setCurrentWidget(self.panel)
        self.dock.show()
        self.dock.raise_()
        return self.panel

    def _step_shown(self, tutorial, index: int) -> None:
        step = tutorial.steps[index]
        self.panel.guide_titles = self.lessons.guide_titles
        self.panel.show_step(tutorial, index, step.id in self.lessons.progress.passed and step.sends)

    def _done(self, tutorial) -> None:
        self.panel.show_message(self.tr("You finished the lesson “{title}”. All tutorials lists what else there is to "
                                              "learn.").format(title=tutorial.title), "#2e7d32")

    def _share_side(self) -> None:
        """The diagnosis and the lesson on the same side: the lesson keeps the larger part."""
        diagnosis = self.extras.diagnosis_dock
        area = self.window.dockWidgetArea
        if diagnosis.isVisible() and self.dock.isVisible() and not diagnosis.isFloating() and not self.dock.isFloating() \
                and area(diagnosis) == area(self.dock):
            height = max(self.dock.height() + diagnosis.height(), 400)
            self.window.resizeDocks([diagnosis, self.dock], [height * 2 // 5, height * 3 // 5], Qt.Orientation.Vertical)

    # ------------------------------------------------------------------ the learner's intents

    def open_request(self) -> None:
        """Fill the lesson's tab with the step's request; against AWS, only after asking."""
        env = self.controller.current_env
        tutorial = self.lessons.tutorial
        if env is None or tutorial is None:
            return
        if not env.is_sandbox and not self._agreed(tutorial, env):
            return
        self.lessons.open_request()

    def _agreed(self, tutorial, env) -> bool:
        from workbench.ui.dialogs import confirm

        if tutorial.sandbox_only:
            if confirm(self.window, "tutorialSandboxOnly", self.tr("This lesson runs in the sandbox only"),
                       self.tr("“{title}” signs requests wrongly on purpose, with the sandbox's own identity; AWS would only "
                          "refuse them. Switch to the local sandbox environment?").format(title=tutorial.title),
                       self.tr("Use the sandbox"), self.tr("Cancel")):
                self.controller.select_environment(SANDBOX)
                self.lessons.open_request()
            return False
        if (tutorial.id, env.name) in self._confirmed:
            return True
        grouped: dict = {}
        for operation, kind in tutorial.would_change():
            names = grouped.setdefault(kind, [])
            if operation.rpartition(":")[2] not in names:
                names.append(operation.rpartition(":")[2])
        changes = "\n".join(f"• {self.tr(WORDS[kind])}: {', '.join(names)}" for kind, names in grouped.items())
        text = self.tr("{environment} is an AWS environment ({region}), not the local sandbox. Run against it, this lesson's "
                  "requests would:\n{changes}\nThey create real resources and may cost money.").format(
            environment=env.name, region=env.region, changes=changes or self.tr("• only read"))
        if confirm(self.window, "tutorialAwsConfirmation", self.tr("Run this lesson against AWS?"), text,
                   self.tr("Run it in {environment}").format(environment=env.name), self.tr("Cancel")):
            self._confirmed.add((tutorial.id, env.name))
            return True
        return False

    def _show_entry(self, guide, entry_id: str, tries: int) -> None:
        """The guide loads its entries in a worker: select the entry once they are in."""
        if guide.list.count() or tries <= 0:
            guide.show_entry(entry_id)
        else:
            QTimer.singleShot(100, lambda: self._show_entry(guide, entry_id, tries - 1))

    def _check(self) -> None:
        self.panel.show_message(self.tr("Checking…"))
        self.lessons.check()

    def follow(self, kind: str, target: str) -> None:
        """A link of the step's text: an operation's docs in the library, a troubleshooting
        entry, or a page of AWS's documentation in the browser."""
        if kind == "operation":
            window = self.window
            window.sidebar.show()
            window.sidebar.setCurrentWidget(window.library)
            window.library.search.clear()
            window.library.select(target)
        elif kind == "guide":
            self._show_entry(self.extras.open_guide(), target, tries=50)
        elif kind == "url" and target.startswith("https://"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(target))
