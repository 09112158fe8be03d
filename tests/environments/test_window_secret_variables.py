"""Secret variables never show their values in the desktop window: not on hover over {{name}},
not in the Variables table, not in Inspect or "copy as curl"; yet the send uses them
(canaries). Here, next to the private Secret Service that holds the declared secret."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from workbench.core.environments.secret_variables import MASK, SecretVariableStore

ENV_CANARY = "canary-env-token-1234"  # a plain variable whose name says secret (apiToken)
KEYRING_CANARY = "canary-keyring-5678"  # a declared secret variable, its value in the keyring
REQUEST_CANARY = "canary-request-9012"  # a request variable named password
CANARIES = (ENV_CANARY, KEYRING_CANARY, REQUEST_CANARY)


@pytest.fixture
def window(qtbot, tmp_path, keyring_env, keyring_store):
    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    environ = keyring_env | {"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "AKIADEVEXAMPLE000001",
                             "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-key"}
    context = AppContext(environ, tmp_path / "config", tmp_path / "data", sandbox_url=lambda: "http://127.0.0.1:9")
    context.config_dir.mkdir(parents=True)
    (context.config_dir / "environments.json").write_text(json.dumps({
        "schema_version": 1,
        "environments": [{"name": "dev", "region": "us-east-1", "credential_source": {"kind": "process"},
                          "hosts": {"pinpoint": "127.0.0.1:9"},  # discard port: signed, then refused
                          "variables": {"apiToken": ENV_CANARY}, "secret_variables": ["partnerKey"]}],
    }))
    SecretVariableStore(keyring_store).set("dev", {"partnerKey": KEYRING_CANARY})
    window, controller = build(context, persist=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=30000):
        window.show()
        window.start()
    controller.select_environment("dev")
    yield window
    window.close()


def test_secret_values_are_masked_wherever_the_window_shows_variables(qtbot, window):
    tab = window.open_operation("pinpoint:GetApps")
    editor = tab.editor
    for name, value in (("X-Api-Token", "{{apiToken}}"), ("X-Partner", "{{partnerKey}}"), ("X-Pass", "{{password}}")):
        editor.headers.set_value(name, value)
    editor.variables.set_value("password", REQUEST_CANARY)

    hovers = [use.describe() for use in editor.url.uses_for("{{apiToken}} {{partnerKey}} {{password}}")]
    assert len(hovers) == 3 and all(MASK in text for text in hovers), hovers
    assert not any(canary in text for text in hovers for canary in CANARIES)

    variables = editor.variables
    assert [variables.index(row, 1).data() for row in range(variables.rowCount() - 1)] == [MASK]
    headers = [editor.headers.index(row, 1).data() for row in range(len(editor.headers.pairs()))]  # the typed ones
    assert headers == ["{{apiToken}}", "{{partnerKey}}", "{{password}}"]  # references are not secrets

    button = tab.findChild(QPushButton, "sendButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.exchange is not None, timeout=20000)
    sent = tab.exchange.inspection.to_text()
    assert all(canary in sent for canary in CANARIES)  # the send used every value ...
    shown = tab.inspect.view.toPlainText() + tab.inspect.summary.text() + tab.inspect.copy_curl()
    assert not any(canary in shown for canary in CANARIES)  # ... and the window shows none
    assert MASK in tab.inspect.view.toPlainText()
