"""The part-2 views `gui --screenshot FILE --dialog NAME` renders: the environment manager,
the credentials dialog, the welcome page, the compare pane (after a compare ran); and the
support tools: the account health report, a fetch of all pages, the sandbox scenarios."""

from __future__ import annotations

from PySide6.QtCore import QTimer


def open_view(window, name: str, grab) -> None:
    """Open view `name` on `window`; call grab(widget) once it shows what it should."""
    extras, controller = window.extras, window.controller
    if name == "environments":
        manager = extras.open_manager()
        names = [n for n in manager.environment_names() if n != "sandbox"]
        if names:
            manager.select_environment(names[0])
        _when(lambda: manager.regions_ready, lambda: grab(manager))
    elif name == "credentials":
        env = next((n for n, e in controller.environments.items() if not e.is_sandbox), controller.current_env_name)
        dialog = extras.open_credentials(env)
        _when(lambda: dialog.stored_known, lambda: grab(dialog))
    elif name == "welcome":
        page = extras.show_welcome()
        page.next_button.click()
        _when(lambda: bool(controller.current_env and controller.current_env.hosts)
              and extras.sandbox.shows_running
              and extras.tutorials.lessons.loaded is not None, lambda: grab(window))
    elif name == "compare":
        if window.current_tab() is None:
            window.open_operation(controller.library.find("GetApp").key)
        pane = extras.open_compare()
        local = [n for n, e in controller.environments.items() if e.is_sandbox]
        names = local if len(local) > 1 else list(controller.environments)
        if len(names) > 1:
            pane.left_env.setCurrentText(names[0])
            pane.right_env.setCurrentText(names[1])
        pane.run()
        _when(lambda: pane.comparison is not None or pane.run_button.isEnabled(), lambda: grab(pane))
    elif name in ("health", "pages", "scenarios"):
        _support_view(window, name, grab)


def _support_view(window, name: str, grab) -> None:
    support, controller = window.extras.support, window.controller
    if name == "health":
        view = support.open_health()
        view.run()
        _when(lambda: view.run_button.isEnabled() and view.report is not None, lambda: grab(view))
    elif name == "pages":
        from workbench.core.request.drafts import RequestDraft

        tab = window.current_tab()
        if tab is None or not (tab.to_model().operation or "").endswith("GetApps"):
            window.open_draft(RequestDraft(operation="pinpoint:GetApps", variables=(("pageSize", "2"),)))
        view = support.fetch_all_pages()
        _when(lambda: view.result is not None, lambda: (view.pages.selectRow(0), grab(view)))
    else:
        dialog = support.open_scenarios()
        _when(lambda: dialog.shipped.count() > 0, lambda: grab(dialog))


def _when(ready, then, every_ms: int = 100) -> None:
    if ready():
        QTimer.singleShot(300, then)
    else:
        QTimer.singleShot(every_ms, lambda: _when(ready, then, every_ms))
