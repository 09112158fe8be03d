"""Part 2 of the window (issue 11) against the real sandbox: first run, the sandbox in the
status bar, the command palette, the shortcut sheet, compare across environments."""

from __future__ import annotations

from ui_helpers import wait_for_body
from PySide6.QtCore import Qt


def test_first_run_from_an_empty_config_to_a_get_apps_answer(qtbot, window):
    extras = window.extras
    qtbot.waitUntil(lambda: extras.welcome is not None and extras.welcome.isVisible(), timeout=10000)
    page = extras.welcome
    assert page.objectName() == "welcomePage"
    assert page.geometry() == window.tabs.rect()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.tour_title.text().startswith("<b>1/4")
    qtbot.mouseClick(page.sandbox_button, Qt.MouseButton.LeftButton)
    assert not page.isVisible()
    tab = window.tabs.currentWidget()
    assert tab.editor.template.operation == "GetApps"
    qtbot.waitUntil(lambda: tab.findChild(type(page.title), "responseStatus").text().startswith("200"), timeout=20000)
    wait_for_body(qtbot, tab)
    assert '"Item"' in tab.response.raw.toPlainText()


def test_the_welcome_page_stays_away_once_an_environment_exists(qtbot, open_window, context):
    from workbench.core.environments.model import Environment, EnvironmentStore

    store = EnvironmentStore(context.config_dir / "environments.json")
    store.add(Environment(name="dev", region="us-east-1"))
    window = open_window(context)
    qtbot.waitUntil(lambda: window.extras.welcome_checked)
    assert window.extras.welcome is None


def test_the_sandbox_from_the_status_bar_start_policy_reset_stop(qtbot, open_window, tmp_path, tutorial_sandbox):
    from ui_helpers import make_context

    from workbench.core.sandbox.background import read_status, stop_background

    (tmp_path / "runtime").mkdir(mode=0o700)
    context = make_context(tmp_path, tutorial_sandbox.url, XDG_RUNTIME_DIR=str(tmp_path / "runtime"))
    window = open_window(context)
    panel = window.extras.sandbox
    assert panel.button.objectName() == "sandboxStatus"
    own = f"sandbox: this window's own on :{tutorial_sandbox.url.rsplit(':', 1)[-1]} (not kept)"
    qtbot.waitUntil(lambda: panel.button.text() == own)
    try:
        panel.start_action.trigger()
        qtbot.waitUntil(lambda: panel.status.running, timeout=60000)
        port = panel.status.record.port
        assert panel.button.text() == f"sandbox: running on :{port} · tutorial policy off"
        assert window.controller.sandbox_url == f"http://127.0.0.1:{port}"

        # what it received and published shows in the panel: Pinpoint SMS no identity can carry
        import boto3

        from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY
        client = boto3.client("pinpoint", endpoint_url=panel.status.url, region_name="us-east-1",
                              aws_access_key_id=SANDBOX_ACCESS_KEY_ID, aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY)
        app = client.create_app(CreateApplicationRequest={"Name": "events"})["ApplicationResponse"]["Id"]
        client.update_sms_channel(ApplicationId=app, SMSChannelRequest={"Enabled": True})
        client.send_messages(ApplicationId=app, MessageRequest={
            "Addresses": {"+12065550142": {"ChannelType": "SMS"}}, "MessageConfiguration": {"SMSMessage": {"Body": "hi"}}})
        window.extras.sandbox_dock.toggleViewAction().trigger()
        assert window.extras.sandbox_dock.isVisible()
        qtbot.waitUntil(lambda: "_SMS" in panel.events.toPlainText(), timeout=15000)
        assert panel.events.toPlainText().startswith("#1 pinpoint _SMS.FAILURE destination_phone_number=+12065550142 "
                                                     "record_status=NO_ORIGINATION_IDENTITY_AVAILABLE_TO_SEND")
        qtbot.waitUntil(lambda: "listening on" in panel.log.toPlainText(), timeout=15000)

        panel.reset_action.trigger()  # forgets what it kept: the app, the events
        qtbot.waitUntil(lambda: panel.events.toPlainText() == "" and panel.status.running, timeout=60000)
        after = boto3.client("pinpoint", endpoint_url=panel.status.url, region_name="us-east-1",
                             aws_access_key_id=SANDBOX_ACCESS_KEY_ID, aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY)
        assert after.get_apps()["ApplicationsResponse"].get("Item", []) == []

        panel.policy_action.trigger()  # on: restarted with the tutorial policy
        qtbot.waitUntil(lambda: "tutorial policy on" in panel.button.text(), timeout=60000)
        assert read_status(context.environ).record.tutorial_policy

        panel.stop_action.trigger()
        qtbot.waitUntil(lambda: panel.button.text() == f"sandbox: this window's own on :"
                        f"{tutorial_sandbox.url.rsplit(':', 1)[-1]} (not kept)" or "not running" in panel.button.text(),
                        timeout=30000)
        assert not read_status(context.environ).running
    finally:
        stop_background(context.environ)


