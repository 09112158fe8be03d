"""`sandbox coverage` and `sandbox events`, through the command line."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import botocore.session
from sandbox_helpers import make_client

from workbench.core.library.templates import default_library
from workbench.core.sandbox.background import ensure_running, start_background, stop_background
from workbench.core.sandbox.store import EVENTS_FILE, sandbox_data_dir

ROOT = Path(__file__).resolve().parents[2]
US_SUCCESS = "+14254147755"


def test_coverage_serves_every_operation_that_is_not_past_its_end_of_support(run_cli):
    result = run_cli("sandbox", "coverage", "--json")
    assert result.status == 0
    report = result.json
    ended = {(t.api, t.operation) for t in default_library().templates
             if t.lifecycle_status.startswith("end-of-support")}
    session = botocore.session.get_session()
    for api, modes in report.items():
        assert set(modes) == {"stateful", "stateless", "refused"}
        listed = [name for names in modes.values() for name in names]
        assert sorted(listed) == sorted(session.get_service_model(api).operation_names)
        for name in modes["refused"]:
            assert (api, name) in ended, f"{api}:{name} is refused but still supported"
    v2 = report["pinpoint-sms-voice-v2"]
    assert {"SendTextMessage", "RequestPhoneNumber", "VerifyDestinationNumber"} <= \
        set(v2["stateful"])
    assert v2["refused"] == []
    assert {"SendMessages", "SendOTPMessage", "GetSmsChannel", "CreateApp"} <= \
        set(report["pinpoint"]["stateful"])
    assert "CreateCampaign" in report["pinpoint"]["refused"]

    text = run_cli("sandbox", "coverage").stdout
    assert (f"pinpoint-sms-voice-v2: {len(v2['stateful'])} stateful, "
            f"{len(v2['stateless'])} stateless, 0 refused") in text


def test_library_marks_follow_the_coverage(run_cli):
    from workbench.core.sandbox.emulation import emulated_operations

    served = emulated_operations()
    assert ("pinpoint-sms-voice-v2", "SendTextMessage") in served
    assert ("pinpoint", "CreateCampaign") not in served
    listing = run_cli("library", "list", "--api", "pinpoint-sms-voice-v2")
    line = next(l for l in listing.stdout.splitlines() if l.strip().startswith("SendTextMessage"))
    assert "[sandbox]" in line
    listing = run_cli("library", "list", "--api", "pinpoint")
    line = next(l for l in listing.stdout.splitlines() if l.strip().startswith("CreateCampaign "))
    assert "[sandbox]" not in line


def _send_to_simulator(url: str) -> str:
    sms = make_client(url, "pinpoint-sms-voice-v2")
    number = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL",
                                      NumberCapabilities=["SMS"], NumberType="SIMULATOR")
    return sms.send_text_message(DestinationPhoneNumber=US_SUCCESS, MessageBody="hi",
                                 OriginationIdentity=number["PhoneNumberId"])["MessageId"]


def test_events_lists_what_the_background_sandbox_sent(run_cli):
    empty = run_cli("sandbox", "events")
    assert empty.status == 0 and "event log is empty" in empty.stderr
    status = ensure_running()
    try:
        message_id = _send_to_simulator(status.url)
        as_json = run_cli("sandbox", "events", "--json")
        records = [json.loads(line) for line in as_json.stdout.splitlines()]
        assert [r["event"]["eventType"] for r in records] == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
        assert {r["event"]["messageId"] for r in records} == {message_id}
        text = run_cli("sandbox", "events")
        assert f"TEXT_DELIVERED +1" in text.stdout
        assert f"-> {US_SUCCESS} message {message_id}" in text.stdout
    finally:
        stop_background()


def test_events_follow_prints_records_as_they_arrive(run_cli):
    status = ensure_running()
    follower = subprocess.Popen(
        [sys.executable, "-c", "from workbench.cli import entry_point; entry_point()",
         "sandbox", "events", "--follow", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    try:
        message_id = _send_to_simulator(status.url)
        first = json.loads(follower.stdout.readline())
        assert first["event"]["messageId"] == message_id
        json.loads(follower.stdout.readline())  # its TEXT_DELIVERED
        assert run_cli("sandbox", "reset").status == 0  # a new, empty log
        after_reset = _send_to_simulator(ensure_running().url)
        assert json.loads(follower.stdout.readline())["event"]["messageId"] == after_reset
        follower.send_signal(signal.SIGINT)
        assert follower.wait(timeout=10) == 0
        assert "Traceback" not in follower.stderr.read()
    finally:
        if follower.poll() is None:
            follower.kill()
            follower.wait()
        follower.stdout.close()
        follower.stderr.close()
        stop_background()


def test_the_event_log_is_capped_and_a_follower_carries_on_across_rotations(run_cli):
    status = start_background(events_max_bytes=1500)  # about two records a file
    follower = subprocess.Popen(
        [sys.executable, "-c", "from workbench.cli import entry_point; entry_point()",
         "sandbox", "events", "--follow", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    lines: queue.Queue[str] = queue.Queue()  # a lost record fails the test, not hangs it
    reader = threading.Thread(target=lambda: [lines.put(line) for line in follower.stdout],
                              daemon=True)
    reader.start()
    try:
        followed = []
        for _ in range(3):  # two messages (four records) between reads: rotations between polls
            sent = {_send_to_simulator(status.url), _send_to_simulator(status.url)}
            batch = [json.loads(lines.get(timeout=30)) for _ in range(4)]
            assert {record["event"]["messageId"] for record in batch} == sent
            followed += batch
        assert [record["sequence"] for record in followed] == list(range(1, 13))
        follower.send_signal(signal.SIGINT)
        assert follower.wait(timeout=10) == 0
        assert "Traceback" not in follower.stderr.read()
        reader.join(timeout=10)  # its output read to the end
        assert lines.empty()  # nothing twice

        log = sandbox_data_dir() / EVENTS_FILE
        files = sorted(log.parent.glob(f"{EVENTS_FILE}*"))
        assert len(files) == 4 and all(file.stat().st_size <= 1500 for file in files)
        kept = [json.loads(line) for line in run_cli("sandbox", "events", "--json").stdout.splitlines()]
        assert [record["sequence"] for record in kept] == list(range(13 - len(kept), 13))
        assert len(kept) < 12  # the oldest were dropped

        stop_background()  # a restart carries on the numbering, past the rotated files
        status = start_background(events_max_bytes=1500)
        _send_to_simulator(status.url)
        again = [json.loads(line) for line in run_cli("sandbox", "events", "--json").stdout.splitlines()]
        assert again[-1]["sequence"] == 14
    finally:
        if follower.poll() is None:
            follower.kill()
            follower.wait()
        follower.stdout.close()
        follower.stderr.close()
        stop_background()
