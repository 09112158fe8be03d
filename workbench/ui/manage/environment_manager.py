"""The environment manager: the list on the left (production environments marked in their
colour), the selected environment's form on the right (region picked from a list that says
which of the four APIs each region offers, variables with their scope, host overrides,
account id, colour, CA bundle, production flag, where the credentials come from). New,
duplicate into another region, import a Postman environment, delete after a confirmation.

The form decides nothing: Save sends what the user changed (`service.form_changes`) to the
environment service, through EnvironmentActions' workers; what the form does not show is
kept. Environments changed from a terminal appear without a restart (the controller polls
the store)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLayout, QLineEdit, QListView, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from workbench.core.environments.credentials import CREDENTIAL_KINDS, CredentialSource
from workbench.core.library.apis import APIS
from workbench.ui.accessible import named
from workbench.ui.credential_words import source_label
from workbench.ui.manage.environment_models import ENVIRONMENT_ROLE, EnvironmentListModel, HostOverridesModel, VariablesModel
from workbench.ui.owned_work import run_for

def region_offers(info) -> str:
    """'Pinpoint ✓ · SMS/voice v2 ✓ · SMS/voice v1 ✗ · Email ✓' (text, not only colour)."""
    missing = "✗ " + QCoreApplication.translate("EnvironmentManager", "not offered")
    return " · ".join(f"{api.label} {'✓' if info.offers(name) else missing}" for name, api in APIS.items())


class EnvironmentManager(QDialog):
    credentials_requested = Signal(str)  # environment name

    def __init__(self, controller, actions, parent=None):
        super().__init__(parent)
        self.controller, self.actions = controller, actions
        named(self, "environmentManager", self.tr("Environment manager"))
        self.setWindowTitle(self.tr("Environments"))
        self.shown = None  # the Environment in the form, as it was shown; None for a new one
        self._pending: str | None = None  # an environment just added or renamed: selected once the list has it
        self._regions = {}

        self.environments = EnvironmentListModel(self)
        self.list = named(QListView(), "environmentList", self.tr("Environments"))
        self.list.setModel(self.environments)
        self.list.selectionModel().currentChanged.connect(lambda current, _: self._select(current))
        new = named(QPushButton(self.tr("New…")), "newEnvironment", self.tr("Create an environment"))
        duplicate = named(QPushButton(self.tr("Duplicate…")), "duplicateEnvironment",
                          self.tr("Duplicate into another region"))
        imported = named(QPushButton(self.tr("Import Postman…")), "importEnvironment",
                         self.tr("Import a Postman environment"))
        delete = named(QPushButton(self.tr("Delete")), "deleteEnvironment", self.tr("Delete the environment"))
        new.clicked.connect(self.new_environment)
        duplicate.clicked.connect(self._duplicate)
        imported.clicked.connect(self._import)
        delete.clicked.connect(self._delete)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        for button in (new, duplicate, imported, delete):
            left_layout.addWidget(button)

        self.name = named(QLineEdit(), "environmentName", self.tr("Environment name"))
        self.name.textChanged.connect(lambda text: self.shown is None and self.variable_model.set_scope(text.strip()))
        self.region = named(QComboBox(), "regionPicker", self.tr("Region"))
        self.region.currentIndexChanged.connect(self._region_changed)
        self.offers = named(QLabel(), "regionOffers", self.tr("APIs the region offers"))
        self.offers.setWordWrap(True)
        self.account = named(QLineEdit(), "accountId", self.tr("AWS account ID"))
        self.account.setPlaceholderText(self.tr("12 digits (optional)"))
        self.colour = named(QLineEdit(), "environmentColour", self.tr("Colour"))
        self.colour.setPlaceholderText(self.tr("#c62828 or a colour name (optional)"))
        self.ca_bundle = named(QLineEdit(), "caBundle", self.tr("CA bundle"))
        self.ca_bundle.setPlaceholderText(self.tr("a PEM file of CAs to trust, e.g. a corporate proxy's (optional)"))
        browse = named(QPushButton(self.tr("Browse…")), "browseCaBundle", self.tr("Choose the CA bundle file"))
        browse.clicked.connect(self._browse_ca_bundle)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.ca_bundle, 1)
        bundle_row.addWidget(browse)
        self.production = named(QCheckBox(self.tr("production: confirm before anything destructive or sending")),
                                "productionFlag", self.tr("Production environment"))
        self.source = named(QComboBox(), "credentialSource", self.tr("Credentials from"))
        for kind in CREDENTIAL_KINDS:
            self.source.addItem(source_label(kind), kind)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.profile = named(QComboBox(), "awsProfile", self.tr("AWS profile"))
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.profile_hint = named(QLabel(), "profileHint", self.tr("About the profile"))
        self.profile_hint.setWordWrap(True)
        self.host_model = HostOverridesModel(self)
        self.hosts = named(QTableView(), "hostOverrides", self.tr("Host overrides"))
        self.hosts.setModel(self.host_model)
        self.variable_model = VariablesModel(self)
        self.variables = named(QTableView(), "environmentVariables", self.tr("Variables"))
        self.variables.setModel(self.variable_model)
        for table in (self.hosts, self.variables):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().hide()
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setWordWrap(False)
        self.variables.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.hosts.verticalHeader().defaultSectionSize() * self.host_model.rowCount()
        self.hosts.setFixedHeight(rows + self.hosts.horizontalHeader().sizeHint().height() + 2 * self.hosts.frameWidth())
        add_var = named(QPushButton(self.tr("Add variable")), "addVariable", self.tr("Add a variable"))
        remove_var = named(QPushButton(self.tr("Remove variable")), "removeVariable", self.tr("Remove the selected variable"))
        add_var.clicked.connect(lambda: self._add_variable_row("", ""))
        remove_var.clicked.connect(lambda: self.variable_model.remove_row(self.variables.currentIndex().row()))
        self.save_button = named(QPushButton(self.tr("Save")), "saveEnvironment", self.tr("Save the environment"))
        self.save_button.clicked.connect(self.save)
        self.credentials_button = named(QPushButton(self.tr("Credentials…")), "openCredentials",
                                        self.tr("Credentials of the environment"))
        self.credentials_button.clicked.connect(lambda: self.shown and self.credentials_requested.emit(self.shown.name))
        self.message = named(QLabel(), "environmentMessage", self.tr("Result"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Region"), self.region)
        form.addRow("", self.offers)
        form.addRow(self.tr("Account ID"), self.account)
        form.addRow(self.tr("Colour"), self.colour)
        form.addRow(self.tr("CA bundle"), bundle_row)
        form.addRow("", self.production)
        form.addRow(self.tr("Credentials from"), self.source)
        form.addRow(self.tr("AWS profile"), self.profile)
        form.addRow("", self.profile_hint)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Variables")))
        right_layout.addWidget(self.variables, 1)
        var_buttons = QHBoxLayout()
        var_buttons.addWidget(add_var)
        var_buttons.addWidget(remove_var)
        var_buttons.addStretch(1)
        right_layout.addLayout(var_buttons)
        right_layout.addWidget(QLabel(self.tr("Host overrides")))
        right_layout.addWidget(self.hosts)
        right_layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.credentials_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        self._aws_only = (self.name, self.region, self.account, self.colour, self.ca_bundle, browse, self.production,
                          self.source, self.hosts)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see ui/dialogs.py
        layout.addWidget(splitter)
        self.resize(900, 720)

        controller.environments_loaded.connect(self.set_environments)
        actions.changed.connect(self.message.setText)
        actions.created.connect(self._created)
        actions.failed.connect(self.message.setText)
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
            missing = (self.tr("  ({count} of 4 APIs not offered)").format(count=len(info.missing_apis))
                       if info.missing_apis else "")
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
            self.profile.addItem(f"{info.name} ({'SSO' if info.kind == 'sso' else info.kind})", info.name)
            self.profile.setItemData(self.profile.count() - 1, info.kind, Qt.ItemDataRole.UserRole + 1)
        self.profile.blockSignals(False)
        if current:
            self._set_profile(current)
        self._source_changed()

    def _set_profile(self, name: str) -> None:
        index = self.profile.findData(name)
        if index < 0:
            self.profile.addItem(self.tr("{name} (not in the AWS config)").format(name=name), name)
            index = self.profile.count() - 1
        self.profile.setCurrentIndex(index)

    def _source_changed(self) -> None:
        is_profile = self.source.currentData() == "profile"
        self.profile.setEnabled(is_profile)
        if is_profile and not self.profile.count():
            self.profile_hint.setText(self.tr("No profiles in the AWS config (~/.aws/config, ~/.aws/credentials)."))
        else:
            self._profile_changed()

    def _profile_changed(self) -> None:
        kind = self.profile.currentData(Qt.ItemDataRole.UserRole + 1)
        show = self.source.currentData() == "profile" and kind == "sso"
        self.profile_hint.setText(self.tr("SSO profile: if its token has expired, run  aws sso login --profile {name}  "
                                          "in a terminal, then Test.").format(name=self.profile.currentData())
                                  if show else "")

    def set_environments(self, environments) -> None:
        """The list again (after a change here or from a terminal); the selection and the
        last message stay."""
        selected = self._pending or (self.shown.name if self.shown is not None else None)
        typing_new = self.shown is None and bool(self.name.text())
        if selected in [env.name for env in environments]:
            self._pending = None
        self.list.selectionModel().blockSignals(True)
        self.environments.set_environments(environments)
        self.list.selectionModel().blockSignals(False)
        row = self.environments.row_of(selected) if selected else -1
        if row < 0 and not typing_new and environments:
            row = 0
        if row >= 0:
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.environments.index(row))
            self.list.selectionModel().blockSignals(False)
            self.show_environment(self.environments.index(row).data(ENVIRONMENT_ROLE), keep_message=True)

    @property
    def regions_ready(self) -> bool:
        """The region picker holds the region table (not only the environment's own region)."""
        return bool(self._regions)

    @property
    def editing(self) -> str | None:
        """The name of the environment in the form; None for a new one."""
        return self.shown.name if self.shown is not None else None

    def environment_names(self) -> list[str]:
        return self.environments.names()

    def select_environment(self, name: str) -> None:
        """Show `name` in the form (as a click in the list does)."""
        row = self.environments.row_of(name)
        if row >= 0:
            self.list.setCurrentIndex(self.environments.index(row))

    def _select(self, index) -> None:
        env = index.data(ENVIRONMENT_ROLE) if index.isValid() else None
        if env is not None:
            self.show_environment(env)

    def show_environment(self, env, keep_message: bool = False) -> None:
        from workbench.core.environments.secret_variables import form_variables

        self.shown = env
        self.name.setText(env.name)
        self._set_region(env.region)
        self.account.setText(env.account_id)
        self.colour.setText(env.colour)
        self.ca_bundle.setText(env.ca_bundle)
        self.production.setChecked(env.production)
        self.source.setCurrentIndex(self.source.findData(env.credential_source.kind))
        if env.credential_source.profile:
            self._set_profile(env.credential_source.profile)
        self.host_model.set_overrides({} if env.is_sandbox else env.host_overrides)
        self.variable_model.set_environment(env, form_variables(env))
        for widget in self._aws_only:
            widget.setEnabled(not env.is_sandbox)
        if not (keep_message and self.message.text()):
            self.message.setText(self.tr("the built-in sandbox: only its variables can change") if env.is_sandbox else "")

    def _add_variable_row(self, key: str, value: str) -> None:
        row = self.variable_model.add_row(key, value)
        self.variables.setCurrentIndex(self.variable_model.index(row, 0 if not key else 1))

    # ---- intents

    def new_environment(self) -> None:
        self.list.selectionModel().clearCurrentIndex()
        self.list.clearSelection()
        self.shown = None
        for widget in self._aws_only:
            widget.setEnabled(True)
        for field in (self.name, self.account, self.colour, self.ca_bundle):
            field.setText("")
        self.production.setChecked(False)
        self.source.setCurrentIndex(self.source.findData("keyring"))
        self.host_model.set_overrides({})
        self.variable_model.set_environment(None, {})
        self.message.setText(self.tr("pick a region, name it, Save"))
        self.name.setFocus()

    def form_values(self) -> dict:
        """What the form says, as Environment fields (the service checks every rule)."""
        kind = self.source.currentData()
        return dict(name=self.name.text().strip(), region=self.region.currentData() or "",
                    host_overrides=self.host_model.overrides(), account_id=self.account.text().strip(),
                    variables=self.variable_model.values(), colour=self.colour.text().strip(),
                    production=self.production.isChecked(), ca_bundle=self.ca_bundle.text().strip(),
                    credential_source=CredentialSource(kind, self.profile.currentData() if kind == "profile" else None))

    def save(self) -> None:
        from workbench.core.common.errors import WorkbenchError
        from workbench.core.environments.service import form_changes

        shown = self.shown
        try:
            values = self.form_values()
            if shown is None:
                self.actions.add(values)
            elif shown.is_sandbox:
                self.actions.edit(shown.name, form_changes(shown, {"variables": values["variables"]}))
            else:
                self.actions.edit(shown.name, form_changes(shown, values))
        except WorkbenchError as exc:  # a credential source the form cannot describe
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("saving…"))

    def _created(self, name: str) -> None:
        self._pending = name  # selected when the reloaded list arrives

    def _browse_ca_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA bundle"), self.ca_bundle.text(),
                                              self.tr("PEM files (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_bundle.setText(path)

    def _duplicate(self) -> None:
        env = self.shown
        if env is None or env.is_sandbox:
            self.message.setText(self.tr("select an AWS environment to duplicate"))
            return
        region, ok = QInputDialog.getItem(self, self.tr("Duplicate into a region"),
                                          self.tr("Duplicate {name} into:").format(name=env.name),
                                          list(self._regions) or [env.region], 0, False)
        if not ok:
            return
        name, ok = QInputDialog.getText(self, self.tr("Name of the copy"), self.tr("Name:"), text=f"{env.name}-{region}")
        if ok and name.strip():
            self.actions.duplicate(env.name, name.strip(), region)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a Postman environment"), "",
                                              self.tr("Postman environment (*.json);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.message.setText(self.tr("importing {path}…").format(path=path))
        self.actions.import_postman(path)

    def _delete(self) -> None:
        from workbench.ui.dialogs import confirm

        env = self.shown
        if env is None or env.is_sandbox:
            self.message.setText(self.tr("the sandbox environment is built in; nothing to delete"))
            return
        if confirm(self, "deleteEnvironmentConfirmation", self.tr("Delete the environment"),
                   self.tr("Delete the environment {name} ({region}), its stored credentials and secret variables?")
                   .format(name=env.name, region=env.region),
                   self.tr("Delete {name}").format(name=env.name), no=self.tr("Keep it")):
            self.shown = None
            self.name.setText("")  # the list selects another once it has reloaded
            self.actions.remove(env.name)
