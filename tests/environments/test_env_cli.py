"""`env` and `credentials` commands in-process; the canary secret never reaches a file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CANARY_SECRET = "CanarySecret/9f3b7c1e5d2a4b6c8e0f1a3b5c7d9e1f3a5b7c9d"
CANARY_TOKEN = "CanaryToken+FwoGZXIvYXdzEJr//////////wEaDCANARYTOKEN0123456789"
CANARY_KEY_ID = "AKIACANARYEXAMPLE001"


def scan(root: Path, needles) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path}: {needle[:12]}..." for needle in needles if needle.encode() in data]
    return hits


def test_add_list_show_remove(run_cli, tmp_path):
    result = run_cli("env", "add", "dev", "--region", "eu-west-1", "--account", "123456789012",
                     "--var", "projectId=abc", "--production")
    assert result.status == 0, result.stderr
    assert "credentials set dev --access-key-id" in result.stdout
    listing = run_cli("env", "list")
    assert listing.stdout.splitlines() == [
        "sandbox  us-east-1       local sandbox identity: built in",
        "dev      eu-west-1       OS keyring: unavailable (no keyring backend is available"
        " (keyring chose keyring.backends.fail.Keyring)) production",
    ]
    shown = run_cli("env", "show", "dev", "--json").json
    assert shown["template_variables"] == {
        "accountId": "123456789012",
        "emailEndpoint": "email.eu-west-1.amazonaws.com",
        "endpoint": "pinpoint.eu-west-1.amazonaws.com",
        "projectId": "abc",
        "region": "eu-west-1",
        "smsVoiceEndpoint": "sms-voice.pinpoint.eu-west-1.amazonaws.com",
        "smsVoiceV2Endpoint": "sms-voice.eu-west-1.amazonaws.com",
    }
    assert shown["production"] is True
    text = run_cli("env", "show", "dev").stdout
    assert "  Pinpoint         https://pinpoint.eu-west-1.amazonaws.com" in text
    stored = tmp_path / "config" / "pinpoint-workbench" / "environments.json"
    assert json.loads(stored.read_text())["environments"][0]["name"] == "dev"

    assert run_cli("env", "add", "dev", "--region", "us-east-1").stderr == "error: an environment named 'dev' already exists\n"
    assert run_cli("env", "add", "x", "--region", "mars-1").status == 1
    assert run_cli("env", "show", "nope").stderr.startswith("error: no environment named 'nope'; known: sandbox, dev\nhint: ")

    removed = run_cli("env", "remove", "dev", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert removed.status == 0
    assert removed.stdout == "removed environment 'dev'\n"
    assert "could not delete the keyring entry" in removed.stderr
    assert run_cli("env", "list", "--json").json["environments"][0]["name"] == "sandbox"


def test_region_without_pinpoint_is_noted(run_cli):
    result = run_cli("env", "add", "gulf", "--region", "me-south-1")
    assert result.status == 0
    assert "note: not offered in me-south-1: Pinpoint, SMS and Voice v1" in result.stderr
    assert "  Pinpoint         not offered in this region" in run_cli("env", "show", "gulf").stdout


def test_config_dir_override(run_cli, tmp_path):
    target = tmp_path / "elsewhere"
    assert run_cli("env", "add", "a", "--region", "us-east-1", env={"PINPOINT_WORKBENCH_CONFIG_DIR": str(target)}).status == 0
    assert (target / "environments.json").exists()


def test_corrupted_file_cli_still_starts(run_cli, tmp_path):
    run_cli("env", "add", "keep-me", "--region", "us-east-1")
    path = tmp_path / "config" / "pinpoint-workbench" / "environments.json"
    document = json.loads(path.read_text())
    document["environments"].append({"name": "broken", "region": 42})
    path.write_text(json.dumps(document))
    result = run_cli("env", "list")
    assert result.status == 0
    assert "keep-me" in result.stdout
    assert result.stderr.startswith(f"warning: problems in {path}:\n")
    assert "$.environments[1].region" in result.stderr and "(environment 'broken' skipped; kept in the file unchanged)" in result.stderr
    assert "the original file is kept as " in result.stderr
    assert "the original file is kept as " in result.stderr

    path.write_text("{ not json")
    result = run_cli("env", "list")
    assert result.status == 0
    assert "\n  invalid JSON at line 1, column 3: Expecting property name enclosed in double quotes" in result.stderr


def test_a_damaged_entry_survives_saving_other_environments(run_cli, tmp_path):
    run_cli("env", "add", "keep-me", "--region", "us-east-1")
    path = tmp_path / "config" / "pinpoint-workbench" / "environments.json"
    document = json.loads(path.read_text())
    damaged = {"name": "broken", "region": 42, "variables": {"projectId": "p-1"}, "colour": "#123456"}
    document["environments"].append(damaged)
    path.write_text(json.dumps(document))

    listing = run_cli("env", "list")
    assert "  $.environments[1].region: expected a string such as us-east-1, found a number: 42" in listing.stderr

    changed = run_cli("env", "set", "keep-me", "projectId=abc")
    assert changed.status == 0, changed.stderr
    saved = json.loads(path.read_text())["environments"]
    assert damaged in saved  # kept as it was, not dropped by the save
    assert [e["variables"] for e in saved if e["name"] == "keep-me"] == [{"projectId": "abc"}]
    again = run_cli("env", "list", "--json").json
    assert [e["name"] for e in again["environments"]] == ["sandbox", "keep-me"]
    assert any(p["path"].endswith("$.environments[1].region") for p in again["problems"])
    assert "(environment 'broken' skipped; kept in the file unchanged)" in run_cli("env", "list").stderr


def test_no_secret_in_argv(run_cli):
    from workbench.cli import build_parser

    def subparser(parser, *names):
        for name in names:
            action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
            parser = action.choices[name]
        return parser

    options = {o for a in subparser(build_parser(), "credentials", "set")._actions for o in a.option_strings}
    assert options == {"-h", "--help", "--access-key-id", "--session-token-stdin", "--json"}
    result = run_cli("credentials", "set", "dev", "--access-key-id", CANARY_KEY_ID, "--secret-access-key", "x")
    assert result.status == 2
    assert "unrecognized arguments: --secret-access-key" in result.stderr


def test_credentials_without_keyring_refuse_and_explain(run_cli, no_keyring_env):
    run_cli("env", "add", "dev", "--region", "us-east-1")
    result = run_cli("credentials", "set", "dev", "--access-key-id", CANARY_KEY_ID,
                     stdin=CANARY_SECRET + "\n", env=no_keyring_env)
    assert result.status == 1
    assert result.stderr.startswith("error: The OS keyring is not usable: no keyring backend is available")
    assert "--profile PROFILE" in result.stderr


def test_credentials_test_for_profile_and_process(run_cli, tmp_path):
    config = tmp_path / "awsconfig"
    config.write_text("[profile dev]\naws_access_key_id = AKIASTATICEXAMPLE001\naws_secret_access_key = s\n")
    # hosts on a closed loopback port: the check's GetApps gets no answer, offline and fast
    closed = ["--host", "pinpoint=127.0.0.1:9", "--host", "pinpoint-sms-voice-v2=127.0.0.1:9"]
    run_cli("env", "add", "prof", "--region", "us-east-1", "--profile", "dev", *closed, env={"AWS_CONFIG_FILE": str(config)})
    result = run_cli("credentials", "test", "prof", env={"AWS_CONFIG_FILE": str(config)})
    assert result.stdout.splitlines() == [
        "prof: AKIA************E001 from profile dev",
        "pinpoint:GetApps at 127.0.0.1:9 (us-east-1): no response",
    ]
    assert result.status == 6 and "Connection refused" in result.stderr  # no response: 6, as for send
    missing = run_cli("credentials", "test", "prof", env={"AWS_CONFIG_FILE": str(tmp_path / "none")})
    assert missing.status == 1
    assert missing.stderr.startswith("error: AWS profile 'dev' cannot be used: no such profile in ")
    run_cli("env", "add", "ci", "--region", "us-east-1", "--from-process-env", *closed)
    result = run_cli("credentials", "test", "ci", "--json",
                     env={"AWS_ACCESS_KEY_ID": CANARY_KEY_ID, "AWS_SECRET_ACCESS_KEY": CANARY_SECRET})
    data = result.json
    check = data.pop("check")
    assert data == {"access_key_id": "AKIA************E001", "environment": "ci", "region": "us-east-1",
                           "session_token": False, "source": "process environment"}
    assert check["ok"] is False and check["operation"] == "pinpoint:GetApps" and check["status"] is None
    assert CANARY_SECRET not in result.stdout
    set_on_profile = run_cli("credentials", "set", "prof", "--access-key-id", "AKIAX", stdin="s\n")
    assert "only keyring environments store an access key" in set_on_profile.stderr


def test_sandbox_credentials_test(run_cli):
    result = run_cli("credentials", "test", "sandbox")
    assert result.status == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "sandbox: AKIA************LE01 from sandbox"
    assert re.fullmatch(r"pinpoint:GetApps at 127\.0\.0\.1:\d+ \(us-east-1\): HTTP 200 - credentials work", lines[1])


@pytest.mark.keyring
def test_canary_never_reaches_a_file(run_cli, tmp_path, keyring_env, secret_service):
    outputs = []

    def cli(*argv, **kw):
        result = run_cli(*argv, env=keyring_env, **kw)
        outputs.append(result)
        return result

    assert cli("env", "add", "dev", "--region", "us-east-1", "--var", "projectId=p1", "--host", "pinpoint=127.0.0.1:9").status == 0
    result = cli("credentials", "set", "dev", "--access-key-id", CANARY_KEY_ID, "--session-token-stdin",
                 stdin=f"{CANARY_SECRET}\n{CANARY_TOKEN}\n")
    assert result.status == 0, result.stderr
    assert result.stdout == "stored AKIA************E001 with a session token for 'dev' in the keyring\n"

    tested = cli("credentials", "test", "dev", "--json")
    assert tested.json["source"] == "keyring" and tested.json["session_token"] is True

    # a Postman export with the canary: imported, then the input file is deleted
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    export = inbox / "canary.postman_environment.json"
    data = json.loads((DATA / "tutorial-us-east-1.postman_environment.json").read_text())
    for item in data["values"]:
        if item["key"] == "secretAccessKey":
            item["value"] = CANARY_SECRET
        if item["key"] == "accessKey":
            item["value"] = CANARY_KEY_ID
    export.write_text(json.dumps(data))
    imported = cli("env", "import", str(export), "--name", "tutorial")
    assert imported.status == 0, imported.stderr
    assert imported.stdout == "imported environment 'tutorial' (us-east-1) and its access key to the keyring\n"
    shutil.rmtree(inbox)

    from workbench.core.environments.credentials import KeyringCredentialStore

    store = KeyringCredentialStore.from_environ(keyring_env)
    assert store.get("tutorial").secret_access_key == CANARY_SECRET
    assert store.get("dev").session_token == CANARY_TOKEN

    listed = cli("env", "list").stdout.splitlines()
    assert "dev       us-east-1       OS keyring: stored (AKIA************E001 + session token)" in listed
    assert cli("env", "list", "--json").json["environments"][1]["credentials"] == {
        "source": "OS keyring", "state": "stored", "usable": True, "detail": "AKIA************E001 + session token"}
    assert "  credentials  OS keyring: stored (AKIA************E001 + session token)" in cli("env", "show", "dev").stdout
    cli("env", "show", "tutorial", "--json")
    assert cli("env", "remove", "tutorial").stdout == "removed environment 'tutorial' and its keyring entry\n"
    assert KeyringCredentialStore.from_environ(keyring_env).get("tutorial") is None
    assert cli("credentials", "clear", "dev").stdout == "deleted the keyring entry of 'dev'\n"

    needles = (CANARY_SECRET, CANARY_TOKEN)
    assert (tmp_path / "config" / "pinpoint-workbench" / "environments.json").exists()
    assert scan(tmp_path, needles) == []
    assert scan(secret_service.data_dir, needles) == []  # the keyring's own files are encrypted
    for result in outputs:
        for needle in needles:
            assert needle not in result.stdout and needle not in result.stderr


@pytest.mark.keyring
def test_import_with_keyring(run_cli, keyring_env):
    result = run_cli("env", "import", str(DATA / "tutorial-us-east-1.postman_environment.json"), "--json", env=keyring_env)
    assert result.status == 0, result.stderr
    assert result.json["name"] == "Amazon Pinpoint - US East (N. Virginia)"
    assert result.json["credentials_stored"] is True
    assert any(note.startswith("serviceName (mobiletargeting): ignored") for note in result.json["notes"])  # --json: notes in the answer
    again = run_cli("env", "import", str(DATA / "tutorial-us-east-1.postman_environment.json"), env=keyring_env)
    assert again.stderr.startswith("error: an environment named 'Amazon Pinpoint - US East (N. Virginia)' already exists")
    run_cli("credentials", "clear", "Amazon Pinpoint - US East (N. Virginia)", env=keyring_env)


def test_import_without_keyring_writes_nothing(run_cli, tmp_path, no_keyring_env):
    result = run_cli("env", "import", str(DATA / "tutorial-us-east-1.postman_environment.json"), env=no_keyring_env)
    assert result.status == 1
    assert "The OS keyring is not usable" in result.stderr
    assert not (tmp_path / "config" / "pinpoint-workbench" / "environments.json").exists()
    skipped = run_cli("env", "import", str(DATA / "tutorial-us-east-1.postman_environment.json"), "--skip-secrets",
                      env=no_keyring_env)
    assert skipped.status == 0
    assert "note: --skip-secrets: the access key was not imported" in skipped.stderr


def test_regions_command(run_cli):
    rows = run_cli("env", "regions", "--json").json
    assert [r["region"] for r in rows[:6]] == ["us-east-1", "us-west-2", "ap-south-1", "ap-southeast-2",
                                               "eu-central-1", "eu-west-1"]
    gulf = next(r for r in rows if r["region"] == "me-south-1")
    assert gulf["missing_apis"] == ["pinpoint", "pinpoint-sms-voice"]


def test_what_cannot_be_an_access_key_id_is_refused_before_the_secret_is_asked(run_cli, keyring_env):
    run_cli("env", "add", "dev", "--region", "us-east-1", env=keyring_env)
    refused = run_cli("credentials", "set", "dev", "--access-key-id", "notakey", stdin=CANARY_SECRET + "\n", env=keyring_env)
    assert refused.status == 1
    assert refused.stderr == ("error: not an access key ID (7 characters): an access key ID is 16 to 128 upper-case "
                              "letters and digits, such as AKIAIOSFODNN7EXAMPLE\n")
    pasted = run_cli("credentials", "set", "dev", "--access-key-id", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                     stdin=CANARY_SECRET + "\n", env=keyring_env)
    assert "looks like a secret access key" in pasted.stderr and "wJalr" not in pasted.stderr
    assert refused.stdout == pasted.stdout == ""  # nothing stored
    for example in ("AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE", "AKIDEXAMPLEHIST0001"):
        stored = run_cli("credentials", "set", "dev", "--access-key-id", example, stdin="s\n", env=keyring_env)
        assert stored.status == 0, stored.stderr


@pytest.mark.parametrize("argv, message", [
    (("--colour", "notacolour"), "error: environment x: colour: not a colour: 'notacolour'; a colour is #RRGGBB"),
    (("--colour", "#12345"), "error: environment x: colour: not a colour: '#12345'"),
    (("--ca-bundle", "/nonexistent.pem"),
     "error: environment x: ca_bundle: cannot use the CA bundle /nonexistent.pem: No such file or directory"),
    (("--ca-bundle", "{not_pem}"), "error: environment x: ca_bundle: cannot use the CA bundle {not_pem}: no PEM certificates in it"),
])
def test_a_bad_colour_or_ca_bundle_is_refused_when_the_environment_is_added(run_cli, tmp_path, argv, message):
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("just some text\n")
    argv = tuple(a.format(not_pem=not_pem) for a in argv)
    result = run_cli("env", "add", "x", "--region", "us-east-1", *argv)
    assert result.status == 1
    assert result.stderr.startswith(message.format(not_pem=not_pem)), result.stderr
    assert "x" not in run_cli("env", "list").stdout.split()


def test_good_colours_are_accepted(run_cli):
    for name, colour in (("a", "#C62828"), ("b", "teal"), ("c", "DarkSlateGray")):
        assert run_cli("env", "add", name, "--region", "us-east-1", "--colour", colour).status == 0
