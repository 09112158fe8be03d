"""Credentials go only over TLS, only to where they belong; metadata addresses never."""

from __future__ import annotations

import json

import pytest

from workbench.core.environments.credentials import CredentialSource
from workbench.core.environments.destination import UntrustedDestination, check_destination
from workbench.core.environments.model import Environment, EnvironmentInvalid, sandbox_environment
from workbench.core.request.http import HttpRequest
from workbench.core.environments.postman_env import PostmanEnvError, parse_postman_environment

PROCESS = CredentialSource("process")
DEV = Environment("dev", "us-east-1", credential_source=PROCESS)
LOCAL = Environment("local", "us-east-1", host_overrides={"pinpoint": "127.0.0.1:18084"}, credential_source=PROCESS)
VPCE = Environment("vpce", "us-east-1", host_overrides={"pinpoint": "vpce-1.example.internal"}, credential_source=PROCESS)
VPCE_CONFIRMED = Environment("vpce", "us-east-1", host_overrides={"pinpoint": "vpce-1.example.internal"},
                             confirmed_hosts=("vpce-1.example.internal",), credential_source=PROCESS)
SANDBOX = sandbox_environment("http://127.0.0.1:4566")


def reason(url: str, env: Environment, allow_any_host: bool = False) -> str:
    try:
        check_destination(HttpRequest("GET", url), env, allow_any_host=allow_any_host)
    except UntrustedDestination as exc:
        return exc.reason
    return "ok"


@pytest.mark.parametrize(
    "url, env, allow, expected",
    [
        ("https://pinpoint.us-east-1.amazonaws.com/v1/apps", DEV, False, "ok"),
        ("https://sms-voice.eu-west-1.amazonaws.com/", DEV, False, "ok"),  # same partition
        ("http://pinpoint.us-east-1.amazonaws.com/v1/apps", DEV, False, "plain_http"),
        ("http://pinpoint.us-east-1.amazonaws.com/v1/apps", DEV, True, "plain_http"),
        ("http://127.0.0.1:18084/v1/apps", LOCAL, False, "plain_http"),  # the local server
        ("https://127.0.0.1:18084/v1/apps", LOCAL, False, "ok"),  # loopback overrides need no confirmation
        ("http://127.0.0.1:18084/v1/apps", LOCAL, True, "ok"),  # a local test server, explicitly allowed
        ("https://collector.example.net/v1/apps", DEV, False, "foreign_host"),
        ("https://collector.example.net/v1/apps", DEV, True, "ok"),
        ("https://vpce-1.example.internal/v1/apps", VPCE, False, "unconfirmed_host"),
        ("https://vpce-1.example.internal/v1/apps", VPCE_CONFIRMED, False, "ok"),
        ("http://127.0.0.1:4566/v1/apps", SANDBOX, False, "ok"),
        ("http://pinpoint.us-east-1.amazonaws.com/v1/apps", SANDBOX, False, "sandbox_elsewhere"),
        ("https://169.254.169.254/latest/meta-data/", DEV, True, "forbidden_address"),
        ("https://[fd00:ec2::254]/latest/meta-data/", DEV, True, "forbidden_address"),
        ("https://[fe80::1]/", DEV, True, "forbidden_address"),
        ("https://[::ffff:169.254.169.254]/", DEV, True, "forbidden_address"),
        ("https://2852039166/", DEV, True, "forbidden_address"),  # 169.254.169.254 as one number
        ("https://0xa9.0xfe.0xa9.0xfe/", DEV, True, "forbidden_address"),
        ("https://169.254.10.1/", DEV, True, "forbidden_address"),
        ("https://metadata.google.internal/", DEV, True, "forbidden_address"),
        ("http://169.254.169.254/", SANDBOX, True, "forbidden_address"),
        ("https://pinpoint.us-east-1.amazonaws.com:99999/", DEV, True, "bad_address"),
    ],
)
def test_destination_rules(url, env, allow, expected):
    assert reason(url, env, allow) == expected


