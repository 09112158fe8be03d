"""Reproduction bundles: what they carry, that nothing secret is inside (canary), replay."""

from __future__ import annotations

import json

import botocore

from workbench.core.environments.credentials import Credentials
from workbench.core.request.drafts import RequestDraft
from workbench.core.interop.bundle import bundle_from_exchange, bundle_from_outcome
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace

CANARY_SECRET = "CANARYsecretKEY" + "z" * 25
CANARY_TOKEN = "CANARYsessionTOKEN/+=" + "q" * 30


def outcome_with(sandbox, draft, credentials, tmp_path):
    """A send of `draft` in the sandbox through the send service, signed with `credentials`."""
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    url = f"{sandbox.scheme}://{sandbox.host_overrides['pinpoint']}"
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: url)
    try:
        return SendService(workspace).send("sandbox", draft, credentials=credentials)
    finally:
        workspace.close()


def test_a_bundle_holds_no_secret_even_when_the_send_fails(sandbox, tmp_path):
    draft = RequestDraft(name="GetApps", operation="pinpoint:GetApps", variables=(("echo", CANARY_SECRET),),
                         headers=(("X-Echo", CANARY_TOKEN),))
    credentials = Credentials("AKIDCANARYEXAMPLE", CANARY_SECRET, CANARY_TOKEN)
    outcome = outcome_with(sandbox, draft, credentials, tmp_path)
    assert outcome.exchange.response.status == 403  # the sandbox does not know this key
    bundle = bundle_from_outcome(outcome)
    text = json.dumps(bundle)
    for secret in (CANARY_SECRET, CANARY_TOKEN, "AKIDCANARYEXAMPLE"):
        assert secret not in text
    assert "Signature=<redacted>" in json.dumps(bundle["inspection"])
    assert bundle["environment"] == {"name": "sandbox", "region": "us-east-1", "account": "12******9012", "sandbox": True}
    assert bundle["versions"]["botocore"] == botocore.__version__ and bundle["versions"]["app"]
    assert bundle["response"]["status"] == 403 and bundle["operation"] == "pinpoint:GetApps"
    assert bundle["request"]["method"] == "GET" and bundle["request"]["url"].endswith("/v1/apps")


def test_a_bundle_of_a_plan_and_its_exchange_masks_the_credentials_it_is_given(sandbox, tmp_path):
    credentials = Credentials("AKIDCANARYEXAMPLE", CANARY_SECRET, CANARY_TOKEN)
    draft = RequestDraft(name="GetApps", operation="pinpoint:GetApps", headers=(("X-Echo", CANARY_TOKEN),))
    outcome = outcome_with(sandbox, draft, credentials, tmp_path)
    bundle = bundle_from_exchange(outcome.plan, outcome.exchange, credentials)  # no outcome: its own diagnosis
    text = json.dumps(bundle)
    assert CANARY_SECRET not in text and CANARY_TOKEN not in text and bundle["diagnosis"]


def test_bundle_create_then_open_replays_in_another_environment(run_cli, tmp_path):
    out = tmp_path / "bundle.json"
    created = run_cli("bundle", "create", "CreateApp", "--body", "-", "--out", str(out), stdin='{"Name": "bundled"}')
    assert created.status == 0, created.stderr
    data = json.loads(out.read_text())
    assert data["draft"]["operation"] == "pinpoint:CreateApp" and data["response"]["status"] == 201
    assert data["response"]["body"]["Name"] == "bundled"
    opened = run_cli("bundle", "open", str(out), "--replay", "--json")
    assert opened.status == 0, opened.stderr
    assert opened.json["replay"]["same_status"] and opened.json["replay"]["body"]["Name"] == "bundled"


