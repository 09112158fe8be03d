"""`sandbox scenario load|list|clear` with the kept sandbox: shipped names, rules files,
bundles and history entries; a send a scenario answers says so in its --json; damaged files
are refused with the place named and nothing loaded."""

from __future__ import annotations

import json


def test_a_shipped_scenario_answers_and_the_send_says_so(run_cli):
    loaded = run_cli("sandbox", "scenario", "load", "server-error-retry", "--json")
    assert loaded.status == 0
    assert loaded.json["loaded"][0]["name"] == "server-error-retry" and loaded.json["scenarios"] == ["server-error-retry"]
    first = run_cli("send", "GetApps", "--json")
    assert first.status == 5
    assert first.json["scenario"] == {"name": "server-error-retry", "rule": "first-request-fails", "kind": "server_error"}
    assert [d["id"] for d in first.json["diagnoses"]][:1] == ["server-error"]
    retry = run_cli("send", "GetApps", "--json")
    assert retry.status == 0 and "scenario" not in retry.json


def test_list_and_clear(run_cli):
    assert "No scenario is loaded" in run_cli("sandbox", "scenario", "list").stdout
    run_cli("sandbox", "scenario", "load", "throttling", "expired-token")
    listing = run_cli("sandbox", "scenario", "list", "--json").json
    assert [s["name"] for s in listing["scenarios"]] == ["throttling", "expired-token"]
    assert "clock-skew" in listing["shipped"]
    text = run_cli("sandbox", "scenario", "list").stdout
    assert "throttling: Every second send is throttled" in text
    assert "  sms-voice-v2-sends: api=pinpoint-sms-voice-v2 operation=SendTextMessage|SendVoiceMessage|SendMediaMessage" \
           " -> throttle at rate 0.5" in text
    assert run_cli("sandbox", "scenario", "clear", "expired-token", "--json").json == {"cleared": ["expired-token"]}
    missing = run_cli("sandbox", "scenario", "clear", "nope")
    assert missing.status == 1 and "no scenario 'nope' is loaded (loaded: throttling)" in missing.stderr
    assert run_cli("sandbox", "scenario", "clear").stdout.strip() == "unloaded throttling"


def test_history_entries_and_a_bundle_are_replayed(run_cli, tmp_path):
    created = run_cli("send", "CreateApp", "--body", "-", "--json", stdin='{"Name": "customer"}')
    listed = run_cli("history", "list", "--json").json
    bundle = tmp_path / "repro.json"
    assert run_cli("bundle", "create", "--history", str(listed[0]["id"]), "--out", str(bundle)).status == 0
    by_history = run_cli("sandbox", "scenario", "load", "--history", str(listed[0]["id"]), "--json")
    assert by_history.status == 0 and by_history.json["loaded"][0]["rules"][0].startswith("entry-")
    again = run_cli("send", "CreateApp", "--body", "-", "--json", stdin='{"Name": "mine"}')
    assert again.json["body"]["Id"] == created.json["body"]["Id"] and again.json["scenario"]["rule"].startswith("entry-")
    run_cli("sandbox", "scenario", "clear")
    assert run_cli("sandbox", "scenario", "load", str(bundle)).status == 0
    replayed = run_cli("send", "CreateApp", "--body", "-", "--json", stdin='{"Name": "other"}')
    assert replayed.json["body"]["Name"] == "customer" and replayed.json["scenario"]["name"] == "repro"


def test_a_damaged_file_is_refused_with_its_place_and_nothing_is_loaded(run_cli, tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps({"rules": [{"fault": {"kind": "drop"}}]}))
    bad.write_text('{"rules": [{"fault": {"kind": "throttle", "rate": "half"}}]}')
    result = run_cli("sandbox", "scenario", "load", str(good), str(bad), "--json")
    assert result.status == 1
    assert result.json["error"]["code"] == "invalid_scenario"
    assert result.json["error"]["message"] == f"{bad}: rules[0].fault.rate: expected a number from 0 to 1 (above 0), got 'half'"
    assert run_cli("sandbox", "scenario", "list", "--json").json["scenarios"] == []
    usage = run_cli("sandbox", "scenario", "load")
    assert usage.status == 2 and "name at least one FILE" in usage.stderr
