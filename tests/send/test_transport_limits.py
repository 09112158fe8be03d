"""What an answer may cost: decoding (size, ratio, the deadline) and disk (spooled bodies).
Issue 22: a 1 MiB gzip answer that inflates to 1 GiB took 13 GB of memory and did not end;
an endless answer filled the disk. Real loopback servers; no network."""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbench.core.request.http import HttpRequest
from workbench.core.send.transport import (
    DeadlineExceeded, InvalidLimit, ResponseTooLarge, SendOptions, send,
)
from workbench.core.send.transport.options import MIB

from tests.helpers import fault_server as fs

REPO = Path(__file__).resolve().parents[2]


def serve(behaviour):
    return fs.FaultServer(behaviour)


def test_a_gzip_bomb_stops_at_the_ratio_limit_after_little_work(tmp_path):
    with serve(fs.gzip_bomb(1024)) as server:
        with pytest.raises(ResponseTooLarge) as info:
            send(HttpRequest("GET", server.url("/")), SendOptions(spool_dir=str(tmp_path)))
    error = info.value
    assert error.code == "response_too_large" and error.remedy == "raise_limit:max_decode_ratio"
    assert error.to_dict()["fields"]["limit"] == "max_decode_ratio"
    assert str(error).startswith(f"The answer from {server.host} decodes to more than 200 times its size (gzip: ")
    assert str(error).endswith("like a compression bomb: stopped at the 200:1 decoding-ratio limit (nothing more was read)")
    assert os.listdir(tmp_path) == []


def test_without_a_ratio_limit_the_decoded_size_limit_stops_it():
    options = SendOptions(max_decode_ratio=None, max_decoded_body=8 * MIB)
    with serve(fs.gzip_bomb(1024)) as server:
        with pytest.raises(ResponseTooLarge) as info:
            send(HttpRequest("GET", server.url("/")), options)
    assert info.value.remedy == "raise_limit:max_decoded_body"
    assert "decodes to more than 8 MiB (gzip; " in str(info.value)
    assert str(info.value).endswith("stopped at the 8 MiB decoded-size limit (nothing more was read)")


def test_decoding_counts_against_the_deadline():
    """With both limits lifted, a 1 GiB bomb is still stopped by the deadline: the decoding
    happens inside the exchange, piece by piece."""
    options = SendOptions(max_decode_ratio=None, max_decoded_body=None, deadline=0.3)
    with serve(fs.gzip_bomb(1024)) as server:
        with pytest.raises(DeadlineExceeded) as info:
            send(HttpRequest("GET", server.url("/")), options)
    assert info.value.fields["doing"] == "still receiving the answer"


def test_a_body_within_the_limits_is_decoded_once_while_reading():
    document = {"Item": [{"Id": str(n), "Name": "app"} for n in range(20000)]}
    body = gzip.compress(json.dumps(document).encode())

    def answer(conn, request, server):
        conn.sendall(fs.http_response(200, "OK", body, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")]))

    with serve(answer) as server:
        response = send(HttpRequest("GET", server.url("/")))
    assert response.body == body and response.decoded is not None  # kept as received, decoded alongside
    assert response.json() == document
    assert response.body_note() == f"gzip-encoded body of {len(body)} bytes shown decoded ({len(response.decoded)} bytes)"


def test_an_endless_answer_stops_at_the_spool_limit_and_leaves_no_file(tmp_path):
    options = SendOptions(spool_dir=str(tmp_path), max_memory_body=64 * 1024, max_spooled_body=4 * MIB)
    with serve(fs.endless) as server:
        with pytest.raises(ResponseTooLarge) as info:
            send(HttpRequest("GET", server.url("/")), options)
    assert info.value.remedy == "raise_limit:max_spooled_body"
    assert str(info.value) == (f"The answer from {server.host} is larger than 4 MiB: "
                               "stopped at the 4 MiB size limit (nothing more was read)")
    assert os.listdir(tmp_path) == []


def test_no_spool_limit_when_the_user_asked_for_the_file(tmp_path):
    options = SendOptions(spool_dir=str(tmp_path), max_spooled_body=None)
    with serve(fs.big_body) as server:
        response = send(HttpRequest("GET", server.url("/")), options)
    assert response.size_bytes == fs.BIG_SIZE and os.path.getsize(response.body_path) == fs.BIG_SIZE
    response.discard()
    with serve(fs.big_body) as server, pytest.raises(ResponseTooLarge):
        send(HttpRequest("GET", server.url("/")), SendOptions(spool_dir=str(tmp_path), max_spooled_body=MIB))


def test_the_default_spool_limit_is_well_below_a_free_disk():
    assert SendOptions().max_spooled_body == 1024 * MIB


@pytest.mark.parametrize("field", ["max_decoded_body", "max_decode_ratio", "max_spooled_body", "max_memory_body"])
@pytest.mark.parametrize("value", [0, -1, "1", True])
def test_bad_limits_are_refused_before_sending(field, value):
    with pytest.raises(InvalidLimit):
        SendOptions(**{field: value})


def test_a_displayed_body_decodes_within_a_limit_too():
    """A body that comes back from somewhere else (the history) is decoded for display
    within a limit: the first part is shown, with a note."""
    from workbench.core.send.transport import Response
    from workbench.core.send.transport.decoding import DISPLAY_LIMIT

    bomb = gzip.compress(bytes(DISPLAY_LIMIT + MIB))
    response = Response(200, "OK", (("Content-Encoding", "gzip"),), bomb)
    assert len(response.decoded_body()) <= DISPLAY_LIMIT
    assert response.body_note().endswith(f"only its first {len(response.decoded_body())} bytes decoded are shown")


MEMORY_CAP = 1536 * MIB  # address space: python, botocore, the threads' stacks -- and not 1 GiB more

BOMB_UNDER_A_CAP = textwrap.dedent("""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), int(sys.argv[2])))
    from workbench.cli import main
    status = main(["raw", "GET", sys.argv[1], "--signing-name", "mobiletargeting", "--env", "local",
                   "--allow-any-host", "--json"])
    print("EXIT", int(status))
""")


def test_the_command_line_survives_a_gzip_bomb_under_a_memory_cap(tmp_path):
    environ = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
                   XDG_DATA_HOME=str(tmp_path / "data"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
                   AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY="not-a-real-secret-EXAMPLE",
                   MALLOC_ARENA_MAX="2")
    cli = [sys.executable, "-c", "from workbench.cli import entry_point; entry_point()"]
    added = subprocess.run(cli + ["env", "add", "local", "--region", "us-east-1", "--from-process-env"],
                           env=environ, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert added.returncode == 0, added.stderr
    with serve(fs.gzip_bomb(1024)) as server:
        done = subprocess.run([sys.executable, "-c", BOMB_UNDER_A_CAP, server.url("/v1/apps"), str(MEMORY_CAP)],
                              env=environ, capture_output=True, text=True, timeout=300, cwd=REPO)
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, done.stderr[-2000:]
    output, _, exit_line = done.stdout.rpartition("EXIT")
    assert exit_line.strip() == "6", done.stdout[-2000:]  # no response (README "Exit codes")
    assert json.loads(output)["error"]["code"] == "response_too_large"
