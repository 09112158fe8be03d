"""environments.py: the model, its file, and a store that survives a damaged file."""

from __future__ import annotations

import json

import pytest

from workbench.core.environments.credentials import CredentialSource
from workbench.core.environments.model import (
    Environment,
    EnvironmentExists,
    EnvironmentInvalid,
    EnvironmentNotFound,
    EnvironmentStore,
    classify_operation,
    config_dir,
    is_destructive_or_sending,
    needs_confirmation,
    sandbox_environment,
)


def full_env(**changes) -> Environment:
    data = dict(
        name="Amazon Pinpoint - US West (Oregon)",
        region="us-west-2",
        account_id="123456789012",
        variables={"projectId": "12345678901234567890123456789012"},
        colour="#c62828",
        production=True,
        credential_source=CredentialSource("profile", "dev"),
        host_overrides={"pinpoint-email": "email.vpce.example.internal"},
    )
    data.update(changes)
    return Environment(**data)


def test_round_trip_and_defaults_omitted():
    env = full_env()
    assert Environment.from_dict(env.to_dict()) == env
    minimal = Environment("dev", "eu-west-1")
    assert minimal.to_dict() == {"name": "dev", "region": "eu-west-1"}
    assert list(env.to_dict()) == [
        "name", "region", "hosts", "account_id", "variables", "colour", "production", "credential_source",
    ]


def test_template_variables_like_the_postman_tutorial():
    env = full_env()
    assert env.partition == "aws"
    assert env.template_variables() == {
        "endpoint": "pinpoint.us-west-2.amazonaws.com",
        "smsVoiceV2Endpoint": "sms-voice.us-west-2.amazonaws.com",
        "smsVoiceEndpoint": "sms-voice.pinpoint.us-west-2.amazonaws.com",
        "emailEndpoint": "email.vpce.example.internal",
        "region": "us-west-2",
        "accountId": "123456789012",
        "projectId": "12345678901234567890123456789012",
    }
    assert env.base_url("pinpoint") == "https://pinpoint.us-west-2.amazonaws.com"


def test_changing_region_rederives_hosts():
    from dataclasses import replace

    env = replace(Environment("dev", "us-east-1"), region="eu-central-1")
    assert env.hosts["pinpoint"] == "pinpoint.eu-central-1.amazonaws.com"


def test_region_without_pinpoint():
    env = Environment("gulf", "me-south-1")
    assert env.missing_apis == ("pinpoint", "pinpoint-sms-voice")
    assert "endpoint" not in env.template_variables()
    with pytest.raises(Exception, match="Pinpoint \\(pinpoint\\) is not offered in me-south-1"):
        env.host_for("pinpoint")


def test_every_problem_is_reported():
    with pytest.raises(EnvironmentInvalid) as excinfo:
        Environment.from_dict(
            {
                "name": "x",
                "region": "mars-1",
                "scheme": "http",
                "account_id": "12",
                "variables": {"endpoint": "evil.example.com", "ok": 5},
                "hosts": {"s3": "x"},
            },
            "$.environments[0]",
        )
    assert [str(p) for p in excinfo.value.problems] == [
        "$.environments[0].region: unknown region 'mars-1': it matches no AWS partition (e.g. us-east-1, eu-west-1)",
        "$.environments[0].hosts.s3: unknown API; known: pinpoint, pinpoint-sms-voice-v2, pinpoint-sms-voice, pinpoint-email",
        "$.environments[0].scheme: http is only for the local sandbox; AWS endpoints need https",
        "$.environments[0].account_id: an AWS account ID is 12 digits, found '12'",
        "$.environments[0].variables.endpoint: endpoint comes from the environment itself (region, account, hosts)",
        '$.environments[0].variables.ok: a variable\'s value is a string, found 5',
    ]


def test_sandbox_is_http_and_gets_hosts_from_its_url():
    env = sandbox_environment()
    assert (env.name, env.region, env.scheme, env.credential_source.kind) == ("sandbox", "us-east-1", "http", "sandbox")
    assert env.hosts == {}  # never an AWS host with sandbox credentials
    running = env.with_sandbox_url("http://127.0.0.1:4566")
    assert running.hosts == dict.fromkeys(
        ["pinpoint", "pinpoint-sms-voice-v2", "pinpoint-sms-voice", "pinpoint-email"], "127.0.0.1:4566"
    )
    assert running.template_variables()["endpoint"] == "127.0.0.1:4566"
    assert running.template_variables()["accountId"] == "123456789012"
    assert running.base_url("pinpoint-email") == "http://127.0.0.1:4566"


@pytest.mark.parametrize(
    "op, kind",
    [
        ("GetApps", "read"), ("ListTagsForResource", "read"), ("DescribePhoneNumbers", "read"),
        ("SendMessages", "send"), ("SendTextMessage", "send"), ("PhoneNumberValidate", "send"),
        ("PutEvents", "send"), ("RequestPhoneNumber", "send"),
        ("DeleteApp", "destructive"), ("RemoveAttributes", "destructive"), ("PutEventStream", "destructive"),
        ("UpdateEmailChannel", "destructive"), ("UntagResource", "destructive"), ("ReleasePhoneNumber", "destructive"),
        ("CreateApp", "write"), ("TagResource", "write"), ("VerifyOtpMessage", "write"),
    ],
)
def test_operation_risk(op, kind):
    assert classify_operation(op) == kind
    assert is_destructive_or_sending(op) == (kind in ("send", "destructive"))


