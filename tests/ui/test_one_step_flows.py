"""Issue 21's one-step flows, driven by objectName: save a response value under the name
the templates use, and see inherited values where a request will use them."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from ui_helpers import find_tree_row, open_operation, send, wait_for_body


def _created_app(qtbot, window, name):
    create = open_operation(qtbot, window, "CreateApp")
    create.editor.body.setPlainText(json.dumps({"Name": name}))
    assert send(qtbot, create).startswith("201")
    wait_for_body(qtbot, create)
    index = find_tree_row(create.response.tree_model, "$.Id")
    return create, index, index.data(Qt.ItemDataRole.UserRole + 2)


def test_the_tree_menu_saves_the_id_as_project_id_in_one_step(qtbot, window):
    create, index, app_id = _created_app(qtbot, window, "one-step")
    menu = create.response.tree_menu(index)
    save = menu.findChild(QAction, "saveAsSuggested0")
    assert save is not None and save.text() == "Save as projectId"
    assert menu.findChild(QAction, "saveAsVariableAction").text() == "Save as variable…"  # still there, beside it
    save.trigger()
    qtbot.waitUntil(lambda: window.controller.current_env.variables.get("projectId") == app_id, timeout=10000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "variable projectId saved in environment sandbox")

    get = open_operation(qtbot, window, "GetApp")  # {{ projectId }} now comes from the environment
    assert send(qtbot, get).startswith("200")
    wait_for_body(qtbot, get)
    assert find_tree_row(get.response.tree_model, "$.Name").siblingAtColumn(1).data() == '"one-step"'


def test_ctrl_shift_s_saves_the_selected_value(qtbot, window):
    create, index, app_id = _created_app(qtbot, window, "keyboard")
    create.response.tree.setCurrentIndex(index)
    create.response.tree.setFocus()
    qtbot.keyClick(create.response.tree, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.controller.current_env.variables.get("projectId") == app_id, timeout=10000)


def test_a_value_no_template_reads_asks_for_a_name(qtbot, window):
    create, _, _ = _created_app(qtbot, window, "arn")
    arn = find_tree_row(create.response.tree_model, "$.Arn")
    menu = create.response.tree_menu(arn)
    assert menu.findChild(QAction, "saveAsSuggested0") is None
    assert menu.findChild(QAction, "saveAsVariableAction") is not None
    create.response.tree.setCurrentIndex(create.response.tree_model.index(-1, 0))  # nothing selected
    window.findChild(QAction, "saveValueAction").trigger()
    assert window.statusBar().currentMessage() == "Select a value in the response tree first"


def test_params_headers_and_the_url_show_what_the_request_inherits(qtbot, window, tutorial_sandbox):
    from PySide6.QtWidgets import QTableView

    from workbench.ui.models.key_value_model import INHERITED_ROLE

    window.controller.set_variable("environment", "projectId", "inherited-app-id")
    qtbot.waitUntil(lambda: window.controller.current_env.variables.get("projectId") == "inherited-app-id")
    get = open_operation(qtbot, window, "GetApp")
    params = get.findChild(QTableView, "paramsTable").model()
    value = params.index(0, 1)
    assert params.index(0, 0).data() == "projectId"
    assert value.data() == "inherited-app-id   (from environment)"  # the scope in words, not colour alone
    assert value.data(INHERITED_ROLE) == "environment"
    assert value.data(Qt.ItemDataRole.EditRole) == ""  # typing starts empty; nothing is copied into the request
    assert get.to_model().variables == ()
    host = tutorial_sandbox.url.split("://")[1]
    preview = get.editor.url_preview
    assert preview.objectName() == "urlPreview"
    assert preview.text() == f"Sends to http://{host}/v1/apps/inherited-app-id"  # http: the sandbox's scheme

    headers = get.findChild(QTableView, "headersTable").model()
    shown = {headers.index(r, 0).data(): headers.index(r, 1).data() for r in range(headers.rowCount() - 1)}
    assert shown["Authorization"] == "set when signed   (SigV4 signing)"
    assert get.to_model().headers == ()

    params.setData(value, "typed-here")  # a value of its own wins, and is no longer greyed
    assert value.data() == "typed-here" and value.data(INHERITED_ROLE) == ""
    qtbot.waitUntil(lambda: preview.text() == f"Sends to http://{host}/v1/apps/typed-here")


def test_an_unset_variable_is_named_in_the_url_preview(qtbot, window):
    get = open_operation(qtbot, window, "GetApp")
    assert get.editor.url_preview.text().endswith("/v1/apps/{{ projectId }}  (not set: projectId)")


def test_a_reopened_history_entry_shows_its_status_text_and_is_not_unsaved(qtbot, window):
    from PySide6.QtWidgets import QLabel, QTableView

    _created_app(qtbot, window, "from-history")
    history = window.findChild(QTableView, "historyList")
    window.sidebar.setCurrentWidget(window.history)
    qtbot.waitUntil(lambda: history.model().rowCount() >= 1)
    before = window.tabs.count()
    history.activated.emit(history.model().index(0, 0))  # Enter or a double click on the newest entry
    qtbot.waitUntil(lambda: window.tabs.count() == before + 1, timeout=10000)
    tab = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: tab.exchange is not None)
    assert tab.findChild(QLabel, "responseStatus").text() == "201 Created"
    assert not tab.dirty and not window.tabs.tabText(window.tabs.currentIndex()).startswith("●")
    assert "reopened from history" in window.tabs.tabToolTip(window.tabs.currentIndex())
