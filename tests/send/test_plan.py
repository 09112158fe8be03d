"""The send plan: one entry point for every front end (the CLI, the window, the runner)."""

import threading

import pytest

from workbench.core.environments.credentials import Credentials, CredentialSource
from workbench.core.environments.destination import UntrustedDestination
from workbench.core.request.drafts import AwsV4Auth, RequestDraft
from workbench.core.environments.model import Environment, sandbox_environment
from workbench.core.library.templates import default_library
from workbench.core.send.plan import ConfirmationRequired, DraftNotPlannable, build_plan, run_plan
from workbench.core.common.progress import Progress
from workbench.core.send.send_flow import prepare

KEYS = Credentials("AKIDEXAMPLEPLAN0001", "plan-secret-EXAMPLE", source="test")
PROD = Environment("prod", "us-east-1", production=True, credential_source=CredentialSource("process"))
DEV = Environment("dev", "eu-west-1", variables={"projectId": "p1"})


def test_a_linked_draft_plans_exactly_like_its_template():
    template = default_library().find("GetApp")
    plan = build_plan(RequestDraft(operation="pinpoint:GetApp"), DEV)
    expected = prepare(template, DEV, {}, template.body_text())
    assert plan.ready and plan.request == expected.rendered.request
    assert plan.request.url == "https://pinpoint.eu-west-1.amazonaws.com/v1/apps/p1"
    assert (plan.operation, plan.signing_name, plan.region, plan.key) == ("GetApp", "mobiletargeting", "eu-west-1", "pinpoint:GetApp")
    assert plan.destination is None and not plan.needs_confirmation


def test_a_missing_variable_is_in_the_plan_not_raised():
    plan = build_plan(RequestDraft(operation="GetApp"), Environment("dev", "eu-west-1"))
    assert not plan.ready and plan.request is None
    assert plan.error.code == "missing_variable" and plan.error.remedy == "set_variable:projectId"
    assert plan.to_dict()["error"]["fields"]["variables"] == ["projectId"]
    with pytest.raises(type(plan.error)):
        run_plan(plan, credentials=KEYS, environ={})


def test_variant_values_then_draft_variables_and_problems():
    draft = RequestDraft(operation="CreateApp", body='{"Name": 7}')
    plan = build_plan(draft, DEV)
    assert [p.path for p in plan.problems] == ["$.Name"]
    assert plan.to_dict()["problems"][0]["message"].startswith("expected string")


def test_notes_end_of_support_placeholders_and_not_served_by_the_sandbox():
    eos = build_plan(RequestDraft(operation="GetCampaigns"), DEV)
    assert {n.kind for n in eos.notes} == {"end_of_support"}
    placeholders = build_plan(RequestDraft(operation="CreateApp"), DEV)
    assert placeholders.notes == ()  # a placeholder is a problem, said once
    assert [(p.path, p.message) for p in placeholders.problems] == [("$.Name", 'placeholder left in $.Name: "<Name>"')]
    assert '"<' not in str(eos.notes)
    sandbox = sandbox_environment("http://127.0.0.1:9")
    unserved = build_plan(RequestDraft(operation="GetCampaigns"), sandbox)  # past end of support
    assert {n.kind for n in unserved.notes} == {"end_of_support", "not_in_sandbox"}
    for operation in ("GetApps", "pinpoint-sms-voice-v2:DescribeAccountAttributes"):
        assert build_plan(RequestDraft(operation=operation), sandbox).notes == ()


def test_production_destructive_needs_confirmation_reads_do_not():
    delete = build_plan(RequestDraft(operation="DeleteApp", variables=(("projectId", "abc"),)), PROD)
    assert delete.needs_confirmation
    with pytest.raises(ConfirmationRequired) as excinfo:
        run_plan(delete, credentials=KEYS, environ={})
    assert excinfo.value.remedy == "confirm" and excinfo.value.fields == {"operation": "DeleteApp", "environment": "prod"}
    assert not run_plan(delete, credentials=KEYS, environ={}, dry_run=True).sent
    assert not build_plan(RequestDraft(operation="GetApps"), PROD).needs_confirmation
    raw_post = build_plan(RequestDraft(method="POST", url="https://{{ endpoint }}/v1/apps", auth=AwsV4Auth("mobiletargeting")), PROD)
    assert raw_post.needs_confirmation


def test_a_raw_draft_keeps_its_own_scheme_and_is_judged_by_its_destination():
    draft = RequestDraft(method="get", url="https://collector.example.net/v1/apps?x={{ projectId }}",
                         auth=AwsV4Auth(signing_name="mobiletargeting", region="{{ where }}"),
                         variables=(("where", "us-west-2"),))
    plan = build_plan(draft, DEV)
    assert plan.request.url == "https://collector.example.net/v1/apps?x=p1"
    assert (plan.operation, plan.signing_name, plan.region) == ("GET request", "mobiletargeting", "us-west-2")
    assert isinstance(plan.destination, UntrustedDestination) and plan.to_dict()["destination"]["trusted"] is False
    with pytest.raises(UntrustedDestination):
        run_plan(plan, credentials=KEYS, environ={}, dry_run=True)
    signed = run_plan(plan, credentials=KEYS, environ={}, dry_run=True, allow_any_host=True)
    assert signed.inspection.region == "us-west-2" and "collector.example.net" in signed.inspection.url


def test_a_raw_draft_without_a_signing_name_is_refused_with_its_place():
    with pytest.raises(DraftNotPlannable) as excinfo:
        build_plan(RequestDraft(method="GET", url="https://x.example/"), DEV)
    assert excinfo.value.fields["place"] == "auth.signing_name"
    assert str(excinfo.value) == "raw request: a raw request needs a signing name (mobiletargeting, sms-voice, ses...)"


def test_from_a_worker_thread_sandbox_start_then_send_report_progress_in_order(tmp_path):
    from workbench.core.common.progress import PHASES
    from workbench.core.sandbox.background import stop_background

    environ = {"PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
               "XDG_RUNTIME_DIR": str(tmp_path / "runtime"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    seen: list[Progress] = []
    result = {}

    def work():
        from workbench.core.send.service import SendService
        from workbench.core.send.workspace import Workspace

        workspace = Workspace.from_environ(environ)
        outcome = SendService(workspace).send("sandbox", RequestDraft(operation="GetApps"), progress=seen.append)
        workspace.close()
        result["plan"], result["exchange"] = outcome.plan, outcome.exchange

    worker = threading.Thread(target=work)
    worker.start()
    try:
        worker.join()
    finally:
        stop_background(environ)
    exchange = result["exchange"]
    assert exchange.response.status == 200 and exchange.operation == "pinpoint:GetApps"
    assert [n.kind for n in result["plan"].notes] == ["sandbox_started"]
    phases = [p.phase for p in seen]
    assert phases[:3] == ["sandbox", "sandbox", "credentials"] and phases[-1] == "done"
    network = phases[3:]  # then the transport's phases, in their order
    assert "waiting" in network and [PHASES.index(p) for p in network] == sorted(PHASES.index(p) for p in network)
