"""Secret variables: every secret value of a Postman import goes to the keyring (never to
environments.json) and every output masks it. Canary values, a real Secret Service."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.helpers.fault_server import FaultServer, http_response, json_ok

from workbench.core.environments.postman_env import parse_postman_environment
from workbench.core.environments.secret_variables import MASK, is_secret_name, mask_variables, redact, secret_values

CANARY_KEY_ID = "AKIACANARYEXAMPLE002"


def postman_export(values: list[tuple[str, str, str]]) -> str:
    return json.dumps(
        {
            "name": "canary",
            "values": [{"key": k, "value": v, "type": t, "enabled": True} for k, v, t in values],
            "_postman_variable_scope": "environment",
        }
    )


def canaries() -> dict[str, str]:
    return {name: f"Canary{name}{uuid.uuid4().hex}" for name in ("secretAccessKey", "apiSecret", "password", "x-api-key", "clientToken")}


def test_secret_names_and_masking():
    assert all(map(is_secret_name, ["apiSecret", "password", "x-api-key", "API_KEY", "sessionToken", "Authorization", "db_passwd"]))
    assert not any(map(is_secret_name, ["projectId", "endpoint", "campaignName", "applicationId", "author"]))
    assert mask_variables({"projectId": "p1", "apiKey": "k" * 20}) == {"projectId": "p1", "apiKey": MASK}
    assert mask_variables({"custom": "abcd"}, declared=["custom"]) == {"custom": MASK}
    value = 'pa"ss/wörd+1'
    text = f'raw {value} json {json.dumps(value)[1:-1]} url pa%22ss%2Fw%C3%B6rd%2B1 other'
    assert redact(text, secret_values({"password": value})) == f"raw {MASK} json {MASK} url {MASK} other"


def test_postman_secret_typed_and_secret_named_values_are_split_off():
    values = canaries()
    result = parse_postman_environment(postman_export([
        ("region", "us-east-1", "default"),
        ("apiSecret", values["apiSecret"], "secret"),
        ("password", values["password"], "default"),  # secret by its name, whatever its type
        ("x-api-key", values["x-api-key"], "secret"),
        ("campaign", values["clientToken"], "secret"),  # secret by its type
        ("projectId", "p1", "default"),
    ]))
    env = result.environment
    assert env.variables == {"projectId": "p1"}
    assert env.secret_variables == ("apiSecret", "campaign", "password", "x-api-key")
    assert result.secret_values["campaign"] == values["clientToken"]
    saved = json.dumps(env.to_dict())
    assert not any(value in saved for value in values.values())
    assert "apiSecret, campaign, password, x-api-key: secret; the value goes to the OS keyring, never to the environments file" in result.notes


def test_secret_values_without_keyring_are_refused_and_nothing_is_written(run_cli, tmp_path, no_keyring_env):
    values = canaries()
    export = tmp_path / "env.json"
    export.write_text(postman_export([("region", "us-east-1", "default"), ("apiSecret", values["apiSecret"], "secret")]))
    result = run_cli("env", "import", str(export), env=no_keyring_env)
    assert result.status == 1
    assert result.stderr.startswith("error: The OS keyring is not usable")
    assert "use an AWS profile instead" in result.stderr
    assert not (tmp_path / "config" / "pinpoint-workbench" / "environments.json").exists()
    added = run_cli("env", "add", "dev", "--region", "us-east-1", "--var", f"apiSecret={values['apiSecret']}", env=no_keyring_env)
    assert added.status == 1 and "The OS keyring is not usable" in added.stderr
    assert values["apiSecret"] not in added.stdout + added.stderr
    assert not (tmp_path / "config" / "pinpoint-workbench" / "environments.json").exists()


@pytest.mark.keyring
def test_canary_secret_variables_reach_no_file_and_no_output(run_cli, tmp_path, keyring_env):
    values = canaries()
    outputs = []

    def cli(*argv, **kw):
        result = run_cli(*argv, env=keyring_env, **kw)
        outputs.append(result)
        return result

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    export = inbox / "canary.postman_environment.json"
    export.write_text(postman_export([
        ("region", "us-east-1", "default"),
        ("accessKey", CANARY_KEY_ID, "secret"),
        ("secretAccessKey", values["secretAccessKey"], "secret"),
        ("apiSecret", values["apiSecret"], "secret"),
        ("password", values["password"], "default"),
        ("x-api-key", values["x-api-key"], "secret"),
        ("projectId", "p1", "default"),
    ]))
    imported = cli("env", "import", str(export), "--json")
    assert imported.status == 0, imported.stderr
    export.unlink()

    saved = (tmp_path / "config" / "pinpoint-workbench" / "environments.json").read_text()
    assert json.loads(saved)["environments"][0]["secret_variables"] == ["apiSecret", "password", "x-api-key"]

    from workbench.core.environments.credentials import KeyringCredentialStore
    from workbench.core.environments.secret_variables import SecretVariableStore

    stored = SecretVariableStore(KeyringCredentialStore.from_environ(keyring_env)).get("canary")
    assert stored == {k: values[k] for k in ("apiSecret", "password", "x-api-key")}

    shown = cli("env", "show", "canary")
    assert f"var apiSecret = {MASK} (secret, in the OS keyring)" in shown.stdout
    cli("env", "show", "canary", "--json")
    cli("env", "list", "--json")
    cli("env", "list")

    # the secret values render where the templates use them, and are masked in what is shown
    body = '{"Name": "{{ apiSecret }}", "Pw": "{{ password }}"}'
    sent = cli("raw", "POST", "https://{{ endpoint }}/v1/apps", "--signing-name", "mobiletargeting", "--env", "canary",
               "-H", "X-Api-Key: {{ apiSecret }}", "--body", "-", "--dry-run", "--inspect", stdin=body)
    assert sent.status == 0, sent.stderr
    assert f"x-api-key:{MASK}" in sent.stdout
    as_json = cli("raw", "POST", "https://{{ endpoint }}/v1/apps", "--signing-name", "mobiletargeting", "--env", "canary",
                  "-H", "X-Api-Key: {{ apiSecret }}", "--body", "-", "--dry-run", "--inspect", "--json", stdin=body)
    assert as_json.status == 0, as_json.stderr
    assert MASK in as_json.stdout
    rendered = cli("render", "CreateApp", "--var", f"apiKey={values['x-api-key']}", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com",
                   "--body", "-", stdin='{"CreateApplicationRequest": {"Name": "{{ apiKey }}"}}')
    assert rendered.status == 0 and MASK in rendered.stdout

    # a real send (to a loopback test server) is kept in the history: masked there too
    with FaultServer(json_ok) as server:
        real = cli("raw", "POST", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "canary",
                   "-H", "X-Api-Key: {{ apiSecret }}", "--var", f"token={values['clientToken']}", "--allow-any-host",
                   "--body", "-", stdin='{"Name": "{{ password }}", "T": "{{ token }}"}')
        assert real.status == 0, real.stderr
        assert server.requests[0].header("X-Api-Key") == values["apiSecret"]  # the secret did go to the server
    # a secret-named value saved from a response joins the keyring entry; the globals file takes none
    served_token = f"ServedToken{uuid.uuid4().hex}"  # the server's own secret: kept in the history's copy of its answer

    def token_answer(conn, request, server):
        body = json.dumps({"Token": served_token}).encode()
        conn.sendall(http_response(200, "OK", body, [("Content-Type", "application/json")]))

    with FaultServer(token_answer) as server:
        saved = cli("raw", "GET", server.url("/v1/token"), "--signing-name", "mobiletargeting", "--env", "canary",
                    "--allow-any-host", "--save", "apiToken=Token", "--save-global", "sessionToken=Token")
    assert saved.status == 0, saved.stderr
    stored = SecretVariableStore(KeyringCredentialStore.from_environ(keyring_env)).get("canary")
    assert stored["apiToken"] == served_token
    globals_entry = SecretVariableStore(KeyringCredentialStore.from_environ(keyring_env)).get(".globals")
    assert globals_entry["sessionToken"] == served_token  # a secret global: in the globals' keyring entry
    assert served_token not in saved.stdout + saved.stderr
    for name in ("environments.json", "globals.json"):
        assert not [p for p in tmp_path.rglob(name) if served_token in p.read_text()]

    history = cli("history", "list", "--json")
    assert history.status == 0 and values["apiSecret"] not in history.stdout
    assert list((tmp_path / "data").rglob("history*"))

    # env set: a secret-named value joins the others in the keyring; a plain one stays in the file
    set_result = cli("env", "set", "canary", f"clientToken={values['clientToken']}", "campaignId=c1", "--json")
    assert set_result.status == 0, set_result.stderr
    assert set_result.json["variables"] == {"campaignId": "c1", "projectId": "p1"}
    assert SecretVariableStore(KeyringCredentialStore.from_environ(keyring_env)).get("canary")["clientToken"] == values["clientToken"]
    assert cli("env", "set", "sandbox", f"apiKey={values['clientToken']}").status == 1

    assert cli("env", "remove", "canary").status == 0
    assert SecretVariableStore(KeyringCredentialStore.from_environ(keyring_env)).get("canary") == {}

    for result in outputs:
        for value in values.values():
            assert value not in result.stdout and value not in result.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [v for v in values.values() if v.encode() in data], path