def test_the_palette_opens_an_operation_by_typing_part_of_its_name(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.extras.palette
    assert palette is not None and palette.isVisible() and palette.objectName() == "commandPalette"
    qtbot.keyClicks(palette.query, "getsegversions")  # GetSegmentVersions, letters in order
    first = palette.model.index(0).data(Qt.ItemDataRole.UserRole + 1)
    assert (first.kind, first.title) == ("operation", "GetSegmentVersions")
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    assert window.tabs.currentWidget().editor.template.operation == "GetSegmentVersions"
    assert not palette.isVisible()


def test_the_palette_finds_by_method_and_path_and_runs_actions(qtbot, window):
    palette = window.extras.open_palette()
    qtbot.keyClicks(palette.query, "post campaigns")
    titles = [palette.model.index(r).data(Qt.ItemDataRole.UserRole + 1).title for r in range(palette.model.rowCount())]
    assert titles[0] == "CreateCampaign"
    palette.query.clear()
    qtbot.keyClicks(palette.query, "sandbox")
    kinds = {palette.model.index(r).data(Qt.ItemDataRole.UserRole + 1).kind for r in range(palette.model.rowCount())}
    assert {"environment", "action"} <= kinds
    palette.hide()


def test_f1_lists_the_shortcuts_of_the_menus(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChild(type(window.extras.open_shortcuts()), "shortcutSheet")
    model = sheet.table.model()
    rows = {(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())}
    assert ("Send", "Ctrl+Return, Ctrl+Enter") in rows
    assert ("Command palette…", "Ctrl+K, Ctrl+P") in rows
    assert ("Keyboard shortcuts", "F1") in rows


def test_compare_the_same_request_in_two_sandbox_environments_marks_the_difference(qtbot, open_window, context,
                                                                                   tutorial_sandbox):
    import boto3
    from ui_helpers import open_operation

    from workbench.core.environments.credentials import CredentialSource
    from workbench.core.environments.model import Environment, EnvironmentStore
    from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY

    client = boto3.client("pinpoint", endpoint_url=tutorial_sandbox.url, region_name="us-east-1",
                          aws_access_key_id=SANDBOX_ACCESS_KEY_ID, aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY)
    app_id = client.create_app(CreateApplicationRequest={"Name": "compared"})["ApplicationResponse"]["Id"]
    store = EnvironmentStore(context.config_dir / "environments.json")
    store.set_variables("sandbox", {"projectId": app_id})
    store.add(Environment(name="sandbox-b", region="us-east-1", credential_source=CredentialSource("sandbox"),
                          variables={"projectId": "no-such-project"}))
    window = open_window(context)
    open_operation(qtbot, window, "GetApp")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    pane = window.extras.compare
    assert pane.objectName() == "comparePane" and pane.isVisible()
    pane.left_env.setCurrentText("sandbox")
    pane.right_env.setCurrentText("sandbox-b")
    qtbot.mouseClick(pane.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.comparison is not None, timeout=30000)
    assert pane.left_status.text() == "sandbox: 200 OK ≠"
    assert pane.right_status.text() == "sandbox-b: 404 Not Found ≠"
    assert pane.differing_body_lines() and len(pane.left_body.extraSelections()) == len(pane.differing_body_lines())
    model = pane.signing.model()
    signing = {model.index(r, 1).data(): (model.index(r, 0).data(), model.index(r, 3).data())
               for r in range(model.rowCount())}
    assert signing["path"] == ("≠", "/v1/apps/no-such-project")
    assert signing["region"] == ("", "us-east-1") and signing["credential scope"][0] == ""
    assert pane.summary.text().startswith(f"{pane.comparison.differences} differences (≠ marks them)")


def test_a_failed_send_shows_a_diagnosis_with_a_fix_button(qtbot, window):
    from ui_helpers import open_operation, send

    with qtbot.waitSignal(window.controller.globals_changed, timeout=10000):
        window.controller.set_variable("global", "projectId", "abc")
    delete = open_operation(qtbot, window, "DeleteApp")
    assert send(qtbot, delete).startswith("403")  # the tutorial policy denies deletes
    pane = window.extras.diagnosis
    qtbot.waitUntil(lambda: bool(pane.diagnoses), timeout=20000)
    assert window.extras.diagnosis_dock.isVisible()
    assert pane.headline.text() == "1 problem found: Deletes are not in the tutorial policy"
    labels = [b.text() for b in pane.fix_buttons()]
    assert "Copy the IAM policy statement" in labels
    button = next(b for b in pane.fix_buttons() if b.text() == "Copy the IAM policy statement")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QApplication
    assert "mobiletargeting:DeleteApp" in QApplication.clipboard().text()


def test_the_troubleshooting_guide_lists_and_searches_every_known_problem(qtbot, window):
    from workbench.core.diagnose import catalogue

    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    guide = window.extras.diagnosis_wiring.guide
    assert guide is not None and guide.isVisible()
    qtbot.waitUntil(lambda: guide.list.model().rowCount() == len(catalogue()), timeout=10000)
    qtbot.keyClicks(guide.query, "security token")
    assert 0 < guide.list.model().rowCount() < len(catalogue())
    assert "security token" in guide.detail.toPlainText().lower()
    assert guide.count.text().endswith(f"of {len(catalogue())} known problems")


def test_failed_recipients_inside_a_200_are_flagged_in_the_tree(qtbot, window, tutorial_sandbox):
    import json

    import boto3
    from ui_helpers import find_tree_row, open_operation, send

    from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY

    client = boto3.client("pinpoint", endpoint_url=tutorial_sandbox.url, region_name="us-east-1",
                          aws_access_key_id=SANDBOX_ACCESS_KEY_ID, aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY)
    with qtbot.waitSignal(window.controller.globals_changed, timeout=10000):
        window.controller.set_variable("global", "projectId", client.create_app(
            CreateApplicationRequest={"Name": "flags"})["ApplicationResponse"]["Id"])
    tab = open_operation(qtbot, window, "SendMessages")
    tab.editor.body.setPlainText(json.dumps({  # the SMS channel is not enabled: each recipient fails inside a 200
        "Addresses": {"+12065550100": {"ChannelType": "SMS"}}, "MessageConfiguration": {"SMSMessage": {"Body": "hi"}}}))
    assert send(qtbot, tab).startswith("200")
    wait_for_body(qtbot, tab)
    pane = window.extras.diagnosis
    qtbot.waitUntil(lambda: bool(pane.diagnoses), timeout=20000)
    model = tab.response.tree_model
    assert model.flagged, pane.headline.text()
    result = find_tree_row(model, "$.Result")
    assert result is not None and result.data() == "⚑ Result"
    status = find_tree_row(model, '$.Result["+12065550100"].StatusMessage')
    assert status.data() == "⚑ StatusMessage" and "channel-disabled" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert find_tree_row(model, "$.ApplicationId").data() == "ApplicationId"
    assert [b.text() for b in pane.fix_buttons()]


def test_preferences_are_saved_applied_and_a_damaged_file_is_reported(qtbot, open_window, context, app_look_restored):
    import json

    context.config_dir.mkdir(parents=True, exist_ok=True)
    (context.config_dir / "preferences.json").write_text("{ not json")
    window = open_window(context)
    qtbot.waitUntil(lambda: window.extras.preferences is not None)
    assert "preferences.json: line 1 column 3" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(type(window.extras.open_preferences()), "preferencesDialog")
    dialog.read_timeout.setValue(7)
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("beside"))
    dialog.proxy.setText("ftp://nope")
    dialog.findChild(type(dialog.findChild(object, "prefSave")), "prefSave").click()
    assert dialog.message.text() == "proxy: a proxy URL starts with http:// or https://, found 'ftp://nope'"
    dialog.proxy.setText("")
    dialog.findChild(type(dialog.findChild(object, "prefSave")), "prefSave").click()
    qtbot.waitUntil(lambda: "read_timeout" in (context.config_dir / "preferences.json").read_text(), timeout=10000)
    assert json.loads((context.config_dir / "preferences.json").read_text()) == {
        "schema_version": 1, "layout": "beside", "read_timeout": 7.0}
    assert window.beside
    qtbot.waitUntil(lambda: window.controller.send_options.read_timeout == 7.0)


def test_the_text_size_from_preferences_reaches_every_widget_under_the_theme(qtbot, open_window, context,
                                                                            app_look_restored):
    """The window always runs under the theme's style sheet, where a window's setFont no longer
    reaches its widgets: the size chosen in Preferences must still show, and the response's
    time-and-size line must grow with it rather than cut its text."""
    import json

    from PySide6.QtWidgets import QLabel
    from ui_helpers import open_operation

    context.config_dir.mkdir(parents=True, exist_ok=True)
    (context.config_dir / "preferences.json").write_text(json.dumps({"schema_version": 1, "font_size": 18}))
    window = open_window(context)
    qtbot.waitUntil(lambda: window.extras.preferences is not None)
    tab = open_operation(qtbot, window, "GetApps")
    meta = tab.findChild(QLabel, "responseMeta")
    qtbot.waitUntil(lambda: meta.font().pointSize() == 18)
    assert window.menuBar().font().pointSize() == 18
    qtbot.waitUntil(lambda: meta.height() >= meta.sizeHint().height() > 20)


def test_screenshot_of_a_part2_view_from_the_command_line(tmp_path):
    import os
    import subprocess
    import sys

    target = tmp_path / "environments.png"
    (tmp_path / "runtime").mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"HOME": str(tmp_path), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
            "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data"), "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(target),
                             "--dialog", "environments"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage
    assert QImage(str(target)).width() == 900  # the manager, not the main window


NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # never the test session's Secret Service


def test_every_part2_window_names_its_interactive_widgets(qtbot, open_window, tmp_path, tutorial_sandbox):
    from test_accessibility import _own_widgets
    from ui_helpers import make_context

    window = open_window(make_context(tmp_path, tutorial_sandbox.url, **NO_KEYRING))
    from workbench.core.environments.model import Environment

    window.controller.environments["dev"] = Environment(name="dev", region="eu-west-1")
    extras = window.extras
    views = [extras.open_manager(), extras.open_credentials("dev"), extras.open_palette(), extras.open_compare(),
             extras.open_preferences(), extras.open_guide(), extras.open_shortcuts()]
    for view in views:
        unnamed = [f"{type(w).__name__} in {view.objectName()}" for w in _own_widgets(view)
                   if not w.objectName() or not w.accessibleName()]
        assert unnamed == []
        view.close()
    assert {"environmentManager", "credentialsDialog", "commandPalette", "comparePane", "preferencesDialog",
            "troubleshootingGuide", "shortcutSheet"} == {v.objectName() for v in views}


def test_a_missing_credentials_remedy_opens_the_credentials_dialog(qtbot, open_window, tmp_path, tutorial_sandbox):
    from ui_helpers import make_context

    from workbench.core.environments.model import Environment

    window = open_window(make_context(tmp_path, tutorial_sandbox.url, **NO_KEYRING))
    window.controller.environments["dev"] = Environment(name="dev", region="eu-west-1")
    window.apply_remedy(None, "store_credentials:dev")
    from workbench.ui.manage.credentials_dialog import CredentialsDialog
    dialog = window.findChild(CredentialsDialog, "credentialsDialog")
    assert dialog is not None and dialog.isVisible() and dialog.env.name == "dev"
    qtbot.waitUntil(lambda: dialog.no_keyring.isVisible())
    dialog.close()


