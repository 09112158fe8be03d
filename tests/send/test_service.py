"""The send service: one path for every front end, against a real sandbox. What it does
around a send (history, saves, secrets, diagnoses) is what every front end shows."""

from __future__ import annotations

import pytest

from workbench.core.common.cancel import CancelToken, Cancelled
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox.server import SandboxServer
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


@pytest.fixture
def service(sandbox, tmp_path):
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: sandbox.url)
    yield SendService(workspace)
    workspace.close()


def history(service):
    with service.workspace.using("history") as store:
        return store.list(50)


def test_a_send_is_answered_recorded_and_diagnosed_as_nothing_wrong(service):
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"))
    assert outcome.error is None and outcome.sent
    assert outcome.exchange.response.status == 200
    assert outcome.diagnoses == ()
    [entry] = history(service)
    assert (entry.id, entry.operation, entry.status) == (outcome.history_id, "pinpoint:GetApps", 200)


def test_a_saved_value_is_kept_in_the_environment_for_the_next_send(service):
    created = service.send("sandbox", RequestDraft(operation="pinpoint:CreateApp", body='{"Name": "svc"}',
                                                   saves=(("projectId", "ApplicationResponse.Id"),)))
    project = created.saved.values["projectId"]
    with service.workspace.using("environments") as store:
        assert store.get("sandbox").variables["projectId"] == project
    fetched = service.send("sandbox", RequestDraft(operation="pinpoint:GetApp"))
    assert fetched.exchange.response.json()["Id"] == project


def test_with_keep_saves_off_the_values_come_back_and_nothing_is_written(service):
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:CreateApp", body='{"Name": "run"}',
                                                   saves=(("appId", "ApplicationResponse.Id"),)), keep_saves=False)
    assert outcome.saved.values["appId"]
    with service.workspace.using("environments") as store:
        assert "appId" not in store.get("sandbox").variables


def test_a_secret_named_global_is_refused_with_a_warning_and_never_written(service, tmp_path):
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:CreateApp", body='{"Name": "tok"}'),
                           global_saves=(("apiToken", "ApplicationResponse.Id"),))
    assert outcome.saved_globally.values == {}
    assert any("apiToken not saved in the globals" in w for w in outcome.warnings)
    globals_file = tmp_path / "config" / "pinpoint-workbench" / "globals.json"
    assert not globals_file.exists() or "apiToken" not in globals_file.read_text()


def test_what_stops_a_planned_send_comes_back_with_its_diagnosis_and_nothing_is_recorded(service):
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApp", variables=(("unused", "x"),)))
    assert outcome.exchange is None and outcome.error.code == "missing_variable"
    assert outcome.error.remedy == "set_variable:projectId"
    assert outcome.diagnoses, "a missing variable is explained"
    assert history(service) == []


def test_the_front_end_sees_the_plan_before_anything_is_signed(service):
    seen = []
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"), on_plan=lambda plan: seen.append(plan))
    assert seen == [outcome.plan] and seen[0].request.method == "GET"


def test_a_dry_run_signs_without_sending_or_recording(service):
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"), dry_run=True)
    assert outcome.exchange is not None and not outcome.sent
    assert outcome.exchange.inspection.canonical_request.startswith("GET\n/v1/apps")
    assert history(service) == []


def test_a_cancelled_send_raises_cancelled(service):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"), cancel=token)
    assert history(service) == []


def test_a_session_fetches_its_credentials_once_and_hides_their_secret_key(service):
    from workbench.core.environments.credentials import SANDBOX_CREDENTIALS

    phases = []
    with service.open("sandbox") as session:
        first = session.send(RequestDraft(operation="pinpoint:GetApps"), progress=phases.append)
        second = session.send(RequestDraft(operation="pinpoint:GetApps"), progress=phases.append)
    assert first.sent and second.sent
    assert [p.phase for p in phases].count("credentials") == 1  # fetched once per session, not per send
    assert SANDBOX_CREDENTIALS.secret_access_key in second.hidden
    assert first.exchange.signature and first.exchange.signature in first.hidden  # what was sent, a server may echo


def test_credentials_kept_for_the_session_sign_and_their_token_is_hidden(service):
    from workbench.core.environments.credentials import Credentials

    service.workspace.session_credentials.set("sandbox", Credentials("AKIAIOSFODNN7EXAMPLE", "kept-secret-CANARY",
                                                                     "kept-token-CANARY"))
    outcome = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"))
    assert outcome.exchange.response.status == 403  # the sandbox does not know that key: signed with it all the same
    assert outcome.exchange.inspection.session_token_used
    assert {"kept-secret-CANARY", "kept-token-CANARY"} <= outcome.hidden


def test_compare_in_sends_both_sides_through_the_service_and_each_send_is_recorded(service):
    from workbench.core.send.compare import compare_in

    comparison = compare_in(service, RequestDraft(operation="pinpoint:GetApps"), "sandbox", "sandbox")
    assert comparison.status.left == comparison.status.right == "200 OK"
    assert [e.operation for e in history(service)] == ["pinpoint:GetApps"] * 2


def test_compare_in_names_the_side_that_could_not_be_sent(service):
    from workbench.core.common.errors import WorkbenchError
    from workbench.core.send.compare import compare_in

    with pytest.raises(WorkbenchError) as refused:
        compare_in(service, RequestDraft(operation="pinpoint:GetApp"), "sandbox", "sandbox")
    assert str(refused.value).startswith("sandbox: ") and "projectId" in str(refused.value)


def test_a_run_is_one_session_its_saves_stay_in_the_run_and_every_step_is_recorded(service):
    from workbench.core.request.drafts import Assertion
    from workbench.core.send.runner import RunStep, run_steps

    steps = [RunStep((), RequestDraft(name="create", operation="pinpoint:CreateApp", body='{"Name": "run"}',
                                      saves=(("projectId", "Id"),))),
             RunStep((), RequestDraft(name="get", operation="pinpoint:GetApp", assertions=(Assertion("equals", "Name", "run"),)))]
    with service.open("sandbox") as session:
        report = run_steps("run", steps, session)
    assert report.ok, report.to_dict()
    assert [e.operation for e in history(service)] == ["pinpoint:GetApp", "pinpoint:CreateApp"]
    with service.workspace.using("environments") as store:
        assert "projectId" not in store.get("sandbox").variables  # a run's saves are the run's
