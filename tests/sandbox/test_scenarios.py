"""Scenarios: the sandbox replays recorded answers and injects faults after checking the
signature as always. Each fault kind, rules matching on API, operation, path, query and body,
answers from a bundle and from history entries, what no rule matches answered as before, and
damaged files refused with the place named."""

from __future__ import annotations

import json
import time
from email.utils import parsedate_to_datetime

import pytest

from workbench.core.environments.credentials import Credentials
from workbench.core.interop.bundle import bundle_from_exchange
from workbench.core.interop.scenario_files import read_scenario_file, scenario_from_bundle, scenario_from_history
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox import scenarios
from workbench.core.sandbox.scenario_rules import ScenarioError, read_rules
from workbench.core.sandbox.server import SandboxServer
from workbench.core.send import transport
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace
from tests.helpers.sandbox_send import send_to

SMS = "pinpoint-sms-voice-v2"
TEXT = {"DestinationPhoneNumber": "+14254147755", "MessageBody": "hello"}


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


@pytest.fixture(autouse=True)
def no_scenarios(sandbox):
    scenarios.clear(sandbox.data_dir)
    yield
    scenarios.clear(sandbox.data_dir)


@pytest.fixture
def service(sandbox, tmp_path):
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: sandbox.url)
    yield SendService(workspace)
    workspace.close()


def rules(sandbox, *items, name="test"):
    scenarios.load(sandbox.data_dir, [scenarios.Scenario(name, read_rules(list(items), name))])


def send(sandbox, operation, body=None, **kwargs):
    exchange, _ = send_to(sandbox.url, operation, body=body, **kwargs)
    return exchange


def status(exchange):
    return exchange.response.status if exchange.response is not None else None


# ---------------------------------------------------------------- faults


def test_throttling_at_a_rate_answers_every_second_request(sandbox):
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "throttle", "rate": 0.5}})
    answers = [send(sandbox, "pinpoint:GetApps") for _ in range(4)]
    assert [status(a) for a in answers] == [200, 429, 200, 429]
    throttled = answers[1].response
    assert throttled.header("x-amzn-ErrorType") == "TooManyRequestsException"
    assert throttled.header("x-workbench-scenario") == "test/rule-1 (throttle)"
    assert answers[0].response.header("x-workbench-scenario") is None  # let through: the sandbox's own answer


def test_sms_v2_is_throttled_in_its_own_protocol(sandbox):
    rules(sandbox, {"match": {"api": SMS}, "fault": {"kind": "throttle"}})
    answer = send(sandbox, f"{SMS}:DescribeSpendLimits", body={})
    assert status(answer) == 400 and answer.response.json()["__type"] == "ThrottlingException"


def test_a_500_once_then_the_retry_gets_through(sandbox):
    scenarios.load(sandbox.data_dir, [read_scenario_file(scenarios.resolve("server-error-retry"))])
    first, second = send(sandbox, "pinpoint:GetApps"), send(sandbox, "pinpoint:GetApps")
    assert status(first) == 500 and first.response.header("x-amzn-ErrorType") == "InternalServerErrorException"
    assert status(second) == 200


def test_a_dropped_connection_gets_no_answer_at_all(service, sandbox):
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "drop"}})
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"))
    assert outcome.exchange.response is None and isinstance(outcome.exchange.error, transport.TransportError)
    assert "connection-broken" in [d.id for d in outcome.diagnoses]
    assert status(send(sandbox, "pinpoint:CreateApp", body={"Name": "unmatched"})) == 201


def test_a_slow_drip_still_delivers_the_whole_answer(sandbox):
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "drip", "bytes_per_second": 4000}})
    answer = send(sandbox, "pinpoint:GetApps")
    assert status(answer) == 200 and isinstance(answer.response.json()["Item"], list)
    assert answer.response.header("x-workbench-scenario") == "test/rule-1 (drip)"


def test_a_drip_slower_than_the_deadline_ends_the_send(service, sandbox):
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "drip", "bytes_per_second": 16}})
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"),
                           options=transport.SendOptions(read_timeout=10, deadline=0.5))
    assert outcome.exchange.response is None and "timeout" in [d.id for d in outcome.diagnoses]


def test_latency_delays_the_sandbox_s_own_answer(service, sandbox):
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "latency", "seconds": 3}})
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"),
                           options=transport.SendOptions(read_timeout=0.5))
    assert outcome.exchange.response is None and "timeout" in [d.id for d in outcome.diagnoses]
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "latency", "seconds": 0.01},
                    "answer": {"status": 200, "body": {"Item": [{"Id": "late"}]}}})
    answer = send(sandbox, "pinpoint:GetApps")
    assert answer.response.json() == {"Item": [{"Id": "late"}]}


def test_clock_skew_is_refused_as_an_expired_signature_with_the_date_off(service, sandbox):
    scenarios.load(sandbox.data_dir, [read_scenario_file(scenarios.resolve("clock-skew"))])
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"))
    response = outcome.exchange.response
    assert response.status == 403 and response.json()["message"].startswith("Signature expired: ")
    ahead = parsedate_to_datetime(response.header("Date")).timestamp() - time.time()
    assert 800 < ahead < 1000
    assert "signature-expired" in [d.id for d in outcome.diagnoses]


