"""`raw` and `send` through the command line, in-process, against a loopback server that
records what arrived: what reaches the wire, the body kept with --output, bad options."""

from __future__ import annotations

import json
import os

import pytest

from workbench.core.environments.credentials import CredentialSource
from workbench.core.environments.model import Environment, EnvironmentStore

try:
    from tests.helpers import fault_server as fs
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


@pytest.mark.parametrize("port", ["99999", "65536"])
def test_a_port_out_of_range_is_a_clear_error(run_cli, loopback, port):
    url = f"http://127.0.0.1:{port}/x"
    result = run_cli("raw", "GET", url, "--signing-name", "mobiletargeting", "--env", "lo", "--allow-any-host", env=KEYS)
    assert result.status == 1
    assert result.stderr == f"error: url host: port {port} is out of range (1-65535)\n"  # caught when rendering, before signing


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf"])
@pytest.mark.parametrize("flag", ["--read-timeout", "--connect-timeout", "--deadline"])
def test_bad_timeouts_are_a_clear_error_not_a_network_failure(loopback, flag, value):
    result = loopback.raw("GET", "/x", flag, value)
    assert result.status == 1
    name = flag.strip("-").replace("-", " ")
    assert result.stderr.startswith(f"error: The {name} must be a number of seconds above 0")
    assert "Unexpected failure" not in result.stderr and "reset" not in result.stderr
    as_json = loopback.raw("GET", "/x", flag, value, "--json")
    strict = json.loads(as_json.stdout, parse_constant=lambda name: pytest.fail(f"not JSON: {name}"))
    assert as_json.status == 1 and strict["error"]["code"] == "invalid_timeout"  # valid JSON, even for nan
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


# ----------------------------------------------------------------------------- real networks through the CLI


NAME = "api.workbench.test"
PROXY_PASSWORD = "canary-proxy-secret-42"


@pytest.fixture
def corporate(run_cli, tmp_path):
    """An https server whose certificate a private CA signed, reachable only through a CONNECT
    proxy that wants credentials; an environment `corp` trusting that CA."""
    try:
        from tests.helpers.connect_proxy import ConnectProxy
        from tests.helpers.throwaway_ca import ThrowawayCa
    except ImportError:
        from connect_proxy import ConnectProxy
        from throwaway_ca import ThrowawayCa

    ca = ThrowawayCa(tmp_path)
    with fs.FaultServer(fs.json_ok, tls=ca.server_context(NAME)) as server:
        authority = f"{NAME}:{server.port}"
        with ConnectProxy({authority: ("127.0.0.1", server.port)}, user="me", password=PROXY_PASSWORD) as proxy:
            added = run_cli("env", "add", "corp", "--region", "us-east-1", "--host", f"pinpoint={authority}",
                            "--ca-bundle", ca.bundle, "--from-process-env")
            assert added.status == 0, added.stderr
            yield server, proxy, {**KEYS, "HTTPS_PROXY": proxy.url("me", PROXY_PASSWORD)}


def test_send_through_a_corporate_proxy_with_the_environments_ca_bundle(run_cli, corporate):
    server, proxy, environ = corporate
    result = run_cli("send", "GetApps", "--env", "corp", "--allow-any-host", "--json", env=environ)
    assert result.status == 0, result.stderr
    assert result.json["status"] == 200
    assert proxy.seen[0][:2] == ("CONNECT", f"{NAME}:{server.port}")
    assert server.requests[0].target == "/v1/apps" and server.requests[0].header("Authorization")
    assert PROXY_PASSWORD not in result.stdout + result.stderr


def test_a_wrong_proxy_password_is_reported_without_it(run_cli, corporate):
    server, proxy, environ = corporate
    environ = {**environ, "HTTPS_PROXY": proxy.url("me", "wrong-" + PROXY_PASSWORD)}
    result = run_cli("send", "GetApps", "--env", "corp", "--allow-any-host", env=environ)
    assert result.status == 6
    assert f"through proxy 127.0.0.1:{proxy.port}: it refused the proxy credentials (407)" in result.stderr
    assert PROXY_PASSWORD not in result.stdout + result.stderr and server.requests == []


