"""`pinpoint-workbench send` against the local sandbox and misbehaving loopback servers."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers.fault_server import FaultServer, json_ok

from workbench.core.environments.credentials import CredentialSource  # noqa: E402
from workbench.core.environments.model import Environment, EnvironmentStore, config_dir  # noqa: E402


@pytest.fixture
def background_sandbox(run_cli):
    started = run_cli("sandbox", "start", "--json")
    assert started.status == 0, started.stderr
    yield started.json
    assert run_cli("sandbox", "stop").status == 0


def test_tutorial_walkthrough_against_the_sandbox(run_cli, background_sandbox):
    """The guide's Postman tutorial, as a newcomer would run it, then tags and settings."""
    smoke = run_cli("send", "GetApps", "--json")
    assert smoke.status == 0, smoke.stderr
    assert smoke.json["status"] == 200 and "Item" in smoke.json["body"]

    name = f"tutorial-{uuid.uuid4().hex[:8]}"
    created = run_cli("send", "CreateApp", "--body", "-", "--json", stdin='{"Name": "{{ name }}"}'.replace("{{ name }}", name))
    assert created.status == 0 and created.json["status"] == 201
    app = created.json["body"]
    assert app["Name"] == name
    project = app["Id"]

    got = run_cli("send", "GetApp", "--var", f"projectId={project}", "--json")
    assert got.json["body"]["Name"] == name
    listed = run_cli("send", "GetApps", "--json")
    assert project in [item["Id"] for item in listed.json["body"]["Item"]]

    # an ARN in the path, percent-encoded as one segment, verified by the front
    tagged = run_cli("send", "pinpoint:TagResource", "--var", f"resourceArn={app['Arn']}", "--body", "-", stdin='{"tags": {"team": "support"}}')
    assert tagged.status == 0, tagged.stdout + tagged.stderr
    tags = run_cli("send", "pinpoint:ListTagsForResource", "--var", f"resourceArn={app['Arn']}", "--json")
    assert tags.json["body"]["tags"] == {"team": "support"}

    settings = run_cli("send", "UpdateApplicationSettings", "--var", f"projectId={project}", "--body", "-", "--json",
                       stdin='{"Limits": {"Daily": 50}, "CloudWatchMetricsEnabled": true}')
    assert settings.json["status"] == 200
    read_back = run_cli("send", "GetApplicationSettings", "--var", f"projectId={project}", "--json")
    assert read_back.json["body"]["Limits"]["Daily"] == 50

    deleted = run_cli("send", "DeleteApp", "--var", f"projectId={project}", "--json")
    assert deleted.json["status"] == 200
    gone = run_cli("send", "GetApp", "--var", f"projectId={project}", "--json")
    assert gone.status == 4 and gone.json["status"] == 404


def test_json_output_has_the_documented_fields(run_cli, background_sandbox):
    result = run_cli("send", "GetApps", "--inspect", "--json")
    data = result.json
    assert {"status", "headers", "body", "elapsed_ms", "size_bytes", "inspection"} <= set(data)
    assert data["size_bytes"] == int(data["headers"]["Content-Length"]) > 0
    assert data["elapsed_ms"] > 0
    assert data["inspection"]["signing_name"] == "mobiletargeting"
    assert data["inspection"]["canonical_request"].startswith("GET\n/v1/apps\n")
    assert data["inspection"]["signature"] == "<redacted>"


def test_a_send_to_the_sandbox_starts_the_kept_one(run_cli):
    dry = run_cli("send", "GetApps", "--dry-run")  # a dry run leaves nothing running
    assert dry.status == 0 and "started" not in dry.stderr
    assert run_cli("sandbox", "status").status == 1
    try:
        result = run_cli("send", "GetApps")
        assert result.status == 0, result.stderr
        assert result.stdout.startswith("HTTP 200 OK")
        assert "note: started the local sandbox at http://127.0.0.1:" in result.stderr
        assert "(stop it with `pinpoint-workbench sandbox stop`)" in result.stderr
        again = run_cli("send", "GetApps")
        assert again.status == 0 and "started" not in again.stderr
    finally:
        assert run_cli("sandbox", "stop").status == 0


def test_unemulated_operation_gets_the_sandbox_refusal(run_cli, background_sandbox):
    result = run_cli("send", "GetCampaigns", "--var", "projectId=abc")
    assert result.status == 5
    # the campaign feature ended with Pinpoint's engagement features: the user is told first
    assert result.stderr.startswith(
        "note: GetCampaigns belongs to an Amazon Pinpoint feature that reached end of support on 2026-10-30"
    )
    assert "Where it went: " in result.stderr
    assert "NotImplementedBySandbox" in result.stdout
    assert "The local sandbox does not emulate pinpoint operation GetCampaigns" in result.stdout


def test_dry_run_signs_and_shows_without_sending(run_cli, background_sandbox):
    result = run_cli("send", "CreateApp", "--variant", "ex-002", "--dry-run", "--inspect")
    assert result.status == 0
    for section in ("== Canonical request ==", "== String to sign ==", "== Credential scope ==", "== Signed headers =="):
        assert section in result.stdout
    assert "(dry run: not sent)" in result.stdout
    listed = run_cli("send", "GetApps", "--json").json["body"]["Item"]
    assert "MySampleProject" not in [i["Name"] for i in listed]


