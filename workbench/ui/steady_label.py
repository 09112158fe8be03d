"""A one-line label whose text changes often (a time, a size, "loading…") without laying the
window out again.

`QLabel.setText` asks the layouts above it for room every time (updateGeometry), unless the
label's size is fixed; the tab widgets up the chain answer a layout request by repainting
themselves whole. Measured on a window send: the answer's time and size repainted the request
tab area three times and cost as much UI-thread time as the send. `steady(label)` puts the
label in a slot that the layout sizes (stretching like the label did) and keeps the label's
size fixed to the slot: a new text then repaints the label alone. A text wider than the slot
is cut at its end (the label no longer widens the row)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class _Slot(QWidget):
    def __init__(self, label: QLabel):
        super().__init__()
        self.label = label
        label.setParent(self)
        label.installEventFilter(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        self.setFixedHeight(self.label.sizeHint().height())
        self.label.setFixedSize(self.width(), self.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.label.setFixedSize(self.width(), self.height())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new font size (preferences): a new line height
            self._fit_height()

    def eventFilter(self, watched, event) -> bool:
        # Watched on the label too: under a style sheet (the window's theme) the label gets its
        # font on its own, not from the slot.
        # The filter runs before the label's own handler has renewed its size hint: fit after.
        if watched is self.label and event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fit_height)
        return False


def steady(label: QLabel) -> QWidget:
    """The widget to add to a layout in the label's place (the label stays the one to use)."""
    return _Slot(label)
