"""The support engineer's kit in the window (issue 19), hooked in from one place:
Tools -> Account health, Open reproduction bundle, Sandbox scenarios; Request -> Fetch all
pages; the sandbox button's menu -> Scenarios. Each view runs core in workers (ui/workers.py)
with a cancel token, over the controller's send service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from workbench.ui.translation import Translatable


class SupportTools(Translatable):
    def __init__(self, window, extras):
        self.window, self.extras, self.controller = window, extras, window.controller
        self.health = self.scenarios = None
        self.fetches: list = []
        tools = window.add_menu("tools", self.tr("&Tools"), before="help")
        tools.addAction(self._action(self.tr("Account health…"), ["Ctrl+Shift+H"], self.open_health, "healthAction"))
        tools.addAction(self._action(self.tr("Open reproduction bundle…"), [], self.open_bundle, "bundleAction"))
        self.scenarios_action = self._action(self.tr("Sandbox scenarios…"), [], self.open_scenarios, "scenariosAction")
        tools.addAction(self.scenarios_action)
        window.menus["request"].addAction(self._action(self.tr("Fetch all pages"), ["Ctrl+Shift+Return"],
                                                       self.fetch_all_pages, "fetchPagesAction"))
        sandbox_menu = extras.sandbox.button.menu()
        sandbox_menu.addSeparator()
        sandbox_menu.addAction(self._action(self.tr("Scenarios…"), [], self.open_scenarios, "sandboxScenariosAction"))

    def _action(self, text, keys, slot, name) -> QAction:
        act = QAction(text, self.window)
        act.setObjectName(name)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda *_: slot())
        self.window.addAction(act)
        return act

    def open_health(self):
        from workbench.ui.panes.health_view import HealthView

        if self.health is None:
            self.health = HealthView(self.controller, self.window)
            self.health.guide_requested.connect(self._open_guide_entry)
            self.health.operation_requested.connect(self.window.open_operation)
        self.health.set_environments(list(self.controller.environments), self.controller.current_env_name)
        self.health.show()
        self.health.activateWindow()
        return self.health

    def _open_guide_entry(self, entry_id: str) -> None:
        guide = self.extras.open_guide()
        guide.show_entry(entry_id)

    def fetch_all_pages(self):
        """The current tab's request, every page of it, in a window of its own."""
        from workbench.core.library.paginators import is_paginated
        from workbench.ui.panes.pages_view import FetchPagesView

        tab = self.window.current_tab()
        if tab is None:
            return None
        draft = tab.to_model()
        if draft.is_raw or not is_paginated(draft.operation or ""):
            what = draft.operation or self.tr("this request")
            self.window.statusBar().showMessage(self.tr("{operation} is not paginated: Fetch all pages follows "
                                                        "operations marked 'pages'").format(operation=what), 8000)
            return None
        view = FetchPagesView(self.controller, draft, self.controller.current_env_name, self.window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fetches = [v for v in self.fetches if _alive(v)] + [view]
        view.show()
        view.start()
        return view

    def open_scenarios(self):
        from workbench.ui.panes.scenarios_dialog import ScenariosDialog

        if self.scenarios is None:
            self.scenarios = ScenariosDialog(self.controller, self.window)
        self.scenarios.refresh()
        self.scenarios.show()
        self.scenarios.activateWindow()
        return self.scenarios

    def open_bundle(self, path: str | None = None):
        from PySide6.QtWidgets import QFileDialog

        from workbench.ui.panes.bundle_dialog import BundleDialog

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open a reproduction bundle"), "",
                                                  self.tr("Bundles (*.json)"))
            if not path:
                return None
        dialog = BundleDialog(self.controller, path, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(lambda draft: self.window.open_draft(draft, dirty=True))
        dialog.reproduce_ready.connect(self._reproduce)
        dialog.show()
        return dialog

    def _reproduce(self, draft) -> None:
        """The bundle's answer is loaded into the sandbox: send its request there."""
        self.controller.select_environment("sandbox")
        tab = self.window.open_draft(draft, dirty=True)
        if tab is not None:
            self.window.send(tab)


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def install(window, extras) -> SupportTools:
    return SupportTools(window, extras)
