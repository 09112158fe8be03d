"""The window against the real sandbox (tutorial policy on): what a user sees after Send."""

from __future__ import annotations

import json

import pytest
from ui_helpers import answer_next_dialog, find_tree_row, open_operation, send, wait_for_body
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY


def test_get_apps_answers_200_and_lists_the_apps_in_the_tree(qtbot, window, tutorial_sandbox):
    import boto3

    client = boto3.client("pinpoint", endpoint_url=tutorial_sandbox.url, region_name="us-east-1",
                          aws_access_key_id=SANDBOX_ACCESS_KEY_ID,
                          aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY)
    client.create_app(CreateApplicationRequest={"Name": "seen-in-the-tree"})

    tab = open_operation(qtbot, window, "GetApps")
    assert send(qtbot, tab).startswith("200")
    wait_for_body(qtbot, tab)
    model = tab.response.tree_model
    items = find_tree_row(model, "$.Item")
    assert items is not None and model.rowCount(items) >= 1
    names = [find_tree_row(model, f"$.Item[{row}].Name").siblingAtColumn(1).data() for row in range(model.rowCount(items))]
    assert '"seen-in-the-tree"' in names
    assert window.history.model.rowCount() == 1


def test_create_save_id_get_then_delete_refused_by_the_tutorial_policy(qtbot, window):
    create = open_operation(qtbot, window, "CreateApp")
    create.editor.body.setPlainText(json.dumps({"Name": "gui-flow"}))
    assert send(qtbot, create).startswith("201")
    wait_for_body(qtbot, create)

    id_index = find_tree_row(create.response.tree_model, "$.Id")
    app_id = id_index.data(Qt.ItemDataRole.UserRole + 2)
    asked = answer_next_dialog(qtbot, text="projectId", scope="global")
    with qtbot.waitSignal(window.controller.globals_changed, timeout=10000):  # kept by a worker
        create.response.request_save_variable(id_index)  # the tree's "Save as variable…"
    assert asked == [f"Save {app_id!r} as the variable:"]
    assert window.controller.globals_ == {"projectId": app_id}

    get = open_operation(qtbot, window, "GetApp")
    assert send(qtbot, get).startswith("200")
    wait_for_body(qtbot, get)
    assert find_tree_row(get.response.tree_model, "$.Name").siblingAtColumn(1).data() == '"gui-flow"'

    delete = open_operation(qtbot, window, "DeleteApp")
    status = send(qtbot, delete)
    assert status.startswith("403")
    wait_for_body(qtbot, delete)
    assert "not authorized" in delete.response.raw.toPlainText()
    inspect_text = delete.inspect.view.toPlainText()
    assert f"/v1/apps/{app_id}" in inspect_text and SANDBOX_SECRET_ACCESS_KEY not in inspect_text
    curl = delete.inspect.copy_curl()
    assert "--aws-sigv4 aws:amz:us-east-1:mobiletargeting" in curl and SANDBOX_SECRET_ACCESS_KEY not in curl


def test_an_unresolved_variable_blocks_the_send_and_is_highlighted(qtbot, window):
    tab = open_operation(qtbot, window, "GetApp")
    url = tab.editor.url
    position = url.toPlainText().index("{{ projectId }}")
    formats = url.document().firstBlock().layout().formats()
    underline = [f for f in formats if f.start <= position < f.start + f.length]
    assert underline and underline[0].format.underlineStyle() == underline[0].format.UnderlineStyle.WaveUnderline

    status = send(qtbot, tab)
    assert status == "Not sent"
    assert "missing variable: projectId (used in url path)" in tab.editor.banner.text()
    assert window.history.model.rowCount() == 0

    set_it = tab.findChild(QPushButton, "remedy_set_variable")
    assert set_it.text() == "Set projectId"
    qtbot.mouseClick(set_it, Qt.MouseButton.LeftButton)
    params = tab.editor.sections.currentWidget()
    assert params.objectName() == "paramsTable"
    assert params.currentIndex().siblingAtColumn(0).data() == "projectId"


@pytest.mark.parametrize("body, expected, line", [
    ('{\n  "Name": "x",\n  "tags": 5\n}', "$.tags: expected", 3),
    ('{\n  "Name": "x",\n  "tags": {\n}', "body is not valid JSON", 4),
])
def test_an_invalid_body_shows_its_problem_and_a_click_jumps_to_it(qtbot, window, body, expected, line):
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.sections.setCurrentIndex(2)
    tab.editor.body.setPlainText(body)
    problems = tab.editor.problems
    model = problems.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    item = next(model.index(i, 0) for i in range(model.rowCount()) if expected in model.index(i, 0).data())
    tab.editor.body.moveCursor(tab.editor.body.textCursor().MoveOperation.Start)
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=problems.visualRect(item).center())
    assert tab.editor.body.textCursor().blockNumber() + 1 == line


def test_a_missing_variable_is_flagged_before_sending_and_clears_once_set(qtbot, window):
    tab = open_operation(qtbot, window, "GetApp")
    banner = tab.editor.banner
    tab.editor.url.setPlainText(tab.editor.url.toPlainText() + " ")  # any edit re-checks
    qtbot.waitUntil(lambda: banner.text().startswith("Not ready to send: missing variable: projectId"))
    assert tab.findChild(QPushButton, "remedy_set_variable").text() == "Set projectId"

    tab.editor.params.set_value("projectId", "abc")
    qtbot.waitUntil(lambda: not tab.editor.banner_box.isVisibleTo(tab))


def test_hovering_a_variable_tells_its_value_and_scope(qtbot, window, tutorial_sandbox):
    tab = open_operation(qtbot, window, "GetApp")
    url = tab.editor.url
    text = url.toPlainText()

    def hover(name):
        cursor = url.textCursor()
        cursor.setPosition(text.index(name) + 2)
        return url.use_at(url.cursorRect(cursor).center())

    assert hover("endpoint").describe() == f"endpoint = {tutorial_sandbox.url.split('://')[1]}  (environment scope)"
    assert hover("projectId").describe() == "projectId: not set in the request, the environment or globals"


def test_copy_a_value_and_its_path_from_the_response_tree(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    create = open_operation(qtbot, window, "CreateApp")
    create.editor.body.setPlainText('{"Name": "copied"}')
    assert send(qtbot, create).startswith("201")
    wait_for_body(qtbot, create)
    name = find_tree_row(create.response.tree_model, "$.Name")
    create.response.copy_value(name)
    assert QGuiApplication.clipboard().text() == "copied"
    create.response.copy_path(name)
    assert QGuiApplication.clipboard().text() == "$.Name"


def test_a_missing_variable_in_the_body_gets_a_row_in_variables(qtbot, window):
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.body.setPlainText('{"Name": "{{ appName }}"}')
    assert send(qtbot, tab) == "Not sent"
    assert "missing variable: appName (used in body)" in tab.editor.banner.text()
    qtbot.mouseClick(tab.findChild(QPushButton, "remedy_set_variable"), Qt.MouseButton.LeftButton)
    assert tab.editor.sections.currentWidget().objectName() == "variablesTable"
    assert ("appName", "") in [(k, v) for k, v in tab.editor.variables.pairs()]
    tab.editor.variables.set_value("appName", "from the variables tab")
    assert send(qtbot, tab).startswith("201")
    wait_for_body(qtbot, tab)
    assert find_tree_row(tab.response.tree_model, "$.Name").siblingAtColumn(1).data() == '"from the variables tab"'
