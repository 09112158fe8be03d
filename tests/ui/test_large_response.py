"""A large response: the raw view shows its head and the rest on demand, the tree hands out
children in batches, find and save work, and nothing of it is lost."""

from __future__ import annotations

import json

import pytest
from ui_helpers import FixedJsonServer, make_context, open_operation, send, wait_for_body
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from workbench.ui.models.json_tree_model import BATCH

BODY = json.dumps({"Items": [{"Id": f"item-{i}", "Notes": "n" * 300} for i in range(3000)]}).encode()


@pytest.fixture
def big_server():
    server = FixedJsonServer(BODY)
    yield server
    server.close()


def test_a_1_mb_answer_is_shown_in_parts_found_and_saved(qtbot, open_window, tmp_path, big_server, monkeypatch):
    window = open_window(make_context(tmp_path, big_server.url))
    tab = open_operation(qtbot, window, "GetApps")
    assert send(qtbot, tab).startswith("200")
    wait_for_body(qtbot, tab)
    response = tab.response

    assert response.raw_note.text().startswith("first 256.0 KB of 977.4 KB shown")
    assert "lines over 2048 characters are broken here" in response.raw_note.text()
    items = response.tree_model.index(0, 0)
    assert items.siblingAtColumn(1).data() == "[3,000 items]"  # the number as the language writes it (QLocale)
    response.tree.expand(items)
    fetched = response.tree_model.rowCount(items)
    assert fetched % BATCH == 0 and fetched < 3000 and response.tree_model.canFetchMore(items)  # lazily, in batches

    qtbot.mouseClick(response.show_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: response.raw_note.text() == "whole body shown", timeout=20000)
    assert response.raw.toPlainText().replace("\n", "") == BODY.decode()

    qtbot.keyClick(tab.editor.url, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert response.find.isVisible() and response.find.hasFocus()
    qtbot.keyClicks(response.find, "item-2999")
    qtbot.keyClick(response.find, Qt.Key.Key_Return)
    assert response.raw.textCursor().selectedText() == "item-2999"
    qtbot.keyClick(response.find, Qt.Key.Key_Escape)
    assert not response.find.isVisible()

    target = tmp_path / "saved.json"
    # the file dialog is the platform's: answer it here
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(response.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    qtbot.waitUntil(lambda: target.stat().st_size == len(BODY))
    assert target.read_bytes() == BODY
