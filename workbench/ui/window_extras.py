"""What part 2 of the window adds to the main window, hooked in from one place: the
Environments menu (manager, credentials), the sandbox in the status bar, the command
palette, the shortcut sheet, preferences, the welcome page. The main window calls
`install(window)` once; everything here talks to the same controller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

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
