"""curl import (incl. --aws-sigv4 and pasted signed headers) and the curl / AWS CLI / boto3
/ awscurl snippets, executed against a running local sandbox where the tool exists here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid

import pytest

from workbench.core.environments.credentials import SANDBOX_CREDENTIALS, Credentials
from workbench.core.request.http import HttpRequest
from workbench.core.interop.curl_import import CurlImportError, parse_curl
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.send.signing import sign

TOKEN = "CANARYTOKEN" + "x" * 40


@pytest.fixture
def running_sandbox(run_cli):
    started = run_cli("sandbox", "start", "--json")
    assert started.status == 0, started.stderr
    yield started.json
    run_cli("sandbox", "stop")


CANARY_SECRET = "CANARYsecretFROMtheUSERSenvironment0000000"


def aws_environ(**aws) -> dict:
    """The process environment with only `aws` for AWS_* (and no AWS config files)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null", **aws)
    return env


# someone's own AWS identity in the shell: a sandbox snippet must not sign with it
USERS_OWN = dict(AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY=CANARY_SECRET, AWS_SESSION_TOKEN="FwoGZXIvYXdzEXAMPLE")


def test_pasted_signed_curl_imports_without_its_signature_and_sends(sandbox):
    body = json.dumps({"Name": "from-curl"})
    signed = sign(HttpRequest("POST", sandbox.base_url("pinpoint") + "/v1/apps", (("Content-Type", "application/json"),), body.encode()),
                  Credentials("AKIDEXAMPLE", "secret", TOKEN), region="us-east-1", signing_name="mobiletargeting")
    headers = " ".join(f"-H '{k}: {v}'" for k, v in signed.request.headers)
    text = f"curl -s -X POST {headers} \\\n  --data-raw '{body}' {signed.request.url}"
    result = parse_curl(text)
    draft = result.draft
    assert draft.operation == "pinpoint:CreateApp" and draft.name == "CreateApp"
    saved = json.dumps(draft.to_dict())
    assert TOKEN not in saved and "Signature=" not in saved and "X-Amz-Date" not in saved
    assert any("stale" in n for n in result.notes)
    exchange = run_plan(build_plan(draft, sandbox), credentials=SANDBOX_CREDENTIALS, environ={})
    assert exchange.response.status == 201 and exchange.response.json()["Name"] == "from-curl"


def test_aws_sigv4_curl_gives_a_raw_draft_with_its_signing_name():
    result = parse_curl("curl --aws-sigv4 'aws:amz:eu-west-1:sms-voice' -u \"$K:$S\" https://sms-voice.eu-west-1.amazonaws.com/v1/unknown")
    assert result.draft.operation is None
    assert result.draft.url == "https://{{smsVoiceV2Endpoint}}/v1/unknown"
    assert (result.draft.auth.signing_name, result.draft.auth.region) == ("sms-voice", "eu-west-1")
    assert any("--user credentials not imported" in n for n in result.notes)


@pytest.mark.parametrize("text, message", [
    ("wget http://x", "starting with `curl`"),
    ("curl -X", "-X needs a value"),
    ("curl -H 'a: b'", "no URL"),
    ("curl 'unbalanced", "cannot split"),
])
def test_bad_curl_commands_are_refused_clearly(text, message):
    with pytest.raises(CurlImportError) as caught:
        parse_curl(text)
    assert message in str(caught.value)


def test_import_curl_from_stdin_on_the_command_line(run_cli):
    result = run_cli("import", "curl", "-", "--json", stdin="curl https://pinpoint.us-east-1.amazonaws.com/v1/apps/abc")
    assert result.status == 0
    assert result.json["draft"]["operation"] == "pinpoint:GetApp"
    assert result.json["draft"]["variables"] == [["projectId", "abc"]]


def snippet(run_cli, kind, *args, stdin=""):
    result = run_cli("export", kind, *args, stdin=stdin, env=USERS_OWN)
    assert result.status == 0, result.stderr
    assert CANARY_SECRET not in result.stdout
    return result.stdout


@pytest.mark.parametrize("shell", [aws_environ(), aws_environ(**USERS_OWN, AWS_PROFILE="nosuch")], ids=["no AWS_*", "own AWS_*"])
def test_exported_sandbox_curl_works_as_given(run_cli, running_sandbox, shell):
    script = snippet(run_cli, "curl", "GetApps", "--env", "sandbox")
    assert "sandbox, which must be running: it was at " + running_sandbox["url"] in script
    done = subprocess.run(["bash", "-c", script.rstrip("\n") + " -o /dev/null -w '%{http_code}'"], capture_output=True, text=True,
                          env=shell, timeout=60)
    assert (done.returncode, done.stdout) == (0, "200"), done.stderr