def test_the_collections_folder_from_the_preferences_is_used_at_start(tmp_path):
    from workbench.core.settings.preferences import Preferences, save_preferences
    from workbench.ui.app_context import AppContext

    environ = {"HOME": str(tmp_path), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
               "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data")}
    assert AppContext.from_environ(environ).collections_dir == tmp_path / "config" / "collections"
    save_preferences(tmp_path / "config", Preferences(collections_dir=str(tmp_path / "shared-collections")))
    assert AppContext.from_environ(environ).collections_dir == tmp_path / "shared-collections"


def test_profiles_from_the_aws_config_sso_marked_and_the_sandbox_variables_saved(qtbot, open_window, tmp_path,
                                                                                 tutorial_sandbox):
    from ui_helpers import make_context

    aws = tmp_path / "home" / ".aws"
    aws.mkdir(parents=True)
    (aws / "config").write_text("[profile corp-sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
                                "sso_role_name = Dev\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                                "sso_region = us-east-1\n[profile plain]\naws_access_key_id = AKIAEXAMPLE\n"
                                "aws_secret_access_key = not-used-here\n")
    window = open_window(make_context(tmp_path, tutorial_sandbox.url, **NO_KEYRING))
    manager = window.extras.open_manager()
    qtbot.waitUntil(lambda: manager.profile.count() == 2, timeout=10000)
    assert [manager.profile.itemText(i) for i in range(2)] == ["corp-sso (SSO)", "plain (static)"]
    manager.new_environment()
    manager.source.setCurrentIndex(manager.source.findData("profile"))
    manager.profile.setCurrentIndex(0)
    assert "aws sso login --profile corp-sso" in manager.profile_hint.text()
    manager.profile.setCurrentIndex(1)
    assert manager.profile_hint.text() == ""

    manager.select_environment("sandbox")
    assert manager.message.text() == "the built-in sandbox: only its variables can change"
    manager._add_variable_row("projectId", "from-the-manager")
    manager.save()
    qtbot.waitUntil(lambda: window.controller.environments["sandbox"].variables.get("projectId") == "from-the-manager",
                    timeout=10000)


