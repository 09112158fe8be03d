"""Postman collection import: the official collection's shapes, auth shapes, odd shapes and
damaged files."""

from __future__ import annotations

import json

import pytest

from tests.helpers.postman_shapes import V20, V21, facts, official_shaped, write_json
from workbench.core.request.drafts import AwsV4Auth
from workbench.core.interop.draft_files import read_tree
from workbench.core.interop.jsonfile import ForeignFileError
from workbench.core.interop.postman_import import parse_collection

CANARY = "wJalrCANARYSECRETxxEXAMPLEKEY0000000000"


def collection(items, auth=None, schema=V21, **extra) -> str:
    data = {"info": {"name": "Mine", "schema": schema}, "item": items, **extra}
    if auth is not None:
        data["auth"] = auth
    return json.dumps(data)


def request_item(name, method, url, body="", headers=(), auth=None, prerequest=None):
    request = {"method": method, "url": url, "header": [{"key": k, "value": v} for k, v in headers],
               "body": {"mode": "raw", "raw": body}}
    if auth is not None:
        request["auth"] = auth
    item = {"name": name, "request": request}
    if prerequest is not None:
        item["event"] = [{"listen": "prerequest", "script": {"exec": prerequest.splitlines()}}]
    return item


@pytest.mark.parametrize("schema", ["v2.1", "v2.0"])
def test_the_official_collection_imports_every_request_linked(schema, run_cli, tmp_path):
    source = write_json(tmp_path / "official.json", official_shaped(schema))
    result = run_cli("import", "postman", str(source), "--into", str(tmp_path / "col"), "--json")
    assert result.status == 0, result.stderr
    summary = result.json
    assert summary["imported"] == 122 and summary["linked"] == 122
    stored = read_tree(tmp_path / "col")
    expected = [(tuple(f["folder"]), f["name"]) for f in facts()["requests"]]
    assert [(s.folder, s.draft.name) for s in stored] == expected  # folders as folders, order kept
    by_name = {(s.folder[-1], s.draft.name): s.draft for s in stored}
    # hosts the collection hard-codes become the environment's host for that API
    assert by_name[("Email: Account", "GetAccount")].operation == "pinpoint-email:GetAccount"
    assert by_name[("SMS & Voice: Configuration Sets", "ListConfigurationSets")].operation == "pinpoint-sms-voice:ListConfigurationSets"
    assert by_name[("Email: Configuration Sets", "ListConfigurationSets")].operation == "pinpoint-email:ListConfigurationSets"
    get_app = by_name[("Apps", "GetApp")]
    # serviceName (set by the script to the operation's own signing name) gives way to the
    # operation's; {{region}}, {{accessKey}}, {{secretAccessKey}} are the environment's own
    assert get_app.url == "" and get_app.variables_dict() == {"projectId": "12345678901234567890123456789012"}
    assert get_app.auth is None and not get_app.unsigned
    # the email UntagResource query (TagKeys=key1&TagKeys=key2) becomes the operation's list variable
    untag = by_name[("Email: Tags", "UntagResource")]
    assert untag.variables_dict()["tagKeys"] == "key1,key2" and not untag.query