def test_exported_curl_creates_an_app_in_the_sandbox(run_cli, running_sandbox, tmp_path):
    name = f"curl-{uuid.uuid4().hex[:6]}"
    script = snippet(run_cli, "curl", "CreateApp", "--body", "-", stdin=json.dumps({"Name": name}))
    assert "\ncurl -sS --aws-sigv4 aws:amz:us-east-1:mobiletargeting" in script
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=aws_environ(**USERS_OWN), timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["Name"] == name


def test_boto3_snippet_runs_against_the_sandbox(run_cli, running_sandbox, tmp_path):
    name = f"boto3-{uuid.uuid4().hex[:6]}"
    code = snippet(run_cli, "boto3", "CreateApp", "--body", "-", stdin=json.dumps({"Name": name}))
    assert "client.create_app(" in code and "CreateApplicationRequest=" in code
    path = tmp_path / "snippet.py"
    path.write_text(code)
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, env=aws_environ(**USERS_OWN), timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ApplicationResponse"]["Name"] == name


@pytest.mark.skipif(shutil.which("aws") is None, reason="the AWS CLI is not installed here")
def test_aws_cli_snippet_runs_against_the_sandbox(run_cli, running_sandbox):
    name = f"cli-{uuid.uuid4().hex[:6]}"
    created = snippet(run_cli, "awscli", "CreateApp", "--body", "-", stdin=json.dumps({"Name": name}))
    assert "\n  aws pinpoint create-app" in created and "--create-application-request" in created
    shell = aws_environ(**USERS_OWN, AWS_PROFILE="nosuch")
    done = subprocess.run(["bash", "-c", created], capture_output=True, text=True, env=shell, timeout=120)
    assert done.returncode == 0, done.stderr
    app_id = json.loads(done.stdout)["ApplicationResponse"]["Id"]
    got = snippet(run_cli, "awscli", "GetApp", "--var", f"projectId={app_id}")
    assert "--application-id" in got  # botocore's member ApplicationId, xform_name'd
    done = subprocess.run(["bash", "-c", got], capture_output=True, text=True, env=shell, timeout=120)
    assert done.returncode == 0 and json.loads(done.stdout)["ApplicationResponse"]["Name"] == name


def test_awscurl_snippet_names_service_region_and_url(run_cli, running_sandbox):
    text = snippet(run_cli, "awscurl", "GetApps")
    assert "awscurl --service mobiletargeting --region us-east-1" in text and "/v1/apps" in text


def test_snippets_need_a_running_sandbox_and_a_model(run_cli):
    result = run_cli("export", "curl", "GetApps")
    assert result.status == 1 and "sandbox is not running" in result.stderr


CREATE_APP_URL = "https://pinpoint.us-east-1.amazonaws.com/v1/apps"


def test_a_body_from_a_file_is_read_as_curl_reads_it(tmp_path):
    body = '{\n  "Name": "from-a-file"\n}\n'
    (tmp_path / "body.json").write_text(body)
    binary = parse_curl(f"curl -X POST {CREATE_APP_URL} --data-binary @body.json", cwd=tmp_path)
    assert binary.draft.operation == "pinpoint:CreateApp" and binary.draft.body == body
    data = parse_curl(f"curl {CREATE_APP_URL} -d @body.json", cwd=tmp_path)
    assert data.draft.body == '{  "Name": "from-a-file"}'  # -d drops the file's line breaks, as curl does
    assert json.loads(parse_curl(f"curl {CREATE_APP_URL} --json @{tmp_path / 'body.json'}").draft.body) == {"Name": "from-a-file"}
    raw = parse_curl(f"curl {CREATE_APP_URL} --data-raw @body.json", cwd=tmp_path)
    assert raw.draft.body == "@body.json" and not any("body.json" in n for n in raw.notes)  # --data-raw: no @ processing


def test_a_body_file_that_is_not_there_is_a_note(tmp_path, run_cli, monkeypatch):
    missing = parse_curl(f"curl -X POST {CREATE_APP_URL} -d @nosuch.json", cwd=tmp_path)
    assert "@nosuch.json" not in (missing.draft.body or "")
    assert any(n.startswith(f"-d @nosuch.json: there is no file {tmp_path / 'nosuch.json'}") for n in missing.notes)
    # on the command line, the file is found relative to the current folder
    (tmp_path / "body.json").write_text('{"Name": "cli"}')
    monkeypatch.chdir(tmp_path)
    result = run_cli("import", "curl", "-", "--json", stdin=f"curl {CREATE_APP_URL} --data-binary @body.json")
    assert result.status == 0 and result.json["draft"]["body"] == '{"Name": "cli"}'
