"""The main window: sidebar (Library, Collections, History), request tabs in the centre,
the environment switcher at the top right. It lays out panes and wires their intents to the
controller; it owns no data."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QMainWindow, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)

from workbench.ui import theme
from workbench.ui.accessible import named
from workbench.ui.panes.collections_pane import CollectionsPane
from workbench.ui.panes.environment_bar import EnvironmentBar
from workbench.ui.panes.history_pane import HistoryPane
from workbench.ui.panes.library_pane import LibraryPane
from workbench.ui.request_tabs import RequestTabs

# The request tab (editors, response, inspect) is imported when the first tab opens, or
# ahead of that in a worker: the window's first paint does not wait for it.
REQUEST_TAB_MODULE = "workbench.ui.panes.request_tab"
# What the first send imports (rendering, validation, signing, the destination check, the
# diagnosis): imported while the window waits for its first click, not after it.
FIRST_SEND_MODULES = ("workbench.core.request.render", "workbench.core.request.validation",
                      "workbench.core.send.plan", "workbench.core.send.signing",
                      "workbench.core.environments.destination", "workbench.core.diagnose")


class _FirstPaint(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, watched.start)
        return False


class MainWindow(QMainWindow, RequestTabs):
    ready = Signal()  # library loaded and saved tabs restored

    def __init__(self, controller, settings: QSettings, persist: bool = True, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.persist = persist  # False: a screenshot run leaves the user's session and layout alone
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle("Pinpoint Workbench")
        # An explicit minimum: the layout then never resizes the top-level's limits as panes
        # come and go (which the offscreen platform reports as a warning on every change).
        self.setMinimumSize(720, 480)
        self._pending_session = None
        self._closed: list = []  # (draft, dirty, saved_path) of closed tabs, for Ctrl+Shift+T
        self._library_ready = False
        self.is_ready = False  # ready has been emitted
        self.ready.connect(self._now_ready)  # first: before the extras' slots
        self._environments_ready = False
        self.beside = settings.value("layout/beside", False, type=bool)

        self.env_bar = EnvironmentBar()  # top right, in the menu bar's corner

        self.library = LibraryPane()
        self.collections = CollectionsPane(controller.context.collections_dir)
        self.history = HistoryPane()
        self.sidebar = named(QTabWidget(), "sidebar", self.tr("Sidebar"))
        self.sidebar.addTab(self.library, self.tr("Library"))
        self.sidebar.addTab(self.collections, self.tr("Collections"))
        self.sidebar.addTab(self.history, self.tr("History"))
        self.tabs = named(QTabWidget(), "requestTabs", self.tr("Open requests"))
        self.tabs.setTabsClosable(True)
        theme.style_close_buttons(self.tabs.tabBar())
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter",
                              self.tr("Sidebar and requests"))
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 900])  # the library's longest names whole (GetApplicationDateRangeKpi)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.env_bar.band)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("statusBar")

        self.menus: dict = {}  # "request", "view", ... -> QMenu (found by name, never by its translated title)
        self._actions()
        self.menuBar().setCornerWidget(self.env_bar, Qt.Corner.TopRightCorner)
        self._wire()
        self._session_timer = QTimer(self, singleShot=True, interval=1500)
        self._session_timer.timeout.connect(lambda: self.controller.save_session(self.session()) if self.persist else None)
        self._restore_window_state()
        self._env_poll = QTimer(self, interval=3000)
        self._env_poll.timeout.connect(self.controller.poll_environments)
        self._env_poll.start()
        self._extras = None  # installed once the window is ready (start()), or when first asked for

    # ---- setup

    def _actions(self) -> None:
        def action(text, keys, slot, name):
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        request = self.add_menu("request", self.tr("&Request"))
        request.addAction(action(self.tr("Send"), ["Ctrl+Return", "Ctrl+Enter"], self.send_current, "sendAction"))
        self.cancel_action = action(self.tr("Cancel"), ["Esc"], self.cancel_current, "cancelAction")
        self.cancel_action.setEnabled(False)  # only while the current tab sends: Esc stays free otherwise
        request.addAction(self.cancel_action)
        request.addAction(action(self.tr("Save to collection"), ["Ctrl+S"], self.save_current, "saveAction"))
        request.addAction(action(self.tr("Close tab"), ["Ctrl+W"], lambda: self.close_tab(self.tabs.currentIndex()),
                                 "closeTabAction"))
        request.addAction(action(self.tr("Reopen closed tab"), ["Ctrl+Shift+T"], self.reopen_closed_tab, "reopenTabAction"))
        request.addAction(action(self.tr("Format body"), ["Ctrl+Shift+F"], self._format_body, "formatAction"))
        request.addAction(action(self.tr("Save the selected response value"), ["Ctrl+Shift+S"],
                                 self._save_selected_value, "saveValueAction"))
        view = self.add_menu("view", self.tr("&View"))
        view.addAction(action(self.tr("Find in response"), ["Ctrl+F"], self._find, "findAction"))
        view.addAction(action(self.tr("Focus URL"), ["Ctrl+L"], self._focus_url, "focusUrlAction"))
        view.addAction(action(self.tr("Switch environment"), ["Ctrl+E"], self._focus_env, "environmentAction"))
        view.addAction(action(self.tr("Toggle sidebar"), ["Ctrl+\\"],
                              lambda: self.sidebar.setVisible(not self.sidebar.isVisible()), "sidebarAction"))
        view.addAction(action(self.tr("Next tab"), ["Ctrl+Tab"], lambda: self._step_tab(1), "nextTabAction"))
        view.addAction(action(self.tr("Previous tab"), ["Ctrl+Shift+Tab"], lambda: self._step_tab(-1), "previousTabAction"))
        beside = action(self.tr("Response beside the request"), [], self._toggle_layout, "layoutAction")
        beside.setCheckable(True)
        beside.setChecked(self.beside)
        view.addAction(beside)
        view.addAction(action(self.tr("Search the library"), ["Ctrl+K", "Ctrl+P"], self._focus_search, "searchAction"))

    def add_menu(self, name: str, title: str, before=None):
        """A menu of the menu bar, known by `name` (its objectName is NAME + "Menu"), whatever
        language its title is in; `before`: the name of the menu it goes in front of."""
        menu = self.menuBar().addMenu(title)
        if before is not None:
            self.menuBar().insertMenu(self.menus[before].menuAction(), menu)
        menu.setObjectName(f"{name}Menu")
        self.menus[name] = menu
        return menu

    def _wire(self) -> None:
        c = self.controller
        c.library_loaded.connect(self._library_loaded)
        c.environments_loaded.connect(self._environments_loaded)
        c.environment_changed.connect(self.env_bar.show_environment)
        c.credential_status.connect(lambda name, text: self.env_bar.show_credentials(text)
                                    if name == c.current_env_name else None)
        c.session_loaded.connect(self._session_loaded)
        c.history_added.connect(self.history.add)
        c.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        c.draft_saved.connect(self._draft_saved)
        c.draft_loaded.connect(lambda path, draft: self.open_draft(draft, saved_path=path))
        c.busy_changed.connect(lambda *_: self._update_cancel())
        self.tabs.currentChanged.connect(lambda _: self._update_cancel())
        c.history_loaded.connect(self.history.model.set_rows)
        c.history_more_loaded.connect(self.history.add_older)
        self.history.more_requested.connect(c.load_more_history)
        c.history_opened.connect(self._history_opened)
        self.env_bar.selected.connect(c.select_environment)
        c.sandbox_starting.connect(self.env_bar.show_sandbox_starting)
        self.env_bar.cancel_sandbox.connect(c.cancel_sandbox_start)
        self.library.open_requested.connect(self.open_operation)
        self.collections.open_requested.connect(c.load_draft)
        self.history.reopen_requested.connect(c.open_history)
        self.sidebar.currentChanged.connect(lambda i: c.reload_history() if self.sidebar.widget(i) is self.history else None)

    @property
    def extras(self):
        """Environments, sandbox, palette, preferences, welcome (window_extras): installed when
        the window starts, after its first paint, or when something asks for them first."""
        if self._extras is None:
            from workbench.ui.window_extras import install

            self._extras = install(self)
        return self._extras

    def _now_ready(self) -> None:
        self.is_ready = True

    def _install_extras(self) -> None:
        self.extras  # noqa: B018 - installs them

    def start(self) -> None:
        """Load the library, environments, history and saved tabs (in workers), then install
        the extras: once the window is ready (library in, tabs restored), so that the UI thread
        does not compete with the loads for the interpreter lock meanwhile (ready came ~50 ms
        later). What the extras show is read when they are installed (the sandbox's state,
        whether to welcome), not only from signals."""
        self.controller.start(warm_up=(REQUEST_TAB_MODULE, *FIRST_SEND_MODULES))
        self.ready.connect(self._install_extras)

    def start_after_first_paint(self) -> None:
        """`start()` once the window has painted: the workers' imports then do not compete
        with the first paint for the interpreter lock. (An event filter, removed at the first
        paint: an `event()` override would route every later event of the window, each
        repaint included, through Python.)"""
        self._first_paint = _FirstPaint(self)
        self.installEventFilter(self._first_paint)

    # ---- intents

    def send(self, tab) -> None:
        draft = tab.to_model()
        confirmed = False
        if self.controller.needs_confirmation(draft):
            if not self.confirm_production(draft):
                tab.response.show_state(self.tr("Not sent: not confirmed for production"), "status4")
                return
            confirmed = True
        self.controller.send(tab.tab_id, draft, confirmed=confirmed, saved_path=tab.saved_path)

    def apply_remedy(self, tab, code: str) -> None:
        """A remedy button from a tab's error banner (set_variable is handled in the tab)."""
        from workbench.ui.dialogs import confirm

        kind, _, arg = code.partition(":")
        if kind == "allow_any_host":
            question = self.tr("Sign with the credentials of {environment} and send to this host anyway?").format(
                environment=self.controller.current_env_name)
            if confirm(self, "anyHostConfirmation", self.tr("Send to this host?"),
                       f"{tab.editor.banner.text()}\n\n{question}", self.tr("Send anyway")):
                self.controller.send(tab.tab_id, tab.to_model(), allow_any_host=True, saved_path=tab.saved_path)
        elif kind == "start_sandbox":
            self.controller.select_environment("sandbox")
        elif kind == "use_profile":  # no usable keyring: the credentials dialog says the choices
            self.extras.open_credentials(self.controller.current_env_name)
        elif kind == "store_credentials":
            self.extras.open_credentials(arg)
        elif kind == "raise_limit":  # an answer passed the decoded-size limit: Preferences, at that field
            self.extras.open_preferences().focus_answer_limit()

    def confirm_production(self, draft) -> bool:
        from workbench.ui.dialogs import confirm

        env = self.controller.current_env
        operation = draft.operation.split(":")[-1]
        return confirm(self, "productionConfirmation", self.tr("Production environment"),
                       self.tr("{environment} is a PRODUCTION environment ({region}).\n\n{operation} changes or "
                               "deletes data, or reaches people. Send it?").format(
                           environment=env.name, region=env.region, operation=operation),
                       self.tr("Send {operation} to {environment}").format(operation=operation, environment=env.name))

    def send_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.send(tab)

    def cancel_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.controller.cancel(tab.tab_id)

    def _update_cancel(self) -> None:
        tab = self.current_tab()
        self.cancel_action.setEnabled(tab is not None and self.controller.is_busy(tab.tab_id))

    def save_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.controller.save_draft(tab.tab_id, tab.to_model(), tab.saved_path)

    def _draft_saved(self, tab_id: str, path: str, written=None) -> None:
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if tab.tab_id == tab_id:
                if written is not None:  # its secrets went to the keyring: the tab shows what the file holds
                    tab.editor.set_model(written, tab.editor.template)
                tab.mark_saved(path)
        self.collections.watch()
        self.statusBar().showMessage(self.tr("saved to {path}").format(path=path), 8000)

    def _save_selected_value(self) -> None:
        tab = self.current_tab()
        if tab is None or not tab.response.save_selected():
            self.statusBar().showMessage(self.tr("Select a value in the response tree first"), 8000)

    def _format_body(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.editor.body.format_json()

    def _find(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.output.setCurrentIndex(0)
            tab.response.start_find()

    def _focus_url(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.editor.url.setFocus()
            tab.editor.url.selectAll()

    def _focus_env(self) -> None:
        self.env_bar.switcher.setFocus()
        self.env_bar.switcher.showPopup()

    def _focus_search(self) -> None:
        self.sidebar.show()
        self.sidebar.setCurrentWidget(self.library)
        self.library.search.setFocus()
        self.library.search.selectAll()

    def _toggle_layout(self, beside: bool) -> None:
        self.beside = beside
        self.settings.setValue("layout/beside", beside)
        for i in range(self.tabs.count()):
            self.tabs.widget(i).splitter.setOrientation(Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical)

    def save_body(self, tab) -> None:
        if tab.exchange is None or tab.exchange.response is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the response body"), "response.json")
        if path:
            self.controller.save_body(tab.exchange.response, path)

    # ---- library, session, window state

    def _library_loaded(self, entries) -> None:
        self.library.set_entries(entries)
        if not self._library_ready:
            self._library_ready = True
            self.collections.watch()
            self._restore_tabs()

    def _session_loaded(self, session) -> None:
        self._pending_session = session
        self._restore_tabs()

    def _environments_loaded(self, environments) -> None:
        self.env_bar.set_environments(environments, self.controller.current_env_name)
        if not self._environments_ready:
            self._environments_ready = True
            self._restore_tabs()

    def _restore_window_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:
        if not self.persist:
            self.controller.shutdown()
            super().closeEvent(event)
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        if self._library_ready:  # else nothing was restored yet: keep the saved session as it is
            self.controller.save_session(self.session(), wait=True)
        self.controller.shutdown()
        super().closeEvent(event)