def test_auth_shapes_v20_map_and_v21_list_with_and_without_session_token():
    v21 = {"type": "awsv4", "awsv4": [{"key": "service", "value": "mobiletargeting"}, {"key": "region", "value": "eu-west-1"},
                                       {"key": "accessKey", "value": "{{ak}}"}, {"key": "secretKey", "value": "{{sk}}"},
                                       {"key": "sessionToken", "value": "{{token}}"}]}
    v20 = {"type": "awsv4", "awsv4": {"service": "{{serviceName}}", "accessKey": "{{accessKey}}", "secretKey": "{{secretAccessKey}}", "region": "{{region}}"}}
    folder_auth = {"type": "awsv4", "awsv4": [{"key": "service", "value": "ses"}, {"key": "accessKey", "value": "{{a}}"}, {"key": "secretKey", "value": "{{s}}"}]}
    items = [
        request_item("inherits", "GET", "https://{{endpoint}}/v1/apps"),
        request_item("own", "GET", "https://{{endpoint}}/v1/apps", auth=v21),
        {"name": "F", "auth": folder_auth, "item": [request_item("from folder", "GET", "https://email.{{region}}.amazonaws.com/v1/email/account")]},
        request_item("none", "GET", "https://{{endpoint}}/v1/apps", auth={"type": "noauth"}),
        request_item("inherit", "GET", "https://{{endpoint}}/v1/apps", auth={"type": "inherit"}),
    ]
    for schema in (V20, V21):
        result = parse_collection(collection(items, auth=v20, schema=schema))
        drafts = {r.name: r for _, r in result.requests()}
        # {{serviceName}} is set by no script: left to a Postman environment; the operation's is
        # used. The environment's own variables ({{region}}, {{accessKey}}...) sign as the environment.
        assert drafts["inherits"].draft.auth is None
        # another identity's bindings are kept: the request signs with the identity it names
        assert drafts["own"].draft.auth == AwsV4Auth("", "eu-west-1", "{{ak}}", "{{sk}}", "{{token}}")
        assert any("pinned to 'eu-west-1'" in n for n in drafts["own"].notes)
        assert drafts["from folder"].draft.auth == AwsV4Auth("", "", "{{a}}", "{{s}}")  # ses: GetAccount's own
        assert drafts["none"].draft.auth is None and drafts["none"].draft.unsigned
        assert drafts["inherit"].draft.auth == drafts["inherits"].draft.auth and not drafts["inherit"].draft.unsigned


def test_a_service_name_left_to_the_postman_environment_signs_as_the_operation(sandbox):
    from workbench.core.environments.credentials import SANDBOX_CREDENTIALS
    from workbench.core.send.plan import build_plan, run_plan

    auth = {"type": "awsv4", "awsv4": {"service": "{{serviceName}}", "region": "{{region}}", "accessKey": "{{accessKey}}", "secretKey": "{{secretAccessKey}}"}}
    request = parse_collection(collection([request_item("GetApps", "GET", "https://{{endpoint}}/v1/apps")], auth=auth)).requests()[0][1]
    assert request.draft.auth is None and any("signs as 'mobiletargeting'" in n for n in request.notes)
    exchange = run_plan(build_plan(request.draft, sandbox), credentials=SANDBOX_CREDENTIALS, environ={})
    assert exchange.response.status == 200


def test_literal_secrets_in_a_collection_are_never_kept(tmp_path, run_cli):
    auth = {"type": "awsv4", "awsv4": {"service": "mobiletargeting", "accessKey": "AKIDEXAMPLE", "secretKey": CANARY, "sessionToken": CANARY + "tok"}}
    source = tmp_path / "c.json"
    source.write_text(collection([request_item("GetApps", "GET", "https://{{endpoint}}/v1/apps")], auth=auth, schema=V20))
    result = run_cli("import", "postman", str(source), "--into", str(tmp_path / "out"), "--json")
    assert result.status == 0
    assert CANARY not in result.stdout
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            assert CANARY not in path.read_text()
    notes = result.json["notes"][0]["notes"]
    assert any("secretKey: written literally" in n for n in notes)


def test_scripts_are_read_for_literal_sets_and_nothing_else_runs():
    source = "\n".join([
        '// comment pm.variables.set("no", "no")',
        'pm.variables.set("projectId", "abc");',
        "pm.environment.set('campaignId', 'c-' + 1);",
        'let who = encodeURIComponent("sender@example.com");',
        'pm.collectionVariables.set("emailIdentity", who);',
        'pm.variables.set("stamp", Date.now());',
        'require("child_process").exec("touch /tmp/pwned");',
        'pm.sendRequest("https://example.com", function () {});',
    ])
    items = [request_item("GetCampaign", "GET", "https://{{endpoint}}/v1/apps/{{projectId}}/campaigns/{{campaignId}}", prerequest=source)]
    result = parse_collection(collection(items))
    request = result.requests()[0][1]
    variables = request.draft.variables_dict()
    assert variables["projectId"] == "abc" and variables["campaignId"] == "c-1"
    # decoded (the workbench encodes where it lands), and in the collection scope, where Postman keeps it
    assert dict(result.variables)["emailIdentity"] == "sender@example.com" and "emailIdentity" not in variables
    assert "stamp" not in variables and "no" not in variables
    skipped = [n for n in request.notes if "not imported" in n]
    assert len(skipped) == 3
    assert any("Date.now" in n for n in skipped) and any("child_process" in n for n in skipped)


