"""`pinpoint-workbench health` against the kept sandbox: the --json form, the text report
grouped by area, the exit status, the HTML export and the policy."""

from __future__ import annotations

import json


def test_health_json_is_the_documented_form_and_exits_0_without_errors(run_cli):
    result = run_cli("health", "--json")
    assert result.status == 0, result.stdout + result.stderr
    data = result.json
    assert set(data) == {"findings", "calls", "environment"}
    assert data["environment"]["name"] == "sandbox" and data["environment"]["sandbox"] is True
    tier = next(f for f in data["findings"] if f["code"] == "sms-tier-sandbox")
    assert tier == {"code": "sms-tier-sandbox", "severity": "warning", "title": tier["title"],
                    "evidence": [{"call": "sms.account", "operation": "pinpoint-sms-voice-v2:DescribeAccountAttributes",
                                  "field": "$.AccountAttributes[0].Value", "value": "SANDBOX"}],
                    "next": {"guide": "sms-sandbox-unverified-destination"}}
    assert all(call["status"] is not None for call in data["calls"])
    listed = run_cli("history", "list", "--json").json
    assert {e["operation"] for e in listed} >= {"pinpoint-sms-voice-v2:DescribeSpendLimits", "pinpoint:GetApps"}


def test_the_text_report_groups_by_area_and_says_the_next_step(run_cli):
    result = run_cli("health")
    assert result.status == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Account health of sandbox (us-east-1, account 12******9012): 0 error(s), ")
    assert "SMS and voice v2" in lines and "Pinpoint projects" in lines
    assert "        next: pinpoint-workbench troubleshoot show sms-sandbox-unverified-destination" in lines


def test_an_error_finding_exits_1(run_cli, tmp_path):
    body = tmp_path / "zero.json"
    body.write_text('{"MonthlyLimit": 0}')
    assert run_cli("send", "SetTextMessageSpendLimitOverride", "--body", str(body)).status == 0
    result = run_cli("health")
    assert result.status == 1
    assert "ERROR Text messages: the enforced monthly spend limit is USD 0" in result.stdout
    assert "some findings are errors" in result.stderr


def test_the_html_export_is_written_and_a_bad_path_is_refused_first(run_cli, tmp_path):
    report = tmp_path / "health.html"
    result = run_cli("health", "--html", str(report), "--json")
    assert result.status == 0 and report.read_text().startswith("<!DOCTYPE html>")
    assert "The account is in the SMS sandbox" in report.read_text()
    kept = len(run_cli("history", "list", "--limit", "1000", "--json").json)
    refused = run_cli("health", "--html", str(tmp_path / "missing" / "x.html"))
    assert refused.status != 0 and "is not a writable folder" in refused.stderr
    assert len(run_cli("history", "list", "--limit", "1000", "--json").json) == kept  # nothing sent for it


def test_policy_prints_the_read_only_policy_and_sends_nothing(run_cli):
    result = run_cli("health", "--policy")
    assert result.status == 0
    policy = json.loads(result.stdout)
    actions = {a for s in policy["Statement"] for a in s["Action"]}
    assert "sms-voice:DescribeSpendLimits" in actions and "ses:GetAccount" in actions
    assert run_cli("sandbox", "status").status == 1  # no sandbox was started for it


def test_an_unknown_environment_is_a_located_error(run_cli):
    result = run_cli("health", "--env", "nope", "--json")
    assert result.status == 1 and result.json["error"]["code"] == "environment_not_found"
