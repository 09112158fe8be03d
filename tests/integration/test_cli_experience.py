"""The command line a user expects (issue 8): input checked with suggestions, placeholders
reported, lifecycle said one way, what matters shown, the same exit code for the same
outcome. In-process, offline: hosts are loopback or `.invalid`, credentials come from the
process environment."""

from __future__ import annotations

import io
import json

from workbench.cli import main
from workbench.cli.context import CliContext

KEYS = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}
FOUR_APIS = "pinpoint, pinpoint-sms-voice-v2, pinpoint-sms-voice, pinpoint-email"


def add_process_env(run_cli, name="dev", region="us-east-1", *extra):
    result = run_cli("env", "add", name, "--region", region, "--from-process-env", *extra)
    assert result.status == 0, result.stderr
    return result


# -- 1. suggestions and input checks ------------------------------------------------------

def test_a_mistyped_region_gets_did_you_mean_and_nothing_is_added(run_cli):
    result = run_cli("env", "add", "dev", "--region", "us-east1")
    assert result.status == 1
    assert result.stderr == ("error: unknown region 'us-east1': it matches no AWS partition. "
                             "Did you mean: us-east-1, us-west-1, us-east-2?\n")
    assert run_cli("env", "list", "--json").json["environments"][1:] == []


def test_a_region_botocore_does_not_know_is_refused_unless_forced(run_cli):
    refused = run_cli("env", "add", "x", "--region", "eu-west-9")
    assert refused.status == 1
    assert refused.stderr.startswith("error: unknown region 'eu-west-9': botocore knows no such region")
    assert "Did you mean: eu-west-3, eu-west-2, eu-west-1?" in refused.stderr
    forced = run_cli("env", "add", "x", "--region", "eu-west-9", "--force")
    assert forced.status == 0, forced.stderr
    assert run_cli("env", "show", "x", "--json").json["region"] == "eu-west-9"
    assert run_cli("env", "add", "y", "--region", "us-east1", "--force").status == 1  # fits no partition: never


def test_a_profile_that_does_not_exist_is_refused_when_the_environment_is_added(run_cli, tmp_path):
    config = tmp_path / "awsconfig"
    config.write_text("[profile dev-admin]\nregion = us-east-1\n")
    aws = {"AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none")}
    result = run_cli("env", "add", "dev", "--region", "us-east-1", "--profile", "dev-admn", env=aws)
    assert result.status == 1
    assert result.stderr.startswith("error: AWS profile 'dev-admn' cannot be used: no such profile in ")
    assert "Did you mean: dev-admin?" in result.stderr
    assert run_cli("env", "add", "dev", "--region", "us-east-1", "--profile", "dev-admin", env=aws).status == 0


def test_operation_names_in_the_aws_cli_spelling_resolve(run_cli):
    assert run_cli("library", "show", "get-apps", "--json").json["operation"] == "GetApps"
    assert run_cli("library", "show", "send-text-message", "--json").json["api"] == "pinpoint-sms-voice-v2"
    assert run_cli("library", "show", "send-otp-message", "--json").json["operation"] == "SendOTPMessage"
    typo = run_cli("render", "get-aps")
    assert typo.status == 1
    assert typo.stderr == "error: no operation 'get-aps'. Did you mean: GetApps, GetApp?\n"


def test_an_unknown_api_lists_the_four(run_cli):
    for argv in (("library", "list", "--api", "sms"), ("library", "search", "phone", "--api", "sms"),
                 ("render", "GetApps", "--api", "sms")):
        result = run_cli(*argv)
        assert result.status == 1, argv
        assert result.stderr.startswith(f"error: unknown API 'sms'; the APIs are: {FOUR_APIS}."), argv
        assert result.stdout == "", argv
    as_json = run_cli("library", "list", "--api", "sms", "--json")
    assert as_json.status == 1 and as_json.stderr == ""
    assert as_json.json["error"]["code"] == "unknown_api"
    assert as_json.json["error"]["message"] == f"unknown API 'sms'; the APIs are: {FOUR_APIS}."
    close = run_cli("library", "list", "--api", "pinpoint-sms-voice-2")
    assert "Did you mean: pinpoint-sms-voice-v2, pinpoint-sms-voice?" in close.stderr