def test_the_palette_reaches_saved_requests_and_history_entries(qtbot, window):
    from ui_helpers import open_operation, send

    tab = open_operation(qtbot, window, "GetApps")
    assert send(qtbot, tab).startswith("200")
    qtbot.keyClick(tab.editor.url, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(tab.saved_path), timeout=10000)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1, timeout=10000)
    palette = window.extras.open_palette()
    qtbot.waitUntil(lambda: any(i.kind == "request" for i in palette.items), timeout=10000)
    qtbot.keyClicks(palette.query, "getapps")
    kinds = [palette.model.index(r).data(Qt.ItemDataRole.UserRole + 1).kind for r in range(palette.model.rowCount())]
    assert {"operation", "request", "history"} <= set(kinds)
    history = next(r for r, kind in enumerate(kinds) if kind == "history")
    palette.view.setCurrentIndex(palette.model.index(history))
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=10000)  # the history entry, reopened as a new tab


def test_welcome_add_an_aws_environment_opens_the_manager_on_a_new_one(qtbot, window):
    extras = window.extras
    qtbot.waitUntil(lambda: extras.welcome is not None and extras.welcome.isVisible(), timeout=10000)
    qtbot.mouseClick(extras.welcome.aws_button, Qt.MouseButton.LeftButton)
    manager = extras.manager
    assert manager is not None and manager.isVisible() and manager.editing is None
    assert manager.message.text() == "pick a region, name it, Save"
    manager.close()


def test_the_diagnosis_shows_the_iam_statement_it_copies_below_the_request(qtbot, window):
    import json

    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton
    from ui_helpers import open_operation, send

    with qtbot.waitSignal(window.controller.globals_changed, timeout=10000):
        window.controller.set_variable("global", "projectId", "abc")
    delete = open_operation(qtbot, window, "DeleteApp")
    editor_width = delete.editor.width()
    assert send(qtbot, delete).startswith("403")
    pane = window.extras.diagnosis
    qtbot.waitUntil(lambda: bool(pane.diagnoses), timeout=20000)
    dock = window.extras.diagnosis_dock
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    qtbot.waitUntil(lambda: delete.editor.width() == editor_width)  # below, not beside: the editor keeps its width
    shown = pane.findChild(QPlainTextEdit, "fixContent0_0")
    assert shown is not None
    qtbot.waitUntil(shown.isVisible)
    statement = json.loads(shown.toPlainText())
    assert statement["Action"] == "mobiletargeting:DeleteApp" and statement["Effect"] == "Allow"
    copy = pane.findChild(QPushButton, "fixButton0_0")  # the fix's own button copies what is shown
    assert copy.text() == "Copy the IAM policy statement"
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert json.loads(QApplication.clipboard().text()) == statement


def test_compare_with_a_missing_variable_says_what_is_missing_and_offers_the_fix(qtbot, open_window, context):
    from PySide6.QtWidgets import QPushButton
    from ui_helpers import open_operation

    from workbench.core.environments.credentials import CredentialSource
    from workbench.core.environments.model import Environment, EnvironmentStore

    store = EnvironmentStore(context.config_dir / "environments.json")
    store.set_variables("sandbox", {"projectId": "some-app"})
    store.add(Environment(name="sandbox-b", region="us-east-1", credential_source=CredentialSource("sandbox")))
    window = open_window(context)
    open_operation(qtbot, window, "GetApp")
    pane = window.extras.open_compare()
    pane.left_env.setCurrentText("sandbox")
    pane.right_env.setCurrentText("sandbox-b")
    qtbot.mouseClick(pane.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.run_button.isEnabled() and pane.summary.text().startswith("Not compared"),
                    timeout=30000)
    assert pane.summary.text().startswith("Not compared: the request cannot be sent in sandbox-b: ")
    assert "projectId" in pane.summary.text()
    assert pane.right_status.text() == "sandbox-b: not sent"
    assert pane.right_body.placeholderText() == pane.summary.text()  # the empty panes say why too
    qtbot.waitUntil(lambda: pane.findChild(QPushButton, "compareRemedy_set_variable") is not None, timeout=10000)
    fix = pane.findChild(QPushButton, "compareRemedy_set_variable")
    assert fix.text() == "Set projectId in sandbox-b"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    manager = window.extras.manager
    assert manager is not None and manager.isVisible()


