"""postman_env.py: the tutorial's Postman environment becomes an Environment + Credentials."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.environments.credentials import Credentials
from workbench.core.environments.postman_env import PostmanEnvError, load_postman_environment, parse_postman_environment

DATA = Path(__file__).parent / "data"


def postman(values: dict, name="Amazon Pinpoint - Europe (Ireland)") -> str:
    return json.dumps(
        {
            "name": name,
            "values": [{"key": k, "value": v, "enabled": True, "type": "default"} for k, v in values.items()],
            "_postman_variable_scope": "environment",
        }
    )


def test_the_tutorial_six_variables():
    result = load_postman_environment(DATA / "tutorial-us-east-1.postman_environment.json")
    env = result.environment
    assert env.name == "Amazon Pinpoint - US East (N. Virginia)"
    assert (env.region, env.account_id, env.host_overrides) == ("us-east-1", "123456789012", {})
    assert env.variables == {"projectId": "12345678901234567890123456789012"}
    assert env.template_variables()["endpoint"] == "pinpoint.us-east-1.amazonaws.com"
    assert env.credential_source.kind == "keyring"
    assert result.credentials == Credentials(
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", None, "postman import"
    )
    # secrets are never part of what gets saved
    saved = json.dumps(env.to_dict())
    assert "AKIAIOSFODNN7EXAMPLE" not in saved and "EXAMPLEKEY" not in saved
    assert result.notes == (
        "oldVar: disabled in Postman; not imported",
        "endpoint: 'pinpoint.us-east-1 .amazonaws.com' read as host 'pinpoint.us-east-1.amazonaws.com'",
        "serviceName (mobiletargeting): ignored; the workbench signs each API with its own service name "
        "(mobiletargeting, sms-voice, ses)",
        "accessKey/secretAccessKey: go to the OS keyring, never to the environments file",
    )


def test_region_derived_from_endpoint_and_session_token():
    result = parse_postman_environment(
        postman({"endpoint": "https://pinpoint.eu-west-1.amazonaws.com/", "accessKey": "AKIAX", "secretAccessKey": "s",
                 "sessionToken": "tok"})
    )
    assert result.environment.region == "eu-west-1"
    assert result.credentials.session_token == "tok"
    assert "region: eu-west-1, from the endpoint pinpoint.eu-west-1.amazonaws.com" in result.notes


def test_unusual_endpoint_becomes_a_host_override():
    result = parse_postman_environment(postman({"region": "us-west-2", "endpoint": "vpce-1.pinpoint.example.internal"}))
    assert result.environment.host_overrides == {"pinpoint": "vpce-1.pinpoint.example.internal"}
    assert result.credentials is None


def test_name_override_and_default_name():
    assert parse_postman_environment(postman({"region": "ap-south-1"}), name="mumbai").environment.name == "mumbai"
    assert parse_postman_environment(postman({"region": "ap-south-1"}, name="")).environment.name == (
        "Amazon Pinpoint - ap-south-1"
    )


@pytest.mark.parametrize(
    "text, detail",
    [
        ("{nope", "not a Postman environment: invalid JSON at line 1, column 2: Expecting property name enclosed in double quotes"),
        ("[]", 'not a Postman environment: expected an object with "name" and a "values" array'),
        ('{"info": {}, "item": []}', "this is a Postman collection, not an environment (export the environment instead)"),
        (postman({"projectId": "p"}), 'no region: set the "region" variable (e.g. us-east-1) or an "endpoint" such as pinpoint.us-east-1.amazonaws.com'),
        (postman({"region": "mars-1"}), "cannot make an environment: region: unknown region 'mars-1': it matches no AWS partition (e.g. us-east-1, eu-west-1)"),
    ],
)
def test_bad_input_names_the_file(tmp_path, text, detail):
    path = tmp_path / "env.json"
    path.write_text(text)
    with pytest.raises(PostmanEnvError) as excinfo:
        load_postman_environment(path)
    assert str(excinfo.value) == f"{path}: {detail}"


def test_missing_file(tmp_path):
    with pytest.raises(PostmanEnvError, match="cannot read: No such file or directory"):
        load_postman_environment(tmp_path / "missing.json")
