"""Canary, through both front ends (issue 17 and issue 22 item 4): a secret key, a session
token, an environment's secret variable and a secret typed into the window, sent to a
server that echoes them (and says the key it knows). The command line (send, raw, run,
history, bundles, credentials test, --save-global) and the window (send, save as variable,
Ctrl+S, compare, history, its session) use them all; no output, nothing the window shows and
no file written (config, data, collections, history, bundles, JUnit) holds one of them."""

from __future__ import annotations

import re
import uuid

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QTextEdit, QWidget)

from tests.helpers.echo_server import echo_server
from tests.helpers.throwaway_ca import ThrowawayCa
from workbench.core.common.paths import config_dir, data_dir
from workbench.core.interop.draft_files import write_tree
from workbench.core.request.drafts import Assertion, RequestDraft

SECRET = f"CANARYsecretKEY{uuid.uuid4().hex}"
TOKEN = f"CANARYsessionTOKEN{uuid.uuid4().hex}"
VARIABLE = f"CANARYsecretVAR{uuid.uuid4().hex}"
TYPED = f"CANARYtypedKEY{uuid.uuid4().hex}"


def model_texts(model, parent=QModelIndex(), depth: int = 0) -> list[str]:
    texts = []
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts += [str(index.data(role)) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)]
        if depth < 12:
            texts += model_texts(model, model.index(row, 0, parent), depth + 1)
    return texts


