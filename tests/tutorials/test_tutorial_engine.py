"""The lesson engine on exchanges recorded against the sandbox: what a step carries forward,
how each kind of check decides, and what a failed check says (expected, found, hint, guide)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.core.request.drafts import Assertion
from workbench.core.send import checks
from workbench.core.tutorials import evaluate_step, load_tutorials
from workbench.core.tutorials.model import Carry, Check, Step, StepRequest
from workbench.core.request.drafts import RequestDraft


@pytest.fixture(scope="module")
def lessons():
    return load_tutorials()


def step_for(operation, checks_=(), carry=()):
    return Step("a-step", "A step", ("Text.",), request=StepRequest(RequestDraft(operation=operation)),
                checks=tuple(checks_), carry=tuple(carry))


def test_a_passing_step_carries_its_value_forward(lessons, recorded):
    step = lessons.get("first-contact").step("create-app")
    outcome = evaluate_step(step, recorded["create-app"], {"lessonRun": "run1"}, diagnoses=())
    assert outcome.passed and outcome.status == 201
    assert outcome.carried == {"projectId": recorded["create-app"].response.json()["Id"]}
    assert [c.result.kind for c in outcome.checks] == ["status", "matches"]
    assert outcome.failures() == []


def test_an_expected_value_is_filled_from_the_lesson_before_comparing(lessons, recorded):
    step = replace(lessons.get("first-contact").step("get-app"), request=StepRequest(RequestDraft(operation="pinpoint:CreateApp")))
    name_check = Check(Assertion("equals", "Name", "MySampleProject-{{ lessonRun }}"))
    step = replace(step, checks=(name_check,))
    assert evaluate_step(step, recorded["create-app"], {"lessonRun": "run1"}, diagnoses=()).passed
    other = evaluate_step(step, recorded["create-app"], {"lessonRun": "run2"}, diagnoses=())
    assert not other.passed
    assert other.failures() == ['Name: expected "MySampleProject-run2", got "MySampleProject-run1".']


def test_a_failed_check_says_what_was_expected_what_came_back_the_hint_and_the_guide_entry(lessons, recorded):
    step = lessons.get("first-contact").step("send-email")
    exchange = recorded["send-email-channel-disabled"]
    outcome = evaluate_step(step, exchange, {"projectId": "p"}, diagnoses=recorded["send-email-channel-disabled:diagnoses"])
    assert not outcome.passed and outcome.status == 200
    failed = [c for c in outcome.checks if not c.passed]
    assert [c.result.kind for c in failed] == ["equals"]
    assert failed[0].result.expected == "SUCCESSFUL" and failed[0].result.found == "PERMANENT_FAILURE"
    assert failed[0].guide == "channel-disabled" and failed[0].guide_title
    line = [f for f in outcome.failures() if "DeliveryStatus" in f][0]
    assert 'expected "SUCCESSFUL", got "PERMANENT_FAILURE"' in line
    assert "Hint: A PERMANENT_FAILURE inside a 200 usually means the email channel is not enabled" in line
    assert line.endswith("(troubleshoot show channel-disabled)")
    assert "carrying messageId" in outcome.failures()[0]  # the value it should carry was not there either


def test_without_a_guide_named_the_hint_points_at_the_diagnosis_that_matched(recorded):
    step = step_for("pinpoint:DeleteApp", [Check(Assertion("status", expected=200), hint="Deletes need the right policy.")])
    outcome = evaluate_step(step, recorded["delete-denied"], {}, diagnoses=recorded["delete-denied:diagnoses"])
    [check] = outcome.checks
    assert (check.passed, check.guide) == (False, "iam-tutorial-no-delete")
    assert outcome.failures()[0] == ("status: expected 200, got 403. Hint: Deletes need the right policy. "
                                     "(troubleshoot show iam-tutorial-no-delete)")


def test_an_error_made_on_purpose_passes_only_when_it_is_that_error(lessons, recorded):
    step = lessons.get("first-contact").step("delete-denied")
    denied = evaluate_step(step, recorded["delete-denied"], {"projectId": "p"}, diagnoses=recorded["delete-denied:diagnoses"])
    assert denied.passed and denied.diagnoses == ("iam-tutorial-no-delete",)
    allowed = evaluate_step(step, recorded["delete-allowed"], {"projectId": "p"}, diagnoses=())
    assert not allowed.passed
    assert allowed.failures()[0].startswith("status: expected 403, got 200.")
    assert allowed.failures()[1].startswith("diagnosis: expected iam-tutorial-no-delete, got no diagnosis.")


def test_an_error_answer_fails_a_step_whose_checks_do_not_expect_one(recorded):
    step = step_for("pinpoint:DeleteApp", [Check(Assertion("exists", "Id"))])
    outcome = evaluate_step(step, recorded["delete-denied"], {}, diagnoses=())
    assert outcome.problems[0].startswith("unexpected answer: HTTP 403: User: arn:aws:iam::123456789012:user/PostmanUser "
                                          "is not authorized to perform: mobiletargeting:DeleteApp")


def test_diagnoses_are_worked_out_when_the_caller_has_none(lessons, recorded):
    step = lessons.get("first-contact").step("delete-denied")
    assert evaluate_step(step, recorded["delete-denied"], {"projectId": "p"}).passed


def test_an_event_check_finds_the_record_and_a_value_is_carried_out_of_it(recorded):
    exchange = recorded["send-text"]
    message_id = exchange.response.json()["MessageId"]
    step = step_for("pinpoint-sms-voice-v2:SendTextMessage",
                    [Check(Assertion("event", expected={"event.eventType": "TEXT_DELIVERED",
                                                         "event.messageId": "{{ sentId }}"}))],
                    [Carry("sentId", "MessageId"), Carry("carrier", "event.carrierName", "event")])
    outcome = evaluate_step(step, exchange, {}, diagnoses=(), events=recorded["events"])
    assert outcome.passed
    assert outcome.carried == {"sentId": message_id, "carrier": "Sandbox Carrier"}
    assert outcome.checks[0].result.found["event"]["messageStatus"] == "DELIVERED"


def test_an_event_that_did_not_come_says_what_the_log_held(recorded):
    step = step_for("pinpoint-sms-voice-v2:SendTextMessage",
                    [Check(Assertion("event", expected={"event.eventType": "TEXT_CARRIER_UNREACHABLE",
                                                         "event.messageId": "{{ sentId }}"}))],
                    [Carry("sentId", "MessageId")])
    outcome = evaluate_step(step, recorded["send-text"], {}, diagnoses=(), events=recorded["events"])
    assert not outcome.passed
    result = outcome.checks[0].result
    assert result.extra["values_seen"] == ["TEXT_DELIVERED", "TEXT_SUCCESSFUL"]
    assert "none among the 2 event(s) since the request (event.eventType: TEXT_DELIVERED, TEXT_SUCCESSFUL)" in result.message
    nothing = evaluate_step(step, recorded["send-text"], {}, diagnoses=(), events=())
    assert "the event log has no event since the request" in nothing.checks[0].result.message


def test_nothing_sent_or_another_request_sent_is_said_as_such(lessons, recorded):
    step = lessons.get("first-contact").step("create-app")
    assert evaluate_step(step, None, {}).nothing_sent == "not_sent"
    other = evaluate_step(step, recorded["delete-allowed"], {})
    assert (other.nothing_sent, other.last_operation, other.passed) == ("other_operation", "pinpoint:DeleteApp", False)


@pytest.mark.parametrize("assertion, passed, message", [
    (Assertion("matches", "Id", "^[0-9a-f]{32}$"), True, ""),
    (Assertion("matches", "Name", "^Other"), False, 'Name: expected to match "^Other", got "MySampleProject-run1"'),
    (Assertion("equals", "Arn", None), False, 'Arn: expected null, got "arn:aws:mobiletargeting:'),
    (Assertion("exists", "ApplicationResponse.Arn"), True, ""),
    (Assertion("status", expected=201), True, ""),
    (Assertion("diagnosis", expected="bad-request"), False, "diagnosis: expected bad-request, got no diagnosis"),
])
def test_each_kind_of_check_on_one_answer(recorded, assertion, passed, message):
    observed = checks.observe(recorded["create-app"])
    result = checks.check(assertion, observed)
    assert result.passed is passed
    assert result.message.startswith(message) if message else result.passed


def test_true_is_not_one_and_a_number_equals_its_text():
    observed = checks.Observed(200, {"Valid": True, "Count": 3})
    assert not checks.check(Assertion("equals", "Valid", 1), observed).passed
    assert checks.check(Assertion("equals", "Valid", True), observed).passed
    assert checks.check(Assertion("equals", "Count", "3"), observed).passed