def test_needs_confirmation_only_in_production():
    assert needs_confirmation(full_env(production=True), "DeleteApp")
    assert not needs_confirmation(full_env(production=False), "DeleteApp")
    assert not needs_confirmation(full_env(production=True), "GetApps")


def test_config_dir(tmp_path):
    assert config_dir({"PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path)}) == tmp_path
    assert config_dir({"XDG_CONFIG_HOME": str(tmp_path / "x")}) == tmp_path / "x" / "pinpoint-workbench"


# --------------------------------------------------------------------------- the store


def test_store_crud_and_file(tmp_path):
    path = tmp_path / "environments.json"
    store = EnvironmentStore(path)
    assert store.names() == ["sandbox"]
    store.add(Environment("b", "us-east-1"))
    store.add(full_env(name="a"))
    with pytest.raises(EnvironmentExists):
        store.add(Environment("a", "us-east-1"))
    store.update(Environment("b", "eu-west-1", production=True))
    assert EnvironmentStore(path).get("b").production
    store.update(Environment("c", "eu-west-1"), previous_name="b")
    assert EnvironmentStore(path).names() == ["sandbox", "a", "c"]
    assert store.remove("a").name == "a"
    with pytest.raises(EnvironmentNotFound, match="no environment named 'a'; known: sandbox, c"):
        store.get("a")
    with pytest.raises(Exception, match="built-in local sandbox"):
        store.remove("sandbox")
    assert json.loads(path.read_text()) == {
        "environments": [{"name": "c", "region": "eu-west-1"}],
        "schema_version": 1,
    }
    assert path.read_text().endswith("}\n")


def test_store_rejects_a_user_environment_named_sandbox(tmp_path):
    store = EnvironmentStore(tmp_path / "e.json")
    with pytest.raises(Exception, match="built-in local sandbox"):
        store.add(Environment("sandbox", "us-east-1"))


def test_corrupted_file_still_starts_and_keeps_a_backup(tmp_path):
    path = tmp_path / "environments.json"
    EnvironmentStore(path).add(Environment("prod", "eu-west-1"))
    broken = path.read_text()[:-5]  # truncated write from some other tool
    path.write_text(broken)

    store = EnvironmentStore(path)
    assert store.names() == ["sandbox"]
    (problem,) = store.problems
    assert problem.path == str(path)
    assert problem.message.startswith("invalid JSON at line ")
    assert problem.message.endswith("; starting with no saved environments")
    (backup,) = store.backups
    assert backup.read_text() == broken
    assert str(path) in store.report() and str(backup) in store.report()

    store.add(Environment("new", "us-east-1"))  # saving does not touch the backup
    assert backup.read_text() == broken
    assert EnvironmentStore(path).names() == ["sandbox", "new"]


def test_one_bad_entry_is_skipped_and_the_rest_load(tmp_path):
    path = tmp_path / "environments.json"
    document = {
        "schema_version": 1,
        "environments": [
            {"name": "good-1", "region": "us-east-1"},
            {"name": "bad", "region": "us-east-1", "account_id": "not-an-account"},
            {"name": "good-2", "region": "eu-west-1", "variables": {"projectId": "p"}},
            {"name": "good-1", "region": "eu-west-1"},
        ],
    }
    path.write_text(json.dumps(document))
    store = EnvironmentStore(path)
    assert store.names() == ["sandbox", "good-1", "good-2"]
    assert [str(p) for p in store.problems] == [
        f"{path}: $.environments[1].account_id: an AWS account ID is 12 digits, found 'not-an-account' "
        "(environment 'bad' skipped; kept in the file unchanged)",
        f"{path}: $.environments[3].name: duplicate or reserved name 'good-1'; skipped; kept in the file unchanged",
    ]
    (backup,) = store.backups
    assert json.loads(backup.read_text()) == document

    # loading again reuses the identical backup rather than piling up copies
    again = EnvironmentStore(path)
    assert again.backups == [backup]

    store.add(Environment("third", "ap-south-1"))
    saved = json.loads(path.read_text())["environments"]
    assert document["environments"][1] in saved and document["environments"][3] in saved  # kept as they were
    again = EnvironmentStore(path)
    assert again.names() == ["sandbox", "good-1", "good-2", "third"]
    assert len(again.problems) == 2  # still reported
    again.add(Environment("fourth", "ap-south-1"))
    assert json.loads(backup.read_text()) == document
    assert len(list(tmp_path.glob("*.bak"))) == 1  # a file the store wrote needs no new backup


def test_environments_not_an_array(tmp_path):
    path = tmp_path / "environments.json"
    path.write_text('{"schema_version": 1, "environments": {"a": 1}}')
    store = EnvironmentStore(path)
    assert store.names() == ["sandbox"]
    assert [str(p) for p in store.problems] == [f"{path}: $.environments: must be an array; nothing loaded"]
    assert store.backups and store.backups[0].exists()