def test_odd_shapes_import_with_notes_instead_of_failing():
    items = [
        request_item("literal host", "GET", "https://pinpoint.us-west-2.amazonaws.com/v1/apps"),
        request_item("placeholder", "GET", "https://<Endpoint>/v1/apps/<ApplicationId>"),
        request_item("unknown path", "GET", "https://api.example.com/things"),
        request_item("path variable", "GET", {"raw": "https://{{endpoint}}/v1/apps/:appId", "host": ["{{endpoint}}"],
                                              "path": ["v1", "apps", ":appId"], "variable": [{"key": "appId", "value": "p-1"}]}),
        request_item("sms v2", "POST", "https://sms-voice.us-east-1.amazonaws.com/", body="{}",
                     headers=[("X-Amz-Target", "PinpointSMSVoiceV2.DescribeAccountAttributes"), ("Content-Type", "application/x-amz-json-1.0")]),
        {"name": "broken", "request": {"method": "GET"}},
        "not an item",
    ]
    result = parse_collection(collection(items))
    drafts = {r.name: r for _, r in result.requests()}
    assert drafts["literal host"].draft.operation == "pinpoint:GetApps"
    assert any("pinpoint.us-west-2.amazonaws.com is written literally" in n for n in drafts["literal host"].notes)
    placeholder = drafts["placeholder"]
    assert placeholder.draft.operation == "pinpoint:GetApp"
    assert any("<ApplicationId> stands for projectId" in n for n in placeholder.notes)
    raw = drafts["unknown path"]
    assert raw.draft.operation is None and raw.draft.url == "https://api.example.com/things"
    assert any("written literally" in n for n in raw.notes)
    assert drafts["path variable"].draft.variables_dict()["projectId"] == "p-1"
    assert drafts["sms v2"].draft.operation == "pinpoint-sms-voice-v2:DescribeAccountAttributes"
    assert any("broken: not imported: it has no URL" in n for n in result.notes)
    assert any("not an item object" in n for n in result.notes)
    assert result.imported == 5


def test_a_truncated_file_imports_the_complete_requests_and_says_so(tmp_path, run_cli):
    text = json.dumps(official_shaped("v2.1"))
    cut = text[: text.index('"name": "Campaigns"') + 5]
    source = tmp_path / "cut.json"
    source.write_text(cut)
    result = run_cli("import", "postman", str(source), "--into", str(tmp_path / "out"), "--json")
    assert result.status == 1  # damaged: said, and what was complete is kept
    assert "ends early" in result.json["damage"]
    assert result.json["imported"] == 4  # the Apps folder
    assert [s.draft.name for s in read_tree(tmp_path / "out")] == ["GetApp", "GetApps", "CreateApp", "DeleteApp"]


@pytest.mark.parametrize("text, message", [
    ("{\"info\": {\"name\": \"x\", \"schema\": \"" + V21 + "\"}, \"item\": [}", "invalid JSON at line 1"),
    ("[1, 2]", "expected a JSON object"),
    (json.dumps({"name": "env", "values": []}), "Postman environment, not a collection"),
    (json.dumps({"info": {"schema": "https://schema.getpostman.com/json/collection/v3.0.0/"}, "item": []}), "v3.0.0"),
    (json.dumps({"id": "x", "requests": [], "order": []}), "collection v1 export"),
    ("[" * 100000 + "]" * 100000, "nested deeper than 500 levels"),
])
def test_malformed_files_give_located_errors(text, message):
    with pytest.raises(ForeignFileError) as caught:
        parse_collection(text, source="bad.json")
    assert message in str(caught.value) and "bad.json" in str(caught.value)


