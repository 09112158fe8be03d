"""The command line: send shows and carries diagnoses, diagnose FILE, troubleshoot."""

from __future__ import annotations

import json

import pytest
from fixture_cases import FIXTURES

pytestmark = pytest.mark.usefixtures("no_sandbox_left_behind")


def test_send_json_carries_diagnoses_and_diagnose_reads_it_back(run_cli, tmp_path):
    result = run_cli("send", "GetApp", "--var", "projectId=doesnotexist", "--json")
    assert result.status == 4
    data = result.json
    assert [d["id"] for d in data["diagnoses"]] == ["not-found"]
    diagnosis = data["diagnoses"][0]
    assert set(diagnosis) >= {"id", "title", "cause", "evidence", "steps", "fixes"}
    saved = tmp_path / "exchange.json"
    saved.write_text(result.stdout, encoding="utf-8")
    again = run_cli("diagnose", str(saved), "--json")
    assert again.status == 0
    assert [d["id"] for d in again.json["diagnoses"]] == ["not-found"]


def test_send_prints_the_diagnosis_after_the_response(run_cli):
    result = run_cli("send", "GetApp", "--var", "projectId=doesnotexist")
    assert result.status == 4
    assert "NotFoundException" in result.stdout
    assert "diagnosis [not-found] Not found: wrong id or wrong region" in result.stderr
    assert "fix: pass --var projectId=VALUE" in result.stderr  # the CLI's own remedy wording
    assert "pinpoint-workbench send GetApps --env sandbox" in result.stderr
    assert "\n\ndiagnosis" not in "\n" + result.stderr  # no blank line before it


def test_diagnose_a_recorded_exchange_shows_the_policy_statement(run_cli):
    case = json.loads((FIXTURES / "postman-not-authorized-getapps.json").read_text(encoding="utf-8"))
    result = run_cli("diagnose", "-", stdin=json.dumps(case["exchange"]))
    assert result.status == 0
    assert "diagnosis [iam-not-authorized]" in result.stdout
    assert ('add this statement to the IAM policy: {"Effect": "Allow", "Action": "mobiletargeting:GetApps", '
            '"Resource": "arn:aws:mobiletargeting:us-west-2:123456789012:*"}') in result.stdout


