"""Canary: a secret key, a session token and the signature never reach output, logs or files."""

from __future__ import annotations

import logging
import os
import re
import tempfile
import uuid
from pathlib import Path

from tests.helpers.fault_server import FaultServer, json_ok

from workbench.core.environments.credentials import CredentialSource  # noqa: E402
from workbench.core.environments.model import Environment, EnvironmentStore  # noqa: E402


def _files_under(root: Path):
    for path in root.rglob("*"):
        if path.is_file():
            yield path


def test_canary_secret_token_and_signature_are_nowhere(run_cli, tmp_path):
    secret = f"CANARYsecret{uuid.uuid4().hex}"
    token = f"CANARYtoken{uuid.uuid4().hex}"
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token}
    temp_before = set(os.listdir(tempfile.gettempdir()))

    # a debug log file, as a user chasing a problem might turn on
    log_file = tmp_path / "debug.log"
    handler = logging.FileHandler(log_file)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    outputs = []
    try:
        with FaultServer(json_ok) as server:
            EnvironmentStore.at_default_location(dict(os.environ)).add(
                Environment("canary", "us-east-1", host_overrides={"pinpoint": server.host}, credential_source=CredentialSource("process"))
            )
            runs = [
                ("send", "GetApps", "--env", "canary", "--dry-run", "--inspect"),
                ("send", "CreateApp", "--env", "canary", "--variant", "ex-002", "--dry-run", "--json"),
                ("raw", "POST", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "canary",
                 "--allow-any-host", "--inspect", "--body", "-"),
                ("raw", "GET", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "canary",
                 "--allow-any-host", "--inspect", "--json"),
            ]
            for argv in runs:
                result = run_cli(*argv, env=keys, stdin='{"Name": "canary"}')
                assert result.status == 0, result.stderr
                outputs += [result.stdout, result.stderr]
            sent = server.requests
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)

    # the requests that really went out were signed with the token
    assert len(sent) == 2
    assert all(r.header("X-Amz-Security-Token") == token for r in sent)
    signatures = [re.search(r"Signature=([0-9a-f]{64})", r.header("Authorization")).group(1) for r in sent]

    needles = [secret, token, *signatures]
    for text in outputs:
        for needle in needles:
            assert needle not in text
    assert "<redacted>" in "".join(outputs)

    written = list(_files_under(tmp_path))
    new_temp = set(os.listdir(tempfile.gettempdir())) - temp_before
    for name in new_temp:
        path = Path(tempfile.gettempdir()) / name
        written += list(_files_under(path)) if path.is_dir() else [path]
    assert any(p.name == "environments.json" for p in written)
    for path in written:
        data = path.read_bytes()
        for needle in needles:
            assert needle.encode() not in data, f"{needle[:12]}... found in {path}"