def test_an_unconfirmed_host_names_what_to_confirm():
    with pytest.raises(UntrustedDestination) as excinfo:
        check_destination(HttpRequest("GET", "https://vpce-1.example.internal/v1/apps"), VPCE)
    assert excinfo.value.remedy == "confirm_host:vpce"
    assert excinfo.value.fields["host"] == "vpce-1.example.internal"
    assert "nobody confirmed it as a destination" in str(excinfo.value)


@pytest.mark.parametrize("host", ["169.254.169.254", "169.254.170.2", "a.example.com:99999", "a.example.com:0"])
def test_environment_refuses_metadata_hosts_and_bad_ports(host):
    with pytest.raises(EnvironmentInvalid) as excinfo:
        Environment("x", "us-east-1", host_overrides={"pinpoint": host})
    assert excinfo.value.problems[0].path == "hosts.pinpoint"


def postman(endpoint: str) -> str:
    return json.dumps({"name": "p", "values": [{"key": "endpoint", "value": endpoint}, {"key": "region", "value": "us-east-1"}]})


def test_postman_metadata_endpoint_is_refused_and_a_foreign_one_needs_confirmation():
    with pytest.raises(PostmanEnvError, match="endpoint '169.254.169.254' refused: 169.254.169.254 is an instance metadata address"):
        parse_postman_environment(postman("http://169.254.169.254/"))
    result = parse_postman_environment(postman("evil.example.com"))
    assert result.environment.host_overrides == {"pinpoint": "evil.example.com"}
    assert result.environment.confirmed_hosts == ()
    assert any("not signed for it until you confirm it" in note for note in result.notes)


def test_cli_import_of_a_foreign_endpoint_refuses_to_sign_until_confirmed(run_cli, tmp_path):
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}
    export = tmp_path / "evil.json"
    export.write_text(postman("evil.example.com"))
    assert run_cli("env", "import", str(export), "--name", "evil").status == 0
    # process credentials for this environment
    store_file = tmp_path / "config" / "pinpoint-workbench" / "environments.json"
    data = json.loads(store_file.read_text())
    data["environments"][0]["credential_source"] = {"kind": "process"}
    store_file.write_text(json.dumps(data))

    refused = run_cli("send", "GetApps", "--env", "evil", "--dry-run", env=keys)
    assert refused.status == 1
    assert refused.stderr.startswith("error: refusing to sign for evil.example.com: environment 'evil' sets it as a host")
    assert "hint: if it is yours, confirm it as a destination for these credentials: pinpoint-workbench env trust evil" in refused.stderr
    assert "not confirmed evil.example.com" in run_cli("env", "show", "evil").stdout

    assert run_cli("env", "trust", "evil").stdout == "confirmed evil.example.com as a destination for the credentials of 'evil'\n"
    assert json.loads(store_file.read_text())["environments"][0]["confirmed_hosts"] == ["evil.example.com"]
    assert run_cli("send", "GetApps", "--env", "evil", "--dry-run", env=keys).status == 0

    plain = run_cli("raw", "GET", "http://pinpoint.us-east-1.amazonaws.com/v1/apps", "--signing-name", "mobiletargeting",
                    "--env", "evil", "--dry-run", "--allow-any-host", env=keys)
    assert plain.status == 1 and "credentials are signed only for https" in plain.stderr


def test_env_add_with_trust_hosts_records_the_confirmation(run_cli, tmp_path):
    added = run_cli("env", "add", "v", "--region", "us-east-1", "--host", "pinpoint=vpce-1.example.internal", "--trust-hosts", "--json")
    assert added.status == 0
    assert added.json["confirmed_hosts"] == ["vpce-1.example.internal"] and added.json["unconfirmed_hosts"] == []
    metadata = run_cli("env", "add", "m", "--region", "us-east-1", "--host", "pinpoint=169.254.169.254", "--trust-hosts")
    assert metadata.status == 1
    assert "169.254.169.254 is an instance metadata address; credentials are never signed for it" in metadata.stderr
