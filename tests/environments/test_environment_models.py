"""The environment manager's item models over core Environments (checked with qtmodeltester),
and what a user sees in them: production environments marked in their colour (and in
words), secret variables masked, host overrides by API; the credentials dialog saying how a
save ended."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from workbench.core.environments.credentials import CredentialSource
from workbench.core.environments.model import Environment, sandbox_environment
from workbench.core.environments.secret_variables import MASK, form_variables
from workbench.core.environments.service import form_changes
from workbench.ui.manage.environment_models import (ENVIRONMENT_ROLE, SECRET_ROLE, EnvironmentListModel,
                                                    HostOverridesModel, VariablesModel)

DISPLAY, BACKGROUND, DECORATION = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole


def environments():
    return [sandbox_environment(),
            Environment("prod", "eu-west-1", production=True, colour="#6a1b9a"),
            Environment("prod-plain", "us-east-1", production=True),
            Environment("dev", "us-west-2", colour="teal")]


def test_the_environment_list_marks_production_in_colour_and_in_words(qapp, qtmodeltester):
    model = EnvironmentListModel()
    model.set_environments(environments())
    qtmodeltester.check(model)
    rows = {model.index(row, 0).data(ENVIRONMENT_ROLE).name: model.index(row, 0) for row in range(model.rowCount())}
    assert rows["prod"].data(DISPLAY) == "prod  (eu-west-1, PRODUCTION)"
    assert rows["dev"].data(DISPLAY) == "dev  (us-west-2)"
    assert rows["prod"].data(BACKGROUND).rgb() == QColor("#6a1b9a").rgb()  # tinted with its own colour
    assert rows["prod-plain"].data(BACKGROUND).rgb() == QColor("#c62828").rgb()  # no colour of its own: red
    assert rows["dev"].data(BACKGROUND) is None  # only production is tinted
    swatch = rows["prod"].data(DECORATION).pixmap(14, 14).toImage().pixelColor(7, 7)
    assert swatch.name() == "#6a1b9a"
    assert rows["dev"].data(DECORATION) is not None and rows["sandbox"].data(DECORATION) is not None
    assert "production: destructive and sending operations ask first" in rows["prod"].data(Qt.ItemDataRole.ToolTipRole)
    model.set_environments(environments()[:2])
    qtmodeltester.check(model)
    assert model.names() == ["sandbox", "prod"]


def test_variables_show_secrets_masked_and_read_back_what_changed(qtmodeltester):
    env = Environment("dev", "us-east-1", variables={"projectId": "p1", "apiToken": "plain-legacy-secret"},
                      secret_variables=("partnerKey",))
    model = VariablesModel()
    model.set_environment(env, form_variables(env))
    qtmodeltester.check(model)
    rows = [[model.index(row, column).data() for column in range(3)] for row in range(model.rowCount())]
    assert rows == [["apiToken", MASK, "environment dev · file, masked"],  # a secret left in the file by hand
                    ["partnerKey", MASK, "environment dev · OS keyring"],
                    ["projectId", "p1", "environment dev"]]
    assert model.index(1, 1).data(Qt.ItemDataRole.EditRole) == ""  # a secret is typed anew, never shown
    assert model.index(1, 1).data(SECRET_ROLE) is True and model.index(2, 1).data(SECRET_ROLE) is False
    assert form_changes(env, {"variables": model.values()}) == {}  # nothing touched: nothing to change

    model.setData(model.index(1, 1), "new-secret")
    model.setData(model.index(2, 1), "p2")
    model.remove_row(0)
    row = model.add_row("campaignId", "c1")
    assert model.index(row, 2).data() == "environment dev"
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "partnerKey" and model.index(0, 1).data() == MASK  # typed, still not shown
    assert form_changes(env, {"variables": model.values()}) == {
        "set_variables": {"partnerKey": "new-secret", "projectId": "p2", "campaignId": "c1"},
        "unset_variables": ["apiToken"]}
    assert not model.setData(model.index(0, 2), "scope is not editable")


def test_host_overrides_by_api(qtmodeltester):
    model = HostOverridesModel()
    qtmodeltester.check(model)
    model.set_overrides({"pinpoint": "vpce-1.pinpoint.example.internal"})
    assert model.index(0, 0).data() == "Pinpoint" and model.index(0, 1).data() == "vpce-1.pinpoint.example.internal"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == "pinpoint"
    model.setData(model.index(0, 1), "  ")
    model.setData(model.index(3, 1), "email.example.internal:8443")
    assert model.overrides() == {"pinpoint-email": "email.example.internal:8443"}
    assert not model.setData(model.index(0, 0), "renamed")
    qtmodeltester.check(model)


def test_form_changes_name_only_what_the_form_changed():
    env = Environment("dev", "us-east-1", account_id="111111111111", confirmed_hosts=("h.example.com",),
                      host_overrides={"pinpoint": "h.example.com"}, credential_source=CredentialSource("process"))
    form = {"name": "dev", "region": "us-east-1", "account_id": "222222222222", "colour": "",
            "host_overrides": {"pinpoint": "h.example.com"}, "credential_source": CredentialSource("process"),
            "variables": {}, "production": False, "ca_bundle": ""}
    assert form_changes(env, form) == {"account_id": "222222222222"}


@pytest.mark.keyring
def test_the_credentials_dialog_says_how_a_save_ended(qtbot, tmp_path, keyring_env):
    import json

    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    def open_dialog(environ):
        config = tmp_path / "config"
        config.mkdir(exist_ok=True)
        (config / "environments.json").write_text(json.dumps(
            {"schema_version": 1, "environments": [{"name": "dev", "region": "us-east-1"}]}))
        window, controller = build(AppContext(environ, config, tmp_path / "data",
                                              sandbox_url=lambda: "http://127.0.0.1:9"), persist=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
            window.start()
        qtbot.waitUntil(lambda: "dev" in controller.environments, timeout=10000)
        return window, window.extras.open_credentials("dev")

    def save(dialog, key_id, secret):
        dialog.findChild(QLineEdit, "accessKeyId").setText(key_id)
        dialog.findChild(QLineEdit, "secretAccessKey").setText(secret)
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveCredentials"), Qt.MouseButton.LeftButton)
        result = dialog.findChild(QLabel, "testResult")
        qtbot.waitUntil(lambda: result.text().startswith(("saved", "not saved")), timeout=10000)
        return result.text()

    window, dialog = open_dialog({**keyring_env, "HOME": str(tmp_path)})
    assert save(dialog, "notakey", "s3cret-value") == ("not saved: not an access key ID (7 characters): an access key "
                                                       "ID is 16 to 128 upper-case letters and digits, such as "
                                                       "AKIAIOSFODNN7EXAMPLE")
    assert save(dialog, "AKIAOUTCOMEEXAMPLE01", "s3cret-value") == "saved: AKIA************LE01 stored in the keyring"
    qtbot.waitUntil(lambda: dialog.stored.text() == "stored in the keyring, AKIA************LE01", timeout=10000)
    window.close()

    window, dialog = open_dialog({"HOME": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    text = save(dialog, "AKIAOUTCOMEEXAMPLE01", "s3cret-value")
    assert text.startswith("not saved: the OS keyring is not usable (no keyring backend is available")
    assert dialog.no_keyring.isVisible()
    qtbot.mouseClick(dialog.findChild(QPushButton, "keepForSession"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result.text().startswith(("saved", "not saved")), timeout=10000)
    assert dialog.result.text() == "saved: AKIA************LE01 stored for this session only"
    window.close()
