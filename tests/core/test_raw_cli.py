"""`raw` and `send` through the command line, in-process, against a loopback server that
records what arrived: what reaches the wire, the body kept with --output, bad options."""

from __future__ import annotations

import os

import pytest

from workbench.core.credentials import CredentialSource
from workbench.core.environments import Environment, EnvironmentStore

try:
    from tests.core import fault_server as fs
except ImportError:  # tests/ is not a package in this layout
    import fault_server as fs

KEYS = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "canary-secret-EXAMPLE-1234"}


@pytest.fixture
def loopback(run_cli, request):
    """A fault server and an environment `lo` whose pinpoint host is that server."""
    with fs.FaultServer(getattr(request, "param", fs.json_ok)) as server:
        env = Environment("lo", "us-east-1", host_overrides={"pinpoint": server.host},
                          credential_source=CredentialSource("process"))
        EnvironmentStore.at_default_location(dict(os.environ)).add(env)

        def raw(method, path, *args):
            return run_cli("raw", method, f"http://{server.host}{path}", "--signing-name", "mobiletargeting",
                           "--env", "lo", "--allow-any-host", *args, env=KEYS)

        server.raw = raw
        yield server


def test_a_space_in_the_method_never_reaches_the_wire(loopback):
    result = loopback.raw("GET /EVIL", "/x")
    assert result.status == 1
    assert result.stderr.startswith("error: 'GET /EVIL' is not an HTTP method")
    assert "Traceback" not in result.stderr and loopback.requests == []


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf"])
@pytest.mark.parametrize("flag", ["--read-timeout", "--connect-timeout", "--deadline"])
def test_bad_timeouts_are_a_clear_error_not_a_network_failure(loopback, flag, value):
    result = loopback.raw("GET", "/x", flag, value)
    assert result.status == 1
    name = flag.strip("-").replace("-", " ")
    assert result.stderr.startswith(f"error: The {name} must be a number of seconds above 0")
    assert "Unexpected failure" not in result.stderr and "reset" not in result.stderr
    assert loopback.requests == []


@pytest.mark.parametrize("loopback", [fs.big_body], indirect=True)
def test_output_keeps_the_whole_spooled_body_and_nothing_else_is_left(loopback, tmp_path, monkeypatch):
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    monkeypatch.setattr("tempfile.tempdir", None)  # re-read TMPDIR
    kept = tmp_path / "body.bin"
    result = loopback.raw("GET", "/big", "--output", str(kept))
    assert result.status == 0, result.stderr
    assert f"[body of {fs.BIG_SIZE} bytes, only the first part shown; all of it is written to {kept}]" in result.stdout
    assert kept.stat().st_size == fs.BIG_SIZE
    without = loopback.raw("GET", "/big")
    assert "only the first part shown; --output FILE keeps all of it]" in without.stdout
    assert "saved to" not in without.stdout
    assert os.listdir(spool) == []  # the spooled copies went when each command ended


@pytest.mark.parametrize("loopback", [fs.gzip_json], indirect=True)
def test_a_gzip_body_is_printed_decoded_with_a_note(loopback):
    result = loopback.raw("GET", "/v1/apps")
    assert result.status == 0, result.stderr
    assert '"Name": "gz"' in result.stdout
    assert "[gzip-encoded body of " in result.stdout
