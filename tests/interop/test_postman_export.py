"""Postman export: import -> export -> import gives the same requests; library folders
export linked; environments export with secrets as empty `secret` values."""

from __future__ import annotations

import json

from tests.helpers.postman_shapes import official_shaped, write_json
from workbench.core.environments.model import Environment, EnvironmentStore, config_dir
from workbench.core.interop.draft_files import read_tree
from workbench.core.interop.postman_export import export_environment
from workbench.core.environments.postman_env import parse_postman_environment


def drafts(root):
    return [(s.folder, s.draft) for s in read_tree(root)]


def test_import_export_import_gives_the_same_requests(run_cli, tmp_path):
    original = official_shaped("v2.1")
    # odd shapes too: request-level auth with a session token, extra headers and query, raw requests
    original["item"].append({"name": "Extra", "item": [
        {"name": "own auth", "request": {"method": "GET", "url": "https://{{endpoint}}/v1/apps?extra=1",
                                         "header": [{"key": "X-Trace", "value": "{{trace}}"}],
                                         "auth": {"type": "awsv4", "awsv4": {"service": "mobiletargeting", "region": "eu-west-1",
                                                                             "accessKey": "{{ak}}", "secretKey": "{{sk}}", "sessionToken": "{{sessionToken}}"}}}},
        {"name": "raw", "request": {"method": "POST", "url": "https://sms-voice.{{endpoint}}/v2/future", "body": {"mode": "raw", "raw": "{\"a\": \"{{b}}\"}"}},
         "event": [{"listen": "prerequest", "script": {"exec": ['pm.variables.set("b", "quote \\" and \\\\ and é");']}}]},
    ]})
    first = run_cli("import", "postman", str(write_json(tmp_path / "in.json", original)), "--into", str(tmp_path / "a"), "--json")
    assert first.status == 0 and first.json["imported"] == 124
    exported = run_cli("export", "postman", str(tmp_path / "a"), "--out", str(tmp_path / "out.json"))
    assert exported.status == 0, exported.stderr
    collection = json.loads((tmp_path / "out.json").read_text())
    assert collection["info"]["schema"].endswith("v2.1.0/collection.json")
    assert {p["key"]: p["value"] for p in collection["auth"]["awsv4"]} == {
        "service": "{{serviceName}}", "region": "{{region}}", "accessKey": "{{accessKey}}",
        "secretKey": "{{secretAccessKey}}", "sessionToken": "{{sessionToken}}"}
    own = collection["item"][-1]["item"][0]["request"]["auth"]["awsv4"]
    assert {"key": "sessionToken", "value": "{{sessionToken}}", "type": "string"} in own
    second = run_cli("import", "postman", str(tmp_path / "out.json"), "--into", str(tmp_path / "b"), "--json")
    assert second.status == 0 and (second.json["imported"], second.json["linked"]) == (124, first.json["linked"])
    assert drafts(tmp_path / "b") == drafts(tmp_path / "a")
    raw = dict(((f[-1], d.name), d) for f, d in drafts(tmp_path / "b"))[("Extra", "raw")]
    assert raw.variables_dict()["b"] == 'quote " and \\ and é'


def test_a_library_folder_exports_and_imports_linked(run_cli, tmp_path):
    assert run_cli("export", "postman", "pinpoint-email/Tags", "--out", str(tmp_path / "lib.json")).status == 0
    result = run_cli("import", "postman", str(tmp_path / "lib.json"), "--into", str(tmp_path / "c"), "--json")
    assert result.json["imported"] == result.json["linked"] == 3
    assert {d.operation for _, d in drafts(tmp_path / "c")} == {
        "pinpoint-email:TagResource", "pinpoint-email:UntagResource", "pinpoint-email:ListTagsForResource"}
    bad = run_cli("export", "postman", "pinpoint/NoSuchGroup", "--out", str(tmp_path / "x.json"))
    assert bad.status == 1 and "no group 'NoSuchGroup' in pinpoint" in bad.stderr


