"""Cancel, production confirmation, restored tabs, saving, history: the window's own behaviour."""

from __future__ import annotations

import json
from pathlib import Path

from ui_helpers import make_context, answer_next_dialog, open_operation, send, status_text
from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from workbench.core.request.drafts import load_draft


def test_cancel_a_stalled_send_keeps_the_window_responsive(qtbot, open_window, tmp_path, stalled_server):
    window = open_window(make_context(tmp_path, stalled_server.url))
    tab = open_operation(qtbot, window, "GetApps")
    ticks = []
    heartbeat = QTimer(window, interval=10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()

    qtbot.mouseClick(tab.findChild(QPushButton, "sendButton"), Qt.MouseButton.LeftButton)
    assert stalled_server.connected.wait(10)
    qtbot.waitUntil(lambda: "waiting" in tab.editor.phase.text() or "sending" in tab.editor.phase.text())
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) > before + 3)  # the UI thread runs while the send waits
    assert tab.findChild(QPushButton, "cancelButton").isEnabled()

    qtbot.keyClick(tab.editor.url, Qt.Key.Key_Escape)  # Esc cancels from the URL field too
    qtbot.waitUntil(lambda: status_text(tab).startswith("Cancelled"))
    assert tab.findChild(QPushButton, "sendButton").isEnabled()
    qtbot.waitUntil(lambda: not window.controller.is_busy(tab.tab_id))
    heartbeat.stop()


def _production_context(tmp_path, sandbox_url):
    context = make_context(tmp_path, sandbox_url, AWS_ACCESS_KEY_ID="AKIAPRODEXAMPLE0000",
                           AWS_SECRET_ACCESS_KEY="canary-secret-never-shown")
    context.config_dir.mkdir(parents=True)
    (context.config_dir / "environments.json").write_text(json.dumps({
        "schema_version": 1,
        "environments": [{"name": "prod", "region": "us-east-1", "production": True,
                          "hosts": {"pinpoint": "127.0.0.1:9"},  # discard port: nothing reaches AWS
                          "credential_source": {"kind": "process"}}],
    }))
    return context


def test_production_asks_before_a_destructive_send(qtbot, open_window, tmp_path, tutorial_sandbox):
    window = open_window(_production_context(tmp_path, tutorial_sandbox.url))
    switcher = window.env_bar.switcher
    switcher.setCurrentIndex(switcher.findData("prod"))
    switcher.activated.emit(switcher.currentIndex())
    qtbot.waitUntil(lambda: window.env_bar.production.isVisible())
    assert "PRODUCTION" in switcher.currentText()

    tab = open_operation(qtbot, window, "DeleteApp")
    tab.editor.variables.set_value("projectId", "abc")
    asked = answer_next_dialog(qtbot, button="confirmNo")
    assert send(qtbot, tab) == "Not sent: not confirmed for production"
    assert asked and "prod is a PRODUCTION environment" in asked[0] and "DeleteApp" in asked[0]
    assert window.history.model.rowCount() == 0

    asked = answer_next_dialog(qtbot, button="confirmYes")
    status = send(qtbot, tab)
    assert asked and status.startswith("No response")  # confirmed: it went (to a closed port)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1)


def test_open_tabs_come_back_after_a_restart(qtbot, open_window, tmp_path, tutorial_sandbox):
    context = make_context(tmp_path, tutorial_sandbox.url)
    first = open_window(context)
    get = open_operation(qtbot, first, "GetApp")
    get.editor.params.set_value("projectId", "abc123")
    create = open_operation(qtbot, first, "CreateApp")
    create.editor.body.setPlainText('{"Name": "not saved yet"}')
    assert create.dirty and first.tabs.tabText(1).startswith("●")
    first.close()

    second = open_window(make_context(tmp_path, tutorial_sandbox.url))
    assert second.tabs.count() == 2
    restored_get, restored_create = second.tabs.widget(0), second.tabs.widget(1)
    assert restored_get.to_model().variables_dict() == {"projectId": "abc123"}
    assert json.loads(restored_create.editor.body.toPlainText()) == {"Name": "not saved yet"}
    assert restored_create.dirty and second.tabs.currentIndex() == 1


