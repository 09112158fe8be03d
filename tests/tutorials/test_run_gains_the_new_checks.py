"""The check kinds the lessons brought (matches, event, diagnosis) live with the runner's
checks: `run` gains them, a draft file keeps them, and Postman export says they have no twin."""

from __future__ import annotations

import json

from workbench.core.request.collections import add_request
from workbench.core.request.drafts import Assertion, DraftInvalid, RequestDraft, load_draft

import pytest


def test_run_checks_matches_events_and_an_error_made_on_purpose(run_cli, tmp_path):
    folder = tmp_path / "lesson"
    add_request(folder, RequestDraft(
        name="number", operation="pinpoint-sms-voice-v2:RequestPhoneNumber",
        body=json.dumps({"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"],
                         "NumberType": "SIMULATOR"}),
        saves=(("numberId", "PhoneNumberId"),),
        assertions=(Assertion("matches", "PhoneNumberId", "^phone-[0-9a-f]{32}$"),)))
    add_request(folder, RequestDraft(
        name="text", operation="pinpoint-sms-voice-v2:SendTextMessage",
        body=json.dumps({"DestinationPhoneNumber": "+14254147167", "OriginationIdentity": "{{ numberId }}",
                         "MessageBody": "Hello", "MessageType": "TRANSACTIONAL"}),
        assertions=(Assertion("event", expected={"event.eventType": "TEXT_CARRIER_UNREACHABLE"}),)))
    add_request(folder, RequestDraft(
        name="not there", operation="pinpoint:GetApp", variables=(("projectId", "0" * 32),),
        assertions=(Assertion("diagnosis", expected="not-found"),)))
    add_request(folder, RequestDraft(
        name="wrong event", operation="pinpoint:GetApps",
        assertions=(Assertion("event", expected={"event.eventType": "TEXT_DELIVERED", "event.messageId": "none"}),)))
    result = run_cli("run", str(folder), "--json")
    steps = {s["name"]: s for s in result.json["steps"]}
    assert steps["number"]["passed"] and steps["text"]["passed"]
    assert steps["not there"]["passed"] and steps["not there"]["status"] == 404  # the 404 is what it checks for
    assert steps["wrong event"]["failures"] == [
        'event: expected one with event.eventType = "TEXT_DELIVERED", event.messageId = "none"; the event log has no '
        "event since the request"]
    assert result.status == 1


def test_a_draft_file_keeps_the_new_kinds_and_refuses_a_broken_one(tmp_path):
    draft = RequestDraft(operation="pinpoint:GetApps", assertions=(
        Assertion("matches", "Item[0].Id", "^[0-9a-f]+$"), Assertion("diagnosis", expected="not-found"),
        Assertion("event", expected={"note": "verification code"})))
    path = add_request(tmp_path, draft)
    assert load_draft(path) == draft
    data = json.loads(path.read_text())
    data["assertions"][0]["expected"] = "("
    path.write_text(json.dumps(data))
    with pytest.raises(DraftInvalid, match=r"assertions\[0\]\.expected: .* is not a regular expression"):
        load_draft(path)


def test_postman_export_says_the_new_kinds_have_no_twin():
    from workbench.core.interop.postman_tests import to_script

    lines = to_script((), (Assertion("matches", "Id", "^a"), Assertion("diagnosis", expected="not-found"),
                           Assertion("equals", "Name", "x")))
    assert lines[0] == '// matches check "Id": no Postman twin; checked by the workbench only'
    assert lines[1] == '// diagnosis check "not-found": no Postman twin; checked by the workbench only'
    assert lines[2] == 'pm.expect(pm.response.json().Name).to.eql("x");'
