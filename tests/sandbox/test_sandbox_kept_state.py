"""The background sandbox keeps its state: started by the first send, it stays up; what it
stores survives `sandbox stop` and restarts; `sandbox reset` empties it; a slow start can be
cancelled; it inherits no credentials or proxies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sandbox_helpers import make_client

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.sandbox.background import ensure_running, read_status, stop_background


@pytest.fixture
def isolated(run_cli):  # run_cli isolates HOME and the XDG dirs for this test
    yield run_cli
    stop_background()


def test_first_send_starts_a_sandbox_that_stays_up_and_keeps_its_state(isolated, tmp_path):
    seen = []
    status = ensure_running(progress=seen.append)
    assert not status.already_running
    assert [p.phase for p in seen] == ["sandbox", "sandbox"]
    assert seen[-1].detail == f"sandbox running at {status.url}"
    app_id = make_client(status.url).create_app(
        CreateApplicationRequest={"Name": "kept"})["ApplicationResponse"]["Id"]

    again = ensure_running()  # the next send reuses it
    assert again.already_running and again.url == status.url

    kept = tmp_path / "data" / "pinpoint-workbench" / "sandbox"
    assert isolated("sandbox", "status", "--json").json["data_dir"] == str(kept)
    assert isolated("sandbox", "stop").status == 0
    assert kept.is_dir()
    restarted = ensure_running()
    assert restarted.record.pid != status.record.pid
    app = make_client(restarted.url).get_app(ApplicationId=app_id)["ApplicationResponse"]
    assert app["Name"] == "kept"

    reset = isolated("sandbox", "reset")
    assert reset.status == 0 and "Emptied the sandbox's state" in reset.stdout
    after = read_status()
    assert after.running
    assert make_client(after.url).get_apps()["ApplicationsResponse"].get("Item", []) == []


def test_a_slow_start_can_be_cancelled(isolated):
    token = CancelToken()

    def cancel_once_starting(progress):
        if progress.detail == "starting the local sandbox":
            token.cancel()

    with pytest.raises(Cancelled) as caught:
        ensure_running(cancel=token, progress=cancel_once_starting)
    assert caught.value.fields["phase"] == "sandbox"
    assert not read_status().running


def test_the_sandbox_process_inherits_no_credentials_or_proxies(isolated, monkeypatch):
    canary = "CANARYsecretDoNotLeak0123456789abcdefABCD"
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", canary)
    monkeypatch.setenv("AWS_PROFILE", "production")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    monkeypatch.setenv("no_proxy", "example.com")
    status = ensure_running()
    environ = Path(f"/proc/{status.record.pid}/environ").read_bytes().split(b"\0")
    names = {entry.split(b"=", 1)[0].decode() for entry in environ if entry}
    assert not [name for name in names if name.startswith("AWS_") or "proxy" in name.lower()]
    assert canary.encode() not in b"\0".join(environ)
    assert "PATH" in names
    assert os.environ["AWS_SECRET_ACCESS_KEY"] == canary  # ours is untouched