def test_a_50_mb_file_is_refused_clearly(tmp_path, run_cli):
    big = tmp_path / "big.json"
    with big.open("w") as handle:
        handle.write('{"info": {"name": "big"}, "item": [], "pad": "')
        handle.write("x" * (50 * 1024 * 1024))
        handle.write('"}')
    result = run_cli("import", "postman", str(big), "--into", str(tmp_path / "out"))
    assert result.status == 1
    assert "50.0 MB" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_deeply_nested_folders_keep_their_requests(tmp_path):
    item = request_item("GetApps", "GET", "https://{{endpoint}}/v1/apps")
    for depth in range(60):
        item = {"name": f"level {depth}", "item": [item]}
    result = parse_collection(collection([item]))
    assert result.imported == 1 and result.linked == 1
    path, request = result.requests()[0]
    assert len(path) == 16
    assert any("deeper than 16 levels" in n for n in result.notes)


@pytest.mark.parametrize("text, reason", [
    ("this is not JSON at all", "not_json"),
    (json.dumps({"foo": 1}), "no_info_or_item"),
    ("[1, 2]", "not_an_object"),
    (json.dumps({"name": "env", "values": []}), "postman_environment"),
])
def test_anything_that_is_not_a_collection_has_one_error_code_and_its_reason(tmp_path, run_cli, text, reason):
    source = tmp_path / "thing.json"
    source.write_text(text)
    result = run_cli("import", "postman", str(source), "--into", str(tmp_path / "out"), "--json")
    assert result.status != 0
    error = result.json["error"]
    assert error["code"] == "not_a_postman_collection"
    assert error["fields"]["reason"] == reason and error["fields"]["source"] == str(source)
    assert not (tmp_path / "out").exists()


def test_importing_again_never_replaces_an_edited_draft_without_overwrite(tmp_path, run_cli):
    source = write_json(tmp_path / "official.json", official_shaped("v2.1"))
    into = tmp_path / "col"
    assert run_cli("import", "postman", str(source), "--into", str(into)).status == 0
    edited = into / "Apps" / "GetApps.request.json"
    draft = json.loads(edited.read_text())
    draft["description"] = "my notes"
    edited.write_text(json.dumps(draft))
    edited_text = edited.read_text()
    mine = into / "Apps" / "Mine.request.json"
    mine.write_text((into / "Apps" / "GetApp.request.json").read_text().replace('"GetApp"', '"Mine"'))
    order = json.loads((into / "Apps" / "order.json").read_text())
    (into / "Apps" / "order.json").write_text(json.dumps(order + ["Mine.request.json"]))

    again = run_cli("import", "postman", str(source), "--into", str(into))
    assert again.status == 1
    assert "Apps/GetApps.request.json" in again.stderr and "--overwrite" in again.stderr
    assert edited.read_text() == edited_text  # the edit is kept

    as_json = run_cli("import", "postman", str(source), "--into", str(into), "--json")
    assert as_json.status == 1 and as_json.json["error"]["code"] == "would_overwrite"
    assert as_json.json["error"]["fields"]["paths"] == ["Apps/GetApps.request.json"]

    replaced = run_cli("import", "postman", str(source), "--into", str(into), "--overwrite")
    assert replaced.status == 0, replaced.stderr
    assert "my notes" not in edited.read_text()
    # what the user added is still there and still in the order
    assert [s.draft.name for s in read_tree(into) if s.folder == ("Apps",)] == ["GetApp", "GetApps", "CreateApp", "DeleteApp", "Mine"]
    # importing the same collection again over an unedited folder changes nothing and succeeds
    assert run_cli("import", "postman", str(source), "--into", str(into)).status == 0
