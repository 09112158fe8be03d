"""Credential diagnoses fit where the environment's credentials come from: an unusable keyring is
its own problem; a profile or process-environment environment is never told to store a key
(`credentials set` refuses them). Errors from real sends through the command line, and a real
signature mismatch from the sandbox front."""

from __future__ import annotations

import json

import pytest
from tests.helpers.sandbox_send import send_to

from workbench.cli.diagnose_cmds import fix_command
from workbench.core.environments.credentials import SANDBOX_ACCESS_KEY_ID, CredentialSource, Credentials
from workbench.core.diagnose import DiagnosisContext, diagnose
from workbench.core.environments.model import Environment

COVERED = {"keyring-unavailable", "credentials-missing", "signature-mismatch"}
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
STORE_A_KEY = "credentials set"
pytestmark = pytest.mark.usefixtures("no_sandbox_left_behind")


def actions(diagnosis: dict) -> list[str]:
    return [fix["action"] for fix in diagnosis["fixes"]]


def test_an_unusable_keyring_is_diagnosed_as_such_and_its_message_said_once(run_cli):
    run_cli("env", "add", "dev2", "--region", "us-east-1", env=NO_KEYRING)
    as_json = run_cli("send", "GetApp", "--env", "dev2", "--var", "projectId=x", "--json", env=NO_KEYRING)
    assert as_json.status == 1 and as_json.json["error"]["code"] == "keyring_unavailable"
    [diagnosis] = as_json.json["diagnoses"]
    assert diagnosis["id"] == "keyring-unavailable"
    assert actions(diagnosis) == ["unlock_keyring", "use_profile", "session_credentials"]
    plain = run_cli("send", "GetApp", "--env", "dev2", "--var", "projectId=x", env=NO_KEYRING)
    assert plain.status == 1
    assert "diagnosis [keyring-unavailable] The OS keyring cannot be used" in plain.stderr
    assert plain.stderr.count("The OS keyring is not usable") == 1
    assert plain.stderr.count("--profile PROFILE") == 1  # the use-a-profile fix, not again as a hint
    assert "credentials-missing" not in plain.stderr and STORE_A_KEY not in plain.stderr


def test_a_profile_environment_is_told_to_check_its_profile(run_cli):
    # a profile removed (or not configured yet) after the environment was added: env add --force keeps it
    run_cli("env", "add", "p1", "--region", "us-east-1", "--profile", "nosuchprofile", "--force")
    result = run_cli("send", "GetApps", "--env", "p1", "--json")
    [diagnosis] = result.json["diagnoses"]
    assert diagnosis["id"] == "credentials-missing"
    assert diagnosis["fixes"] == [{"action": "check_profile", "profile": "nosuchprofile", "environment": "p1"}]
    plain = run_cli("send", "GetApps", "--env", "p1")
    assert "aws configure list --profile nosuchprofile" in plain.stderr and STORE_A_KEY not in plain.stderr


def test_an_sso_profile_without_a_session_is_told_to_log_in(run_cli, tmp_path):
    config = tmp_path / "home" / ".aws" / "config"
    config.parent.mkdir(parents=True)
    config.write_text("[profile work]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"
                      "sso_account_id = 123456789012\nsso_role_name = Dev\n", encoding="utf-8")
    run_cli("env", "add", "work", "--region", "us-east-1", "--profile", "work")
    result = run_cli("send", "GetApps", "--env", "work")
    assert result.status == 1
    assert "fix: aws sso login --profile work" in result.stderr and STORE_A_KEY not in result.stderr


def test_a_process_environment_is_told_to_set_the_variables(run_cli):
    run_cli("env", "add", "local", "--region", "us-east-1", "--from-process-env", "--host", "pinpoint=127.0.0.1:1")
    result = run_cli("send", "GetApps", "--env", "local", "--json")
    [diagnosis] = result.json["diagnoses"]
    assert diagnosis["fixes"] == [{"action": "set_process_credentials", "environment": "local",
                                   "names": ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]}]
    plain = run_cli("send", "GetApps", "--env", "local")
    assert "fix: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" in plain.stderr and STORE_A_KEY not in plain.stderr


def test_a_wrong_secret_gets_the_fix_of_the_environments_credential_source(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", credentials=Credentials(SANDBOX_ACCESS_KEY_ID, "wrong-secret"))
    assert exchange.response.status == 403
    sources = {
        "keyring": (CredentialSource("keyring"), [{"action": "open_credentials", "environment": "dev"}]),
        "profile": (CredentialSource("profile", "work"), [{"action": "check_profile", "profile": "work", "environment": "dev"}]),
        "process": (CredentialSource("process"), [{"action": "set_process_credentials", "environment": "dev",
                                                   "names": ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]}]),
    }
    for kind, (source, fixes) in sources.items():
        env = Environment(name="dev", region="us-east-1", credential_source=source)
        [diagnosis] = diagnose(exchange, plan_or_context=DiagnosisContext(api="pinpoint", operation="GetApps", environment=env))
        assert diagnosis.id == "signature-mismatch"
        assert list(diagnosis.fixes) == fixes, kind
        worded = [fix_command(fix) for fix in diagnosis.fixes]
        assert (STORE_A_KEY in json.dumps(worded)) == (kind == "keyring"), worded


def test_a_misspelt_variable_gets_a_did_you_mean_and_its_fix_once(run_cli):
    result = run_cli("raw", "GET", "https://{{ endpont }}/v1/apps", "--signing-name", "mobiletargeting")
    assert result.status == 1
    assert "Did you mean endpoint?" in result.stderr
    assert result.stderr.count("--var endpont=VALUE") == 1
    assert result.stderr.count("missing variable: endpont") == 1
