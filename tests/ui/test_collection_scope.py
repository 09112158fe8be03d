"""A draft saved in a collection sees its collection's variables in the window, as `run`
gives them (Postman's collection scope, below the environment's): an imported collection
whose requests use `{{projectId}}` from the collection sends from the window too."""

from __future__ import annotations

from workbench.core.interop.draft_files import CollectionInfo, write_tree
from workbench.core.request.drafts import RequestDraft


def _saved_in_collection(root, variables):
    [path] = write_tree(root, [("folder", "Apps", [("request", RequestDraft(name="GetApp", operation="pinpoint:GetApp"))])],
                        info=CollectionInfo("Scoped", variables=variables))
    return path


def test_a_draft_from_a_collection_sends_with_the_collections_variables(qtbot, window, context):
    from ui_helpers import send

    path = _saved_in_collection(context.collections_dir / "Scoped", (("projectId", "from-collection"),))
    window.controller.current_env_name = "sandbox"
    tab = window.open_draft(RequestDraft(name="GetApp", operation="pinpoint:GetApp"), saved_path=str(path))
    status = send(qtbot, tab)
    assert tab.exchange is not None and tab.exchange.sent, status
    assert tab.exchange.inspection.url.endswith("/v1/apps/from-collection")  # the sandbox: not found, but sent
    unsaved = window.open_draft(RequestDraft(name="GetApp", operation="pinpoint:GetApp"))
    send(qtbot, unsaved)  # not in the collection: its variables are not this tab's
    assert unsaved.exchange is None or "from-collection" not in unsaved.exchange.inspection.url


def test_a_damaged_collection_file_is_said_where_the_send_would_be(qtbot, window, context):
    from ui_helpers import send

    path = _saved_in_collection(context.collections_dir / "Damaged", ())
    (context.collections_dir / "Damaged" / "collection.json").write_text("{ not json")
    tab = window.open_draft(RequestDraft(name="GetApp", operation="pinpoint:GetApp"), saved_path=str(path))
    send(qtbot, tab)
    qtbot.waitUntil(lambda: "collection.json" in tab.editor.banner.text(), timeout=20000)
    assert "not a collection file" in tab.editor.banner.text()