def test_an_unknown_environment_gets_did_you_mean(run_cli):
    add_process_env(run_cli, "staging")
    result = run_cli("send", "GetApps", "--env", "stagign", "--dry-run")
    assert result.status == 1
    assert result.stderr.startswith("error: no environment named 'stagign'; known: sandbox, staging. Did you mean: staging?\n")


def test_an_api_not_offered_in_the_region_is_said_as_such(run_cli):
    add_process_env(run_cli, "tlv", "il-central-1")
    result = run_cli("send", "GetApps", "--env", "tlv", env=KEYS)
    assert result.status == 1
    assert "error: Pinpoint (pinpoint) is not offered in il-central-1; it is offered in: us-east-1," in result.stderr
    assert "missing variable" not in result.stderr
    # an API that is offered there still renders
    assert run_cli("send", "DescribeAccountAttributes", "--env", "tlv", "--dry-run", env=KEYS).status == 0


# -- 2. placeholders are problems ---------------------------------------------------------

def test_a_placeholder_left_in_the_body_is_a_problem_not_a_block(run_cli, tmp_path):
    result = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--json")
    assert result.status == 0
    assert result.json["problems"] == [{"path": "$.Name", "message": 'placeholder left in $.Name: "<Name>"', "severity": "error"}]
    add_process_env(run_cli)
    sent = run_cli("send", "CreateApp", "--env", "dev", "--dry-run", env=KEYS)
    assert sent.status == 0
    assert '  $.Name: placeholder left in $.Name: "<Name>"' in sent.stderr
    body = tmp_path / "app.json"
    body.write_text('{"Name": "my-app"}')
    assert run_cli("render", "CreateApp", "--var", "endpoint=h", "--body", str(body), "--json").json["problems"] == []


def test_placeholder_map_keys_are_problems_too(run_cli):
    result = run_cli("render", "SendMessages", "--var", "endpoint=h", "--var", "projectId=p", "--full", "--json")
    paths = [p["path"] for p in result.json["problems"] if p["message"].startswith("placeholder left")]
    assert '$.Addresses["<AddressesKey>"] (key)' in paths


# -- 3. lifecycle said the same way everywhere ----------------------------------------------

def test_lifecycle_is_said_the_same_way_in_list_show_render_and_json(run_cli):
    line = next(l for l in run_cli("library", "list", "--api", "pinpoint").stdout.splitlines() if l.strip().startswith("CreateCampaign "))
    assert line.rstrip().endswith("[END OF SUPPORT 2026-10-30]")
    shown = run_cli("library", "show", "CreateCampaign").stdout
    assert "Lifecycle: END OF SUPPORT 2026-10-30 (engagement: campaigns)" in shown
    assert "end-of-support-2026-10-30" not in shown
    as_json = run_cli("library", "show", "CreateCampaign", "--json").json["lifecycle"]
    assert as_json["label"] == "END OF SUPPORT 2026-10-30" and as_json["status"] == "end-of-support-2026-10-30"
    listed = next(r for r in run_cli("library", "list", "--json").json if r["operation"] == "CreateCampaign")
    assert listed["lifecycle_label"] == "END OF SUPPORT 2026-10-30"
    rendered = run_cli("render", "CreateCampaign", "--var", "endpoint=h", "--var", "projectId=p")
    assert "note: CreateCampaign belongs to an Amazon Pinpoint feature that" in rendered.stderr
    rendered_json = run_cli("render", "CreateCampaign", "--var", "endpoint=h", "--var", "projectId=p", "--json").json
    assert rendered_json["notes"][0].startswith("CreateCampaign belongs to an Amazon Pinpoint feature")


def test_unclear_lifecycle_says_why_and_its_source(run_cli):
    shown = run_cli("library", "show", "UpdateEndpoint").stdout
    assert "Lifecycle: lifecycle unclear (endpoints)" in shown
    assert "  Why unclear: EOS guide lists endpoints as ending; EUM Push docs still register device endpoints" in shown
    assert ("  Source: https://docs.aws.amazon.com/end-user-messaging/latest/userguide/nx-overview-apis-sdks.html "
            "(label from resources/reference/lifecycle.json)") in shown
    listing = run_cli("library", "list").stdout
    assert "[lifecycle unclear]: AWS has not said whether it continues" in listing