def test_diagnose_refuses_a_file_that_is_not_an_exchange(run_cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    result = run_cli("diagnose", str(bad))
    assert result.status == 1
    assert f"{bad}: not JSON" in result.stderr and "Traceback" not in result.stderr
    missing = run_cli("diagnose", str(tmp_path / "nope.json"))
    assert missing.status == 1 and "No such file" in missing.stderr


def test_troubleshoot_list_show_search(run_cli):
    listing = run_cli("troubleshoot", "list", "--json")
    assert any(item["id"] == "signature-mismatch" for item in listing.json)
    shown = run_cli("troubleshoot", "show", "clock-skew")
    assert "symptoms:" in shown.stdout and "NTP" in shown.stdout
    credentials = run_cli("troubleshoot", "show", "invalid-security-token")
    assert "fix: Open the credentials of the environment" in credentials.stdout
    found = run_cli("troubleshoot", "search", "UnrecognizedClientException", "--json")
    assert found.json[0]["id"] == "invalid-security-token"
    unknown = run_cli("troubleshoot", "show", "nope")
    assert unknown.status == 1 and "no troubleshooting entry 'nope'" in unknown.stderr


def test_diagnose_a_send_from_the_history(run_cli):
    sent = run_cli("send", "GetApp", "--var", "projectId=doesnotexist", "--json")
    assert sent.status == 4
    listing = run_cli("history", "list", "--json")
    newest = listing.json[0]["id"]
    result = run_cli("diagnose", "--history", str(newest), "--json")
    assert result.status == 0
    diagnosis = result.json["diagnoses"][0]
    assert diagnosis["id"] == "not-found"
    assert {"action": "set_variable", "name": "projectId"} in diagnosis["fixes"]


def test_diagnose_wants_a_file_or_a_history_id(run_cli):
    result = run_cli("diagnose")
    assert result.status == 1 and "FILE or --history ID" in result.stderr
    missing = run_cli("diagnose", "--history", "99999")
    assert missing.status == 1 and "Traceback" not in missing.stderr


def test_send_json_explains_what_stopped_it_before_sending(run_cli):
    result = run_cli("send", "GetApp", "--json")
    assert result.status == 1
    assert result.json["error"]["code"]
    diagnosis = result.json["diagnoses"][0]
    assert diagnosis["id"] == "missing-variable"
    assert {"action": "set_variable", "name": "projectId"} in diagnosis["fixes"]
    plain = run_cli("send", "GetApp")
    assert plain.status == 1 and "diagnosis [missing-variable]" in plain.stderr and "error: missing variable" in plain.stderr
    assert "\n\ndiagnosis" not in "\n" + plain.stderr


def test_diagnose_reads_what_history_show_json_writes(run_cli, tmp_path):
    run_cli("send", "GetApp", "--var", "projectId=doesnotexist")
    newest = run_cli("history", "list", "--json").json[0]["id"]
    shown = run_cli("history", "show", str(newest), "--json")
    saved = tmp_path / "entry.json"
    saved.write_text(shown.stdout, encoding="utf-8")
    result = run_cli("diagnose", str(saved), "--json")
    assert [d["id"] for d in result.json["diagnoses"]] == ["not-found"]


def test_every_fix_action_has_a_command_line_wording():
    from workbench.cli.diagnose_cmds import fix_command
    from workbench.core.diagnose import catalogue
    from workbench.core.diagnose.catalogue import FIX_ACTIONS

    samples = {"switch_environment": {}, "open_credentials": {"environment": "dev"}, "set_variable": {"name": "projectId"},
               "resign": {"region": "eu-west-1"}, "copy_policy": {"statement": {"Effect": "Allow"}},
               "open_operation": {"operation": "pinpoint:GetApps"}, "list_projects": {"environments": ["dev"]},
               "retry": {"backoff_seconds": [1, 2]}, "start_sandbox": {}, "unlock_keyring": {},
               "use_profile": {"environment": "dev"}, "session_credentials": {"environment": "dev"},
               "check_profile": {"profile": "work", "environment": "dev"}, "sso_login": {"profile": "work"},
               "set_process_credentials": {"names": ["AWS_ACCESS_KEY_ID"], "environment": "dev"}}
    assert set(samples) == FIX_ACTIONS
    for action, fields in samples.items():
        worded = fix_command({"action": action, **fields})
        assert worded and worded != action, action
    assert {fix["action"] for item in catalogue() for fix in item["fixes"]} <= FIX_ACTIONS


def test_an_end_of_support_operation_the_sandbox_refuses_gets_one_diagnosis_without_retry_advice(run_cli):
    result = run_cli("send", "GetCampaigns", "--var", "projectId=x", "--json")
    assert result.status == 5 and result.json["status"] == 501
    [diagnosis] = result.json["diagnoses"]
    assert diagnosis["id"] == "sandbox-not-emulated"
    assert "end of support" in diagnosis["cause"] and "Amazon Connect outbound campaigns" in " ".join(diagnosis["steps"])
    assert "moto" not in json.dumps(diagnosis)
    assert all(fix["action"] != "retry" for fix in diagnosis["fixes"])
    plain = run_cli("send", "GetCampaigns", "--var", "projectId=x")
    assert "server-error" not in plain.stderr and "backoff" not in plain.stderr


def test_a_raw_request_no_operation_matches_gets_one_diagnosis_without_retry_advice(run_cli):
    result = run_cli("raw", "GET", "https://{{ endpoint }}/v1/nosuch", "--signing-name", "mobiletargeting", "--json")
    assert result.status == 4
    assert [d["id"] for d in result.json["diagnoses"]] == ["unknown-operation"]
    assert all(fix["action"] != "retry" for fix in result.json["diagnoses"][0]["fixes"])


def test_evidence_without_a_name_reads_without_a_stray_space(run_cli):
    case = json.loads((FIXTURES / "service-unavailable.json").read_text(encoding="utf-8"))
    result = run_cli("diagnose", "-", stdin=json.dumps(case["exchange"]))
    assert "  evidence: status: HTTP 503" in result.stdout and "status :" not in result.stdout


def test_diagnose_refuses_json_nested_too_deeply(run_cli, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    result = run_cli("diagnose", str(deep))
    assert result.status == 1 and "nested too deeply" in result.stderr and "Traceback" not in result.stderr
