"""The history view keeps the newest page of entries as sends come in (the window does not
grow with every send) and shows older pages on "Load more"; a damaged row in the history
file is skipped, the rest shown."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import Qt

from workbench.core.environments.credentials import Credentials
from workbench.core.environments.model import Environment
from workbench.core.request.drafts import RequestDraft
from workbench.core.send.history import FILE_NAME, HistoryStore
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.send.transport import Response
from workbench.ui.models.history_model import ENTRY_ROLE, PAGE, HistoryModel

KEYS = Credentials("AKIDEXAMPLEPANE0001", "pane-secret-EXAMPLE", None, "test")


def _record(store: HistoryStore, count: int) -> list[int]:
    plan = build_plan(RequestDraft(operation="GetApps"), Environment("dev", "eu-west-1"))
    signed = run_plan(plan, credentials=KEYS, environ={}, dry_run=True)
    exchange = replace(signed, sent=True, response=Response(200, "OK", (), b"{}", size_bytes=2, elapsed_ms=1.0))
    return [store.record(plan, exchange) for _ in range(count)]


def test_new_sends_push_the_oldest_rows_out_beyond_a_page(qtmodeltester, tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        ids = _record(store, PAGE + 30)
        model = HistoryModel()
        model.set_rows(store.list(PAGE, before=ids[-30]))
        assert model.rowCount() == PAGE and model.may_have_more
        for entry_id in ids[-30:]:
            model.prepend(store.get(entry_id))
        qtmodeltester.check(model)
    shown = [model.index(row, 0).data(ENTRY_ROLE).id for row in range(model.rowCount())]
    assert shown == sorted(ids, reverse=True)[:PAGE]


def test_load_more_shows_the_page_before_and_then_says_there_is_no_more(qtbot, open_window, context):
    with HistoryStore(context.data_dir / FILE_NAME) as store:
        ids = _record(store, PAGE + 25)
    window = open_window(context)
    pane = window.history
    qtbot.waitUntil(lambda: pane.model.rowCount() == PAGE)
    assert pane.more.isEnabled()
    qtbot.mouseClick(pane.more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.model.rowCount() == PAGE + 25)
    assert [pane.model.index(r, 0).data(ENTRY_ROLE).id for r in range(pane.model.rowCount())] == ids[::-1]
    assert not pane.more.isEnabled()


def test_a_damaged_row_is_skipped_and_the_others_shown(qtbot, open_window, context):
    with HistoryStore(context.data_dir / FILE_NAME) as store:
        ids = _record(store, 3)
    with sqlite3.connect(context.data_dir / FILE_NAME) as db:
        db.execute("UPDATE sends SET inspection = ? WHERE id = ?", ("{" * 50_000, ids[1]))
    window = open_window(context)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 2)
    assert [window.history.model.index(r, 0).data(ENTRY_ROLE).id for r in range(2)] == [ids[2], ids[0]]


def test_the_list_holds_no_bodies_and_reopening_an_entry_reads_its_answer(qtbot, open_window, context):
    with HistoryStore(context.data_dir / FILE_NAME) as store:
        plan = build_plan(RequestDraft(operation="pinpoint:GetApps"), Environment("dev", "eu-west-1"))
        signed = run_plan(plan, credentials=KEYS, environ={}, dry_run=True)
        body = b'{"ApplicationsResponse": {"Item": [{"Id": "kept-in-history", "Name": "reopened"}]}}'
        answered = replace(signed, sent=True, response=Response(200, "OK", (), body, size_bytes=len(body), elapsed_ms=1.0))
        kept, trimmed = store.record(plan, answered), store.record(plan, answered)
    window = open_window(context)
    pane = window.history
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)
    rows = [pane.model.index(r, 0).data(ENTRY_ROLE) for r in range(2)]
    assert [e.id for e in rows] == [trimmed, kept] and all(e.response_body is None for e in rows)

    notices = []
    window.controller.notice.connect(notices.append)
    before = window.tabs.count()
    pane.reopen_requested.emit(rows[1])
    qtbot.waitUntil(lambda: window.tabs.count() == before + 1 or bool(notices), timeout=10000)
    assert not notices
    tab = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: tab.response_body is not None, timeout=10000)
    assert "kept-in-history" in tab.response.raw.toPlainText()

    with sqlite3.connect(context.data_dir / FILE_NAME) as db:  # gone from the file since it was listed
        db.execute("DELETE FROM sends WHERE id = ?", (trimmed,))
    with qtbot.waitSignal(window.controller.notice, timeout=10000,
                          check_params_cb=lambda text: f"history entry {trimmed}" in text):
        pane.reopen_requested.emit(rows[0])
    assert window.tabs.count() == before + 1  # nothing opened for it
