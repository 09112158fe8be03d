"""What part 2 of the window adds to the main window, hooked in from one place: the
Environments menu (manager, credentials), the sandbox in the status bar, the command
palette, the shortcut sheet, preferences, the welcome page. The main window calls
`install(window)` once; everything here talks to the same controller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from workbench.ui.manage.environment_actions import EnvironmentActions
from workbench.ui.owned_work import run_for
from workbench.ui.translation import Translatable


class WindowExtras(Translatable):
    def __init__(self, window):
        self.window = window
        self.controller = window.controller
        self.actions = EnvironmentActions(self.controller, window)
        self.manager = None
        self._saved_requests = []
        self.actions.changed.connect(lambda text: window.statusBar().showMessage(text, 8000))
        menu = window.add_menu("environments", self.tr("&Environments"))
        menu.addAction(self._action(self.tr("Manage environments…"), ["Ctrl+Shift+E"], self.open_manager,
                                    "manageEnvironmentsAction"))
        menu.addAction(self._action(self.tr("Credentials of this environment…"), [], self.open_current_credentials,
                                    "credentialsAction"))
        self._sandbox(menu)
        self.welcome = None
        self.welcome_checked = False  # the first-run check has run (whether or not it showed the page)
        if window.is_ready:  # installed once the window was ready (start())
            self._maybe_welcome()
        else:
            window.ready.connect(self._maybe_welcome)
        self.palette = None
        # Ctrl+K / Ctrl+P open the palette; the library's own search keeps Ctrl+Shift+K
        library_search = window.findChild(QAction, "searchAction")
        if library_search is not None:
            library_search.setShortcuts([QKeySequence("Ctrl+Shift+K")])
        view = window.menus["view"]
        view.addAction(self._action(self.tr("Command palette…"), ["Ctrl+K", "Ctrl+P"], self.open_palette, "paletteAction"))
        request = window.menus["request"]
        request.addAction(self._action(self.tr("Compare in two environments…"), ["Ctrl+Shift+D"], self.open_compare,
                                       "compareAction"))
        self.compare = None
        help_menu = window.add_menu("help", self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Keyboard shortcuts"), ["F1"], self.open_shortcuts, "shortcutsAction"))
        help_menu.addAction(self._action(self.tr("Welcome and tour"), [], self.show_welcome, "welcomeAction"))
        help_menu.addAction(self._action(self.tr("Tutorials"), ["Ctrl+Shift+L"], lambda: self.tutorials.show_list(),
                                         "tutorialsAction"))
        help_menu.addAction(self._action(self.tr("Troubleshooting guide"), ["Shift+F1"], lambda: self.open_guide(),
                                         "guideAction"))
        from workbench.ui.diagnosis_wiring import DiagnosisWiring

        self.diagnosis_wiring = DiagnosisWiring(self, view)
        self.diagnosis = self.diagnosis_wiring.pane
        self.diagnosis_dock = self.diagnosis_wiring.dock
        self.open_guide = self.diagnosis_wiring.open_guide
        from workbench.ui.panes.tutorial_wiring import TutorialWiring

        self.tutorials = TutorialWiring(self)
        view.addSeparator()
        view.addAction(self._action(self.tr("Preferences…"), ["Ctrl+,"], self.open_preferences, "preferencesAction"))
        self.preferences = None
        self._load_preferences()
        from workbench.ui.support_tools import install as install_support_tools

        self.support = install_support_tools(window, self)  # Tools: health, bundles, scenarios; fetch all pages

    # ---- the sandbox: status bar button, event log dock

    def _sandbox(self, menu) -> None:
        from workbench.ui.panes.sandbox_panel import SandboxPanel

        window = self.window
        self.sandbox = SandboxPanel(self.controller)
        window.statusBar().addPermanentWidget(self.sandbox.button)
        self.sandbox_dock = QDockWidget(self.tr("Sandbox events"), window)
        self.sandbox_dock.setObjectName("sandboxDock")
        self.sandbox_dock.setWidget(self.sandbox)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.sandbox_dock)
        self.sandbox_dock.hide()
        toggle = self.sandbox_dock.toggleViewAction()
        toggle.setObjectName("sandboxEventsAction")
        toggle.setText(self.tr("Sandbox event log"))
        toggle.toggled.connect(lambda on: self.sandbox.refresh_events() if on else None)
        menu.addSeparator()
        menu.addAction(toggle)
        self.controller.credential_status.connect(lambda name, _: self.sandbox.refresh() if name == "sandbox" else None)
        self.controller.sandbox_starting.connect(self.sandbox.show_starting)

    # ---- first run

    def _maybe_welcome(self) -> None:
        def own_environments():
            names = self.controller.using("environments", lambda store: store.names())
            return [name for name in names if name != "sandbox"]

        def decided(names) -> None:
            self.welcome_checked = True
            if not names and not self.window.tabs.count():
                self.show_welcome()

        run_for(self.window, self.controller, own_environments, decided)

    def show_welcome(self):
        from workbench.ui.panes.welcome_page import WelcomePage

        if self.welcome is None:
            self.welcome = WelcomePage()
            self.welcome.try_sandbox.connect(self.try_sandbox)
            self.welcome.add_environment.connect(self._add_environment)
            self.window.tabs.currentChanged.connect(lambda _: self.welcome.dismiss() if self.window.tabs.count() else None)
            self.tutorials.connect_welcome(self.welcome)
        self.welcome.cover(self.window.tabs)
        return self.welcome

    def try_sandbox(self):
        """The sandbox environment, GetApps in a tab, sent: the answer shows in the tab."""
        self.controller.select_environment("sandbox")
        tab = self.window.open_operation(self.controller.library.find("GetApps").key)
        self.window.send(tab)
        return tab

    def _add_environment(self) -> None:
        self.open_manager().new_environment()

    def _action(self, text, keys, slot, name) -> QAction:
        act = QAction(text, self.window)
        act.setObjectName(name)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(slot)
        self.window.addAction(act)
        return act

    def open_manager(self):
        from workbench.ui.manage.environment_manager import EnvironmentManager

        if self.manager is None:
            self.manager = EnvironmentManager(self.controller, self.actions, self.window)
            self.manager.credentials_requested.connect(self.open_credentials)
        self.manager.show()
        self.manager.activateWindow()
        return self.manager

    def open_credentials(self, name: str):
        from workbench.ui.manage.credentials_dialog import CredentialsDialog

        env = self.controller.environments.get(name)
        if env is None:
            return None
        dialog = CredentialsDialog(self.actions, env, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_current_credentials(self):
        return self.open_credentials(self.controller.current_env_name)


    # ---- preferences

    def _load_preferences(self) -> None:
        from workbench.core.settings.preferences import load_preferences, send_options

        def work():  # the transport options too: importing the transport here, not on the UI thread
            loaded = load_preferences(self.controller.context.config_dir)
            return loaded, send_options(loaded.preferences, self.controller.context.environ)

        run_for(self.window, self.controller, work, self._preferences_loaded)

    def _preferences_loaded(self, result) -> None:
        loaded, options = result
        for problem in loaded.problems:
            self.controller.notice.emit(self.tr("preferences: {problem}").format(problem=problem))
        self.apply_preferences(loaded.preferences, layout=False, options=options)  # the window keeps its layout

    def apply_preferences(self, prefs, layout: bool = True, options=None) -> None:
        """The look now; the transport options (`options`, worked out in a worker) when given."""
        from PySide6.QtWidgets import QApplication

        from workbench.ui import theme

        self.preferences = prefs
        if options is not None:
            self.controller.send_options = options
        if layout:  # chosen in the dialog now (at start, app.py applied it before the first paint)
            theme.apply(QApplication.instance(), prefs.theme)
        theme.set_font_size(QApplication.instance(), prefs.font_size)
        beside = prefs.layout == "beside"
        if layout and beside != self.window.beside:
            self.window.findChild(QAction, "layoutAction").setChecked(beside)
            self.window._toggle_layout(beside)

    def open_preferences(self):
        from dataclasses import replace

        from workbench.core.settings.preferences import Preferences
        from workbench.ui.manage.preferences_dialog import PreferencesDialog

        current = replace(self.preferences or Preferences(), layout="beside" if self.window.beside else "below")
        dialog = PreferencesDialog(current, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(self.save_preferences)
        dialog.show()
        return dialog

    def save_preferences(self, prefs) -> None:
        from workbench.core.settings.preferences import save_preferences, send_options

        self.apply_preferences(prefs)

        def work():
            return save_preferences(self.controller.context.config_dir, prefs), send_options(prefs, self.controller.context.environ)

        def saved(result) -> None:
            path, self.controller.send_options = result
            self.controller.notice.emit(self.tr("preferences saved to {path}").format(path=path))

        run_for(self.window, self.controller, work, saved)

    # ---- compare

    def open_compare(self):
        from workbench.ui.panes.compare_pane import ComparePane

        if self.compare is None:
            self.compare = ComparePane(self.controller, self.window)
            self.compare.remedy_requested.connect(self._compare_remedy)
        tab = self.window.current_tab()
        if tab is not None:
            self.compare.set_request(tab.to_model())
        self.compare.show()
        self.compare.activateWindow()
        return self.compare

    def _compare_remedy(self, env_name: str, code: str) -> None:
        """A fix button of the compare pane: set the missing variable in that environment,
        store its credentials, start the sandbox."""
        kind, _, arg = code.partition(":")
        env = self.controller.environments.get(env_name)
        if kind == "set_variable" and env is not None:
            manager = self.open_manager()
            manager.show_environment(env)
            manager._add_variable_row(arg, "")
        elif kind in ("store_credentials", "use_profile"):
            self.open_credentials(arg or env_name)
        elif kind == "start_sandbox":
            self.sandbox.start()

    # ---- keyboard

    def palette_items(self) -> list:
        from workbench.ui.models.history_model import ENTRY_ROLE
        from workbench.ui.panes.command_palette import PaletteItem

        window, controller = self.window, self.controller
        from workbench.ui.translation import local_time

        production = self.tr(" · production")
        items = [PaletteItem("operation", e.operation, f"{e.method} {e.path}  ({e.api})",
                             lambda key=e.key: window.open_operation(key)) for e in controller.entries]
        items += [PaletteItem("environment", env.name, f"{env.region}{production if env.production else ''}",
                              lambda name=env.name: controller.select_environment(name))
                  for env in controller.environments.values()]
        items += [PaletteItem("request", r.name, f"{r.draft.method} {r.draft.url}  {r.path.parent.name}",
                              lambda path=str(r.path): controller.load_draft(path)) for r in self._saved_requests]
        model = window.history.model
        for row in range(model.rowCount()):
            entry = model.index(row, 0).data(ENTRY_ROLE)
            items.append(PaletteItem("history", f"#{entry.id} {entry.operation.split(':')[-1]}",
                                     f"{entry.method} {entry.url}  {entry.environment} {local_time(entry.time)}",
                                     lambda entry=entry: controller.open_history(entry)))
        for menu in (a.menu() for a in window.menuBar().actions() if a.menu() is not None):
            for action in menu.actions():
                if action.text() and action.objectName() != "paletteAction":
                    keys = ", ".join(k.toString() for k in action.shortcuts())
                    items.append(PaletteItem("action", action.text().replace("&", ""), keys, action.trigger))
        return items

    def open_palette(self):
        from workbench.ui.panes.command_palette import CommandPalette

        if self.palette is None:
            self.palette = CommandPalette(self.window)
        self.palette.set_items(self.palette_items())
        self.palette.open()
        run_for(self.window, self.controller, self._load_saved_requests, self._saved_requests_loaded, lambda _: None)
        return self.palette

    def _load_saved_requests(self):
        from workbench.core.request.collections import load_collection

        root = self.controller.context.collections_dir
        return load_collection(root).requests() if root.is_dir() else []

    def _saved_requests_loaded(self, requests) -> None:
        self._saved_requests = requests
        if self.palette is not None and self.palette.isVisible():
            self.palette.set_items(self.palette_items())

    def open_shortcuts(self):
        from workbench.ui.panes.shortcut_sheet import ShortcutSheet

        sheet = ShortcutSheet(self.window.menuBar(), self.window)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        return sheet


def install(window) -> WindowExtras:
    return WindowExtras(window)