def test_deny_answers_iam_s_not_authorized_for_the_request_s_own_action(sandbox):
    rules(sandbox, {"match": {"operation": f"{SMS}:DescribeSpendLimits"}, "fault": {"kind": "deny"}})
    answer = send(sandbox, f"{SMS}:DescribeSpendLimits", body={})
    assert status(answer) == 403
    assert answer.response.json()["__type"] == "AccessDeniedException"
    assert "is not authorized to perform: sms-voice:DescribeSpendLimits" in answer.response.json()["Message"]


def test_a_written_answer_with_its_status_headers_and_body(service, sandbox):
    scenarios.load(sandbox.data_dir, [read_scenario_file(scenarios.resolve("spend-limit-reached"))])
    outcome = service.send("sandbox", RequestDraft(operation=f"{SMS}:SendTextMessage", body=json.dumps(TEXT)))
    body = outcome.exchange.response.json()
    assert outcome.exchange.response.status == 400
    assert body["Reason"] == "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"
    assert [d.id for d in outcome.diagnoses][:1] == ["sms-spend-limit"] and "sandbox-scenario" in [d.id for d in outcome.diagnoses]


def test_every_shipped_scenario_loads_and_answers():
    shipped = scenarios.shipped()
    assert set(shipped) >= {"throttling", "spend-limit-reached", "registration-pending", "expired-token", "clock-skew",
                            "server-error-retry"}
    for path in shipped.values():
        assert read_scenario_file(path).rules


def test_the_expired_token_and_registration_scenarios_are_diagnosed_as_such(service, sandbox):
    scenarios.load(sandbox.data_dir, [read_scenario_file(scenarios.resolve("expired-token"))])
    assert "expired-token" in [d.id for d in service.send("sandbox", RequestDraft(operation="pinpoint:GetApps")).diagnoses]
    scenarios.clear(sandbox.data_dir)
    scenarios.load(sandbox.data_dir, [read_scenario_file(scenarios.resolve("registration-pending"))])
    outcome = service.send("sandbox", RequestDraft(operation=f"{SMS}:SendTextMessage", body=json.dumps(TEXT)))
    assert outcome.exchange.response.json()["Reason"] == "REGISTRATION_NOT_COMPLETE"
    assert "sms-registration-required" in [d.id for d in outcome.diagnoses]


# ---------------------------------------------------------------- the signature, matching


def test_the_signature_is_still_checked_before_any_scenario(sandbox):
    rules(sandbox, {"answer": {"status": 200, "body": {"ok": True}}})
    wrong = Credentials("AKIAIOSFODNN7EXAMPLE", "not-the-sandbox-secret")
    refused = send(sandbox, "pinpoint:GetApps", credentials=wrong)
    assert status(refused) == 403 and refused.response.header("x-workbench-scenario") is None
    assert send(sandbox, "pinpoint:GetApps").response.json() == {"ok": True}


def test_rules_match_on_path_query_and_body_fields(sandbox):
    rules(sandbox,
          {"id": "one-app", "match": {"operation": "GetApp", "path": "/v1/apps/special-*"},
           "answer": {"status": 404, "headers": {"x-amzn-ErrorType": "NotFoundException"}, "body": {"message": "gone"}}},
          {"id": "small-pages", "match": {"operation": "pinpoint:GetApps", "query": {"page-size": "1"}},
           "answer": {"status": 200, "body": {"Item": []}}},
          {"id": "to-failure-number", "match": {"api": SMS, "body": {"DestinationPhoneNumber": "+1425414716*"}},
           "fault": {"kind": "server_error", "status": 503}})
    assert status(send(sandbox, "pinpoint:GetApp", variables={"projectId": "special-1"})) == 404
    assert send(sandbox, "pinpoint:GetApp", variables={"projectId": "ordinary"}).response.header("x-workbench-scenario") is None
    assert send(sandbox, "pinpoint:GetApps", variables={"pageSize": "1"}).response.json() == {"Item": []}
    failing = send(sandbox, f"{SMS}:SendTextMessage", body={**TEXT, "DestinationPhoneNumber": "+14254147167"})
    assert status(failing) == 503 and failing.response.header("x-workbench-scenario") == "test/to-failure-number (server_error)"
    other = send(sandbox, f"{SMS}:SendTextMessage", body=TEXT)
    assert other.response.header("x-workbench-scenario") is None


def test_times_counts_from_each_load(sandbox):
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "server_error"}, "times": 2})
    assert [status(send(sandbox, "pinpoint:GetApps")) for _ in range(3)] == [500, 500, 200]
    rules(sandbox, {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "server_error"}, "times": 1})
    assert [status(send(sandbox, "pinpoint:GetApps")) for _ in range(2)] == [500, 200]


# ---------------------------------------------------------------- recorded answers


