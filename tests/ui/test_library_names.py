"""Operation names in the library stay tellable apart at the sidebar's width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyle

from workbench.core.library.index import build_entries
from workbench.core.library.templates import default_library
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


def test_a_double_click_opens_the_operation_and_edits_nothing(qtbot, window):
    library = window.library
    qtbot.keyClicks(library.search, "GetApps")
    index = next(index for index in _shown_rows(library.model) if index.data() == "GetApps")
    where = library.tree.visualRect(index).center()
    qtbot.mouseClick(library.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(library.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    assert window.tabs.currentWidget().editor.template.operation == "GetApps"
    assert library.tree.state() != library.tree.State.EditingState  # the name is not an editor
    assert index.data() == "GetApps"


def test_new_badges_keep_the_search_and_what_it_found(qtbot, window):
    library = window.library
    # start-up's own second load (the sandbox's badges) is in: it would refill the tree after ours
    qtbot.waitUntil(lambda: any(entry.sandbox for entry in library.entries), timeout=30000)
    qtbot.keyClicks(library.search, "phone number pools")
    found = {index.data(ENTRY_ROLE).key for index in _shown_rows(library.model)}
    assert "pinpoint-sms-voice-v2:DescribePools" in found and len(found) < 20
    renewed = build_entries(default_library(), frozenset())  # what arrives when the sandbox's badges change (all gone)
    assert renewed != library.entries
    library.set_entries(renewed)
    shown = [index.data(ENTRY_ROLE) for index in _shown_rows(library.model)]
    assert {entry.key for entry in shown} == found
    assert all(any(entry is new for new in renewed) for entry in shown)  # the rows are the new ones
    assert library.search.text() == "phone number pools"
