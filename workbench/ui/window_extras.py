"""What part 2 of the window adds to the main window, hooked in from one place: the
Environments menu (manager, credentials), the sandbox in the status bar, the command
palette, the shortcut sheet, preferences, the welcome page. The main window calls
`install(window)` once; everything here talks to the same controller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from workbench.ui.manage.environment_actions import EnvironmentActions


class WindowExtras:
    def __init__(self, window):
        self.window = window
        self.controller = window.controller
        self.actions = EnvironmentActions(self.controller, window)
        self.manager = None
        self.actions.changed.connect(lambda text: window.statusBar().showMessage(text, 8000))
        menu = window.menuBar().addMenu("&Environments")
        menu.addAction(self._action("Manage environments…", ["Ctrl+Shift+E"], self.open_manager, "manageEnvironmentsAction"))
        menu.addAction(self._action("Credentials of this environment…", [], self.open_current_credentials,
                                    "credentialsAction"))
        self._sandbox(menu)
        self.welcome = None
        window.ready.connect(self._maybe_welcome)

    # ---- the sandbox: status bar button, event log dock

    def _sandbox(self, menu) -> None:
        from workbench.ui.panes.sandbox_panel import SandboxPanel

        window = self.window
        self.sandbox = SandboxPanel(self.controller)
        window.statusBar().addPermanentWidget(self.sandbox.button)
        self.sandbox_dock = QDockWidget("Sandbox events", window)
        self.sandbox_dock.setObjectName("sandboxDock")
        self.sandbox_dock.setWidget(self.sandbox)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.sandbox_dock)
        self.sandbox_dock.hide()
        toggle = self.sandbox_dock.toggleViewAction()
        toggle.setObjectName("sandboxEventsAction")
        toggle.setText("Sandbox event log")
        toggle.toggled.connect(lambda on: self.sandbox.refresh_events() if on else None)
        menu.addSeparator()
        menu.addAction(toggle)
        self.controller.credential_status.connect(lambda name, _: self.sandbox.refresh() if name == "sandbox" else None)

    # ---- first run

    def _maybe_welcome(self) -> None:
        def own_environments():
            return [name for name in self.controller._store("environments").names() if name != "sandbox"]

        self.controller._run(own_environments, lambda names: self.show_welcome() if not names
                             and not self.window.tabs.count() else None)

    def show_welcome(self):
        from workbench.ui.panes.welcome_page import WelcomePage

        if self.welcome is None:
            self.welcome = WelcomePage()
            self.welcome.try_sandbox.connect(self.try_sandbox)
            self.welcome.add_environment.connect(self._add_environment)
            self.window.tabs.currentChanged.connect(lambda _: self.welcome.dismiss() if self.window.tabs.count() else None)
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


def install(window) -> WindowExtras:
    return WindowExtras(window)
