"""The main window's request tabs (a mixin of ui.main_window.MainWindow): open an operation,
a draft or a history entry as a tab, close and reopen the last closed one, retitle, step
through them, and put back the tabs of the last session once the library, the
environments and the session file are all in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from workbench.ui.panes.request_tab import RequestTab


class RequestTabs:
    # ---- tabs

    def current_tab(self):
        return self.tabs.currentWidget()

    def open_operation(self, key: str) -> RequestTab:
        from workbench.core.request.drafts import RequestDraft

        template = self.controller.template(key)
        return self.open_draft(RequestDraft(name=template.operation, operation=template.key))

    def open_draft(self, draft, *, dirty=False, saved_path="", select=True) -> RequestTab | None:
        try:
            template = self.controller.template(draft.operation)
        except (KeyError, AttributeError):
            self.statusBar().showMessage(self.tr("{operation}: not in the library; not opened").format(
                operation=draft.operation), 8000)
            return None
        from workbench.ui.panes.request_tab import RequestTab

        tab = RequestTab(self.controller, draft, template, dirty=dirty, saved_path=saved_path)
        tab.splitter.setOrientation(Qt.Orientation.Horizontal if self.beside else Qt.Orientation.Vertical)
        tab.send_requested.connect(self.send)
        tab.remedy_requested.connect(self.apply_remedy)
        tab.dirty_changed.connect(self._retitle)
        tab.response.save_body_requested.connect(lambda: self.save_body(tab))
        index = self.tabs.addTab(tab, tab.title)
        self.tabs.setTabToolTip(index, draft.operation or "")
        if select:
            self.tabs.setCurrentIndex(index)
            tab.editor.url.setFocus()
        self._session_timer.start()
        return tab

    def _history_opened(self, entry, exchange) -> None:
        """A history entry as a new, unlinked tab (its {{variables}} kept) with its response.
        Nothing in it is edited yet: it is not marked unsaved (Ctrl+S keeps it as a new request)."""
        from workbench.ui.translation import local_time

        tab = self.open_draft(entry.draft, dirty=False)
        if tab is not None:
            tip = self.tr("{operation}, reopened from history #{id} ({when})").format(
                operation=entry.operation, id=entry.id, when=local_time(entry.time))
            self.tabs.setTabToolTip(self.tabs.indexOf(tab), tip)
            tab.show_exchange(exchange)
            if exchange.response is not None:
                self.controller.load_body(tab.tab_id, exchange.response)

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab is None:
            return
        self.controller.cancel(tab.tab_id)
        self._closed.append((tab.to_model(), tab.dirty, tab.saved_path))
        self.tabs.removeTab(index)
        tab.deleteLater()
        self._session_timer.start()

    def reopen_closed_tab(self) -> None:
        """Closing a tab loses nothing: the last closed one comes back, edits included."""
        if self._closed:
            draft, dirty, saved_path = self._closed.pop()
            self.open_draft(draft, dirty=dirty, saved_path=saved_path)

    def _retitle(self, tab) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, tab.title)
        self._session_timer.start()

    def _step_tab(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _restore_tabs(self) -> None:
        """Once the library, the environments and the saved session are all in."""
        if not (self._library_ready and self._environments_ready) or self._pending_session is None:
            return
        session, self._pending_session = self._pending_session, None
        for problem in session.problems:
            self.statusBar().showMessage(self.tr("open tabs not restored: {problem}").format(problem=problem), 10000)
        if session.environment and session.environment in self.controller.environments:
            self.controller.select_environment(session.environment)
        elif session.environment:
            self.controller.current_env_name = session.environment
        for tab in session.tabs:
            self.open_draft(tab.draft, dirty=tab.dirty, saved_path=tab.saved_path, select=False)
        if self.tabs.count():
            self.tabs.setCurrentIndex(min(session.active, self.tabs.count() - 1))
        self.ready.emit()

    def session(self):
        from workbench.core.settings.window_session import OpenTab, WindowSession

        tabs = tuple(OpenTab(self.tabs.widget(i).to_model(), self.tabs.widget(i).dirty, self.tabs.widget(i).saved_path)
                     for i in range(self.tabs.count()))
        return WindowSession(tabs, max(0, self.tabs.currentIndex()))