def test_ctrl_s_saves_the_draft_to_a_collection_folder(qtbot, window, context):
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.body.setPlainText('{"Name": "kept"}')
    assert tab.dirty
    qtbot.keyClick(tab.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not tab.dirty)
    saved_path = Path(tab.saved_path)
    assert saved_path.parent == context.collections_dir / "My requests"
    assert load_draft(saved_path).body == '{"Name": "kept"}'
    assert not window.tabs.tabText(window.tabs.indexOf(tab)).startswith("●")

    tab.editor.body.setPlainText('{"Name": "kept, then changed"}')  # saving again overwrites that file
    qtbot.keyClick(tab.editor.url, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not tab.dirty)
    assert tab.saved_path == str(saved_path) and load_draft(saved_path).body == '{"Name": "kept, then changed"}'


def test_history_reopens_a_send_as_a_new_tab_with_its_response(qtbot, window):
    tab = open_operation(qtbot, window, "GetApps")
    assert send(qtbot, tab).startswith("200")
    history = window.history
    window.sidebar.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.filter.rowCount() == 1)
    qtbot.keyClicks(history.text, "nothing-like-this")
    assert history.filter.rowCount() == 0
    history.text.clear()
    history.status.setCurrentText("4xx")
    assert history.filter.rowCount() == 0
    history.status.setCurrentText("2xx")
    assert history.filter.rowCount() == 1

    index = history.filter.index(0, 0)
    where = history.list.visualRect(index).center()
    qtbot.mouseClick(history.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(history.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.tabs.count() == 2)
    reopened = window.tabs.currentWidget()
    assert reopened is not tab and reopened.saved_path == ""
    assert status_text(reopened).startswith("200")
    qtbot.waitUntil(lambda: reopened.response_body is not None)
    assert "Item" in reopened.response.raw.toPlainText()


def test_an_untrusted_host_is_refused_until_the_user_sends_anyway(qtbot, open_window, tmp_path, tutorial_sandbox):
    context = make_context(tmp_path, tutorial_sandbox.url, AWS_ACCESS_KEY_ID="AKIADEVEXAMPLE00000",
                           AWS_SECRET_ACCESS_KEY="canary-secret-never-shown")
    context.config_dir.mkdir(parents=True)
    (context.config_dir / "environments.json").write_text(json.dumps({"schema_version": 1, "environments": [
        {"name": "dev", "region": "us-east-1", "credential_source": {"kind": "process"}}]}))
    window = open_window(context)
    window.controller.select_environment("dev")
    tab = open_operation(qtbot, window, "GetApps")
    tab.editor.url.setPlainText("https://127.0.0.1:9/v1/apps")  # not one of dev's AWS hosts

    assert send(qtbot, tab) == "Not sent"
    assert "refusing to sign for 127.0.0.1:9" in tab.editor.banner.text()
    anyway = tab.findChild(QPushButton, "remedy_allow_any_host")
    asked = answer_next_dialog(qtbot, button="confirmYes")
    qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
    assert asked and "send to this host anyway" in asked[0]
    qtbot.waitUntil(lambda: status_text(tab).startswith("No response"))  # sent: nothing listens there
    assert "canary-secret-never-shown" not in tab.inspect.view.toPlainText()
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1)
    window.close()  # saves the open tabs
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "window-session.json" for p in written) and any("history" in p.name for p in written)
    assert not [p for p in written if b"canary-secret-never-shown" in p.read_bytes()]


def test_an_environment_added_from_a_terminal_appears(qtbot, window, context):
    from workbench.core.environments.model import Environment, EnvironmentStore

    switcher = window.env_bar.switcher
    assert switcher.findData("eu-dev") == -1
    EnvironmentStore(context.config_dir / "environments.json").add(Environment(name="eu-dev", region="eu-west-1"))
    qtbot.waitUntil(lambda: switcher.findData("eu-dev") >= 0, timeout=10000)
    assert switcher.itemText(switcher.findData("eu-dev")) == "eu-dev — eu-west-1"
    assert switcher.currentData() == "sandbox"  # the selection stays


