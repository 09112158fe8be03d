"""The sandbox's kept state: what an answered write changed survives a kill -9 in the middle
of later writes; 10,000 kept entries come back after a restart and page in order; changes
made in place (a list appended to, a dict inside a list) are kept; an older state.json is
read in; a damaged state file is moved aside; the numbers pool has room past 100."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading

import pytest
from sandbox_helpers import make_client

from workbench.core.sandbox.background import ensure_running, read_status, stop_background
from workbench.core.sandbox.events import EventLog
from workbench.core.sandbox.server import SandboxServer
from workbench.core.sandbox.smsv2 import SmsVoiceV2
from workbench.core.sandbox.store import STATE_FILE, SandboxStore


def _sms(directory):
    store = SandboxStore(directory)
    return store, SmsVoiceV2(store, EventLog(store.events_path, 1 << 20))


def test_answered_writes_survive_a_kill_9_in_the_middle_of_writes(run_cli):
    status = ensure_running()
    answered: list[str] = []
    enough = threading.Event()
    lock = threading.Lock()

    def writer(worker: int) -> None:
        sms = make_client(status.url, "pinpoint-sms-voice-v2")
        for i in range(100_000):
            number = f"+1206555{worker}{i:03d}"
            try:
                sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=number)
            except Exception:  # the sandbox was killed under this request: it was never answered
                return
            with lock:
                answered.append(number)
                if len(answered) >= 150:
                    enough.set()

    writers = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for thread in writers:
        thread.start()
    assert enough.wait(120)
    os.kill(status.record.pid, signal.SIGKILL)  # four writers in flight: one is mid-write
    for thread in writers:
        thread.join(60)
    stop_background()  # the record of the killed process goes

    restarted = ensure_running()
    assert restarted.record.pid != status.record.pid
    sms = make_client(restarted.url, "pinpoint-sms-voice-v2")
    kept = [n["OptedOutNumber"] for page in sms.get_paginator("describe_opted_out_numbers").paginate(
        OptOutListName="Default") for n in page["OptedOutNumbers"]]
    assert set(answered) <= set(kept)
    assert len(kept) == len(set(kept))
    assert sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065559999")["OptedOutNumber"]
    data_dir = run_cli("sandbox", "status", "--json").json["data_dir"]
    with sqlite3.connect(os.path.join(data_dir, STATE_FILE)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_ten_thousand_entries_come_back_after_a_restart_in_order(tmp_path):
    store, sms = _sms(tmp_path)
    wanted = [f"+1206{n:07d}" for n in range(10_000)]
    for number in wanted:
        sms.handle("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": number})
    store.close()

    with SandboxServer(data_dir=tmp_path) as server:
        client = make_client(server.url, "pinpoint-sms-voice-v2")
        pages = list(client.get_paginator("describe_opted_out_numbers").paginate(
            OptOutListName="Default", PaginationConfig={"PageSize": 100}))
        assert [n["OptedOutNumber"] for page in pages for n in page["OptedOutNumbers"]] == wanted
        assert len(pages) == 100
        client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=wanted[0])
        one = client.describe_opted_out_numbers(OptOutListName="Default", OptedOutNumbers=[wanted[1]])
        assert [n["OptedOutNumber"] for n in one["OptedOutNumbers"]] == [wanted[1]]
    store, _ = _sms(tmp_path)
    assert len(store.state["smsv2"]["opt_out_lists"]["Default"]["Numbers"]) == 9_999
    store.close()


def test_changes_made_in_place_are_kept(tmp_path):
    store, sms = _sms(tmp_path)
    config = sms.handle("CreateConfigurationSet", {"ConfigurationSetName": "cs"})["ConfigurationSetName"]
    sms.handle("CreateEventDestination", {"ConfigurationSetName": config, "EventDestinationName": "logs",
                                          "MatchingEventTypes": ["ALL"],
                                          "CloudWatchLogsDestination": {"IamRoleArn": "arn:aws:iam::1:role/r",
                                                                        "LogGroupArn": "arn:aws:logs:g"}})
    sms.handle("UpdateEventDestination", {"ConfigurationSetName": config, "EventDestinationName": "logs",
                                          "Enabled": False})  # a dict inside a list, changed in place
    pool = sms.handle("CreatePool", {"OriginationIdentity": _number(sms), "IsoCountryCode": "US",
                                     "MessageType": "TRANSACTIONAL"})
    sms.handle("AssociateOriginationIdentity", {"PoolId": pool["PoolId"], "OriginationIdentity": _number(sms),
                                                "IsoCountryCode": "US"})  # a list appended to
    store.close()

    store, sms = _sms(tmp_path)
    destination = sms.handle("DescribeConfigurationSets", {})["ConfigurationSets"][0]["EventDestinations"][0]
    assert destination["EventDestinationName"] == "logs" and destination["Enabled"] is False
    assert len(store.state["smsv2"]["pools"][pool["PoolId"]]["Members"]) == 2
    store.close()


def _number(sms) -> str:
    return sms.handle("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                             "NumberCapabilities": ["SMS"], "NumberType": "SIMULATOR"})["PhoneNumberId"]


def test_the_numbers_pool_has_room_past_a_hundred_per_country(tmp_path):
    store, sms = _sms(tmp_path)
    for country in ("US", "GB"):
        got = {sms.handle("RequestPhoneNumber", {"IsoCountryCode": country, "MessageType": "TRANSACTIONAL",
                                                 "NumberCapabilities": ["SMS"], "NumberType": "LONG_CODE"})["PhoneNumber"]
               for _ in range(250)}
        assert len(got) == 250
    listed = sms.handle("DescribePhoneNumbers", {"Filters": [{"Name": "iso-country-code", "Values": ["GB"]}],
                                                 "MaxResults": 100})
    assert len(listed["PhoneNumbers"]) == 100 and listed["NextToken"]
    rest = sms.handle("DescribePhoneNumbers", {"Filters": [{"Name": "iso-country-code", "Values": ["GB"]}],
                                               "NextToken": listed["NextToken"], "MaxResults": 1000})
    assert len(rest["PhoneNumbers"]) == 150 and "NextToken" not in rest
    store.close()


def test_an_older_state_json_is_read_in_once(tmp_path):
    (tmp_path / "state.json").write_text(json.dumps({"smsv1": {"configuration_sets": {"old": {"Destinations": {}}}}}))
    store = SandboxStore(tmp_path)
    assert list(store.state["smsv1"]["configuration_sets"]) == ["old"]
    store.close()
    assert not (tmp_path / "state.json").exists() and (tmp_path / "state.json.migrated").exists()


def test_a_damaged_state_file_is_moved_aside_and_the_sandbox_starts_empty(tmp_path, caplog):
    (tmp_path / STATE_FILE).write_bytes(b"not a database at all" * 50)
    store = SandboxStore(tmp_path)
    assert dict(store.state) == {}
    store.close()
    aside = [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and "moved to" in caplog.text


@pytest.fixture(autouse=True)
def _no_sandbox_left():
    yield
    if read_status().running:
        stop_background()