def test_a_bundle_s_answer_is_replayed_for_its_operation(service, sandbox, tmp_path):
    outcome = service.send("sandbox", RequestDraft(operation=f"{SMS}:SendTextMessage",
                                                   body=json.dumps({**TEXT, "DestinationPhoneNumber": "+12065550100"})))
    assert outcome.exchange.response.status == 400  # the customer's failure, as AWS gave it
    path = tmp_path / "customer.json"
    path.write_text(json.dumps(bundle_from_exchange(outcome.plan, outcome.exchange)))
    scenario = read_scenario_file(path)
    assert scenario.name == "customer" and scenario.rules[0].match == {"api": SMS, "operation": "SendTextMessage"}
    scenarios.load(sandbox.data_dir, [scenario])
    replayed = service.send("sandbox", RequestDraft(operation=f"{SMS}:SendTextMessage", body=json.dumps(TEXT)))
    assert replayed.exchange.response.status == 400
    assert replayed.exchange.response.json() == outcome.exchange.response.json()
    assert replayed.exchange.response.header("x-workbench-scenario") == "customer/recorded (answer)"


def test_history_entries_answers_are_replayed(service, sandbox):
    first = service.send("sandbox", RequestDraft(operation="pinpoint:CreateApp", body='{"Name": "recorded"}'))
    with service.workspace.using("history") as history:
        entry = history.get(first.history_id)
    scenarios.load(sandbox.data_dir, [scenario_from_history([entry])])
    again = service.send("sandbox", RequestDraft(operation="pinpoint:CreateApp", body='{"Name": "other"}'))
    assert again.exchange.response.json()["Name"] == "recorded"
    assert again.exchange.response.json()["Id"] == first.exchange.response.json()["Id"]


# ---------------------------------------------------------------- damaged files


@pytest.mark.parametrize("text, message", [
    ('{"rules": [}', "rules.json: invalid JSON at line 1, column 12"),
    ('{"rules": []}', "rules.json: rules: expected a list of rules"),
    ('{"rules": [{"match": {}}]}', 'rules.json: rules[0]: a rule needs an "answer" or a "fault"'),
    ('{"rules": [{"fault": {"kind": "trottle"}}]}', "rules.json: rules[0].fault.kind: unknown fault 'trottle'"),
    ('{"rules": [{"fault": {"kind": "throttle", "rate": 2}}]}', "rules.json: rules[0].fault.rate: expected a number from 0 to 1"),
    ('{"rules": [{"answer": {"status": 999}}]}', "rules.json: rules[0].answer.status: expected an HTTP status"),
    ('{"rules": [{"answer": {"status": 200, "headers": {"Bad Name": "x"}}}]}', "rules.json: rules[0].answer.headers"),
    ('{"rules": [{"match": {"operation": "GetAppz"}, "fault": {"kind": "drop"}}]}',
     "rules.json: rules[0].match.operation: no operation 'GetAppz'"),
    ('{"rules": [{"match": {"api": "pinpoint", "colour": 1}, "fault": {"kind": "drop"}}]}',
     "rules.json: rules[0].match.colour: unknown field"),
    ('{"rules": [{"fault": {"kind": "drop"}, "times": 0}]}', "rules.json: rules[0].times: expected a whole number"),
    ('{"rules": [{"fault": {"kind": "server_error"}, "answer": {"status": 200}}]}', "rules.json: rules[0].fault: a server_error fault is its own answer"),
    ('{"nothing": 1}', "rules.json: not a scenario: expected a reproduction bundle or a rules file"),
    ('{"format": "pinpoint-workbench-bundle", "version": 1, "operation": "pinpoint:GetApps", "draft": {}}',
     "rules.json: the bundle holds no answer and no error to replay"),
])
def test_a_damaged_scenario_file_is_refused_with_the_place_named(tmp_path, text, message):
    path = tmp_path / "rules.json"
    path.write_text(text)
    with pytest.raises(ScenarioError) as raised:
        read_scenario_file(path)
    assert str(raised.value).replace(str(tmp_path) + "/", "").startswith(message)


def test_a_damaged_scenarios_file_in_the_sandbox_is_reported_and_ignored(sandbox):
    (sandbox.data_dir / scenarios.SCENARIOS_FILE).write_text('{"format": "pinpoint-workbench-scenarios", "scenarios": [{"scenario": "x", "rules": 3}]}')
    with pytest.raises(ScenarioError, match=r"scenarios\[0\]\.rules: expected a list of rules"):
        scenarios.loaded(sandbox.data_dir)
    assert status(send(sandbox, "pinpoint:GetApps")) == 200  # answered as if none were loaded
    rules(sandbox, {"fault": {"kind": "server_error"}})  # a load replaces what could not be used
    assert status(send(sandbox, "pinpoint:GetApps")) == 500


def test_a_bundle_without_an_answer_replays_as_a_dropped_connection():
    scenario = scenario_from_bundle({"operation": "pinpoint:GetApps", "response": None,
                                     "error": {"type": "ConnectionReset", "message": "reset by peer"}}, "reset.json")
    assert scenario.rules[0].fault == {"kind": "drop"}
