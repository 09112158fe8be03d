"""`send OP --all-pages` on the command line: the merged body plus `pages`, --max-items and
--page-size, the fetch in the history with its pages, and what is refused."""

from __future__ import annotations


def _apps(run_cli, count):
    for i in range(count):
        assert run_cli("send", "CreateApp", "--body", "-", stdin=f'{{"Name": "app-{i:02d}"}}').status == 0


def test_all_pages_json_is_the_merged_body_plus_pages(run_cli):
    _apps(run_cli, 7)
    result = run_cli("send", "GetApps", "--all-pages", "--page-size", "3", "--json")
    assert result.status == 0, result.stdout + result.stderr
    data = result.json
    assert data["pages"] == 3 and data["items"] == 7 and len(data["Item"]) == 7
    assert set(data) == {"Item", "pages", "items", "history_id"}
    shown = run_cli("history", "show", str(data["history_id"]), "--json").json
    assert [p["items"] for p in shown["pages"]] == [3, 3, 1]
    page = run_cli("history", "show", str(data["history_id"]), "--page", "2", "--json").json
    assert page["number"] == 2 and "token=" in page["url"] and len(page["response_body"]["Item"]) == 3
    assert "[3 pages]" in run_cli("history", "list").stdout


def test_max_items_keeps_the_token_to_go_on(run_cli):
    _apps(run_cli, 5)
    result = run_cli("send", "GetApps", "--all-pages", "--page-size", "2", "--max-items", "3", "--json")
    data = result.json
    assert result.status == 0 and data["items"] == 3 and data["stopped"] == "max-items" and data["NextToken"]
    rest = run_cli("send", "GetApps", "--all-pages", "--page-size", "2", "--json", "--var", "unused=1")
    assert rest.json["items"] == 5
    text = run_cli("send", "GetApps", "--all-pages", "--max-items", "1")
    assert text.status == 0 and "pinpoint:GetApps: 1 page, 1 items (stopped at --max-items" in text.stderr


def test_what_all_pages_refuses(run_cli):
    not_paged = run_cli("send", "CreateApp", "--all-pages", "--json")
    assert not_paged.status == 1 and not_paged.json["error"]["code"] == "not_paginated"
    alone = run_cli("send", "GetApps", "--max-items", "3")
    assert alone.status == 2 and "--max-items goes with --all-pages" in alone.stderr
    dry = run_cli("send", "GetApps", "--all-pages", "--dry-run")
    assert dry.status == 2 and "--dry-run cannot go with --all-pages" in dry.stderr
    zero = run_cli("send", "GetApps", "--all-pages", "--page-size", "0", "--json")
    assert zero.status == 2 and zero.json["error"]["message"] == "--page-size must be 1 or more (got 0)"
    too_big = run_cli("send", "DescribePhoneNumbers", "--all-pages", "--page-size", "500", "--json")
    assert too_big.status == 1 and "MaxResults is at most 100" in too_big.json["error"]["message"]
    listed = run_cli("library", "list", "--api", "pinpoint-email", "--json").json
    assert next(o for o in listed if o["operation"] == "ListEmailIdentities")["paginated"] is True
    assert "[pages]" in run_cli("library", "list", "--api", "pinpoint").stdout
    assert "Paginated: Token -> NextToken" in run_cli("library", "show", "GetApps").stdout


def test_a_failing_page_gives_its_status_and_diagnoses(run_cli, tmp_path):
    body = tmp_path / "list.json"
    body.write_text('{"OptOutListName": "Nope"}')
    result = run_cli("send", "DescribeOptedOutNumbers", "--body", str(body), "--all-pages", "--json")
    assert result.status == 4
    data = result.json
    assert data["pages"] == 1 and data["stopped"] == "failed" and data["status"] == 400
    assert data["error_body"]["__type"] == "ResourceNotFoundException" and data["diagnoses"]
