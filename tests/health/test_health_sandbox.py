"""The account health check against a real sandbox in several states: fresh; out of the SMS
sandbox; a spend limit at zero; a number waiting for its registration; a project with a
campaign; credentials that may not make some calls. Each state is made the way a user (or a
customer's recorded answers) makes it: through the API, or a scenario replaying answers."""

from __future__ import annotations

import json

import pytest

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.health import run_health
from workbench.core.health.html import render_html
from workbench.core.health.model import catalogue
from workbench.core.health.policy import policy_actions, required_policy
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox import scenarios
from workbench.core.sandbox.server import SandboxServer
from workbench.core.sandbox.scenario_rules import read_rules
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace
from tests.helpers.sandbox_state import forget_moto_apps

NO_WAIT = (0.01, 0.01, 0.01)


def _session(server, tmp_path):
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: server.url)
    return workspace, SendService(workspace).open("sandbox")


@pytest.fixture
def sandbox():
    forget_moto_apps()
    with SandboxServer() as server:
        yield server
    forget_moto_apps()


@pytest.fixture
def session(sandbox, tmp_path):
    workspace, opened = _session(sandbox, tmp_path)
    with opened as session:
        yield session
    workspace.close()


def send(session, operation, body=None, **variables):
    outcome = session.send(RequestDraft(operation=operation, body=json.dumps(body) if body is not None else None,
                                        variables=tuple(variables.items())), record=False)
    assert outcome.exchange.response.ok, outcome.exchange.response.text()
    return outcome.exchange.response.json()


def replay(sandbox, name, rules):
    scenarios.load(sandbox.data_dir, [scenarios.Scenario(name, read_rules(rules, name))])


def codes(report, severity=None):
    return [f.code for f in report.findings if severity is None or f.severity == severity]


def one(report, code):
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, (code, codes(report))
    return found[0]


def test_a_fresh_sandbox_is_found_as_it_is(session):
    report = run_health(session, retry_delays=NO_WAIT)
    assert report.ok, [f.title for f in report.findings if f.severity == "error"]
    tier = one(report, "sms-tier-sandbox")
    assert tier.severity == "warning" and "0 of 10 verified" in tier.title
    assert tier.evidence[0].field == "$.AccountAttributes[0].Value" and tier.evidence[0].value == "SANDBOX"
    assert tier.next == {"guide": "sms-sandbox-unverified-destination"}
    assert "sms-no-origination-identity" in codes(report) and "sms-no-configuration-set" in codes(report)
    assert [f.title for f in report.findings if f.code == "sms-spend-limit"][0] == \
        "Text messages: spend limit USD 1 a month enforced (maximum USD 1)"
    assert one(report, "pinpoint-projects").title == "0 Pinpoint project(s) in us-east-1"
    # what the sandbox keeps no state for is said, not reported as the account's state
    sampled = {f.evidence[0].operation for f in report.findings if f.code == "sandbox-keeps-no-state"}
    assert {"pinpoint-email:GetAccount", "pinpoint-sms-voice-v2:DescribeRegistrations"} <= sampled
    assert "email-sandbox" not in codes(report)
    data = report.to_dict()
    assert set(data) == {"findings", "calls", "environment"}
    assert all(set(f) == {"code", "severity", "title", "evidence", "next"} for f in data["findings"])
    assert data["environment"] == {"name": "sandbox", "region": "us-east-1", "account": "12******9012", "sandbox": True}
    assert {c["id"] for c in data["calls"]} >= {"sms.account", "sms.spend", "email.account", "pinpoint.apps"}


def test_every_call_is_a_send_kept_in_the_history(session):
    report = run_health(session, retry_delays=NO_WAIT)
    with session.workspace.using("history") as history:
        kept = {e.id: e.operation for e in history.list(200)}
    for call in report.calls:
        assert kept[call.history_id] == call.operation


def test_out_of_the_sms_sandbox_from_a_recorded_answer(session, sandbox):
    replay(sandbox, "production", [{"match": {"operation": "pinpoint-sms-voice-v2:DescribeAccountAttributes"},
                                    "answer": {"status": 200, "body": {"AccountAttributes": [
                                        {"Name": "ACCOUNT_TIER", "Value": "PRODUCTION"},
                                        {"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": "protect-1"}]}}}])
    report = run_health(session, retry_delays=NO_WAIT)
    assert "sms-tier-sandbox" not in codes(report)
    production = one(report, "sms-tier-production")
    assert production.title == "The account is out of the SMS sandbox (tier PRODUCTION)"
    account = next(c for c in report.calls if c.spec.id == "sms.account")
    assert account.scenario == "production/rule-1"


