"""The headless runner against the local sandbox: order, saved values, assertions, exit
status and JUnit XML."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import threading
import xml.etree.ElementTree as ET

import pytest

from tests.helpers.postman_shapes import official_shaped, write_json
from workbench.core.request.drafts import Assertion, RequestDraft
from workbench.core.interop.draft_files import write_tree
from workbench.core.send.runner import RunStep, run_steps
from workbench.core.environments.credentials import CredentialSource
from workbench.core.environments.model import Environment, EnvironmentStore
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace


def tutorial_flow(name: str, expect_name: str | None = None) -> list:
    return [
        ("request", RequestDraft(name="CreateApp", operation="pinpoint:CreateApp", body=json.dumps({"Name": name}),
                                 saves=(("projectId", "Id"),), assertions=(Assertion("status", expected=201),))),
        ("request", RequestDraft(name="GetApp", operation="pinpoint:GetApp",
                                 assertions=(Assertion("equals", "Name", expect_name or name), Assertion("exists", "Arn")))),
        ("request", RequestDraft(name="DeleteApp", operation="pinpoint:DeleteApp")),
    ]


def test_saved_values_flow_into_later_requests_and_junit_lists_every_case(run_cli, tmp_path):
    write_tree(tmp_path / "flow" / "Tutorial", tutorial_flow("runner-app"))
    junit = tmp_path / "out.xml"
    result = run_cli("run", str(tmp_path / "flow"), "--env", "sandbox", "--junit", str(junit), "--json")
    assert result.status == 0, result.stdout + result.stderr
    report = result.json
    assert [s["name"] for s in report["steps"]] == ["CreateApp", "GetApp", "DeleteApp"]
    assert [s["status"] for s in report["steps"]] == [201, 200, 200]
    assert report["steps"][0]["saved"]["projectId"]
    root = ET.parse(junit).getroot()
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "0"
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["CreateApp", "GetApp", "DeleteApp"]
    assert all(c.get("classname") == "flow.Tutorial" and float(c.get("time")) >= 0 for c in cases)
    assert not suite.findall(".//failure")


def test_a_failing_assertion_fails_the_run_with_its_message(run_cli, tmp_path):
    write_tree(tmp_path / "flow", tutorial_flow("actual-name", expect_name="other-name"))
    junit = tmp_path / "out.xml"
    result = run_cli("run", str(tmp_path / "flow"), "--junit", str(junit))
    assert result.status == 1
    assert 'Name: expected "other-name", got "actual-name"' in result.stdout
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite.get("failures") == "1"
    failure = suite.find("testcase[@name='GetApp']/failure")
    assert failure.get("message") == 'Name: expected "other-name", got "actual-name"'


def test_official_apps_folder_runs_against_the_sandbox(run_cli, tmp_path):
    source = write_json(tmp_path / "official.json", official_shaped("v2.1"))
    assert run_cli("import", "postman", str(source), "--into", str(tmp_path / "col")).status == 0
    result = run_cli("run", str(tmp_path / "col"), "--env", "sandbox", "--folder", "Apps", "--json")
    steps = result.json["steps"]
    assert [s["name"] for s in steps] == ["GetApp", "GetApps", "CreateApp", "DeleteApp"]
    # every request was signed and accepted by the sandbox's SigV4 front: the project id the
    # collection sets (12345678901234567890123456789012) does not exist there, so GetApp/DeleteApp get 404
    assert [s["status"] for s in steps] == [404, 200, 201, 404]
    assert result.status == 1 and result.json["failed"] == 2


@contextlib.contextmanager
def sandbox_session(url: str, tmp_path):
    """The send service's session of the sandbox environment, pointed at `url`."""
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: url)
    try:
        with SendService(workspace).open("sandbox") as session:
            yield session
    finally:
        workspace.close()


def sandbox_url(env) -> str:
    return f"{env.scheme}://{env.host_overrides['pinpoint']}"


def test_no_response_is_an_error_case_and_the_run_goes_on(tmp_path):
    steps = [RunStep((), RequestDraft(name="GetApps", operation="pinpoint:GetApps")),
             RunStep((), RequestDraft(name="again", operation="pinpoint:GetApps"))]
    with sandbox_session("http://127.0.0.1:9", tmp_path) as dead:  # nothing listens there
        report = run_steps("dead", steps, dead)
    assert [s.error is not None for s in report.steps] == [True, True]
    root = ET.fromstring(report.to_junit())
    assert root.find("testsuite").get("errors") == "2"
    assert root.find("testsuite/testcase/error").get("message").startswith("no response")