def test_a_history_entry_bundles_too(run_cli, tmp_path):
    started = run_cli("sandbox", "start")
    try:
        assert run_cli("send", "GetApps").status == 0
        entries = run_cli("history", "list", "--json").json
        entry_id = (entries["entries"] if isinstance(entries, dict) else entries)[0]["id"]
        out = tmp_path / "h.json"
        result = run_cli("bundle", "create", "--history", str(entry_id), "--out", str(out))
        assert result.status == 0, result.stderr
        data = json.loads(out.read_text())
        assert data["history_id"] == entry_id and data["response"]["status"] == 200
        from workbench.core.environments.credentials import SANDBOX_CREDENTIALS

        assert SANDBOX_CREDENTIALS.access_key_id not in out.read_text()
        assert SANDBOX_CREDENTIALS.secret_access_key not in out.read_text()
    finally:
        run_cli("sandbox", "stop")
    assert started.status == 0


def test_opening_something_else_says_what_it_is(run_cli, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"info": {}}')
    result = run_cli("bundle", "open", str(path))
    assert result.status == 1 and "not a reproduction bundle" in result.stderr


def test_the_bundle_carries_the_diagnosis_of_the_send(sandbox, tmp_path):
    credentials = Credentials("AKIDCANARYEXAMPLE", CANARY_SECRET)
    outcome = outcome_with(sandbox, RequestDraft(name="GetApps", operation="pinpoint:GetApps"), credentials, tmp_path)
    bundle = bundle_from_outcome(outcome)
    assert bundle["diagnosis"] == [d.to_dict() for d in outcome.diagnoses] and bundle["diagnosis"]
    assert CANARY_SECRET not in json.dumps(bundle)


def test_a_history_bundle_carries_the_diagnosis(sandbox, tmp_path):
    from workbench.core.send.history import HistoryStore
    from workbench.core.interop.bundle import bundle_from_history

    plan = build_plan(RequestDraft(name="GetApps", operation="pinpoint:GetApps"), sandbox)
    exchange = run_plan(plan, credentials=Credentials("AKIDCANARYEXAMPLE", CANARY_SECRET), environ={})
    with HistoryStore(tmp_path / "history.sqlite3") as history:
        bundle = bundle_from_history(history.get(history.record(plan, exchange)))
    assert bundle["response"]["status"] == 403 and bundle["diagnosis"]
    assert CANARY_SECRET not in json.dumps(bundle)


def test_bundle_create_says_what_send_says_about_the_request(run_cli, tmp_path):
    def placeholder_lines(result) -> list[str]:
        return [line for line in result.stderr.splitlines() if "<Name>" in line]

    created = run_cli("bundle", "create", "CreateApp", "--env", "sandbox", "--out", str(tmp_path / "placeholder.json"))
    assert created.status == 0, created.stderr
    sent = run_cli("send", "CreateApp", "--env", "sandbox")
    assert placeholder_lines(sent)  # send says the minimal body still holds "<Name>"
    assert placeholder_lines(created) == placeholder_lines(sent)


def test_a_bundle_of_a_send_without_response_says_why(run_cli, tmp_path):
    import os
    import socket

    from workbench.core.environments.credentials import CredentialSource
    from workbench.core.environments.model import Environment, EnvironmentStore

    with socket.create_server(("127.0.0.1", 0)) as probe:
        closed = probe.getsockname()[1]  # nothing listens there once closed
    EnvironmentStore.at_default_location(dict(os.environ)).add(
        Environment("dead", "us-east-1", host_overrides={"pinpoint": f"127.0.0.1:{closed}"}, credential_source=CredentialSource("process")))
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": CANARY_SECRET}
    out = tmp_path / "dead.json"
    created = run_cli("bundle", "create", "GetApps", "--env", "dead", "--out", str(out), env=keys)
    assert created.status == 0, created.stderr
    assert "GetApps, no response: " in created.stdout and "refused" in created.stdout.lower()
    assert "HTTP none" not in created.stdout
    opened = run_cli("bundle", "open", str(out))
    assert ": no response: " in opened.stdout and "HTTP None" not in opened.stdout