def test_raw_request_with_a_wrong_signing_name_gets_the_aws_error(run_cli, background_sandbox):
    good = run_cli("raw", "GET", "https://{{ endpoint }}/v1/apps", "--signing-name", "mobiletargeting", "--json")
    assert good.status == 0 and good.json["status"] == 200
    wrong = run_cli("raw", "GET", "https://{{ endpoint }}/v1/apps", "--signing-name", "ses", "--json")
    assert wrong.status == 4
    assert wrong.json["headers"]["x-amzn-ErrorType"] == "InvalidSignatureException"
    assert "Credential should be scoped to correct service: 'mobiletargeting'" in wrong.json["body"]["message"]


def _add_env(run_cli_env: dict, env: Environment) -> None:
    store = EnvironmentStore.at_default_location(run_cli_env)
    store.add(env)


def test_no_response_is_exit_6_with_a_typed_error(run_cli, tmp_path):
    import os

    environ = dict(os.environ)
    with FaultServer(json_ok) as server:
        closed_port = server.port
    env = Environment("dead", "us-east-1", host_overrides={"pinpoint": f"127.0.0.1:{closed_port}"}, credential_source=CredentialSource("process"))
    _add_env(environ, env)
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}
    result = run_cli("send", "GetApps", "--env", "dead", "--json", "--connect-timeout", "2", env=keys)
    assert result.status == 6
    assert result.json["status"] is None
    assert result.json["error"]["type"] in ("ConnectionRefused", "TlsFailure")


def test_credentials_go_only_to_the_environments_hosts(run_cli):
    import os

    _add_env(dict(os.environ), Environment("prod", "us-east-1", credential_source=CredentialSource("process"), production=True))
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}
    elsewhere = run_cli("raw", "GET", "https://collector.example.net/v1/apps", "--signing-name", "mobiletargeting", "--env", "prod", env=keys)
    assert elsewhere.status == 1
    assert "refusing to sign for collector.example.net" in elsewhere.stderr
    # a production environment asks before a destructive call; no terminal here, so it refuses
    delete = run_cli("send", "DeleteApp", "--env", "prod", "--var", "projectId=abc", env=keys)
    assert delete.status == 1
    assert "error: DeleteApp changes or sends on production environment 'prod'\nhint: confirm with --yes" in delete.stderr


def test_sandbox_credentials_stay_local(run_cli, background_sandbox):
    result = run_cli("send", "GetApps", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com")
    assert result.status == 1
    assert result.stderr.startswith("error: refusing to sign for pinpoint.us-east-1.amazonaws.com: "
                                    "the sandbox's credentials go only to the local sandbox (127.0.0.1:")


def test_a_damaged_environments_file_is_reported_once_and_send_still_works(run_cli, background_sandbox):
    import os

    from workbench.core.environments.model import config_dir

    path = config_dir(dict(os.environ)) / "environments.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema_version": 1, "environments": [')
    unknown = run_cli("send", "GetApps", "--env", "dev")
    assert unknown.status == 1
    lines = unknown.stderr.splitlines()
    assert lines[0] == f"warning: problems in {path}:"
    assert lines[1].startswith("  invalid JSON at line 1, column ")
    assert lines[1].endswith("; starting with no saved environments")
    assert lines[2].startswith(f"  the original file is kept as {path}.")
    assert lines[3] == "error: no environment named 'dev'; known: sandbox"
    assert list(path.parent.glob("environments.json.*.bak"))
    assert run_cli("send", "GetApps").status == 0


def test_raw_query_strings_take_variables_and_keep_their_encoding(run_cli, background_sandbox):
    result = run_cli("raw", "GET", "https://{{ endpoint }}/v1/apps?page-size={{ n }}&token=a%20b", "--signing-name",
                     "mobiletargeting", "--var", "n=5", "--dry-run", "--json")
    assert result.status == 0, result.stderr
    assert result.json["inspection"]["url"].endswith("/v1/apps?page-size=5&token=a%20b")
    missing = run_cli("raw", "GET", "https://{{ endpoint }}/v1/apps?page-size={{ n }}", "--signing-name", "mobiletargeting")
    assert missing.status == 1 and "missing variable: n (used in query page-size)" in missing.stderr


def test_with_json_an_error_is_data_on_stdout_with_the_same_exit_status(run_cli):
    missing = run_cli("send", "GetApp", "--env", "nowhere", "--json")
    assert missing.status == 1 and missing.stderr == ""
    assert missing.json["error"]["code"] == "environment_not_found"
    assert missing.json["error"]["fields"]["name"] == "nowhere"
    plain = run_cli("send", "GetApp", "--env", "nowhere")
    assert plain.status == 1 and plain.stdout == ""
    assert plain.stderr.startswith("error: no environment named 'nowhere'")


def test_a_missing_variable_names_its_remedy_as_a_command(run_cli):
    result = run_cli("send", "GetApp", "--dry-run")
    assert result.status == 1
    assert result.stderr.startswith("error: missing variable: projectId (used in url path)\n")
    assert result.stderr.count("pass --var projectId=VALUE") == 1  # the diagnosis's fix, not again as a hint
    as_json = run_cli("send", "GetApp", "--dry-run", "--json")
    assert as_json.json["error"]["remedy"] == "set_variable:projectId"
