"""Ctrl-C during a send: a real SIGINT to a real `pinpoint-workbench send` process.

The first Ctrl-C cancels the send through its CancelToken: the command reports the
cancel naming the phase (with --json, as a JSON error on stdout) and exits 1.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers.fault_server import FaultServer
from tests.helpers.throwaway_ca import ThrowawayCa

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}


@pytest.fixture
def hanging_env(run_cli, tmp_path):
    """An environment whose Pinpoint host takes the request (TLS and all) and never answers;
    yields the event set when a request has arrived."""
    arrived = threading.Event()

    def stall(conn, request, server):
        arrived.set()
        server.stopping.wait()

    ca = ThrowawayCa(tmp_path)
    with FaultServer(stall, tls=ca.server_context("127.0.0.1")) as server:
        added = run_cli("env", "add", "hang", "--region", "us-east-1", "--from-process-env",
                        "--host", f"pinpoint={server.host}", "--ca-bundle", ca.bundle)
        assert added.status == 0, added.stderr
        yield arrived


def interrupted_send(arrived: threading.Event, *extra: str) -> subprocess.CompletedProcess:
    """Send, and Ctrl-C once the command itself says it is waiting for the answer (its
    --progress line), not merely once the server has the request: the command may still be
    in its `sending` phase then, on a loaded machine."""
    child = subprocess.Popen(
        [sys.executable, "-c", "from workbench.cli import entry_point; entry_point()",
         "send", "GetApps", "--env", "hang", "--progress", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True,
        env={**os.environ, **KEYS, "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    try:
        said = []
        for line in child.stderr:
            said.append(line)
            if line.startswith("... waiting"):
                break
        assert said and said[-1].startswith("... waiting"), "".join(said)
        assert arrived.wait(timeout=60), "the request never reached the server"
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
        err = "".join(said) + err
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def test_ctrl_c_cancels_a_send_and_json_says_so(hanging_env):
    result = interrupted_send(hanging_env, "--json")
    assert result.returncode == 1, result.stderr
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "cancelled"
    assert error["fields"]["phase"] == "waiting"
    assert "Traceback" not in result.stderr


def test_ctrl_c_cancels_a_send_and_names_the_phase(hanging_env):
    result = interrupted_send(hanging_env)
    assert result.returncode == 1
    assert "was cancelled (waiting)" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_at_the_production_question_interrupts_at_once(tmp_path):
    """The question blocks in a read the cancel token cannot wake: Ctrl-C there stops the command."""
    import io

    from workbench.cli import main
    from workbench.cli.context import CliContext

    class Terminal(io.StringIO):
        def isatty(self):
            return True

        def readline(self, *args):
            os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C instead of answering
            return "y\n"

    environ = {"PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
               "HOME": str(tmp_path), **KEYS}
    out, err = io.StringIO(), io.StringIO()
    added = main(["env", "add", "prod", "--region", "us-east-1", "--from-process-env", "--production",
                  "--host", "pinpoint=127.0.0.1:9"], CliContext(out, err, io.StringIO(), environ))
    assert added == 0
    out, err = io.StringIO(), io.StringIO()
    status = main(["send", "DeleteApp", "--env", "prod", "--var", "projectId=p"], CliContext(out, err, Terminal(), environ))
    assert int(status) == 1
    assert err.getvalue().endswith("Send DeleteApp? [y/N] interrupted\n")
