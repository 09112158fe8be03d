"""The guide's tutorial (CreateApp, take its Id, GetApp) in three commands with --save,
then the history shows the three sends and holds no secret."""

import sqlite3
import uuid

import pytest

CANARY_SECRET = "canary-SECRET-must-never-be-stored-0123456789"
CANARY_KEY_ID = "AKIACANARYEXAMPLE777"


@pytest.fixture
def kept_sandbox(run_cli):
    started = run_cli("sandbox", "start", "--json")
    assert started.status == 0, started.stderr
    yield started.json
    assert run_cli("sandbox", "stop").status == 0


def test_create_save_get_in_three_commands_then_history(run_cli, kept_sandbox, tmp_path):
    name = f"tutorial-{uuid.uuid4().hex[:8]}"
    created = run_cli("send", "CreateApp", "--body", "-", "--save", "projectId=ApplicationResponse.Id", "--json",
                      stdin='{"Name": "%s"}' % name)
    assert created.status == 0, created.stderr
    project = created.json["body"]["Id"]
    assert created.json["saved"] == {"environment": {"projectId": project}}

    got = run_cli("send", "GetApp", "--json")  # no --var: {{ projectId }} comes from the environment
    assert got.status == 0, got.stderr
    assert got.json["body"]["Name"] == name

    assert run_cli("send", "GetApps", "--save-global", "firstApp=Item[0].Id").status == 0
    shown = run_cli("env", "show", "sandbox", "--json").json
    assert shown["variables"] == {"projectId": project}

    history = run_cli("history", "list", "--json")
    assert history.status == 0
    entries = history.json
    assert [e["operation"] for e in entries] == ["pinpoint:GetApps", "pinpoint:GetApp", "pinpoint:CreateApp"]
    assert [e["status"] for e in entries] == [200, 200, 201]
    assert {e["environment"] for e in entries} == {"sandbox"}

    detail = run_cli("history", "show", str(entries[2]["id"]), "--json").json
    assert detail["response_body"]["Name"] == name
    assert detail["draft"]["saves"] == [["projectId", "ApplicationResponse.Id"]]
    assert "Signature=<redacted>" in dict(detail["inspection"]["headers"])["Authorization"]

    replayed = run_cli("history", "replay", str(entries[1]["id"]), "--json")
    assert replayed.status == 0 and replayed.json["body"]["Id"] == project


def test_env_set_and_unset_edit_an_environment_in_place(run_cli):
    assert run_cli("env", "add", "dev", "--region", "eu-west-1").status == 0
    assert run_cli("env", "set", "dev", "projectId=p1", "campaignId=c1").stdout == "dev: campaignId = c1\ndev: projectId = p1\n"
    unset = run_cli("env", "unset", "dev", "campaignId", "--json")
    assert unset.json == {"environment": "dev", "variables": {"projectId": "p1"}}
    missing = run_cli("env", "unset", "dev", "nope")
    assert missing.status == 1 and "has no variable 'nope'; it has: projectId" in missing.stderr
    builtin = run_cli("env", "set", "dev", "endpoint=x")
    assert builtin.status == 1 and "endpoint comes from the environment itself" in builtin.stderr


def test_a_bad_save_expression_stops_before_sending(run_cli):
    result = run_cli("send", "GetApps", "--save", "x=Item[", "--env", "nowhere")
    assert result.status == 1 and result.stderr.startswith("error: x=Item[: not a JMESPath expression")


def test_no_history_row_holds_the_canary_secret(run_cli, kept_sandbox, tmp_path):
    assert run_cli("env", "add", "canary", "--region", "us-east-1", "--from-process-env",
                   "--host", f"pinpoint={kept_sandbox['url'].split('://')[1]}").status == 0
    keys = {"AWS_ACCESS_KEY_ID": CANARY_KEY_ID, "AWS_SECRET_ACCESS_KEY": CANARY_SECRET,
            "AWS_SESSION_TOKEN": CANARY_SECRET + "-token"}
    result = run_cli("send", "GetApps", "--env", "canary", "--allow-any-host", "--json", env=keys)
    assert result.status in (0, 4, 6)  # whatever came back, it is recorded
    assert run_cli("history", "list", "--json").json[0]["environment"] == "canary"
    files = list((tmp_path / "data").rglob("history.sqlite3*"))
    assert files
    for path in files:
        assert CANARY_SECRET.encode() not in path.read_bytes()
    with sqlite3.connect(tmp_path / "data" / "pinpoint-workbench" / "history.sqlite3") as db:
        for row in db.execute("SELECT * FROM sends"):
            assert CANARY_SECRET not in repr(row)


def test_a_damaged_history_or_globals_file_costs_a_warning_not_the_send(run_cli, kept_sandbox, tmp_path):
    data = tmp_path / "data" / "pinpoint-workbench"
    data.mkdir(parents=True, exist_ok=True)
    (data / "history.sqlite3").write_bytes(b"this is not a database" * 100)
    config = tmp_path / "config" / "pinpoint-workbench"
    config.mkdir(parents=True, exist_ok=True)
    (config / "globals.json").write_text("{ broken")
    sent = run_cli("send", "GetApps")
    assert sent.status == 0 and sent.stdout.startswith("HTTP 200")
    # the damaged history is moved aside (kept, never overwritten) and a new one keeps this send
    assert "warning: the history file was damaged: moved to history.sqlite3.damaged-" in sent.stderr
    assert "globals.json: invalid JSON at line 1, column 3" in sent.stderr
    aside = [p for p in data.iterdir() if p.name.startswith("history.sqlite3.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    listed = run_cli("history", "list", "--json")
    assert listed.status == 0 and [e["operation"] for e in listed.json] == ["pinpoint:GetApps"]
