"""`pinpoint-workbench library ...` and `render`, run in-process."""

import json


def test_library_list_json_has_every_operation(run_cli):
    result = run_cli("library", "list", "--json")
    assert result.status == 0
    keys = {(row["api"], row["operation"]) for row in result.json}
    assert ("pinpoint", "GetApps") in keys and ("pinpoint-sms-voice-v2", "SendTextMessage") in keys
    assert len(keys) == len(result.json) >= 278


def test_library_list_marks_ended_operations(run_cli):
    result = run_cli("library", "list", "--api", "pinpoint")
    line = next(l for l in result.stdout.splitlines() if l.strip().startswith("CreateCampaign "))
    assert "END OF SUPPORT 2026-10-30" in line


def test_search_ranks_name_hits_first(run_cli):
    result = run_cli("library", "search", "phone", "number", "--json")
    assert result.json[0]["operation"] in {"DescribePhoneNumbers", "ReleasePhoneNumber", "RequestPhoneNumber", "UpdatePhoneNumber"}
    assert run_cli("library", "search", "zzzz-nothing").status == 1


def test_show_an_ambiguous_name_lists_the_choices(run_cli):
    result = run_cli("library", "show", "CreateConfigurationSet")
    assert result.status == 1
    assert "pinpoint-email:CreateConfigurationSet" in result.stderr
    shown = run_cli("library", "show", "pinpoint-email:CreateConfigurationSet", "--json")
    assert shown.json["url"] == "https://{{ emailEndpoint }}/v1/email/configuration-sets"


def test_render_json_gives_request_and_all_problems(run_cli, tmp_path):
    body = tmp_path / "body.json"
    body.write_text('{"Name": 5, "tags": {"k": 1}}')
    result = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", str(body), "--json")
    assert result.status == 0
    assert result.json["method"] == "POST"
    assert result.json["url"] == "https://pinpoint.us-east-1.amazonaws.com/v1/apps"
    assert [p["path"] for p in result.json["problems"]] == ["$.Name", "$.tags.k"]


def test_render_a_variant(run_cli):
    result = run_cli("render", "CreateApp", "--variant", "ex-002", "--var", "endpoint=h.example.com", "--json")
    assert json.loads(result.json["body"]) == {"Name": "MySampleProject"}


def test_render_with_missing_variables_names_them_and_fails(run_cli):
    result = run_cli("render", "GetApp")
    assert result.status == 1
    assert result.stderr.startswith("error: missing variables: endpoint (used in url host); projectId (used in url path)\n"
                                    "hint: pass --var endpoint=VALUE")


def test_render_body_from_stdin_and_bad_json_is_a_problem_not_a_crash(run_cli):
    result = run_cli("render", "CreateApp", "--var", "endpoint=h", "--body", "-", stdin='{"Name": ')
    assert result.status == 0
    assert "$: body is not valid JSON: Expecting value (line 1, column 10)" in result.stderr


def test_bad_arguments(run_cli, tmp_path):
    assert run_cli("render", "CreateApp", "--var", "novalue").stderr == "error: --var 'novalue': expected NAME=VALUE\n"
    missing = run_cli("render", "CreateApp", "--var", "endpoint=h", "--body", str(tmp_path / "nope.json"))
    assert missing.status == 1 and "No such file or directory" in missing.stderr
    assert run_cli("render", "GetAppz").stderr == "error: no operation 'GetAppz'. Did you mean: GetApp, GetApps?\n"
    wrong = run_cli("library", "frobnicate")
    assert wrong.status == 2
    assert "invalid choice: 'frobnicate'" in wrong.stderr


def test_the_library_marks_what_the_local_sandbox_serves(run_cli):
    """Everything but the operations past their end of support (moto's, or the sandbox's own)."""
    rows = run_cli("library", "list", "--json").json
    served = {row["operation"] for row in rows if row["sandbox"]}
    assert {"GetApps", "CreateApp", "GetApp", "DeleteApp", "TagResource", "GetApplicationSettings"} <= served
    assert "GetCampaigns" not in served and "SendTextMessage" in served
    assert {row["api"] for row in rows if row["sandbox"]} == {
        "pinpoint", "pinpoint-sms-voice-v2", "pinpoint-sms-voice", "pinpoint-email"}
    listing = run_cli("library", "list", "--api", "pinpoint").stdout
    assert next(l for l in listing.splitlines() if l.strip().startswith("GetApps ")).rstrip().endswith("[sandbox]")