def test_environment_export_has_no_secret_values_and_imports_back(run_cli, tmp_path):
    env = Environment(name="dev", region="eu-west-1", account_id="123456789012", variables={"projectId": "p1"},
                      host_overrides={"pinpoint": "pinpoint.eu-west-1.example.internal"})
    data = export_environment(env)
    secrets = {v["key"]: v for v in data["values"] if v["type"] == "secret"}
    assert set(secrets) == {"accessKey", "secretAccessKey", "sessionToken"}
    assert all(v["value"] == "" for v in secrets.values())
    back = parse_postman_environment(json.dumps(data)).environment
    assert (back.name, back.region, back.account_id, dict(back.variables), dict(back.host_overrides)) == (
        "dev", "eu-west-1", "123456789012", {"projectId": "p1"}, {"pinpoint": "pinpoint.eu-west-1.example.internal"})
    # and from the command line, for a stored environment
    environ = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    EnvironmentStore(config_dir(environ) / "environments.json").add(env)
    result = run_cli("export", "postman-env", "dev", "--out", str(tmp_path / "env.json"))
    assert result.status == 0, result.stderr
    assert json.loads((tmp_path / "env.json").read_text())["name"] == "dev"
    again = run_cli("import", "postman-env", str(tmp_path / "env.json"), "--name", "dev2", "--skip-secrets", "--json")
    assert again.status == 0, again.stderr
    shown = run_cli("env", "show", "dev2", "--json").json
    assert (shown["region"], shown["account_id"], shown["variables"], shown["hosts"]["pinpoint"]) == (
        "eu-west-1", "123456789012", {"projectId": "p1"}, "pinpoint.eu-west-1.example.internal")


def test_saves_and_assertions_travel_as_postman_test_scripts(run_cli, tmp_path):
    from workbench.core.request.drafts import Assertion, RequestDraft
    from workbench.core.interop.draft_files import write_tree

    flow = [
        ("request", RequestDraft(name="CreateApp", operation="pinpoint:CreateApp", body='{"Name": "x"}',
                                 saves=(("projectId", "Id"), ("first", "tags.keys(@)[0]")),
                                 assertions=(Assertion("status", expected=201), Assertion("exists", "Arn")))),
        ("request", RequestDraft(name="GetApp", operation="pinpoint:GetApp",
                                 assertions=(Assertion("equals", "Name", "x"), Assertion("equals", "tags.team", None)))),
    ]
    write_tree(tmp_path / "flow", flow)
    assert run_cli("export", "postman", str(tmp_path / "flow"), "--out", str(tmp_path / "flow.json")).status == 0
    items = json.loads((tmp_path / "flow.json").read_text())["item"]
    test_lines = next(e for e in items[0]["event"] if e["listen"] == "test")["script"]["exec"]
    assert "pm.response.to.have.status(201);" in test_lines
    assert 'pm.variables.set("projectId", pm.response.json().Id);' in test_lines
    assert any(line.startswith("// save first = tags.keys(@)[0]") for line in test_lines)
    result = run_cli("import", "postman", str(tmp_path / "flow.json"), "--into", str(tmp_path / "back"), "--json")
    back = [d for _, d in drafts(tmp_path / "back")]
    assert back[0].saves == (("projectId", "Id"),)  # the JMESPath-only save stays a comment in Postman
    assert back[0].assertions == flow[0][1].assertions
    assert back[1].assertions == flow[1][1].assertions


def test_test_script_code_that_is_not_a_check_is_named_in_a_note():
    from workbench.core.interop.postman_tests import from_script

    saves, assertions, notes = from_script("\n".join([
        'pm.test("created", function () {',
        "    pm.response.to.have.status(201);",
        "});",
        "var data = pm.response.json();",
        'pm.environment.set("appId", data.Id);',
        "pm.expect(pm.response.json().Name).to.eql('single quoted');",
    ]), "test script")
    assert [a.kind for a in assertions] == ["status", "equals"] and assertions[1].expected == "single quoted"
    assert saves == ()
    assert len(notes) == 2 and "var data" in notes[0] and "data.Id" in notes[1]