def test_a_spend_limit_at_zero_is_an_error(session):
    send(session, "pinpoint-sms-voice-v2:SetTextMessageSpendLimitOverride", {"MonthlyLimit": 0})
    report = run_health(session, retry_delays=NO_WAIT)
    assert not report.ok
    zero = one(report, "sms-spend-limit-zero")
    assert zero.title == "Text messages: the enforced monthly spend limit is USD 0, so nothing can be sent"
    assert zero.evidence[0].value == 0 and zero.next == {"guide": "sms-spend-limit"}
    assert any("Voice messages: spend limit USD 1" in f.title for f in report.findings)


def test_a_number_waiting_for_its_registration_cannot_send(session):
    send(session, "pinpoint-sms-voice-v2:RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                                               "NumberCapabilities": ["SMS"], "NumberType": "TOLL_FREE"})
    simulator = send(session, "pinpoint-sms-voice-v2:RequestPhoneNumber",
                     {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"],
                      "NumberType": "SIMULATOR"})
    report = run_health(session, retry_delays=NO_WAIT)
    pending = one(report, "sms-identity-pending")
    assert pending.severity == "error" and "(US TOLL_FREE) cannot send yet: status PENDING" in pending.title
    assert pending.evidence[0].field.endswith(".Status") and pending.next == {"guide": "sms-registration-required"}
    assert simulator["PhoneNumber"] in one(report, "sms-simulator-numbers").title
    assert "1 ACTIVE, 1 PENDING" in one(report, "sms-identities").title
    assert "sms-no-origination-identity" not in codes(report)


def test_a_project_with_a_campaign_and_its_channels(session, sandbox):
    app = send(session, "pinpoint:CreateApp", {"Name": "winter-sale"})["Id"]
    send(session, "pinpoint:CreateApp", {"Name": "quiet"})
    send(session, "pinpoint:UpdateSmsChannel", {"Enabled": True}, projectId=app)
    # the campaigns ended: a customer's recorded answer from before the cut-off says what it held
    replay(sandbox, "customer", [{"match": {"operation": "pinpoint:GetCampaigns", "path": f"/v1/apps/{app}/campaigns"},
                                  "answer": {"status": 200, "body": {"Item": [{"Id": "c1", "Name": "sale"},
                                                                               {"Id": "c2", "Name": "reminder"}]}}}])
    report = run_health(session, retry_delays=NO_WAIT)
    used = one(report, "pinpoint-ended-feature-used")
    assert used.title.startswith(f"Project winter-sale ({app}) still has 2 campaigns: they ended on 2026-10-30")
    assert "Amazon Connect outbound campaigns" in used.title and used.next == {"guide": "end-of-support"}
    assert one(report, "pinpoint-projects").title == "2 Pinpoint project(s) in us-east-1"
    channels = {f.title for f in report.findings if f.code == "pinpoint-channels"}
    assert f"Project winter-sale ({app}): channels enabled: SMS" in channels
    # the other project's campaigns: the sandbox refuses them, as AWS may since the end of support
    refused = [f for f in report.findings if f.code == "pinpoint-ended-feature-refused"]
    assert any(f.title.startswith("Campaigns: the service refused to list them (HTTP 501") for f in refused)


def test_a_policy_without_the_sms_reads_gives_one_finding_per_call_and_the_check_goes_on(tmp_path):
    forget_moto_apps()
    with SandboxServer(tutorial_policy=True) as server:
        workspace, opened = _session(server, tmp_path)
        with opened as session:
            send(session, "pinpoint:CreateApp", {"Name": "allowed"})  # the tutorial policy allows Create*
            report = run_health(session, retry_delays=NO_WAIT)
        workspace.close()
    unseen = {f.title for f in report.findings if f.code == "cannot-see"}
    assert "Cannot see the SMS and voice spend limits: needs `sms-voice:DescribeSpendLimits`" in unseen
    needed = {title.split("`")[1] for title in unseen}
    sms_reads = {a for a in policy_actions(required_policy()) if a.startswith("sms-voice:")}
    assert len(sms_reads) == 11 and sms_reads <= needed  # the tutorial policy allows sms-voice List/Get, not Describe
    # the rest it lacks too: List* and the account-wide recommender ARN are outside its statements
    assert needed - sms_reads == {"mobiletargeting:ListJourneys", "mobiletargeting:GetRecommenderConfigurations"}
    assert all(f.next == {"guide": "iam-not-authorized"} for f in report.findings if f.code == "cannot-see")
    assert "pinpoint-projects" in codes(report)  # Pinpoint reads are allowed: they were checked
    assert needed <= policy_actions(required_policy())


def test_a_single_denied_action_is_named(session, sandbox):
    replay(sandbox, "no-spend", [{"match": {"operation": "pinpoint-sms-voice-v2:DescribeSpendLimits"}, "fault": {"kind": "deny"}}])
    report = run_health(session, retry_delays=NO_WAIT)
    assert [f.title for f in report.findings if f.code == "cannot-see"] == \
        ["Cannot see the SMS and voice spend limits: needs `sms-voice:DescribeSpendLimits`"]
    assert "sms-spend-limit" not in codes(report) and "sms-tier-sandbox" in codes(report)


def test_a_throttled_call_is_retried_with_backoff(session, sandbox):
    replay(sandbox, "busy", [{"match": {"operation": "pinpoint-sms-voice-v2:DescribeAccountLimits"},
                              "fault": {"kind": "throttle", "rate": 1}, "times": 2}])
    report = run_health(session, retry_delays=NO_WAIT)
    limits = next(c for c in report.calls if c.spec.id == "sms.limits")
    assert limits.attempts == 3 and limits.status == 200
    assert "sms-account-limits" in codes(report)


def test_a_call_that_keeps_failing_is_a_finding_with_its_diagnosis(session, sandbox):
    replay(sandbox, "down", [{"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "server_error", "status": 503}}])
    report = run_health(session, retry_delays=NO_WAIT)
    failed = one(report, "call-failed")
    assert failed.title == ("Could not check the Pinpoint projects: HTTP 503 ServiceUnavailableException: "
                            "Service is unavailable. Try again later.")
    assert failed.next == {"guide": "server-error"}
    assert next(c for c in report.calls if c.spec.id == "pinpoint.apps").attempts == 4


def test_cancel_stops_every_call(session):
    token = CancelToken()
    seen = []

    def progress(step):
        seen.append(step)
        if step.done == 3:
            token.cancel()

    with pytest.raises(Cancelled):
        run_health(session, cancel=token, progress=progress, workers=2, retry_delays=NO_WAIT)
    assert seen[-1].done < len(catalogue().calls)


def test_progress_counts_the_per_project_calls_as_they_are_found(session):
    for name in ("a", "b", "c"):
        send(session, "pinpoint:CreateApp", {"Name": name})
    steps = []
    report = run_health(session, progress=steps.append, retry_delays=NO_WAIT)
    per_project = sum(1 for spec in catalogue().calls if spec.for_each and spec.for_each["call"] == "pinpoint.apps")
    assert steps[-1].done == steps[-1].total == len(report.calls)
    assert len([c for c in report.calls if c.spec.id == "pinpoint.channels"]) == 3
    assert steps[-1].total == len([s for s in catalogue().calls if not s.for_each]) + 3 * per_project


def test_the_html_report_shows_what_aws_said_as_text(session, sandbox):
    replay(sandbox, "identities", [
        {"match": {"operation": "pinpoint-email:ListEmailIdentities"},
         "answer": {"status": 200, "body": {"EmailIdentities": [{"IdentityType": "EMAIL_ADDRESS",
                                                                 "IdentityName": "<script>alert(1)</script>@x.com",
                                                                 "SendingEnabled": False}]}}},
        {"match": {"operation": "pinpoint-email:GetEmailIdentity"},
         "answer": {"status": 200, "body": {"IdentityType": "EMAIL_ADDRESS", "VerifiedForSendingStatus": False}}}])
    report = run_health(session, retry_delays=NO_WAIT)
    unverified = one(report, "email-identity-unverified")
    assert unverified.title == "Email identity <script>alert(1)</script>@x.com is not verified for sending"
    html = render_html(report)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;@x.com" in html
    assert "Account health of sandbox" in html and "12******9012" in html
    assert "troubleshooting guide: The account is in the SMS sandbox" in html or "sms-sandbox-unverified-destination" in html