def test_a_saved_request_opens_from_the_collections_pane(qtbot, window):
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.body.setPlainText('{"Name": "from the collection"}')
    window.save_current()
    qtbot.waitUntil(lambda: not tab.dirty)
    window.close_tab(window.tabs.indexOf(tab))

    pane = window.collections
    window.sidebar.setCurrentWidget(pane)
    model, tree = pane.model, pane.tree
    folder = model.index(str(Path(tab.saved_path).parent))
    tree.expand(folder)
    qtbot.waitUntil(lambda: model.rowCount(folder) == 1, timeout=10000)
    index = model.index(0, 0, folder)
    where = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    reopened = window.tabs.currentWidget()
    assert reopened.saved_path == tab.saved_path and not reopened.dirty
    assert reopened.editor.body.toPlainText() == '{"Name": "from the collection"}'


def test_ctrl_enter_sends_from_the_body_editor(qtbot, window):
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.body.setPlainText('{"Name": "sent with the keyboard"}')
    tab.editor.body.setFocus()
    qtbot.keyClick(tab.editor.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status_text(tab).startswith("201"), timeout=20000)
    assert tab.editor.body.toPlainText() == '{"Name": "sent with the keyboard"}'  # no newline typed


def test_recolouring_variables_does_not_mark_a_tab_edited(qtbot, window):
    tab = open_operation(qtbot, window, "GetApp")
    assert not tab.dirty
    window.controller.set_variable("global", "projectId", "abc")  # the URL recolours: projectId resolves
    qtbot.waitUntil(lambda: window.controller.globals_.get("projectId") == "abc")
    assert not tab.dirty and not window.tabs.tabText(0).startswith("●")
    tab.editor.url.setPlainText(tab.editor.url.toPlainText() + "?x=1")
    assert tab.dirty


def test_layout_and_window_state_are_remembered(qtbot, open_window, tmp_path, tutorial_sandbox):
    first = open_window(make_context(tmp_path, tutorial_sandbox.url))
    open_operation(qtbot, first, "GetApps")
    first.findChild(QAction, "layoutAction").trigger()  # response beside the request
    assert first.tabs.widget(0).splitter.orientation() == Qt.Orientation.Horizontal
    first.splitter.setSizes([250, 900])
    sidebar_width = first.splitter.sizes()[0]
    first.close()

    second = open_window(make_context(tmp_path, tutorial_sandbox.url))
    assert second.findChild(QAction, "layoutAction").isChecked()
    assert second.tabs.widget(0).splitter.orientation() == Qt.Orientation.Horizontal
    assert abs(second.splitter.sizes()[0] - sidebar_width) < 40  # not the first-run 330


def test_a_closed_tab_comes_back_with_its_edits(qtbot, window):
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.body.setPlainText('{"Name": "closed by mistake"}')
    qtbot.keyClick(tab.editor.body, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 0
    qtbot.keyClick(window.library.search, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.count() == 1
    back = window.tabs.currentWidget()
    assert back.editor.body.toPlainText() == '{"Name": "closed by mistake"}' and back.dirty


def test_switching_environment_rechecks_what_would_stop_a_send(qtbot, open_window, tmp_path, tutorial_sandbox):
    context = make_context(tmp_path, tutorial_sandbox.url)
    context.config_dir.mkdir(parents=True)
    (context.config_dir / "environments.json").write_text(json.dumps({"schema_version": 1, "environments": [
        {"name": "eu", "region": "eu-west-1", "credential_source": {"kind": "process"},
         "variables": {"projectId": "from-eu"}}]}))
    window = open_window(context)
    tab = open_operation(qtbot, window, "GetApp")
    tab.editor.recheck()
    qtbot.waitUntil(lambda: tab.editor.banner.text().startswith("Not ready to send: missing variable: projectId"))
    window.controller.select_environment("eu")  # it has projectId
    qtbot.waitUntil(lambda: not tab.editor.banner_box.isVisibleTo(tab))
    assert not tab.dirty


def test_a_send_before_start_up_finished_says_so(qtbot, context):
    from workbench.core.request.drafts import RequestDraft
    from workbench.ui.controller import Controller

    controller = Controller(context)  # nothing loaded yet
    with qtbot.waitSignal(controller.send_failed) as failed:
        controller.send("tab", RequestDraft(operation="pinpoint:GetApps"))
    assert failed.args[0] == "tab" and "still loading" in str(failed.args[1])