def test_run_of_a_missing_folder_names_the_folders(run_cli, tmp_path):
    write_tree(tmp_path / "flow" / "Tutorial", tutorial_flow("x"))
    result = run_cli("run", str(tmp_path / "flow"), "--folder", "Nope")
    assert result.status == 1 and "no such folder; folders: Tutorial" in result.stderr


def test_a_damaged_draft_file_stops_the_run_with_its_name(run_cli, tmp_path):
    write_tree(tmp_path / "flow", tutorial_flow("x"))
    (tmp_path / "flow" / "GetApp.request.json").write_text('{"name": "GetApp", "operation": ')
    result = run_cli("run", str(tmp_path / "flow"))
    assert result.status == 1
    assert "GetApp.request.json" in result.stderr and "invalid JSON" in result.stderr and "Traceback" not in result.stderr


def test_cancelling_a_run_stops_before_the_next_request(sandbox, tmp_path):
    from workbench.core.common.cancel import CancelToken

    cancel = CancelToken()
    steps = [RunStep((), RequestDraft(name=f"GetApps {i}", operation="pinpoint:GetApps")) for i in range(3)]
    seen = []

    def after(result):
        seen.append(result.name)
        cancel.cancel()  # as a window's Stop button would, after the first answer

    with sandbox_session(sandbox_url(sandbox), tmp_path) as session:
        report = run_steps("c", steps, session, cancel=cancel, on_step=after)
    assert seen == ["GetApps 0"] and report.cancelled and not report.ok


def test_a_run_sees_the_globals_saved_by_earlier_sends(run_cli, tmp_path):
    created = run_cli("send", "CreateApp", "--body", "-", "--save-global", "projectId=Id", stdin='{"Name": "global-app"}')
    assert created.status == 0, created.stderr
    write_tree(tmp_path / "flow", [("request", RequestDraft(name="GetApp", operation="pinpoint:GetApp",
                                                            assertions=(Assertion("equals", "Name", "global-app"),)))])
    result = run_cli("run", str(tmp_path / "flow"), "--json")
    assert result.status == 0, result.stdout + result.stderr


@contextlib.contextmanager
def interrupting_listener():
    """A loopback socket that accepts and never answers (the TLS handshake waits forever);
    once the client's first bytes are in, the user presses Ctrl-C. Yields its host:port."""
    listener = socket.create_server(("127.0.0.1", 0))
    done = threading.Event()

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(1)
            os.kill(os.getpid(), signal.SIGINT)
            done.wait()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{listener.getsockname()[1]}"
    finally:
        done.set()
        thread.join()
        listener.close()


@pytest.mark.parametrize("as_json", [True, False])
def test_ctrl_c_during_a_run_keeps_what_ran(run_cli, tmp_path, as_json):
    write_tree(tmp_path / "col" / "Apps", [("request", RequestDraft(name="GetApps", operation="pinpoint:GetApps")),
                                           ("request", RequestDraft(name="again", operation="pinpoint:GetApps"))])
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}
    junit = tmp_path / "hang.xml"
    with interrupting_listener() as host:
        EnvironmentStore.at_default_location(dict(os.environ)).add(
            Environment("hang", "us-east-1", host_overrides={"pinpoint": host}, credential_source=CredentialSource("process")))
        result = run_cli("run", str(tmp_path / "col"), "--env", "hang", "--folder", "Apps", "--junit", str(junit),
                         *(["--json"] if as_json else []), env=keys)
    assert result.status == 1
    if as_json:
        report = result.json
        assert report["cancelled"] and not report["ok"] and report["not_run"] == 1
        [step] = report["steps"]
        assert step["name"] == "GetApps" and step["cancelled"] == {"phase": "tls"}
    else:
        assert "STOP Apps/GetApps  cancelled (tls)" in result.stdout
        assert "interrupted: 1 of 2 requests not run" in result.stdout
        assert "1 requests, 0 failed, 1 without a response" in result.stdout
    suite = ET.parse(junit).getroot().find("testsuite")
    assert [c.get("name") for c in suite.findall("testcase")] == ["GetApps"]
    assert suite.find("testcase/error").get("type") == "Cancelled"
    assert suite.find("properties/property[@name='cancelled']").get("value") == "1 of 2 requests not run"
