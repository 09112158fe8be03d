"""A sent 2xx answer is diagnosed only when it can show something the catalogue flags
(core.send.diagnosis_gate): the gate never hides a diagnosis the catalogue would give, and a
plain 200 costs no catalogue at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench.core.common.resources import RESOURCES_DIR
from workbench.core.diagnose import diagnose
from workbench.core.send import diagnosis_gate
from workbench.core.send.diagnosis_gate import may_need_diagnosis
from workbench.core.send.transport.response import Response

FIXTURES = Path(__file__).parents[1] / "diagnose" / "fixtures"
CATALOGUE = json.loads((RESOURCES_DIR / "troubleshooting.json").read_text(encoding="utf-8"))
PLAIN_200 = {"ApplicationsResponse": {"Item": [{"Id": "a1", "Name": "demo", "Arn": "arn:aws:mobiletargeting:x"}]}}


def sent(status: int, body, headers=(("Content-Type", "application/json"),), signed: str = "", problems=()):
    text = body if isinstance(body, str) else json.dumps(body)
    response = Response(status=status, reason="", headers=tuple(headers), body=text.encode(), size_bytes=len(text))
    return SimpleNamespace(sent=True, response=response, error=None, problems=problems,
                           inspection=SimpleNamespace(timestamp=signed))


def saved(exchange) -> dict:
    """What the catalogue reads of the same answer (as `send --json` writes it)."""
    data = {"status": exchange.response.status, "headers": dict(exchange.response.headers),
            "body": exchange.response.text(), "problems": list(exchange.problems)}
    if exchange.inspection.timestamp:
        data["inspection"] = {"timestamp": exchange.inspection.timestamp}
    return data


def recorded_2xx():
    for path in sorted(FIXTURES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        exchange = case["exchange"]
        if isinstance(exchange.get("status"), int) and 200 <= exchange["status"] < 300:
            yield pytest.param(exchange, case["context"].get("operation", ""), id=path.stem)


@pytest.mark.parametrize("recorded, operation", list(recorded_2xx()))
def test_every_recorded_2xx_the_catalogue_flags_passes_the_gate(recorded, operation):
    exchange = sent(recorded["status"], recorded["body"], tuple(recorded["headers"].items()))
    found = diagnose(saved(exchange) | {"operation": operation})
    assert found, "the recorded 2xx answers all show a problem"
    assert may_need_diagnosis(exchange), [d.id for d in found]


def test_every_catalogue_entry_that_a_2xx_can_match_reads_something_the_gate_sees():
    """An entry added to the catalogue that a 2xx answer could match on something the gate
    does not look at fails here: add what it reads to diagnosis_gate."""
    members = set(diagnosis_gate.ERROR_MEMBERS)
    unseen = []
    for entry in CATALOGUE["entries"]:
        if not entry.get("match"):
            if entry.get("check") not in diagnosis_gate.CHECKS_SEEN:
                unseen.append((entry["id"], "a check with no matcher"))
            continue
        for conditions in entry["match"]:
            statuses = conditions.get("status", [])
            assert not any(str(s).startswith("2") for s in statuses), (entry["id"], "a 2xx status: the gate passes none")
            if statuses or conditions.get("ok") is False or conditions.get("sent") is False or "error" in conditions:
                continue  # cannot match a sent 2xx answer
            field = conditions.get("field", {}).get("name")
            names = [field] if isinstance(field, str) else field or []
            header = conditions.get("header", {}).get("name", "").lower()
            seen = (
                ("code" in conditions and {"__type", "code", "Code"} <= members)
                or ("reason" in conditions and "Reason" in members)
                or ("message" in conditions and {"message", "Message", "errorMessage"} <= members)
                or (names and set(names) <= set(diagnosis_gate.FIELD_NAMES))
                or (header and (header in diagnosis_gate.HEADER_NAMES
                                or (header == "content-type" and "html" in conditions["header"]["pattern"])))
                or ("text" in conditions and conditions["text"].startswith(r"^\s*<"))
                or "problem" in conditions
            )
            if not seen:
                unseen.append((entry["id"], conditions))
    assert unseen == []


def test_a_plain_200_skips_the_catalogue_and_the_catalogue_finds_nothing_in_it():
    exchange = sent(200, PLAIN_200, signed="20261125T160000Z")
    assert not may_need_diagnosis(exchange)
    assert diagnose(saved(exchange)) == []


@pytest.mark.parametrize("body, headers", [
    ({"MessageResponse": {"Result": {"+12065550101": {"DeliveryStatus": "PERMANENT_FAILURE"}}}}, ()),
    ('{"Deli\\u0076eryStatus": "PERMANENT_FAILURE"}', ()),  # an escaped member name
    ("<!doctype html><p>proxy login</p>", (("Content-Type", "text/plain"),)),
    ({}, (("x-workbench-scenario", "throttled"),)),
    ({}, (("Content-Type", "text/html; charset=utf-8"),)),
    ({"Message": "something went wrong"}, ()),
])
def test_an_answer_with_something_to_flag_is_diagnosed(body, headers):
    assert may_need_diagnosis(sent(200, body, headers or (("Content-Type", "application/json"),)))


def test_a_200_whose_date_is_far_from_the_signing_time_is_diagnosed_for_clock_skew():
    skewed = sent(200, PLAIN_200, (("Date", "Wed, 25 Nov 2026 16:20:00 GMT"),), signed="20261125T160000Z")
    assert may_need_diagnosis(skewed)
    assert [d.id for d in diagnose(saved(skewed))] == ["clock-skew"]
    close = sent(200, PLAIN_200, (("Date", "Wed, 25 Nov 2026 16:01:00 GMT"),), signed="20261125T160000Z")
    assert not may_need_diagnosis(close)
    unreadable = sent(200, PLAIN_200, (("Date", "sometime"),), signed="20261125T160000Z")
    assert may_need_diagnosis(unreadable)


def test_errors_other_statuses_and_partial_bodies_are_always_diagnosed():
    assert may_need_diagnosis(sent(404, PLAIN_200))
    assert may_need_diagnosis(sent(302, PLAIN_200))
    assert may_need_diagnosis(SimpleNamespace(sent=True, response=None, error=RuntimeError("refused")))
    assert may_need_diagnosis(sent(200, PLAIN_200, problems=({"path": "$.Name", "message": "too long"},)))


SEND = """
import json, sys
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox.server import SandboxServer
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace
root = sys.argv[1]
environ = {"XDG_CONFIG_HOME": root + "/config", "XDG_DATA_HOME": root + "/data", "HOME": root + "/home",
           "XDG_CACHE_HOME": root + "/cache", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
with SandboxServer() as sandbox:
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: sandbox.url)
    service = SendService(workspace)
    plain = service.send("sandbox", RequestDraft(operation="pinpoint:GetApps"))
    loaded = "workbench.core.diagnose" in sys.modules
    missing = service.send("sandbox", RequestDraft(operation="pinpoint:GetApp", variables=(("projectId", "nope"),)))
    print(json.dumps({"plain": [d.id for d in plain.diagnoses], "loaded": loaded, "status": missing.exchange.response.status,
                      "missing": [d.id for d in missing.diagnoses]}))
    workspace.close()
"""


def test_a_send_answered_200_does_not_load_the_catalogue_and_a_404_still_gets_its_diagnosis(tmp_path):
    result = subprocess.run([sys.executable, "-c", SEND, str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["plain"] == [] and found["loaded"] is False
    assert found["status"] == 404 and "not-found" in found["missing"]


def test_the_gate_names_the_skew_limit_signing_uses():
    from workbench.core.diagnose.checks.base import MAX_SKEW_SECONDS

    assert diagnosis_gate.MAX_SKEW_SECONDS == MAX_SKEW_SECONDS
