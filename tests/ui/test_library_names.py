"""Operation names in the library stay tellable apart at the sidebar's width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyle

from workbench.ui.models.library_tree_model import ENTRY_ROLE


def _shown_rows(model, parent=QModelIndex()):
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(ENTRY_ROLE) is not None:
            yield index
        yield from _shown_rows(model, index)


def _drawn_text(tree, index) -> str:
    """The text the item delegate paints in the cell (Qt elides it to the cell's width)."""
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    width = tree.visualRect(index).width() - 2 * margin
    return tree.fontMetrics().elidedText(index.data(), tree.textElideMode(), width)


def test_long_names_with_a_common_prefix_are_distinguishable(qtbot, window):
    library = window.library
    qtbot.keyClicks(library.search, "GetApp")
    rows = {index.data(): index for index in _shown_rows(library.model)}
    assert {"GetApplicationDateRangeKpi", "GetApplicationSettings"} <= set(rows)
    drawn = {name: _drawn_text(library.tree, index) for name, index in rows.items()}
    assert drawn["GetApplicationDateRangeKpi"] != drawn["GetApplicationSettings"], drawn
    assert drawn["GetApplicationDateRangeKpi"] == "GetApplicationDateRangeKpi"  # whole at the default width
    assert len(set(drawn.values())) == len(drawn), drawn  # every shown row reads differently
    for name, index in rows.items():
        assert index.data(Qt.ItemDataRole.ToolTipRole).splitlines()[0] == name  # the full name on hover