# -- 4. show what matters ---------------------------------------------------------------------

def test_env_list_and_show_say_whether_credentials_are_there(run_cli):
    add_process_env(run_cli, "ci")
    assert "ci       us-east-1       process environment (AWS_ACCESS_KEY_ID...): not set" in run_cli("env", "list").stdout
    listed = run_cli("env", "list", env=KEYS).stdout
    assert "ci       us-east-1       process environment (AWS_ACCESS_KEY_ID...): set (AKIA************MPLE)" in listed
    assert KEYS["AWS_SECRET_ACCESS_KEY"] not in listed
    shown = run_cli("env", "show", "ci", "--json", env=KEYS).json["credentials"]
    assert shown == {"source": "process environment (AWS_ACCESS_KEY_ID...)", "state": "set", "usable": True,
                     "detail": "AKIA************MPLE"}


def test_dry_run_shows_the_body_pretty_and_capped(run_cli, tmp_path):
    add_process_env(run_cli)
    body = tmp_path / "app.json"
    body.write_text('{"Name":"my-app","tags":{"team":"growth"}}')
    shown = run_cli("send", "CreateApp", "--env", "dev", "--body", str(body), "--dry-run", env=KEYS).stdout
    assert '{\n  "Name": "my-app",\n  "tags": {\n    "team": "growth"\n  }\n}' in shown
    assert "[body:" not in shown
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"Name": "x" * 10000}))
    capped = run_cli("send", "CreateApp", "--env", "dev", "--body", str(big), "--dry-run", env=KEYS).stdout
    assert "more characters of 10012 bytes not shown]" in capped and "x" * 5000 not in capped
    full = run_cli("send", "CreateApp", "--env", "dev", "--body", str(big), "--dry-run", "--full-body", env=KEYS).stdout
    assert "x" * 10000 in full and "not shown]" not in full


# -- 5. exit codes -------------------------------------------------------------------------------

def test_an_empty_search_exits_1_with_or_without_json(run_cli):
    text = run_cli("library", "search", "zzzz-nothing")
    as_json = run_cli("library", "search", "zzzz-nothing", "--json")
    assert (text.status, as_json.status) == (1, 1)
    assert as_json.json == []


def test_a_dns_failure_is_exit_6_in_credentials_test_as_in_send(run_cli):
    add_process_env(run_cli, "gone", "us-east-1", "--host", "pinpoint=pinpoint.nosuch.invalid", "--trust-hosts")
    sent = run_cli("send", "GetApps", "--env", "gone", env=KEYS)
    tested = run_cli("credentials", "test", "gone", env=KEYS)
    assert (sent.status, tested.status) == (6, 6)