def shown_texts(window) -> str:
    """Every text the window shows: labels, editors (not password fields), buttons, and every
    row of every view's model (lazy trees fetched), the status bar."""
    texts = [window.statusBar().currentMessage()] if hasattr(window, "statusBar") else []
    for widget in [window, *window.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal:
            texts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
    return "\n".join(texts)


def test_canary_secrets_reach_no_output_no_window_and_no_file(qtbot, run_cli, tmp_path, keyring_env):
    from tests.ui.ui_helpers import answer_next_dialog, find_tree_row, open_operation
    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    keys = keyring_env | {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": SECRET,
                          "AWS_SESSION_TOKEN": TOKEN}
    outputs: list[str] = []

    def cli(*argv, stdin=""):
        result = run_cli(*argv, stdin=stdin, env=keys)
        outputs.append(result.stdout + result.stderr)
        return result

    ca = ThrowawayCa(tmp_path)
    with echo_server({"Note": f"you signed with {SECRET}", "Partner": VARIABLE}, tls=ca.server_context("127.0.0.1")) as server:
        # an environment on that server (https, loopback: trusted), its credentials from the process, a secret variable
        hosts = [f"--host={api}={server.host}" for api in ("pinpoint", "pinpoint-sms-voice-v2")]
        assert cli("env", "add", "canary", "--region", "us-east-1", "--from-process-env", "--ca-bundle", ca.bundle,
                   *hosts).status == 0
        assert cli("env", "set", "canary", f"apiSecret={VARIABLE}").status == 0  # secret-named: to the keyring

        # ---- the command line
        runs = [
            ("send", "GetApps", "--env", "canary"),
            ("send", "GetApps", "--env", "canary", "--json", "--inspect", "--save-global", "partnerToken=Partner"),
            ("raw", "POST", server.url("/v1/apps", "https"), "--signing-name", "mobiletargeting", "--env", "canary",
             "-H", "X-Api-Key: {{ apiSecret }}", "--body", "-", "--inspect"),
            ("credentials", "test", "canary"),
            ("credentials", "test", "canary", "--json"),
        ]
        for argv in runs:
            result = cli(*argv, stdin='{"Name": "{{ apiSecret }}"}')
            assert result.status == 0, result.stdout + result.stderr
        write_tree(tmp_path / "collection", [("request", RequestDraft(
            name="GetApps", operation="pinpoint:GetApps", headers=(("X-Api-Key", "{{apiSecret}}"),),
            assertions=(Assertion("equals", "Partner", "something else"),)))])  # fails, saying what it found
        junit = tmp_path / "junit.xml"
        ran = cli("run", str(tmp_path / "collection"), "--env", "canary", "--junit", str(junit))
        assert ran.status == 1 and 'Partner: expected "something else", got "********"' in ran.stdout
        ids = [entry["id"] for entry in cli("history", "list", "--json").json]
        for entry_id in ids:
            assert cli("history", "show", str(entry_id)).status == 0
        assert cli("history", "replay", str(ids[0])).status == 0
        assert cli("bundle", "create", "GetApps", "--env", "canary", "--out", str(tmp_path / "sent.bundle.json")).status == 0
        assert cli("bundle", "create", "--history", str(ids[-1]), "--out", str(tmp_path / "kept.bundle.json")).status == 0
        assert cli("bundle", "open", str(tmp_path / "sent.bundle.json"), "--replay", "--env", "canary", "--json").status == 0

        # ---- the window, over the same folders
        environ = keys | {key: __import__("os").environ[key] for key in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                                                         "XDG_CACHE_HOME", "XDG_RUNTIME_DIR")}
        window, controller = build(AppContext(environ, config_dir(environ), data_dir(environ)))
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
            window.start()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        switcher = window.findChild(QComboBox, "environmentSwitcher")
        qtbot.waitUntil(lambda: switcher.findData("canary") >= 0, timeout=10000)
        switcher.setCurrentIndex(switcher.findData("canary"))
        switcher.activated.emit(switcher.findData("canary"))
        assert controller.current_env_name == "canary"

        tab = open_operation(qtbot, window, "GetApps")
        tab.editor.headers.set_value("X-Api-Key", "{{apiSecret}}")
        qtbot.mouseClick(tab.findChild(QPushButton, "sendButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.response_body is not None, timeout=20000)
        assert tab.exchange.response.status == 200
        answer_next_dialog(qtbot, text="partnerKey", scope="global")
        with qtbot.waitSignal(controller.globals_changed, timeout=10000):
            tab.response.request_save_variable(find_tree_row(tab.response.tree_model, "$.Partner"))

        window.activateWindow()  # back from the dialog: shortcuts go to the active window
        qtbot.waitUntil(window.isActiveWindow)
        typed = open_operation(qtbot, window, "GetApps")
        typed.editor.headers.set_value("X-Partner-Token", TYPED)
        with qtbot.waitSignal(controller.draft_saved, timeout=10000):
            qtbot.keyClick(typed.editor.url, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        compare = window.extras.compare
        compare.set_request(tab.to_model())
        compare.left_env.setCurrentText("canary")
        compare.right_env.setCurrentText("canary")
        qtbot.mouseClick(compare.findChild(QPushButton, "compareRun"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: compare.comparison is not None, timeout=30000)

        history = window.history
        window.sidebar.setCurrentWidget(history)
        qtbot.waitUntil(lambda: history.filter.rowCount() >= len(ids) + 3, timeout=10000)
        where = history.list.visualRect(history.filter.index(0, 0)).center()
        before = window.tabs.count()
        qtbot.mouseClick(history.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(history.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.waitUntil(lambda: window.tabs.count() == before + 1 and window.tabs.currentWidget().response_body is not None,
                        timeout=10000)

        shown = shown_texts(window) + shown_texts(compare)
        assert "Partner" in shown and "********" in shown  # the echo is shown, its secrets masked
        window.close()  # the session and window state are written now
        sent = list(server.requests)

    assert all(r.header("X-Amz-Security-Token") == TOKEN for r in sent) and len(sent) >= 12
    assert any(r.header("X-Api-Key") == VARIABLE for r in sent)
    signatures = [re.search(r"Signature=([0-9a-f]{64})", r.header("Authorization")).group(1) for r in sent]
    needles = [SECRET, TOKEN, VARIABLE, TYPED, *signatures]
    for text in [*outputs, shown]:
        for needle in needles:
            assert needle not in text, f"{needle[:24]}... shown"
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    assert {"environments.json", "globals.json", "window-session.json", "history.sqlite3", "junit.xml",
            "sent.bundle.json", "kept.bundle.json"} <= names
    assert any(p.name.endswith(".request.json") and "My requests" in str(p) for p in written)
    for path in written:
        data = path.read_bytes()
        for needle in needles:
            assert needle.encode() not in data, f"{needle[:24]}... in {path}"
