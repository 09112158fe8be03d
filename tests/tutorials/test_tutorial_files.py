"""Tutorial files: what a damaged one gets (located problems, and the others still load),
saved drafts and translation overlays. Every file is written here, in a temporary folder."""

from __future__ import annotations

import json

import pytest

from workbench.core.tutorials import UnknownTutorial, load_tutorials
from workbench.core.tutorials.loader import TRANSLATIONS


def lesson(tutorial_id="good", **changes) -> dict:
    data = {
        "schema_version": 1, "id": tutorial_id, "revision": 1, "title": "A lesson.", "summary": "It teaches.",
        "audience": "Everyone.", "duration_minutes": 5, "prerequisites": ["Nothing."],
        "steps": [
            {"id": "read", "title": "Read this.", "text": ["A paragraph."]},
            {"id": "get-apps", "title": "Send GetApps.", "text": ["Send it."],
             "request": {"operation": "pinpoint:GetApps"},
             "carry": [{"variable": "firstId", "path": "Item[0].Id"}],
             "checks": [{"kind": "status", "expected": 200, "hint": "It should answer 200."}]},
        ],
    }
    data.update(changes)
    return data


def write(folder, name, data):
    path = folder / f"{name}.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return path


def problems_of(loaded, name):
    return [str(p) for p in loaded.problems if p.path.startswith(f"{name}.json")]


def broken_step(**step):
    data = lesson("broken")
    data["steps"][1].update(step)
    return data


def test_a_good_file_loads_with_everything_it_says(tmp_path):
    write(tmp_path, "good", lesson())
    loaded = load_tutorials(tmp_path)
    assert loaded.problems == ()
    [tutorial] = loaded.tutorials
    assert (tutorial.id, tutorial.title, len(tutorial.steps)) == ("good", "A lesson.", 2)
    step = tutorial.step("get-apps")
    assert step.request.operation == "pinpoint:GetApps" and step.carry[0].variable == "firstId"
    assert tutorial.would_change() == [] and not tutorial.sandbox_only


@pytest.mark.parametrize("step, where, says", [
    ({"request": {"operation": "pinpoint:GetAppz"}}, "steps[1].request.operation",
     "no operation 'pinpoint:GetAppz' in the library. Did you mean: pinpoint:GetApp, pinpoint:GetApps"),
    ({"request": {"operation": "pinpoint:CreateApp", "variant": "ex-999"}}, "steps[1].request.variant",
     "pinpoint:CreateApp has no variant 'ex-999'"),
    ({"checks": [{"kind": "equals", "path": "Item[", "expected": 1}]}, "steps[1].checks[0].path",
     "'Item[' is not a JMESPath expression"),
    ({"carry": [{"variable": "x", "path": "Item[?"}]}, "steps[1].carry[0].path", "is not a JMESPath expression"),
    ({"checks": [{"kind": "event", "expected": {"event..type": "X"}}]}, "steps[1].checks[0].expected",
     "is not a JMESPath expression"),
    ({"checks": [{"kind": "matches", "path": "Id", "expected": "("}]}, "steps[1].checks[0].expected",
     "is not a regular expression"),
    ({"checks": [{"kind": "smells", "path": "Id"}]}, "steps[1].checks[0].kind", "unknown check kind \"smells\""),
    ({"checks": [{"kind": "status", "expected": "OK"}]}, "steps[1].checks[0].expected", "expects an HTTP status"),
    ({"checks": [{"kind": "diagnosis", "expected": "no-such-entry"}]}, "steps[1].checks[0].expected",
     "no troubleshooting entry 'no-such-entry'"),
    ({"links": [{"guide": "no-such-entry"}]}, "steps[1].links[0].guide", "no troubleshooting entry 'no-such-entry'"),
    ({"links": [{"url": "http://example.com/x", "title": "Elsewhere."}]}, "steps[1].links[0].url",
     "a link goes to AWS's documentation over https"),
    ({"title": ""}, "steps[1].title", "expected a non-empty string"),
    ({"text": None}, "steps[1].text", "missing: a list of sentences is required"),
    ({"carry": [{"variable": "code", "path": "code", "from": "event"}]}, "steps[1].carry",
     "a value carried from an event needs an event check"),
    ({"signing": {"secret": "right"}}, "steps[1].signing.secret", "expected one of wrong"),
    ({"colour": "red"}, "steps[1]", "unknown field(s): colour"),
    ({"request": {"draft": "drafts/missing.request.json"}}, "steps[1].request.draft", "cannot read"),
])
def test_a_damaged_step_is_located_and_the_other_tutorials_still_load(tmp_path, step, where, says):
    write(tmp_path, "good", lesson())
    write(tmp_path, "broken", broken_step(**step))
    loaded = load_tutorials(tmp_path)
    assert [t.id for t in loaded.tutorials] == ["good"]
    found = problems_of(loaded, "broken")
    assert any(p.startswith(f"broken.json: {where}: ") and says in p for p in found), found
    with pytest.raises(UnknownTutorial, match="broken.json could not be read"):
        loaded.get("broken")