def test_the_palette_ranks_exact_and_prefix_matches_first_and_cuts_weak_fuzzy_ones(qtbot, window):
    from PySide6.QtWidgets import QLabel, QLineEdit, QListView

    palette = window.extras.open_palette()
    query = palette.findChild(QLineEdit, "paletteQuery")
    results = palette.findChild(QListView, "paletteResults").model()

    def titles():
        return [results.index(r).data(Qt.ItemDataRole.UserRole + 1).title for r in range(results.rowCount())]

    qtbot.keyClicks(query, "SendOTP")
    assert titles() == ["SendOTPMessage"]  # not 62 letters-in-order lookalikes
    assert palette.findChild(QLabel, "paletteCount").text() == "1 match"
    query.clear()
    qtbot.keyClicks(query, "GetApp")
    assert titles()[:4] == ["GetApp", "GetApps", "GetApplicationSettings", "GetApplicationDateRangeKpi"]
    query.clear()
    qtbot.keyClicks(query, "gapps")  # nothing contains it: letters in order, close together, still find it
    assert titles()[0] == "GetApps"
    palette.hide()


def test_save_body_writes_a_spooled_answer_whole(qtbot, window, tmp_path):
    """An answer past the spool threshold lives in a file with only a preview in memory:
    "Save body…" must write all of it (copied file to file, never read whole into memory)."""
    from workbench.core.send.transport import Response

    spooled = tmp_path / "spooled.body"
    spooled.write_bytes(b'{"Item": [' + b'{"Id": "x"},' * 200_000 + b'{}]}')
    response = Response(status=200, reason="OK", headers=(), body=b'{"Item": [', body_path=str(spooled),
                        size_bytes=spooled.stat().st_size, truncated=True)
    target = tmp_path / "saved.json"
    notices = []
    window.controller.notice.connect(notices.append)
    window.controller.save_body(response, str(target))
    qtbot.waitUntil(lambda: any("saved.json" in n for n in notices), timeout=10000)
    assert target.read_bytes() == spooled.read_bytes()
    assert f"{spooled.stat().st_size:,}" in notices[-1] or str(spooled.stat().st_size) in notices[-1]


def test_an_answer_past_the_decoded_limit_offers_to_raise_it_in_preferences(qtbot, open_window, context,
                                                                          app_look_restored):
    """harden's limits had no way up in the window: the error's button opens Preferences at the
    limit, and what is saved there is what the next send uses (0: no limit)."""
    from PySide6.QtWidgets import QSpinBox
    from ui_helpers import open_operation

    from workbench.core.send.transport import ResponseTooLarge
    from workbench.ui.panes.request_tab import remedies_for

    too_large = ResponseTooLarge(host="example", what="decodes to more than 64 MiB", limit="max_decoded_body",
                                 limit_text="decoded size")
    assert [label for _code, label in remedies_for(too_large)] == ["Raise the limit…"]
    ratio = ResponseTooLarge(host="example", what="decodes 1000 times its size", limit="max_decode_ratio",
                             limit_text="decoding ratio")
    assert remedies_for(ratio) == []  # that limit is the command line's flag only: no button that cannot help

    window = open_window(context)
    qtbot.waitUntil(lambda: window.extras.preferences is not None)
    assert window.controller.send_options.max_decoded_body == 64 * 1024 * 1024
    tab = open_operation(qtbot, window, "GetApps")
    window.apply_remedy(tab, "raise_limit:max_decoded_body")
    field = window.findChild(QSpinBox, "prefMaxDecoded")
    qtbot.waitUntil(lambda: field is not None and field.isVisible())
    assert field.value() == 64
    field.setValue(0)  # no limit
    field.window().findChild(type(field.window().findChild(object, "prefSave")), "prefSave").click()
    qtbot.waitUntil(lambda: window.controller.send_options.max_decoded_body is None, timeout=10000)
    assert '"max_decoded_mb": 0' in (context.config_dir / "preferences.json").read_text()
