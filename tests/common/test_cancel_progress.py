"""Cancel reaches every blocking step before the network: a credential_process that hangs,
a keyring that does not answer. From a worker thread, cancel returns promptly with a typed
Cancelled naming the phase, and progress arrives in order."""

import sys
import threading

from tests.helpers import fault_server
import pytest

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.environments.credentials import CredentialSource, fetch_credentials
from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import Environment
from workbench.core.send.plan import build_plan, run_plan

HANG = """import os, sys, time
while not os.path.exists(sys.argv[1]):
    time.sleep(0.05)
print('{"Version": 1, "AccessKeyId": "AKIDEXAMPLELATE0001", "SecretAccessKey": "late-EXAMPLE"}')
"""


def _run_in_worker(work):
    outcome = {}

    def target():
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=target)
    worker.start()
    return worker, outcome


def test_a_hanging_credential_process_is_cancelled_in_the_credentials_phase(tmp_path):
    script = tmp_path / "hang.py"
    script.write_text(HANG)
    release = tmp_path / "release"
    config = tmp_path / "config"
    config.write_text(f"[profile stuck]\ncredential_process = {sys.executable} {script} {release}\n")
    environ = {"AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"), "HOME": str(tmp_path)}
    env = Environment("stuck", "us-east-1", credential_source=CredentialSource("profile", "stuck"))
    plan = build_plan(RequestDraft(operation="GetApps"), env)
    cancel, in_credentials, seen = CancelToken(), threading.Event(), []

    def progress(report):
        seen.append(report.phase)
        if report.phase == "credentials":
            in_credentials.set()

    worker, outcome = _run_in_worker(lambda: run_plan(plan, environ=environ, cancel=cancel, progress=progress))
    try:
        assert in_credentials.wait(30)
        cancel.cancel()
        worker.join(30)  # a bound against a hang, not a timing assertion
        assert not worker.is_alive()
    finally:
        release.touch()  # let the helper process end
    assert isinstance(outcome.get("error"), Cancelled)
    assert outcome["error"].fields["phase"] == "credentials" and outcome["error"].code == "cancelled"
    assert seen == ["credentials"]  # nothing after the cancel


class _SilentKeyring:
    """A credential store whose keyring never answers (a locked Secret Service prompt)."""

    def __init__(self):
        self.asked = threading.Event()
        self.answer = threading.Event()

    def get(self, name):
        self.asked.set()
        self.answer.wait(60)
        return None


def test_a_keyring_that_does_not_answer_is_cancelled_in_the_keyring_phase():
    store = _SilentKeyring()
    cancel = CancelToken()
    env = Environment("dev", "us-east-1")
    worker, outcome = _run_in_worker(lambda: fetch_credentials(env, {}, store=store, cancel=cancel))
    try:
        assert store.asked.wait(30)
        cancel.cancel()
        worker.join(30)
        assert not worker.is_alive()
    finally:
        store.answer.set()
    assert isinstance(outcome["error"], Cancelled) and outcome["error"].fields["phase"] == "keyring"


def test_without_cancel_the_profile_resolves_as_before(tmp_path):
    script = tmp_path / "ok.py"
    script.write_text('print(\'{"Version": 1, "AccessKeyId": "AKIDEXAMPLEPROC0001", "SecretAccessKey": "proc-EXAMPLE"}\')')
    config = tmp_path / "config"
    config.write_text(f"[profile proc]\ncredential_process = {sys.executable} {script}\n")
    environ = {"AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"), "HOME": str(tmp_path)}
    env = Environment("proc", "us-east-1", credential_source=CredentialSource("profile", "proc"))
    creds = fetch_credentials(env, environ, cancel=CancelToken())
    assert creds.access_key_id == "AKIDEXAMPLEPROC0001"


@pytest.mark.parametrize("behaviour, phase", [(fault_server.stall, "waiting"), (fault_server.stall_mid_body, "downloading")])
def test_a_stalled_server_is_cancelled_through_run_plan_naming_the_phase(behaviour, phase):
    from workbench.core.environments.model import sandbox_environment

    with fault_server.FaultServer(behaviour) as server:
        env = sandbox_environment(server.url().rstrip("/"))
        plan = build_plan(RequestDraft(operation="GetApps"), env)
        cancel, reached, seen = CancelToken(), threading.Event(), []

        def progress(report):
            seen.append(report.phase)
            if report.phase == phase:
                reached.set()

        worker, outcome = _run_in_worker(lambda: run_plan(plan, environ={}, cancel=cancel, progress=progress))
        assert reached.wait(30)
        cancel.cancel()
        worker.join(30)
        assert not worker.is_alive()
    assert isinstance(outcome.get("error"), Cancelled), outcome
    assert outcome["error"].fields["phase"] == phase
    assert seen[0] == "credentials" and "done" not in seen
