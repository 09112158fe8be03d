"""Sandbox -> Scenarios: what the local sandbox replays and which faults it injects. Load a
scenario file (a reproduction bundle or a rules file) or a shipped one, see each scenario's
rules, unload one or all. A damaged file is refused with the place in it named. Every file
read and write runs in a worker."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLayout, QPlainTextEdit,
                               QPushButton, QSplitter, QTableView, QVBoxLayout)

from workbench.ui.accessible import named
from workbench.ui.models.rows_model import OBJECT_ROLE, RowsModel
from workbench.ui.owned_work import run_for

SCENARIO_ROLE = OBJECT_ROLE
COLUMNS = (QT_TRANSLATE_NOOP("ScenariosModel", "Scenario"), QT_TRANSLATE_NOOP("ScenariosModel", "Rules"),
           QT_TRANSLATE_NOOP("ScenariosModel", "What it does"))


class ScenariosModel(RowsModel):
    """The loaded scenarios (core.sandbox.scenarios.Scenario), in the order they apply."""

    def __init__(self, parent=None):
        super().__init__([QCoreApplication.translate("ScenariosModel", c) for c in COLUMNS],
                         lambda s: (s.name, str(len(s.rules)), s.description or s.source),
                         tooltip=lambda s: s.description or None, parent=parent)

    set_scenarios = RowsModel.set_rows


class ScenariosDialog(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        from workbench.ui.support_services import scenarios_directory

        self.controller = controller
        self.directory = scenarios_directory(controller)
        named(self, "scenariosDialog", self.tr("Sandbox scenarios"))
        self.setWindowTitle(self.tr("Sandbox scenarios: recorded answers and injected faults"))
        self.resize(900, 520)
        self.model = ScenariosModel(self)
        self.table = named(QTableView(), "scenariosList", self.tr("Loaded scenarios"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentChanged.connect(lambda current, _: self._show(current))
        self.rules = named(QPlainTextEdit(), "scenarioRules", self.tr("The selected scenario's rules"))
        self.rules.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.rules)

        self.shipped = named(QComboBox(), "scenarioShipped", self.tr("Shipped scenarios"))
        self.shipped.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.load_shipped = named(QPushButton(self.tr("Load")), "scenarioLoadShipped", self.tr("Load the shipped scenario"))
        self.load_file = named(QPushButton(self.tr("Load file…")), "scenarioLoadFile",
                               self.tr("Load a bundle or a rules file"))
        self.unload = named(QPushButton(self.tr("Unload")), "scenarioUnload", self.tr("Unload the selected scenario"))
        self.clear_all = named(QPushButton(self.tr("Unload all")), "scenarioClear", self.tr("Unload every scenario"))
        self.message = named(QLabel(self.tr("What no rule matches, the sandbox answers as before; signatures are always "
                                            "checked.")), "scenarioMessage", self.tr("Scenarios status"))
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Shipped")))
        buttons.addWidget(self.shipped)
        buttons.addWidget(self.load_shipped)
        buttons.addWidget(self.load_file)
        buttons.addStretch(1)
        buttons.addWidget(self.unload)
        buttons.addWidget(self.clear_all)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see ui/dialogs.py
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.load_shipped.clicked.connect(lambda: self.load(self.shipped.currentText()))
        self.load_file.clicked.connect(self._pick_file)
        self.unload.clicked.connect(self._unload_selected)
        self.clear_all.clicked.connect(lambda: self._change(lambda s: s.clear(self.directory),
                                                            self.tr("unloaded every scenario")))

    def refresh(self) -> None:
        from workbench.core.sandbox import scenarios

        directory = self.directory

        def work():
            return sorted(scenarios.shipped()), scenarios.loaded(directory)

        run_for(self, self.controller, work, self._listed, self._error)

    def _listed(self, result) -> None:
        shipped, loaded = result
        if self.shipped.count() != len(shipped):
            self.shipped.clear()
            self.shipped.addItems(shipped)
        self.model.set_scenarios(loaded)
        if loaded:
            self.table.selectRow(len(loaded) - 1)
        else:
            self.rules.setPlainText(self.tr("No scenario is loaded: the sandbox answers every request itself."))

    def _show(self, index) -> None:
        scenario = index.data(SCENARIO_ROLE) if index.isValid() else None
        if scenario is not None:
            lines = [scenario.description, self.tr("from {source}").format(source=scenario.source) if scenario.source
                     else "", ""]
            lines += [rule.summary() for rule in scenario.rules]
            self.rules.setPlainText("\n".join(line for line in lines if line is not None))

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a scenario: a reproduction bundle or a rules file"), "",
                                              self.tr("Scenarios (*.json)"))
        if path:
            self.load(path)

    def load(self, name_or_path: str) -> None:
        """Load a shipped scenario (by name) or a file; a damaged one is refused, located."""
        from workbench.core.interop.scenario_files import read_scenario_file

        def change(scenarios):
            scenario = read_scenario_file(scenarios.resolve(name_or_path))
            scenarios.load(self.directory, [scenario])
            return scenario.name

        self._change(change, self.tr("loaded {name}"))

    def _unload_selected(self) -> None:
        scenario = self.table.currentIndex().data(SCENARIO_ROLE)
        if scenario is not None:
            self._change(lambda s: s.clear(self.directory, [scenario.name]) and scenario.name,
                         self.tr("unloaded {name}"))

    def _change(self, change, said: str) -> None:
        from workbench.core.sandbox import scenarios

        def work():
            outcome = change(scenarios)
            return outcome, scenarios.loaded(self.directory)

        def done(result) -> None:
            outcome, loaded = result
            self.message.setText(said.format(name=outcome) if "{name}" in said else said)
            self.model.set_scenarios(loaded)
            if loaded:
                self.table.selectRow(len(loaded) - 1)
            else:
                self.rules.setPlainText(self.tr("No scenario is loaded: the sandbox answers every request itself."))

        run_for(self, self.controller, work, done, self._error)

    def _error(self, error) -> None:
        self.message.setText(self.tr("Not loaded: {error}").format(error=error))
