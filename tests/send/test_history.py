"""History: capped per entry and in total (oldest dropped first), replayable drafts."""

from dataclasses import replace

from workbench.core.environments.credentials import Credentials
from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import Environment
from workbench.core.send.history import HistoryStore
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.send.transport import Response

KEYS = Credentials("AKIDEXAMPLEHIST0001", "history-secret-EXAMPLE", "history-token-EXAMPLE", "test")
DEV = Environment("dev", "eu-west-1", variables={"projectId": "p1"})


def _send(body: bytes):
    plan = build_plan(RequestDraft(operation="GetApp", variables=(("projectId", "p9"),)), DEV)
    signed = run_plan(plan, credentials=KEYS, environ={}, dry_run=True)
    response = Response(200, "OK", (("Content-Type", "application/json"),), body, size_bytes=len(body), elapsed_ms=5.0)
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