def test_the_proxy_variables_of_the_process_are_used(run_cli, corporate):
    """As a user runs it: HTTPS_PROXY exported in the shell, a separate process."""
    import subprocess
    import sys
    from pathlib import Path

    server, proxy, environ = corporate
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from workbench.cli import main; sys.exit(main())",
         "send", "GetApps", "--env", "corp", "--allow-any-host"],
        env={**os.environ, **environ}, capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("HTTP 200 OK")
    assert [seen[0] for seen in proxy.seen] == ["CONNECT"]
    assert PROXY_PASSWORD not in done.stdout + done.stderr


# ----------------------------------------------------------------------------- raw: the URL as signed is the URL as sent


def _signature_from_what_arrived(server, arrived) -> str:
    """Recompute the signature as AWS does, from the request line and headers that arrived
    (the sandbox verifier's rule, checked against the AWS SigV4 test suite: the query is
    decoded and encoded again, never taken as the client spelled it)."""
    from workbench.core.environments.credentials import Credentials
    from workbench.core.sandbox.verify import ArrivedRequest, expected_signature

    request = ArrivedRequest(arrived.method, arrived.target, tuple(arrived.headers), arrived.body)
    signed = arrived.header("Authorization").split("SignedHeaders=", 1)[1].split(",", 1)[0].split(";")
    credentials = Credentials(KEYS["AWS_ACCESS_KEY_ID"], KEYS["AWS_SECRET_ACCESS_KEY"])
    return expected_signature(request, credentials, signed, "us-east-1", "mobiletargeting",
                              arrived.header("X-Amz-Date")).signature


@pytest.mark.parametrize(("pasted", "on_the_wire"), [
    ("/v1/apps/ü x", "/v1/apps/%C3%BC%20x"),
    ("/v1/apps?token=abc/def+ghi==", "/v1/apps?token=abc/def+ghi=="),
    ("/v1/apps/a%2Fb?q=%C3%BC+x&flag&page-size=5", "/v1/apps/a%2Fb?q=%C3%BC+x&flag&page-size=5"),
    ('/v1/"apps"/ü?q=a b', "/v1/%22apps%22/%C3%BC?q=a%20b"),
])
def test_raw_sends_the_url_exactly_as_signed(loopback, pasted, on_the_wire):
    result = loopback.raw("GET", pasted, "--json", "--inspect")
    assert result.status == 0, result.stderr
    arrived = loopback.requests[0]
    assert arrived.target == on_the_wire
    assert result.json["inspection"]["url"] == f"http://{loopback.host}{on_the_wire}"
    assert arrived.header("Authorization").endswith("Signature=" + _signature_from_what_arrived(loopback, arrived))


def test_raw_query_variables_are_encoded_inside_a_pasted_query(loopback):
    result = loopback.raw("GET", "/v1/apps?token={{ t }}&keep=a+b", "--var", "t=x+y/z ü")
    assert result.status == 0, result.stderr
    assert loopback.requests[0].target == "/v1/apps?token=x%2By%2Fz%20%C3%BC&keep=a+b"


def test_the_sandbox_front_accepts_the_signature_of_an_encoded_path_and_a_pasted_query(run_cli):
    """The sandbox's front recomputes SigV4 from the request line, as AWS does."""
    assert run_cli("sandbox", "start").status == 0
    try:
        path = run_cli("raw", "GET", "https://{{ endpoint }}/v1/apps/ü x", "--signing-name", "mobiletargeting",
                       "--json", "--inspect")
        query = run_cli("raw", "GET", "https://{{ endpoint }}/v1/apps?token=abc/def+ghi==", "--signing-name",
                        "mobiletargeting", "--json")
    finally:
        assert run_cli("sandbox", "stop").status == 0
    assert path.status == 4, path.stderr
    assert path.json["body"] == {"__type": "NotFoundException", "message": "Application not found"}  # signature accepted
    assert path.json["inspection"]["url"].endswith("/v1/apps/%C3%BC%20x")
    assert query.status == 0 and query.json["body"] == {"Item": []}
