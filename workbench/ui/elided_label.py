"""A one-line label that never asks for more width than it gets: it paints the first line of
its text, or its short form when that does not fit (`setText(text, short=...)`), elided
only when even that cannot fit; the whole text is its tooltip and accessible description.
`text()` and `setText()` are about the whole text, as for any QLabel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self._short = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)  # never its text's width: it elides
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def text(self) -> str:
        return self._full

    def setText(self, text: str, short: str | None = None) -> None:
        self._full = text
        self._short = short if short and short != text else ""
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()
        self.updateGeometry()

    def painted_text(self) -> str:
        """What the label shows: the first line, elided to the label's width."""
        return super().text()

    def sizeHint(self):
        """Room for the whole first line (within the maximum width), or for the short form
        when there is one: a layout shrinks it from there."""
        hint = super().sizeHint()
        first = self._short or (self._full.splitlines()[0] if self._full else "")
        margins = self.contentsMargins()
        wanted = self.fontMetrics().horizontalAdvance(first) + margins.left() + margins.right() + 2
        hint.setWidth(max(self.minimumWidth(), min(self.maximumWidth(), wanted)))
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        first = self._full.splitlines()[0] if self._full else ""
        room = self.contentsRect().width()
        metrics = self.fontMetrics()
        if self._short and metrics.horizontalAdvance(first) > room:
            first = self._short
        super().setText(metrics.elidedText(first, Qt.TextElideMode.ElideRight, room))
