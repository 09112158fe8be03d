"""Every reader bounded, every id checked (issue 22, items 6 and 7): huge ids are usage
errors, files are read only when they are regular files of a sane size, damaged stores are
reported and set aside, and nothing here is a traceback or a read without end."""

from __future__ import annotations

import json
import os

import pytest

from workbench.core.common.storage import UnreadableFile, read_limited
from workbench.core.settings.window_session import load_session

HUGE = "9" * 23
KEYS = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}


def config(tmp_path):
    directory = tmp_path / "config" / "pinpoint-workbench"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.mark.parametrize("argv, message", [
    (("history", "list", "--limit", HUGE), f"argument --limit: expected a whole number of at most 9223372036854775807, found {HUGE}"),
    (("history", "show", "0"), "argument id: expected a whole number of at least 1, found 0"),
    (("history", "show", "-3"), "argument id: expected a whole number of at least 1, found -3"),
    (("history", "show", "1" * 5000),  # past Python's 4,300-digit int limit
     "argument id: expected a whole number of at least 1, found 11111111111111111111... (5000 characters)"),
    (("diagnose", "--history", "x"), "argument --history: expected a whole number of at least 1, found x"),
])
def test_ids_and_counts_that_are_not_numbers_in_range_are_usage_errors(run_cli, argv, message):
    result = run_cli(*argv)
    assert result.status == 2 and "Traceback" not in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("argv, entry", [
    (("history", "show", HUGE), HUGE), (("history", "replay", HUGE, "--dry-run"), HUGE),
    (("diagnose", "--history", HUGE), HUGE), (("bundle", "create", "--history", HUGE, "--out", "b.json"), HUGE),
    (("history", "show", str(2**63 - 1)), str(2**63 - 1)),
])
def test_an_id_of_any_size_is_an_entry_that_is_not_there(run_cli, argv, entry):
    result = run_cli(*argv)
    assert (result.status, result.stderr) == (1, f"error: no history entry {entry}\n")


def test_diagnose_on_a_file_that_is_not_utf8(run_cli, tmp_path):
    saved = tmp_path / "saved.json"
    saved.write_bytes(b'{"status": 400, "body": "\xff\xfe"}')
    result = run_cli("diagnose", str(saved))
    assert (result.status, result.stderr) == (1, f"error: {saved}: not UTF-8 text (byte 25 is 0xff) at line 1, column 26\n")


@pytest.mark.parametrize("target", ["/dev/zero", "loop"])
def test_environments_json_that_leads_nowhere_is_reported_and_set_aside(run_cli, tmp_path, target):
    directory = config(tmp_path)
    if target == "loop":
        os.symlink("other", directory / "environments.json")
        os.symlink("environments.json", directory / "other")
        detail = "a loop of symbolic links, not a file; not read"
    else:
        os.symlink(target, directory / "environments.json")
        detail = "a device, a pipe or a socket, not a regular file; not read"
    listed = run_cli("env", "list", "--json")
    assert listed.status == 0 and [e["name"] for e in listed.json["environments"]] == ["sandbox"]
    assert listed.json["problems"][0]["message"] == f"{detail}; starting with no saved environments"
    kept = [p for p in directory.iterdir() if p.name.startswith("environments.json.")]
    assert len(kept) == 1 and os.readlink(kept[0]) == ("other" if target == "loop" else target)  # the link, as it was
    assert run_cli("env", "add", "dev", "--region", "us-east-1", "--from-process-env").status == 0
    assert [e["name"] for e in json.loads((directory / "environments.json").read_text())["environments"]] == ["dev"]


@pytest.mark.parametrize("argv", [("import", "postman", "/dev/zero", "--into", "drafts"), ("import", "curl", "/dev/zero"),
                                  ("import", "cloudtrail", "/dev/zero"), ("diagnose", "/dev/zero"), ("bundle", "open", "/dev/zero")])
def test_devices_are_refused_at_once(run_cli, argv):
    result = run_cli(*argv)
    assert result.status == 1 and "Traceback" not in result.stderr
    assert "/dev/zero" in result.stderr and ("not a regular file" in result.stderr or "larger than" in result.stderr)


def test_a_fifo_with_no_writer_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile) as info:
        read_limited(fifo)
    assert info.value.kind == "not_a_file"


def test_a_file_larger_than_the_limit_is_not_read(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2049)
    with pytest.raises(UnreadableFile) as info:
        read_limited(big, 2048)
    assert str(info.value) == f"{big}: 2049 bytes; a file read here can be at most 2048 bytes; not read"


def deep_draft(depth: int) -> str:
    return json.dumps({"operation": "GetApps"})[:-1] + ', "variables": ' + '{"a": ' * depth + "1" + "}" * depth + "}"


@pytest.mark.parametrize("argv", [("run", "coll"), ("export", "postman", "coll", "--out", "out.json")])
def test_a_deeply_nested_draft_in_a_collection_is_a_located_problem(run_cli, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "coll").mkdir()
    (tmp_path / "coll" / "deep.request.json").write_text(deep_draft(100_000))
    result = run_cli(*argv)
    assert result.status == 1 and "Traceback" not in result.stderr
    assert "deep.request.json: nested deeper than 100 levels at line 1, column" in result.stderr


def test_folders_that_loop_or_nest_without_end_are_problems_not_a_crash(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "coll" / "a").mkdir(parents=True)
    os.symlink("..", tmp_path / "coll" / "a" / "up")
    looped = run_cli("export", "postman", "coll", "--out", "out.json")
    assert looped.status == 1 and "coll/a/up: a link back to a folder above it; not followed" in looped.stderr
    deep = tmp_path / "deep"
    for _ in range(40):
        deep = deep / "d"
    deep.mkdir(parents=True)
    nested = run_cli("export", "postman", "deep", "--out", "out.json")
    assert nested.status == 1 and "folders nested deeper than 32; not read" in nested.stderr


@pytest.mark.parametrize("document, problem", [
    ({"schema_version": 1, "tabs": 5}, "tabs: expected a list of tabs, found a number; no tabs restored"),
    ({"schema_version": 1, "tabs": [], "active": "x"}, "active: expected a tab number, found a string; the first tab is shown"),
    ({"schema_version": 1, "tabs": [], "environment": ["dev"]}, "environment: expected a name, found an array; not restored"),
    ({"schema_version": 1, "tabs": [7]}, "tabs[0]: "),
])
def test_a_damaged_window_session_is_reported_and_the_defaults_used(tmp_path, document, problem):
    path = tmp_path / "window-session.json"
    path.write_text(json.dumps(document))
    session = load_session(path)
    assert session.tabs == () and session.active == 0 and session.environment == ""
    assert str(session.problems[0]).startswith(f"{path}: {problem}")


def test_preferences_that_lead_to_a_device_are_reported_and_the_defaults_used(tmp_path):
    from workbench.core.settings.preferences import Preferences, load_preferences

    os.symlink("/dev/zero", tmp_path / "preferences.json")
    loaded = load_preferences(tmp_path)
    assert loaded.preferences == Preferences()
    assert loaded.problems == (f"{tmp_path / 'preferences.json'}: a device, a pipe or a socket, not a regular file; "
                               "not read; using the defaults",)
