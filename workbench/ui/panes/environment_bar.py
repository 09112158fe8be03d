"""The environment switcher for the toolbar: name and region, its colour, a PRODUCTION mark
and the credential status; plus the colour band shown across the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QMenuBar, QToolButton, QWidget

from workbench.ui.accessible import named
from workbench.ui.elided_label import ElidedLabel

PRODUCTION_COLOUR = "#c62828"


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour) if colour else Qt.GlobalColor.transparent)
    return QIcon(pixmap)


class EnvironmentBar(QWidget):
    selected = Signal(str)
    cancel_sandbox = Signal()  # stop starting the local sandbox

    def __init__(self, parent=None):
        super().__init__(parent)
        self.switcher = named(QComboBox(), "environmentSwitcher", "Environment", "Switch environment (Ctrl+E)")
        self.switcher.setMinimumWidth(240)
        self.production = named(QLabel("PRODUCTION"), "productionBadge", "Production environment")
        self.production.setStyleSheet(f"background: {PRODUCTION_COLOUR}; color: white; font-weight: bold; padding: 2px 6px;")
        self.production.hide()
        self.credentials = named(ElidedLabel(""), "credentialStatus", "Credential status")
        self.credentials.setMinimumWidth(260)
        self.credentials.setMaximumWidth(420)
        self.cancel_sandbox_button = named(QToolButton(), "cancelSandboxButton", "Stop starting the local sandbox")
        self.cancel_sandbox_button.setText("Cancel")
        self.cancel_sandbox_button.hide()
        self.cancel_sandbox_button.clicked.connect(self.cancel_sandbox)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Environment:"))
        layout.addWidget(self.switcher)
        layout.addWidget(self.production)
        layout.addWidget(self.credentials)
        layout.addWidget(self.cancel_sandbox_button)
        self.switcher.activated.connect(lambda i: self.selected.emit(self.switcher.itemData(i)))
        self.band = named(QFrame(), "environmentBand", "Environment colour")
        self.band.setFixedHeight(4)

    def set_environments(self, environments, current: str) -> None:
        self.switcher.clear()
        for env in environments:
            label = f"{env.name} — {env.region}" + ("  [PRODUCTION]" if env.production else "")
            self.switcher.addItem(_swatch(env.colour or (PRODUCTION_COLOUR if env.production else "")), label, env.name)
        self.switcher.setCurrentIndex(max(0, self.switcher.findData(current)))
        self._relayout()

    def show_environment(self, env) -> None:
        self.switcher.setCurrentIndex(max(0, self.switcher.findData(env.name)))
        self.production.setVisible(env.production)
        colour = PRODUCTION_COLOUR if env.production else (env.colour or "transparent")
        self.band.setStyleSheet(f"background: {colour};")
        self.band.setFixedHeight(8 if env.production else 4)
        self._relayout()

    def show_credentials(self, text: str) -> None:
        self.credentials.setText(text)
        self._relayout()

    def show_sandbox_starting(self, starting: bool) -> None:
        self.cancel_sandbox_button.setVisible(starting)
        self._relayout()

    def _relayout(self) -> None:
        """The menu bar places its corner widget once, by the size it wanted then: after the
        switcher or the status changed width, ask it again (or the status runs off the window)."""
        self.layout().invalidate()
        self.layout().activate()
        menu_bar = self.parentWidget()
        if isinstance(menu_bar, QMenuBar) and menu_bar.cornerWidget(Qt.Corner.TopRightCorner) is self:
            menu_bar.setCornerWidget(self, Qt.Corner.TopRightCorner)
