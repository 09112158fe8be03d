"""A health report as a tree: the areas (SMS and voice v2, Pinpoint Email, Pinpoint projects,
what could not be seen), each with its findings (severity, title, code). FINDING_ROLE gives
the core Finding of a row (None for an area row)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, Qt

from workbench.core.health.model import AREAS

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (QT_TRANSLATE_NOOP("HealthReportModel", "Finding"), QT_TRANSLATE_NOOP("HealthReportModel", "Severity"),
           QT_TRANSLATE_NOOP("HealthReportModel", "Code"))
SEVERITY_TEXT = {"error": QT_TRANSLATE_NOOP("HealthReportModel", "ERROR"),
                 "warning": QT_TRANSLATE_NOOP("HealthReportModel", "warning"),
                 "info": QT_TRANSLATE_NOOP("HealthReportModel", "note")}


def severity_words(severity: str) -> str:
    return QCoreApplication.translate("HealthReportModel", SEVERITY_TEXT[severity])
_AREA = 0xFFFFFFFF  # internalId of an area row; a finding row holds its area's row number


class HealthReportModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._areas: list[tuple[str, list]] = []  # (area title, [Finding])

    def set_report(self, report) -> None:
        self.beginResetModel()
        self._areas = [(AREAS[area], items) for area, items in report.by_area().items()] if report else []
        self.endResetModel()

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _AREA)
        return self.createIndex(row, column, parent.row())

    def parent(self, index):
        if not index.isValid() or index.internalId() == _AREA:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _AREA)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self._areas)
        if parent.internalId() == _AREA and parent.column() == 0:
            return len(self._areas[parent.row()][1])
        return 0

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def finding(self, index):
        if not index.isValid() or index.internalId() == _AREA:
            return None
        return self._areas[index.internalId()][1][index.row()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _AREA:
            title, items = self._areas[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return f"{title} ({len(items)})"
                if index.column() == 1:
                    worst = next((s for s in ("error", "warning") if any(f.severity == s for f in items)), "info")
                    return severity_words(worst)
            return None
        item = self.finding(index)
        if role == FINDING_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.title, severity_words(item.severity), item.code)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return item.title
        return None
