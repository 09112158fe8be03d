"""A server that echoes secrets (issue 22, item 4): the session token it was sent, a secret
variable of the body, the secret key it happens to know. Live output, `raw --json`,
`history replay`, `history show` and `bundle create --history` mask every one of them, and
no file keeps them: the send service hides what its credentials and variables hold."""

from __future__ import annotations

import json
import uuid

from tests.helpers.echo_server import echo_server

SECRET = f"CANARYsecretKEY{uuid.uuid4().hex}"
TOKEN = f"CANARYsessionTOKEN{uuid.uuid4().hex}"
VARIABLE = f"CANARYvariable{uuid.uuid4().hex}"
KEYS = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": SECRET, "AWS_SESSION_TOKEN": TOKEN}
NEEDLES = (SECRET, TOKEN, VARIABLE)


def test_echoed_secrets_are_masked_in_every_output_and_kept_nowhere(run_cli, tmp_path):
    assert run_cli("env", "add", "echo", "--region", "us-east-1", "--from-process-env").status == 0
    outputs = []

    def cli(*argv, stdin=""):
        result = run_cli(*argv, stdin=stdin, env=KEYS)
        outputs.append(result.stdout + result.stderr)
        return result

    with echo_server({"Note": f"signed with {SECRET}"}) as server:  # a server that knows the key, and says it
        raw = cli("raw", "POST", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "echo",
                  "--allow-any-host", "--var", f"apiSecret={VARIABLE}", "--body", "-", stdin='{"s": "{{ apiSecret }}"}')
        as_json = cli("raw", "GET", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "echo",
                      "--allow-any-host", "--json")
        entry = cli("history", "list", "--json").json[0]["id"]
        replay = cli("history", "replay", str(entry), "--allow-any-host")
        sent = server.requests
    assert raw.status == as_json.status == replay.status == 0, raw.stderr + as_json.stderr + replay.stderr
    assert [r.header("X-Amz-Security-Token") for r in sent] == [TOKEN] * 3  # what went out held the token ...
    assert VARIABLE in sent[0].body.decode()  # ... and the variable
    echoed = json.loads(raw.stdout[raw.stdout.index("{"):])
    assert echoed["headers"]["X-Amz-Security-Token"] == "********" and echoed["body"] == '{"s": "********"}'
    assert echoed["Note"] == "signed with ********"
    assert as_json.json["headers"]["X-Echo-Token"] == "********"

    for entry_id in (e["id"] for e in cli("history", "list", "--json").json):
        shown = cli("history", "show", str(entry_id))
        assert shown.status == 0 and "X-Amz-Security-Token" in shown.stdout  # the echo is there, masked
        bundle = tmp_path / f"bundle-{entry_id}.json"
        assert cli("bundle", "create", "--history", str(entry_id), "--out", str(bundle)).status == 0

    for text in outputs:
        for needle in NEEDLES:
            assert needle not in text
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.startswith("history.sqlite3") for p in written) and len(list(tmp_path.glob("bundle-*.json"))) == 3
    for path in written:
        for needle in NEEDLES:
            assert needle.encode() not in path.read_bytes(), f"{needle[:20]}... in {path}"
