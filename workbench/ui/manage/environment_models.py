"""The environment manager's item models, over core objects: the environments (their
colour as a swatch, production marked in words and in colour), one environment's
variables (secrets masked, never read from the keyring) and its host overrides."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from workbench.core.environments.secret_variables import MASK, is_secret
from workbench.core.library.apis import APIS

ENVIRONMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the core Environment of a row
SECRET_ROLE = Qt.ItemDataRole.UserRole + 2  # True for a variable whose value lives in the keyring
PRODUCTION_COLOUR = "#c62828"  # a production environment without a colour of its own


def environment_colour(env) -> QColor | None:
    """The colour that marks `env`: its own, else red for production, else none."""
    text = env.colour or (PRODUCTION_COLOUR if env.production else "")
    colour = QColor(text) if text else None
    return colour if colour is not None and colour.isValid() else None


class EnvironmentListModel(QAbstractListModel):
    """One row per environment: "name  (region, PRODUCTION)", a swatch of its colour, and
    production rows tinted with it (the word says it too: never colour alone)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._envs: list = []
        self._icons: dict[str, QIcon] = {}

    def set_environments(self, environments) -> None:
        self.beginResetModel()
        self._envs = list(environments)
        self._icons = {}
        self.endResetModel()

    def names(self) -> list[str]:
        return [env.name for env in self._envs]

    def row_of(self, name: str) -> int:
        return self.names().index(name) if name in self.names() else -1

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._envs)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._envs):
            return None
        env = self._envs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            production = self.tr(", PRODUCTION") if env.production else ""
            return f"{env.name}  ({env.region}{production})"
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = (self.tr("production: destructive and sending operations ask first") if env.production
                    else self.tr("not production"))
            colour = self.tr(", colour {colour}").format(colour=env.colour) if env.colour else ""
            return f"{env.name}: {env.region}, {kind}{colour}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._swatch(env)
        if role == Qt.ItemDataRole.BackgroundRole and env.production:
            tint = QColor(environment_colour(env))
            tint.setAlpha(56)
            return tint
        if role == ENVIRONMENT_ROLE:
            return env
        return None

    def _swatch(self, env) -> QIcon:
        """A square of the environment's colour (a clear one when it has none: names stay aligned)."""
        colour = environment_colour(env) or QColor(Qt.GlobalColor.transparent)
        key = colour.name(QColor.NameFormat.HexArgb)
        if key not in self._icons:
            pixmap = QPixmap(14, 14)
            pixmap.fill(colour)
            self._icons[key] = QIcon(pixmap)
        return self._icons[key]


@dataclass
class VariableRow:
    name: str
    value: str  # MASK for a secret whose value stays in the keyring (not edited)
    edited: bool = False


class VariablesModel(QAbstractTableModel):
    """An environment's variables as a form edits them: name, value, scope. Secret ones (by
    name, or declared by the environment) show `********`; their stored value is never
    read here, and `values()` gives MASK for one left alone (the service keeps it)."""

    HEADERS = (QT_TRANSLATE_NOOP("VariablesModel", "name"), QT_TRANSLATE_NOOP("VariablesModel", "value"),
               QT_TRANSLATE_NOOP("VariablesModel", "scope"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[VariableRow] = []
        self._declared: tuple[str, ...] = ()
        self._scope = self._scope_words("")

    def set_environment(self, env, form_variables: dict[str, str]) -> None:
        """The rows of `env` (None: a new one) from `service.form_variables(env)`."""
        self.beginResetModel()
        self._declared = tuple(env.secret_variables) if env is not None else ()
        self._scope = self._scope_words(env.name if env is not None else "")
        self._rows = [VariableRow(name, value) for name, value in sorted(form_variables.items())]
        self.endResetModel()

    def _scope_words(self, name: str) -> str:
        return self.tr("environment {name}").format(name=name) if name else self.tr("environment new")

    def set_scope(self, name: str) -> None:
        """The environment the rows belong to (a new one's name as it is typed)."""
        self._scope = self._scope_words(name)
        if self._rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._rows) - 1, 2))

    def values(self) -> dict[str, str]:
        return {row.name.strip(): row.value for row in self._rows if row.name.strip()}

    def add_row(self, name: str = "", value: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(VariableRow(name, value, edited=True))
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def is_secret_row(self, row: int) -> bool:
        return is_secret(self._rows[row].name, self._declared)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        secret = self.is_secret_row(index.row())
        if role == SECRET_ROLE:
            return secret
        if role == Qt.ItemDataRole.ToolTipRole and secret:
            return (self.tr("{name} is a secret: its value is kept in the OS keyring and never shown")
                    if row.name in self._declared or row.edited else
                    self.tr("{name} is a secret kept in the environments file: shown masked; a new value goes to "
                            "the OS keyring")).format(name=row.name)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == 0:
            return row.name
        if column == 1:
            if secret:  # shown masked; edited from blank, never from the stored value
                return "" if role == Qt.ItemDataRole.EditRole else (MASK if row.value else "")
            return row.value
        if not secret:
            return self._scope
        return self._scope + (self.tr(" · OS keyring") if row.name in self._declared or row.edited
                              else self.tr(" · file, masked"))

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() == 2:
            return False
        row = self._rows[index.row()]
        if index.column() == 0:
            row.name = str(value)
        else:
            row.value, row.edited = str(value), True
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if index.column() == 2 else flags | Qt.ItemFlag.ItemIsEditable


class HostOverridesModel(QAbstractTableModel):
    """One row per API: its label and the host that overrides AWS's (empty: AWS's host)."""

    HEADERS = ("API", QT_TRANSLATE_NOOP("HostOverridesModel", "host (empty: AWS's host for the region)"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._apis = list(APIS)
        self._hosts = {api: "" for api in self._apis}

    def set_overrides(self, overrides) -> None:
        self.beginResetModel()
        self._hosts = {api: overrides.get(api, "") for api in self._apis}
        self.endResetModel()

    def overrides(self) -> dict[str, str]:
        return {api: host.strip() for api, host in self._hosts.items() if host.strip()}

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._apis)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._apis):
            return None
        api = self._apis[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return APIS[api].label if index.column() == 0 else self._hosts[api]
        if role == Qt.ItemDataRole.UserRole:
            return api
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != 1:
            return False
        self._hosts[self._apis[index.row()]] = str(value)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else flags
