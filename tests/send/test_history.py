"""History: capped per entry and in total (oldest dropped first), replayable drafts."""

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.core.environments.credentials import Credentials
from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import Environment
from workbench.core.environments.secret_variables import MASK
from workbench.core.send.history import HistoryEntryNotFound, HistoryStore
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.send.transport import Response

KEYS = Credentials("AKIDEXAMPLEHIST0001", "history-secret-EXAMPLE", "history-token-EXAMPLE", "test")
DEV = Environment("dev", "eu-west-1", variables={"projectId": "p1"})


def _send(body: bytes, status: int = 200):
    plan = build_plan(RequestDraft(operation="GetApp", variables=(("projectId", "p9"),)), DEV)
    signed = run_plan(plan, credentials=KEYS, environ={}, dry_run=True)
    response = Response(status, "OK", (("Content-Type", "application/json"),), body, size_bytes=len(body), elapsed_ms=5.0)
    return plan, replace(signed, sent=True, response=response)


def test_a_send_is_kept_with_its_draft_and_no_secret(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        entry_id = store.record(*_send(b'{"Id": "p9"}'))
        entry = store.get(entry_id)
    assert (entry.operation, entry.environment, entry.region, entry.status) == ("pinpoint:GetApp", "dev", "eu-west-1", 200)
    assert entry.draft == RequestDraft(operation="GetApp", variables=(("projectId", "p9"),))
    assert entry.url == "https://pinpoint.eu-west-1.amazonaws.com/v1/apps/p9"
    assert entry.to_dict()["response_body"] == {"Id": "p9"}
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"history-secret-EXAMPLE" not in raw and b"history-token-EXAMPLE" not in raw


def test_bodies_are_capped_per_entry_and_the_oldest_go_first(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3", entry_body_cap=100, total_cap=250) as store:
        first = store.record(*_send(b"a" * 80))
        big = store.record(*_send(b"b" * 1000))
        assert store.get(big).body_truncated and len(store.get(big).response_body) == 100
        assert store.get(big).response_bytes == 1000
        store.record(*_send(b"c" * 80))  # 80 + 100 + 80 > 250: the first goes
        ids = [e.id for e in store.list()]
    assert first not in ids and big in ids and len(ids) == 2


def test_two_stores_on_one_file_both_write(tmp_path):
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as window, HistoryStore(path) as terminal:
        window.record(*_send(b"{}"))
        terminal.record(*_send(b"{}"))
        assert len(window.list()) == len(terminal.list()) == 2


def test_history_list_refuses_a_limit_that_is_not_positive(run_cli):
    import os

    with HistoryStore.at_default_location(dict(os.environ)) as store:
        for _ in range(3):
            store.record(*_send(b'{"Id": "p9"}'))
    assert len(run_cli("history", "list", "--limit", "2", "--json").json) == 2
    for limit in ("0", "-1"):
        refused = run_cli("history", "list", "--limit", limit)
        assert refused.status == 2
        assert f"error: argument --limit: expected a whole number of at least 1, found {limit}" in refused.stderr
        as_json = run_cli("history", "list", "--limit", limit, "--json")
        assert as_json.status == 2 and as_json.json["error"]["code"] == "usage"


def test_an_empty_history_says_so_in_one_wording(run_cli):
    empty = run_cli("history", "list")
    assert (empty.status, empty.stdout, empty.stderr) == (0, "", "no sends recorded yet\n")


def test_a_listing_leaves_the_bodies_out_and_opening_an_entry_reads_its_body(tmp_path):
    """A list of 200 entries would otherwise hold up to 200 bodies of 256 KiB each."""
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        entry_id = store.record(*_send(b'{"Id": "p9", "Name": "listed"}'))
        listed = store.list(10)[0]
        whole, summary = store.get(entry_id), store.get(entry_id, body=False)
    assert listed.response_body is None and summary.response_body is None
    assert listed == summary and listed.summary() == whole.summary()
    assert whole.to_dict()["response_body"] == {"Id": "p9", "Name": "listed"}
    with pytest.raises(ValueError, match=f"entry {entry_id} was listed without its body"):
        listed.to_dict()


# ---- trimming: the newest entries and the caps are kept


def test_trimming_keeps_the_newest_entries_within_the_byte_cap(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3", entry_body_cap=100, total_cap=1000) as store:
        ids = [store.record(*_send(bytes([65 + i % 26]) * 100)) for i in range(40)]
        kept = [e.id for e in store.list(100)]
        kept_bytes = sum(len(store.get(e.id).response_body) for e in store.list(100))
    assert kept_bytes <= 1000
    assert kept == sorted(ids[-len(kept):], reverse=True)  # exactly the newest, newest first
    assert len(kept) >= 8  # a trim goes down to 7/8 of the cap, not to nothing


def test_trimming_keeps_the_newest_entries_within_the_entry_cap(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3", entry_cap=16) as store:
        ids = [store.record(*_send(b"{}")) for _ in range(50)]
        kept = [e.id for e in store.list(100)]
    assert 14 <= len(kept) <= 16
    assert kept == sorted(ids[-len(kept):], reverse=True)


def test_the_caps_hold_across_two_stores_on_one_file(tmp_path):
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path, entry_cap=10) as window, HistoryStore(path, entry_cap=10) as terminal:
        ids = [(window if i % 2 else terminal).record(*_send(b"{}")) for i in range(30)]
        kept = [e.id for e in window.list(100)]
    assert len(kept) <= 10 and kept == sorted(ids[-len(kept):], reverse=True)


def test_a_history_from_before_the_running_totals_is_counted_when_opened(tmp_path):
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as store:
        for _ in range(3):
            store.record(*_send(b"x" * 90))
    with sqlite3.connect(path) as db:  # as an older version left it: no totals, no triggers
        db.executescript("DROP TRIGGER sends_counted; DROP TRIGGER sends_uncounted; DROP TABLE totals;")
    with HistoryStore(path, entry_body_cap=100, total_cap=250) as store:
        store.record(*_send(b"y" * 90))  # 360 bytes counted: the two oldest go
        assert len(store.list()) == 2


# ---- filters and pages


def test_list_filters_by_environment_operation_and_status_class_and_pages_back(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        ok = store.record(*_send(b"{}"))
        failed = store.record(*_send(b"{}", status=404))
        unsent_plan, unsent = _send(b"{}")
        no_answer = store.record(unsent_plan, replace(unsent, response=None))
        assert [e.id for e in store.list(status_class="4xx")] == [failed]
        assert [e.id for e in store.list(status_class="2xx")] == [ok]
        assert [e.id for e in store.list(status_class="no response")] == [no_answer]
        assert [e.id for e in store.list(environment="dev")] == [no_answer, failed, ok]
        assert store.list(environment="prod") == []
        assert [e.id for e in store.list(operation="pinpoint:GetApp", before=failed)] == [ok]
        assert [e.id for e in store.list(limit=1, before=no_answer)] == [failed]


def test_an_id_out_of_range_is_simply_not_found(tmp_path, run_cli):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.record(*_send(b"{}"))
        with pytest.raises(HistoryEntryNotFound):
            store.get(10**30)
        assert store.list(limit=10**30, before=10**30)
    shown = run_cli("history", "show", str(10**30), "--json")
    assert shown.status == 1 and shown.json["error"]["message"] == f"no history entry {10**30}"


# ---- secrets a server echoes


def test_echoed_secrets_are_masked_in_the_kept_body_but_not_in_the_exchange(tmp_path):
    echoed = (b'{"Credentials": {"AccessKeyId": "AKIDECHO", "SessionToken": "tok-ECHO-123",'
              b' "SecretAccessKey": "sec-ECHO-456"}, "apiSecret": "shh-ECHO", "password": 12345678,'
              b' "note": "the key is hidden-VALUE-789", "Name": "kept"}')
    plan, exchange = _send(echoed)
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        entry = store.get(store.record(plan, exchange, hidden={"hidden-VALUE-789"}))
    body = entry.to_dict()["response_body"]
    assert body["Credentials"]["SessionToken"] == body["Credentials"]["SecretAccessKey"] == MASK
    assert body["apiSecret"] == body["password"] == MASK
    assert body["note"] == f"the key is {MASK}" and body["Name"] == "kept"
    assert body["Credentials"]["AccessKeyId"] == "AKIDECHO"
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for secret in (b"tok-ECHO-123", b"sec-ECHO-456", b"shh-ECHO", b"12345678", b"hidden-VALUE-789"):
        assert secret not in raw
    assert b"tok-ECHO-123" in exchange.response.body  # what was shown live is untouched


def test_a_kept_body_cut_at_the_cap_is_masked_too(tmp_path):
    body = b'{"Items": [' + b'{"Id": "x"},' * 20 + b'{"SessionToken": "tok-CUT-123", "Next": "' + b"z" * 500
    with HistoryStore(tmp_path / "h.sqlite3", entry_body_cap=400) as store:
        entry = store.get(store.record(*_send(body)))
    assert entry.body_truncated and b"tok-CUT-123" not in entry.response_body
    assert f'"SessionToken": "{MASK}"'.encode() in entry.response_body


def test_a_secret_variable_echoed_by_the_server_is_masked_in_history_show(run_cli):
    import os

    env = Environment("dev", "eu-west-1", variables={"projectId": "p1", "apiSecret": "s3cr3t-VAR-value"})
    plan = build_plan(RequestDraft(operation="GetApp", variables=(("projectId", "{{ apiSecret }}"),)), env)
    signed = run_plan(plan, credentials=KEYS, environ={}, dry_run=True)
    echo = b'{"Echo": "s3cr3t-VAR-value"}'
    response = Response(200, "OK", (), echo, size_bytes=len(echo), elapsed_ms=1.0)
    with HistoryStore.at_default_location(dict(os.environ)) as store:
        entry_id = store.record(plan, replace(signed, sent=True, response=response))
    shown = run_cli("history", "show", str(entry_id))
    assert shown.status == 0 and "s3cr3t-VAR-value" not in shown.stdout and MASK in shown.stdout


# ---- a damaged history is reported and skipped or recovered, never a traceback


def _damage(path, sql: str, *params) -> None:
    with sqlite3.connect(path) as db:
        db.execute(sql, params)


def test_rows_that_cannot_be_read_are_skipped_by_list_and_named_by_show(run_cli):
    import os

    with HistoryStore.at_default_location(dict(os.environ)) as store:
        good, bad_json, deep = (store.record(*_send(b"{}")) for _ in range(3))
        path = store.path
    _damage(path, "UPDATE sends SET draft = ? WHERE id = ?", '{"operation": "GetApp", ', bad_json)
    _damage(path, "UPDATE sends SET draft = ? WHERE id = ?", "[" * 100_000 + "]" * 100_000, deep)
    listed = run_cli("history", "list", "--json")
    assert listed.status == 0 and [e["id"] for e in listed.json] == [good]
    assert f"history entries {deep}, {bad_json} are damaged" in listed.stderr
    for damaged in (bad_json, deep):
        shown = run_cli("history", "show", str(damaged))
        assert shown.status == 1 and f"history entry {damaged} is damaged" in shown.stderr
        assert "Traceback" not in shown.stderr
    assert run_cli("history", "show", str(good)).status == 0


def test_a_dropped_schema_is_created_again(tmp_path):
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as store:
        store.record(*_send(b"{}"))
        _damage(path, "DROP TABLE sends")
        assert store.list() == []  # the open store notices, recreates, and goes on
        assert store.record(*_send(b"{}"))
        assert "created again" in " ".join(store.notes)
        _damage(path, "DROP TABLE totals")
        assert store.record(*_send(b"{}")) and len(store.list()) == 2


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_new_history_started(run_cli, tmp_path):
    import os

    with HistoryStore.at_default_location(dict(os.environ)) as store:
        path = store.path
    path.write_bytes(b"this is not SQLite" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    listed = run_cli("history", "list")
    assert listed.status == 0 and "the history file was damaged: moved to history.sqlite3.damaged-" in listed.stderr
    aside = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not SQLite")
    with HistoryStore(path) as store:
        assert store.record(*_send(b"{}")) and store.notes == []
