"""The diagnosis in the window (issue 12): after every send, the send service's diagnoses
(core.diagnose, run with the send in its worker) show in a dock that follows the current
tab (below the request: resizable, it never squeezes the editor's width), failed recipients are flagged in the response tree, fixes are buttons that act here;
the troubleshooting guide opens from the Help menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from workbench.ui.translation import Translatable


class DiagnosisWiring(Translatable):
    def __init__(self, extras, view_menu) -> None:
        from workbench.ui.panes.diagnosis_pane import DiagnosisPane

        self.extras = extras
        self.window, self.controller = window, controller = extras.window, extras.controller
        self.guide = None
        self.diagnosis = self.pane = DiagnosisPane(language=controller.context.language)
        self.diagnoses: dict = {}  # tab id -> [Diagnosis] of its last send
        self.dock = QDockWidget(self.tr("Diagnosis"), window)
        self.dock.setObjectName("diagnosisDock")
        self.dock.setWidget(self.diagnosis)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        toggle = self.dock.toggleViewAction()
        toggle.setObjectName("diagnosisAction")
        toggle.setText(self.tr("Diagnosis"))
        view_menu.addAction(toggle)
        controller.diagnosed.connect(self._diagnosed)  # the send service's diagnoses of each send
        window.tabs.currentChanged.connect(lambda _: self._show_diagnosis())
        self.diagnosis.fix_requested.connect(self.apply_fix)

    def _diagnosed(self, tab_id: str, diagnoses) -> None:
        from workbench.core.diagnose import flagged_paths

        self.diagnoses[tab_id] = diagnoses
        tab = self._tab(tab_id)
        if tab is not None:
            tab.response.tree_model.set_flagged(flagged_paths(diagnoses))
        if diagnoses and not self.dock.isVisible():
            self._open_dock()
        self._show_diagnosis()

    def _open_dock(self) -> None:
        """Below the request, a quarter of the window high (drag it taller); the room comes out
        of the response panes, not the editor: the open tabs' editors keep their height."""
        window = self.window
        tabs = [window.tabs.widget(i) for i in range(window.tabs.count())]
        editors = {tab: tab.splitter.sizes()[0] for tab in tabs if tab.splitter.orientation() == Qt.Orientation.Vertical}
        self.dock.show()
        window.resizeDocks([self.dock], [max(160, window.height() // 4)], Qt.Orientation.Vertical)
        window.layout().activate()  # the new heights now, not at the next event
        for tab, editor in editors.items():
            tab.layout().activate()
            total = sum(tab.splitter.sizes())
            if total > editor:
                tab.splitter.setSizes([editor, total - editor])
                tab.editor.layout().activate()

    def _tab(self, tab_id: str):
        tabs = self.window.tabs
        return next((tabs.widget(i) for i in range(tabs.count()) if tabs.widget(i).tab_id == tab_id), None)

    def _show_diagnosis(self) -> None:
        tab = self.window.current_tab()
        if tab is not None:
            self.diagnosis.show_diagnoses(tab.tab_id, self.diagnoses.get(tab.tab_id, []))

    def apply_fix(self, tab_id, fix: dict) -> None:
        """A fix button of the diagnosis: do what it says, in the window."""
        import json
        from dataclasses import replace

        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        window, controller = self.window, self.controller
        tab = self._tab(tab_id)
        action = fix.get("action")
        if action == "switch_environment":
            if fix.get("environment") in controller.environments:
                controller.select_environment(fix["environment"])
            else:
                window._focus_env()
        elif action == "open_credentials":
            self.extras.open_credentials(fix.get("environment") or controller.current_env_name)
        elif action == "set_variable":
            manager = self.extras.open_manager()
            env = controller.current_env
            if env is not None:
                manager.show_environment(env)
            manager._add_variable_row(fix.get("name", ""), "")
        elif action == "resign" and tab is not None:
            draft = tab.to_model()
            auth = replace(draft.auth, **{k: fix[k] for k in ("region", "signing_name") if k in fix})
            window.open_draft(replace(draft, auth=auth), dirty=True)
        elif action == "copy_policy":
            statement = fix.get("statement")
            QApplication.clipboard().setText(statement if isinstance(statement, str) else json.dumps(statement, indent=2))
            window.statusBar().showMessage(self.tr("IAM policy statement copied"), 8000)
        elif action == "open_operation" and fix.get("operation"):
            window.open_operation(controller.library.find(fix["operation"]).key)
        elif action == "list_projects":
            names = [n for n in fix.get("environments", []) if n in controller.environments]
            if names:
                controller.select_environment(names[0])
            window.send(window.open_operation(controller.library.find("GetApps").key))
        elif action == "retry" and tab is not None:
            QTimer.singleShot(int(float(fix.get("backoff_seconds", 1)) * 1000), lambda: window.send(tab))
        elif action == "start_sandbox":
            self.extras.sandbox.start()
        else:
            window.statusBar().showMessage(self.tr("no window action for {action}").format(action=action), 8000)

    def open_guide(self):
        from workbench.ui.panes.guide_pane import GuidePane

        if self.guide is None:
            self.guide = GuidePane(self.controller, self.window)
        self.guide.show()
        self.guide.activateWindow()
        return self.guide