def test_every_problem_of_a_file_is_reported_not_only_the_first(tmp_path):
    data = lesson("broken", title=None, duration_minutes=0)
    data["steps"][1]["checks"] = [{"kind": "equals", "path": "[", "expected": 1}]
    write(tmp_path, "broken", data)
    found = problems_of(load_tutorials(tmp_path), "broken")
    assert sorted(p.split(": ")[1] for p in found) == ["duration_minutes", "steps[1].checks[0].path", "title"]


@pytest.mark.parametrize("text, says", [
    ('{"id": "x",', "line 1"),
    ("[]", "expected a JSON object"),
    (json.dumps(lesson("other")), "differs from the file's name"),
    (json.dumps(lesson("broken", schema_version=2)), "schema_version: expected 1"),
    (json.dumps(lesson("broken", steps=[])), "steps: missing: a list of steps is required"),
    (json.dumps(lesson("broken", surprise=True)), "unknown field(s): surprise"),
])
def test_a_file_that_is_not_a_tutorial_says_where(tmp_path, text, says):
    write(tmp_path, "good", lesson())
    write(tmp_path, "broken", text)
    loaded = load_tutorials(tmp_path)
    assert [t.id for t in loaded.tutorials] == ["good"]
    assert any(says in p for p in problems_of(loaded, "broken")), problems_of(loaded, "broken")


def test_an_unknown_name_suggests_the_close_one(tmp_path):
    write(tmp_path, "first-contact", lesson("first-contact"))
    with pytest.raises(UnknownTutorial, match="Did you mean: first-contact"):
        load_tutorials(tmp_path).get("first-contac")


def test_a_saved_draft_is_the_request_of_its_step(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "create.request.json").write_text(json.dumps(
        {"schema_version": 1, "name": "Create it", "operation": "pinpoint:CreateApp", "body": '{"Name": "x"}',
         "variables": [["a", "1"]]}), encoding="utf-8")
    data = lesson()
    data["steps"][1]["request"] = {"draft": "drafts/create.request.json", "variables": {"b": "2"}}
    write(tmp_path, "good", data)
    step = load_tutorials(tmp_path).get("good").step("get-apps")
    draft = step.draft({"lessonRun": "r"})
    assert (draft.operation, draft.body, draft.name) == ("pinpoint:CreateApp", '{"Name": "x"}', "Create it")
    assert draft.variables_dict() == {"lessonRun": "r", "a": "1", "b": "2"}
    assert draft.saves == () and draft.assertions == ()


def test_a_step_variable_is_filled_from_the_lesson_or_left_out_until_it_can_be(tmp_path):
    data = lesson()
    data["steps"][1]["request"]["variables"] = {"endpointId": "{{ e164 | replace('+', '') }}"}
    write(tmp_path, "good", data)
    step = load_tutorials(tmp_path).get("good").step("get-apps")
    assert step.draft({"e164": "+14254147755"}).variables_dict()["endpointId"] == "14254147755"
    assert "endpointId" not in step.draft({}).variables_dict()


def overlay(**changes) -> dict:
    data = {"schema_version": 1, "tutorial": "good", "revision": 1, "language": "zh_CN", "title": "一课。",
            "steps": {"get-apps": {"title": "发送 GetApps。", "text": ["发送它。"], "hints": {"0": "应答 200。"}}}}
    data.update(changes)
    return data


def test_a_translation_replaces_what_it_has_and_english_stays_for_the_rest(tmp_path):
    write(tmp_path, "good", lesson())
    folder = tmp_path / TRANSLATIONS / "zh_CN"
    folder.mkdir(parents=True)
    write(folder, "good", overlay())
    loaded = load_tutorials(tmp_path, language="zh_CN")
    assert loaded.problems == ()
    tutorial = loaded.get("good")
    assert (tutorial.language, tutorial.title, tutorial.summary) == ("zh_CN", "一课。", "It teaches.")
    step = tutorial.step("get-apps")
    assert (step.title, step.text, step.checks[0].hint) == ("发送 GetApps。", ("发送它。",), "应答 200。")
    assert tutorial.step("read").title == "Read this."
    assert load_tutorials(tmp_path, language="ko_KR").get("good").title == "A lesson."  # no overlay: English


def test_an_outdated_or_mistaken_translation_warns_and_keeps_english_where_it_cannot_apply(tmp_path):
    write(tmp_path, "good", lesson(revision=2))
    folder = tmp_path / TRANSLATIONS / "ko_KR"
    folder.mkdir(parents=True)
    write(folder, "good", overlay(language="ko_KR", steps={"gone": {"title": "x"}, "read": {"text": []}}))
    loaded = load_tutorials(tmp_path, language="ko_KR")
    warnings = [str(p) for p in loaded.problems]
    assert all(p.severity == "warning" for p in loaded.problems) and loaded.errors == ()
    assert any("translated from revision 1; the English is at revision 2" in w for w in warnings)
    assert any("good has no step 'gone'" in w for w in warnings)
    tutorial = loaded.get("good")
    assert tutorial.step("read").text == ("A paragraph.",)  # an empty translation is no translation
    write(folder, "good", "{not json")
    damaged = load_tutorials(tmp_path, language="ko_KR")
    assert damaged.get("good").title == "A lesson." and damaged.problems[0].severity == "warning"
