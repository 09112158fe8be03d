"""Drafts on disk: one per file, stable and diff-friendly, planned exactly like the template
they came from; collections are folders of them."""

from datetime import datetime

import pytest

from workbench.core.environments.credentials import Credentials
from workbench.core.request.drafts import Assertion, AwsV4Auth, DraftInvalid, RequestDraft, draft_problems, load_draft, save_draft
from workbench.core.environments.model import Environment
from workbench.core.library.templates import default_library
from workbench.core.send.plan import build_plan
from workbench.core.request.collections import add_folder, add_request, load_collection, set_order
from workbench.core.send.send_flow import prepare
from workbench.core.send.signing import sign

ENV = Environment("dev", "us-east-1")  # every API is offered in us-east-1
KEYS = Credentials("AKIDEXAMPLEDRAFT001", "draft-secret-EXAMPLE", source="test")
AT = datetime(2026, 1, 2, 3, 4, 5)
FILLER = {"integer": "3", "long": "3", "boolean": "true", "timestamp": "2026-01-01T00:00:00Z", "list": "a,b", "double": "1.5"}


def _values(template):
    return {v.name: (v.enum[0] if v.enum else FILLER.get(v.type, f"{v.name}-value")) for v in template.variables}


def _canonical(request, template):
    return sign(request, KEYS, region=ENV.region, signing_name=template.signing_name, timestamp=AT).inspection.canonical_request


def test_every_operation_saved_reloaded_and_planned_gives_the_templates_canonical_request(tmp_path):
    templates = default_library().templates
    assert len(templates) == 278
    for index, template in enumerate(templates):
        values = _values(template)
        draft = RequestDraft(name=template.operation, operation=template.key, variant="full" if index % 2 else None,
                             variables=tuple(sorted(values.items())))
        path = tmp_path / f"{index}.request.json"
        save_draft(path, draft)
        loaded = load_draft(path)
        assert loaded == draft, template.key
        plan = build_plan(loaded, ENV)
        expected = prepare(template, ENV, values, template.body_text("full" if index % 2 else "minimal")).rendered.request
        assert plan.ready, (template.key, plan.error)
        assert plan.request == expected, template.key
        assert _canonical(plan.request, template) == _canonical(expected, template), template.key


def test_a_draft_file_is_stable_and_a_body_line_is_a_diff_line(tmp_path):
    draft = RequestDraft(
        name="Create the tutorial app", description="From the guide", operation="pinpoint:CreateApp",
        headers=(("X-Trace", "1"),), query=(("debug", "{{ flag }}"),), body='{\n  "Name": "{{ appName }}"\n}',
        variables=(("appName", "tutorial"), ("flag", "on")), saves=(("projectId", "ApplicationResponse.Id"),),
        auth=AwsV4Auth(signing_name="{{ serviceName }}", region="{{ region }}", access_key="{{ accessKey }}",
                       secret_key="{{ secretAccessKey }}"),
        assertions=(Assertion("status", expected=201), Assertion("exists", path="Id")),
    )
    path = tmp_path / "create.request.json"
    save_draft(path, draft)
    first = path.read_text()
    assert load_draft(path) == draft
    save_draft(path, load_draft(path))
    assert path.read_text() == first  # saving again changes nothing
    assert '    "  \\"Name\\": \\"{{ appName }}\\"",\n' in first  # one body line, one file line
    assert first.index('"auth"') < first.index('"body"') < first.index('"name"')  # sorted keys
    changed = RequestDraft(**{**draft.__dict__, "body": '{\n  "Name": "other"\n}'})
    save_draft(path, changed)
    diff = [a for a, b in zip(first.splitlines(), path.read_text().splitlines()) if a != b]
    assert len(diff) == 1


@pytest.mark.parametrize("content, message", [
    ("{", "invalid JSON at line 1, column 2"),
    ('{"schema_version": 9}', "schema_version 9 is not supported"),
    ('{"operation": 5}', "draft.json.operation: expected a string, got int"),
    ('{"body": ["a", 1]}', "draft.json.body: expected a string or a list of lines"),
    ('{"colour": "red"}', "unknown field(s): colour"),
])
def test_a_bad_draft_file_is_a_located_error(tmp_path, content, message):
    path = tmp_path / "draft.json"
    path.write_text(content)
    with pytest.raises(DraftInvalid) as excinfo:
        load_draft(path)
    assert message in str(excinfo.value)


def test_draft_problems_checked_on_every_change():
    assert draft_problems(RequestDraft(operation="GetApps")) == []
    assert [p.path for p in draft_problems(RequestDraft(operation="GetAppz"))] == ["operation"]
    assert [p.path for p in draft_problems(RequestDraft(operation="CreateApp", variant="ex-999"))] == ["variant"]
    assert [p.path for p in draft_problems(RequestDraft(method="GET", url="ftp://x"))] == ["url", "auth.signing_name"]
    assert [p.message for p in draft_problems(RequestDraft(operation="CreateApp", body='{"Name": }'))] == [
        "not valid JSON: Expecting value (line 1, column 10)"]


def test_a_collection_is_folders_of_drafts_in_kept_order(tmp_path):
    root = tmp_path / "Tutorial"
    add_request(root, RequestDraft(name="GetApps", operation="GetApps"))
    apps = add_folder(root, "Apps")
    create = add_request(apps, RequestDraft(name="CreateApp", operation="CreateApp"))
    get = add_request(apps, RequestDraft(name="GetApp", operation="GetApp"))
    set_order(apps, [get.name, create.name])
    set_order(root, ["Apps", "GetApps.request.json"])
    add_request(apps, RequestDraft(name="DeleteApp", operation="DeleteApp"))  # joins the end of the order
    (apps / "broken.request.json").write_text("{")
    collection = load_collection(root)
    assert [r.name for r in collection.requests()] == ["GetApp", "CreateApp", "DeleteApp", "GetApps"]
    assert [type(i).__name__ for i in collection.items] == ["CollectionFolder", "CollectionRequest"]
    assert len(collection.problems) == 1 and "broken.request.json" in collection.problems[0].path
