"""What the support views (health, fetch all pages, scenarios, bundles) share: the send
service they send through, where the sandbox keeps its scenarios, and telling the History
pane that sends were made."""

from __future__ import annotations


def send_service(controller):
    """The controller's send service (or, while the controller has none of its own, one over
    the window's folders, made once): every send of these views goes through it."""
    service = getattr(controller, "service", None)
    if service is not None:
        return service
    service = getattr(controller, "_support_service", None)
    if service is None:
        from workbench.core.send.service import SendService
        from workbench.core.send.workspace import Workspace

        context = controller.context
        workspace = Workspace(context.environ, context.config_dir, context.data_dir, sandbox_url=context.sandbox_url,
                              session_credentials=controller.session_credentials)
        service = controller._support_service = SendService(workspace, library=controller.library, language=context.language)
        context.closers.append(workspace.close)
    return service


def scenarios_directory(controller):
    """Where the sandbox the window sends to keeps its scenarios."""
    from workbench.core.sandbox.store import sandbox_data_dir

    return sandbox_data_dir(controller.context.environ)


def history_changed(controller) -> None:
    """Sends made here are in the history file: the History pane reads it again."""
    reload = getattr(controller, "reload_history", None)
    if reload is not None:
        reload()
