"""The environment manager: the list on the left, the selected environment's form on the
right (region picked from a list that says which of the four APIs each region offers, free
variables in a table with their scope, host overrides, account id, colour, production flag,
where the credentials come from). New, duplicate into another region, import a Postman
environment (secrets to the keyring), delete after a confirmation. Environments changed
from a terminal appear without a restart (the controller polls the store)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from workbench.core.library.apis import APIS
from workbench.core.environments.credentials import CREDENTIAL_KINDS, CredentialSource
from workbench.ui.accessible import named
from workbench.ui.owned_work import run_for

SOURCE_LABELS = {"keyring": "OS keyring", "profile": "AWS profile", "process": "process environment (AWS_ACCESS_KEY_ID…)",
                 "sandbox": "local sandbox identity"}
SSO_HINT = "SSO profile: if its token has expired, run  aws sso login --profile {name}  in a terminal, then Test."
NEW = "(new environment)"


def region_offers(info) -> str:
    """'Pinpoint ✓ · SMS/voice v2 ✓ · SMS/voice v1 ✗ · Email ✓' (text, not only colour)."""
    return " · ".join(f"{api.label} {'✓' if info.offers(name) else '✗ not offered'}" for name, api in APIS.items())


class EnvironmentManager(QDialog):
    credentials_requested = Signal(str)  # environment name

    def __init__(self, controller, actions, parent=None):
        super().__init__(parent)
        self.controller, self.actions = controller, actions
        named(self, "environmentManager", "Environment manager")
        self.setWindowTitle("Environments")
        self.editing: str | None = None  # the name of the environment in the form; None for a new one
        self._regions = {}

        self.list = named(QListWidget(), "environmentList", "Environments")
        self.list.currentItemChanged.connect(lambda item, _: self._select(item))
        new = named(QPushButton("New…"), "newEnvironment", "Create an environment")
        duplicate = named(QPushButton("Duplicate…"), "duplicateEnvironment", "Duplicate into another region")
        imported = named(QPushButton("Import Postman…"), "importEnvironment", "Import a Postman environment")
        delete = named(QPushButton("Delete"), "deleteEnvironment", "Delete the environment")
        new.clicked.connect(self.new_environment)
        duplicate.clicked.connect(self._duplicate)
        imported.clicked.connect(self._import)
        delete.clicked.connect(self._delete)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        for button in (new, duplicate, imported, delete):
            left_layout.addWidget(button)

        self.name = named(QLineEdit(), "environmentName", "Environment name")
        self.region = named(QComboBox(), "regionPicker", "Region")
        self.region.currentIndexChanged.connect(self._region_changed)
        self.offers = named(QLabel(), "regionOffers", "APIs the region offers")
        self.offers.setWordWrap(True)
        self.account = named(QLineEdit(), "accountId", "AWS account ID")
        self.account.setPlaceholderText("12 digits (optional)")
        self.colour = named(QLineEdit(), "environmentColour", "Colour")
        self.colour.setPlaceholderText("#c62828 (optional)")
        self.production = named(QCheckBox("production: confirm before anything destructive or sending"),
                                "productionFlag", "Production environment")
        self.source = named(QComboBox(), "credentialSource", "Credentials from")
        for kind in CREDENTIAL_KINDS:
            self.source.addItem(SOURCE_LABELS[kind], kind)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.profile = named(QComboBox(), "awsProfile", "AWS profile")
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.profile_hint = named(QLabel(), "profileHint", "About the profile")
        self.profile_hint.setWordWrap(True)
        self.hosts = named(QTableWidget(len(APIS), 2), "hostOverrides", "Host overrides")
        self.hosts.setHorizontalHeaderLabels(["API", "host (empty: AWS's host for the region)"])
        for row, (name, api) in enumerate(APIS.items()):
            label = QTableWidgetItem(api.label)
            label.setData(Qt.ItemDataRole.UserRole, name)
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.hosts.setItem(row, 0, label)
            self.hosts.setItem(row, 1, QTableWidgetItem(""))
        self.variables = named(QTableWidget(0, 3), "environmentVariables", "Variables")
        self.variables.setHorizontalHeaderLabels(["name", "value", "scope"])
        for table in (self.hosts, self.variables):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().hide()
        add_var = named(QPushButton("Add variable"), "addVariable", "Add a variable")
        remove_var = named(QPushButton("Remove variable"), "removeVariable", "Remove the selected variable")
        add_var.clicked.connect(lambda: self._add_variable_row("", ""))
        remove_var.clicked.connect(lambda: self.variables.removeRow(self.variables.currentRow()))
        self.save_button = named(QPushButton("Save"), "saveEnvironment", "Save the environment")
        self.save_button.clicked.connect(self.save)
        self.credentials_button = named(QPushButton("Credentials…"), "openCredentials", "Credentials of the environment")
        self.credentials_button.clicked.connect(lambda: self.editing and self.credentials_requested.emit(self.editing))
        self.message = named(QLabel(), "environmentMessage", "Result")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Region", self.region)
        form.addRow("", self.offers)
        form.addRow("Account ID", self.account)
        form.addRow("Colour", self.colour)
        form.addRow("", self.production)
        form.addRow("Credentials from", self.source)
        form.addRow("AWS profile", self.profile)
        form.addRow("", self.profile_hint)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel("Variables"))
        right_layout.addWidget(self.variables, 1)
        var_buttons = QHBoxLayout()
        var_buttons.addWidget(add_var)
        var_buttons.addWidget(remove_var)
        var_buttons.addStretch(1)
        right_layout.addLayout(var_buttons)
        right_layout.addWidget(QLabel("Host overrides"))
        right_layout.addWidget(self.hosts)
        right_layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.credentials_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([220, 640])
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see ui/dialogs.py
        layout.addWidget(splitter)
        self.resize(900, 700)

        controller.environments_loaded.connect(self.set_environments)
        actions.changed.connect(self._changed)
        actions.created.connect(self._created)
        actions.failed.connect(lambda text: self.message.setText(text))
        actions.profiles_loaded.connect(self._profiles)
        run_for(self, controller, self._load_regions, self._regions_loaded)
        actions.load_profiles()
        self.set_environments(list(controller.environments.values()))

    # ---- data in

    @staticmethod
    def _load_regions():
        from workbench.core.library.regions import region_table

        return region_table()

    def _regions_loaded(self, table) -> None:
        self._regions = {info.code: info for info in table}
        current = self.region.currentData()
        self.region.blockSignals(True)
        self.region.clear()
        for info in table:
            missing = f"  ({len(info.missing_apis)} of 4 APIs not offered)" if info.missing_apis else ""
            self.region.addItem(f"{info.code} — {info.description}{missing}", info.code)
        self.region.blockSignals(False)
        self._set_region(current or "us-east-1")

    def _set_region(self, code: str) -> None:
        index = self.region.findData(code)
        if index < 0 and code:
            self.region.addItem(code, code)
            index = self.region.count() - 1
        self.region.setCurrentIndex(index)
        self._region_changed()

    def _region_changed(self) -> None:
        info = self._regions.get(self.region.currentData())
        self.offers.setText(region_offers(info) if info else "")

    def _profiles(self, profiles) -> None:
        current = self.profile.currentData()
        self.profile.blockSignals(True)
        self.profile.clear()
        for info in profiles:
            self.profile.addItem(f"{info.name} (SSO)" if info.kind == "sso" else f"{info.name} ({info.kind})", info.name)
            self.profile.setItemData(self.profile.count() - 1, info.kind, Qt.ItemDataRole.UserRole + 1)
        self.profile.blockSignals(False)
        if current:
            self._set_profile(current)
        self._source_changed()

    def _set_profile(self, name: str) -> None:
        index = self.profile.findData(name)
        if index < 0:
            self.profile.addItem(f"{name} (not in the AWS config)", name)
            index = self.profile.count() - 1
        self.profile.setCurrentIndex(index)

    def _source_changed(self) -> None:
        is_profile = self.source.currentData() == "profile"
        self.profile.setEnabled(is_profile)
        if is_profile and not self.profile.count():
            self.profile_hint.setText("No profiles in the AWS config (~/.aws/config, ~/.aws/credentials).")
        else:
            self._profile_changed()

    def _profile_changed(self) -> None:
        kind = self.profile.currentData(Qt.ItemDataRole.UserRole + 1)
        show = self.source.currentData() == "profile" and kind == "sso"
        self.profile_hint.setText(SSO_HINT.format(name=self.profile.currentData()) if show else "")

    def set_environments(self, environments) -> None:
        """The list again (after a change here or from a terminal); the selection and the
        last message stay."""
        selected = self.editing
        self.list.blockSignals(True)
        self.list.clear()
        for env in environments:
            item = QListWidgetItem(f"{env.name}  ({env.region}{', production' if env.production else ''})")
            item.setData(Qt.ItemDataRole.UserRole, env.name)
            if env.colour:
                item.setForeground(QColor(env.colour))
            self.list.addItem(item)
        names = [env.name for env in environments]
        if selected in names:
            self.list.setCurrentRow(names.index(selected))
        self.list.blockSignals(False)
        if selected in names:
            self.show_environment(environments[names.index(selected)], keep_message=True)
        elif selected is None and self.name.text():
            pass  # a new environment being typed: keep the form
        elif names:
            self.list.setCurrentRow(0)

    def environment_names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _select(self, item) -> None:
        if item is None:
            return
        env = self.controller.environments.get(item.data(Qt.ItemDataRole.UserRole))
        if env is not None:
            self.show_environment(env)

    def show_environment(self, env, keep_message: bool = False) -> None:
        self.editing = env.name
        self.name.setText(env.name)
        self._set_region(env.region)
        self.account.setText(env.account_id)
        self.colour.setText(env.colour)
        self.production.setChecked(env.production)
        self.source.setCurrentIndex(self.source.findData(env.credential_source.kind))
        if env.credential_source.profile:
            self._set_profile(env.credential_source.profile)
        overrides = {} if env.is_sandbox else env.host_overrides
        for row in range(self.hosts.rowCount()):
            api = self.hosts.item(row, 0).data(Qt.ItemDataRole.UserRole)
            self.hosts.item(row, 1).setText(overrides.get(api, ""))
        self.variables.setRowCount(0)
        for key, value in sorted(env.variables.items()):
            self._add_variable_row(key, value)
        sandbox = env.is_sandbox
        for widget in (self.name, self.region, self.account, self.colour, self.production, self.source, self.hosts):
            widget.setEnabled(not sandbox)
        if not keep_message:
            self.message.setText("the built-in sandbox: only its variables can change" if sandbox else "")

    def _add_variable_row(self, key: str, value: str) -> None:
        row = self.variables.rowCount()
        self.variables.insertRow(row)
        self.variables.setItem(row, 0, QTableWidgetItem(key))
        self.variables.setItem(row, 1, QTableWidgetItem(value))
        scope = QTableWidgetItem(f"environment {self.name.text() or 'new'}")
        scope.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.variables.setItem(row, 2, scope)

    # ---- intents

    def new_environment(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.editing = None
        for widget in (self.name, self.region, self.account, self.colour, self.production, self.source, self.hosts):
            widget.setEnabled(True)
        self.name.setText("")
        self.account.setText("")
        self.colour.setText("")
        self.production.setChecked(False)
        self.source.setCurrentIndex(self.source.findData("keyring"))
        for row in range(self.hosts.rowCount()):
            self.hosts.item(row, 1).setText("")
        self.variables.setRowCount(0)
        self.message.setText("pick a region, name it, Save")
        self.name.setFocus()

    def form_environment(self):
        """The form as an Environment (EnvironmentInvalid lists every problem)."""
        from workbench.core.environments.model import Environment

        variables = {}
        for row in range(self.variables.rowCount()):
            key = (self.variables.item(row, 0) or QTableWidgetItem()).text().strip()
            if key:
                variables[key] = (self.variables.item(row, 1) or QTableWidgetItem()).text()
        existing = self.controller.environments.get(self.editing) if self.editing else None
        if existing is not None and existing.is_sandbox:
            from dataclasses import replace
            return replace(existing, variables=variables)
        hosts = {self.hosts.item(row, 0).data(Qt.ItemDataRole.UserRole): self.hosts.item(row, 1).text().strip()
                 for row in range(self.hosts.rowCount()) if self.hosts.item(row, 1).text().strip()}
        kind = self.source.currentData()
        source = CredentialSource(kind, self.profile.currentData() if kind == "profile" else None)
        extra = {"ca_bundle": existing.ca_bundle} if existing is not None else {}
        return Environment(name=self.name.text().strip(), region=self.region.currentData() or "",
                           host_overrides=hosts, account_id=self.account.text().strip(), variables=variables,
                           colour=self.colour.text().strip(), production=self.production.isChecked(),
                           credential_source=source, **extra)

    def save(self) -> None:
        from workbench.core.common.errors import WorkbenchError

        try:
            env = self.form_environment()
        except WorkbenchError as exc:
            self.message.setText(str(exc))
            return
        if self.editing is not None and self.editing in self.controller.environments and env.is_sandbox:
            self.actions.set_variables(env)
        elif self.editing is None:
            self.editing = env.name
            self.actions.add(env)
        else:
            previous, self.editing = self.editing, env.name
            self.actions.update(env, previous)
        self.message.setText("saving…")

    def _created(self, name: str) -> None:
        self.editing = name  # selected when the reloaded list arrives

    def _changed(self, text: str) -> None:
        self.message.setText(text)

    def _duplicate(self) -> None:
        env = self.controller.environments.get(self.editing or "")
        if env is None or env.is_sandbox:
            self.message.setText("select an AWS environment to duplicate")
            return
        region, ok = QInputDialog.getItem(self, "Duplicate into a region", f"Duplicate {env.name} into:",
                                          list(self._regions) or [env.region], 0, False)
        if not ok:
            return
        name, ok = QInputDialog.getText(self, "Name of the copy", "Name:", text=f"{env.name}-{region}")
        if ok and name.strip():
            self.editing = name.strip()
            self.actions.duplicate(env, name.strip(), region)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a Postman environment", "",
                                              "Postman environment (*.json);;All files (*)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.message.setText(f"importing {path}…")
        self.actions.import_postman(path)

    def _delete(self) -> None:
        from workbench.ui.dialogs import confirm

        name = self.editing
        env = self.controller.environments.get(name or "")
        if env is None or env.is_sandbox:
            self.message.setText("the sandbox environment is built in; nothing to delete")
            return
        if confirm(self, "deleteEnvironmentConfirmation", "Delete the environment",
                   f"Delete the environment {name} ({env.region}) and its stored credentials?", f"Delete {name}", no="Keep it"):
            self.editing = None
            self.actions.remove(name)
