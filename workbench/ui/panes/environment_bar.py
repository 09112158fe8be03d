"""The environment switcher for the toolbar: name and region, its colour, a PRODUCTION mark
and the credential status; plus the colour band shown across the window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QMenuBar, QSizePolicy, QStyle,
                               QStyleOptionComboBox, QStylePainter, QToolButton, QWidget)

from workbench.ui.accessible import named
from workbench.ui.credential_words import line, short_status
from workbench.ui.elided_label import ElidedLabel
from workbench.ui.theme import PRODUCTION

PRODUCTION_COLOUR = PRODUCTION["background"]


class EnvironmentCombo(QComboBox):
    """The switcher: as wide as the environment shown (not the longest one), its text
    elided in the middle (with the whole text as tooltip) only when even that cannot fit."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = self.fontMetrics().horizontalAdvance(self.currentText()) + self.iconSize().width() + 8
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, QSize(text, hint.height()), self)
        return QSize(max(self.minimumWidth(), size.width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def painted_text(self) -> str:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        room = field.width() - (self.iconSize().width() + 4 if not self.itemIcon(self.currentIndex()).isNull() else 0)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideMiddle, room)

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.painted_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour) if colour else Qt.GlobalColor.transparent)
    return QIcon(pixmap)


class EnvironmentBar(QWidget):
    selected = Signal(str)
    cancel_sandbox = Signal()  # stop starting the local sandbox

    def __init__(self, parent=None):
        super().__init__(parent)
        self.switcher = named(EnvironmentCombo(), "environmentSwitcher", self.tr("Environment"),
                              self.tr("Switch environment (Ctrl+E)"))
        self.switcher.setMinimumWidth(self.fontMetrics().horizontalAdvance("sandbox — us-east-1") // 2)
        self.switcher.currentIndexChanged.connect(lambda _: (self.switcher.setToolTip(
            self.switcher.currentText()), self.switcher.updateGeometry()))
        self.production = named(QLabel(self.tr("PRODUCTION")), "productionBadge", self.tr("Production environment"))
        self.production.setStyleSheet(f"background: {PRODUCTION['background']}; color: {PRODUCTION['text']}; "
                                      f"font-weight: bold; padding: 2px 6px;")
        self.production.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # never squeezed
        self.production.hide()
        self.credentials = named(ElidedLabel(""), "credentialStatus", self.tr("Credential status"))
        self.credentials.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            short_status(line("keyring_unavailable", reason=""))) // 2)
        self.credentials.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self.cancel_sandbox_button = named(QToolButton(), "cancelSandboxButton", self.tr("Stop starting the local sandbox"))
        self.cancel_sandbox_button.setText(self.tr("Cancel"))
        self.cancel_sandbox_button.hide()
        self.cancel_sandbox_button.clicked.connect(self.cancel_sandbox)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Environment:")))
        layout.addWidget(self.switcher)
        layout.addWidget(self.production)
        layout.addWidget(self.credentials)
        layout.addWidget(self.cancel_sandbox_button)
        self.switcher.activated.connect(lambda i: self.selected.emit(self.switcher.itemData(i)))
        self.band = named(QFrame(), "environmentBand", self.tr("Environment colour"))
        self.band.setFixedHeight(4)

    def set_environments(self, environments, current: str) -> None:
        self.switcher.clear()
        for env in environments:
            label = f"{env.name} — {env.region}" + ("  [" + self.tr("PRODUCTION") + "]" if env.production else "")
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
        self.credentials.setText(text, short=short_status(text))
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