def test_a_declined_production_confirmation_says_cancelled(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    environ = {"PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
               "HOME": str(tmp_path), **KEYS}

    def run(*argv, answer=""):
        out, err = io.StringIO(), io.StringIO()
        status = main(list(argv), CliContext(out, err, Terminal(answer), environ))
        return int(status), out.getvalue(), err.getvalue()

    assert run("env", "add", "prod", "--region", "us-east-1", "--from-process-env", "--production",
               "--host", "pinpoint=127.0.0.1:9")[0] == 0
    status, out, err = run("send", "DeleteApp", "--env", "prod", "--var", "projectId=p", answer="n\n")
    assert status == 1
    assert err.endswith("Send DeleteApp? [y/N] error: cancelled: DeleteApp was not sent to production environment 'prod'\n")


def test_usage_errors_show_the_subcommands_usage(run_cli):
    result = run_cli("render", "CreateApp", "--var", "a:", "b")
    assert result.status == 2
    assert result.stderr.startswith("usage: pinpoint-workbench render ")
    assert "pinpoint-workbench render: error: unrecognized arguments: b" in result.stderr
    nested = run_cli("library", "list", "--bogus")
    assert nested.stderr.startswith("usage: pinpoint-workbench library list ")


def test_usage_errors_with_json_are_json_with_exit_2(run_cli):
    result = run_cli("render", "CreateApp", "--var", "a:", "b", "--json")
    assert result.status == 2 and result.stderr == ""
    error = result.json["error"]
    assert (error["code"], error["message"]) == ("usage", "unrecognized arguments: b")
    assert error["fields"]["usage"].startswith("usage: pinpoint-workbench render ")


def test_notes_come_out_in_json(run_cli):
    added = run_cli("env", "add", "gulf", "--region", "me-south-1", "--from-process-env", "--json")
    assert added.status == 0 and added.stderr == ""
    assert added.json["notes"] == ["not offered in me-south-1: Pinpoint, SMS and Voice v1"]
    removed = run_cli("env", "remove", "gulf", "--json")
    assert removed.json["notes"] == []


def test_an_unknown_region_error_carries_its_remedy(run_cli):
    text = run_cli("env", "add", "x", "--region", "eu-west-9")
    assert "hint: a region newer than botocore can be kept on purpose: add --force" in text.stderr
    as_json = run_cli("env", "add", "x", "--region", "eu-west-9", "--json").json["error"]
    assert (as_json["code"], as_json["remedy"]) == ("unknown_region", "keep_unknown_region")
    assert run_cli("env", "add", "x", "--region", "us-east1", "--json").json["error"]["remedy"] is None


def test_a_send_that_fails_after_planning_keeps_its_notes_in_json(run_cli):
    add_process_env(run_cli)
    result = run_cli("send", "CreateCampaign", "--env", "dev", "--json")  # no projectId
    assert result.status == 1 and result.stderr == ""
    assert result.json["error"]["code"] == "missing_variable"
    assert result.json["notes"][0].startswith("CreateCampaign belongs to an Amazon Pinpoint feature")


def test_an_unknown_operation_in_json_carries_its_suggestions(run_cli):
    error = run_cli("send", "get-aps", "--json").json["error"]
    assert error["code"] == "unknown_operation"
    assert error["fields"] == {"name": "get-aps", "api": None, "suggestions": ["GetApps", "GetApp"]}


def test_render_hints_every_missing_variable_as_a_var(run_cli):
    result = run_cli("render", "GetApp")
    assert result.stderr.splitlines()[-1] == "hint: pass --var endpoint=VALUE --var projectId=VALUE"


def test_bad_input_has_its_own_error_code(run_cli, tmp_path):
    def code(*argv):
        return run_cli(*argv, "--json").json["error"]["code"]

    assert code("render", "CreateApp", "--var", "endpoint=h", "--variant", "zz") == "unknown_variant"
    assert code("render", "CreateApp", "--var", "x") == "bad_argument"
    assert code("render", "CreateApp", "--var", "endpoint=h", "--body", str(tmp_path / "nope.json")) == "unreadable_body"


def test_search_understands_the_aws_cli_spelling(run_cli):
    assert run_cli("library", "search", "get-apps", "--json").json[0]["operation"] == "GetApps"


def test_an_output_file_that_cannot_be_written_is_refused_before_sending(run_cli, tmp_path):
    add_process_env(run_cli, "dev", "us-east-1", "--host", "pinpoint=127.0.0.1:9")
    result = run_cli("send", "GetApps", "--env", "dev", "--output", str(tmp_path / "missing" / "out.json"), "--json", env=KEYS)
    assert result.status == 1
    assert result.json["error"]["code"] == "bad_argument" and "nothing was sent" in result.json["error"]["message"]
    assert not run_cli("history", "list", "--json").json  # nothing was sent, nothing recorded


def test_credentials_commands_answer_in_json(run_cli):
    add_process_env(run_cli, "dev")
    run_cli("env", "add", "kr", "--region", "us-east-1")
    for argv in (("credentials", "clear", "kr"), ("credentials", "set", "kr", "--access-key-id", "AKIAIOSFODNN7EXAMPLE")):
        result = run_cli(*argv, "--json", stdin="secret\n")  # no keyring here: the error, as JSON on stdout
        assert result.status == 1 and result.stderr == ""
        assert result.json["error"]["code"] == "keyring_unavailable"
