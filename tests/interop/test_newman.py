"""Postman's own runtime (newman) against the sandbox: the official collection (from its
vendored facts) and the workbench's export of it are signed by Postman's aws4 and accepted by
the sandbox's SigV4 check: no unsigned request, no signature refusal.

newman runs where Node.js is (tools/run-tests installs it into .cache/newman); elsewhere
these tests skip and say why. The only change made to the collections for the run: https
becomes http and the hosts point at the sandbox (it has no TLS and no DNS name); what is
signed is computed by newman from that.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers.postman_shapes import official_shaped, write_json
from workbench.core.environments.model import sandbox_environment
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY
from workbench.core.interop.postman_export import export_environment
from workbench.core.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = ROOT / ".cache" / "newman" / "node_modules" / ".bin" / "newman"
SIGNATURE_REFUSALS = {"InvalidSignatureException", "IncompleteSignatureException", "MissingAuthenticationTokenException",
                      "UnrecognizedClientException", "SignatureDoesNotMatch"}


def _newman() -> str | None:
    found = shutil.which("newman") or (str(INSTALLED) if INSTALLED.exists() else None)
    return found if found and shutil.which("node") else None


pytestmark = pytest.mark.skipif(
    _newman() is None,
    reason="newman (Postman's runtime) is not here: it needs Node.js and npm; tools/run-tests installs it into "
           ".cache/newman when they are present")


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


def to_sandbox(collection: dict, sandbox_host_variable: str = "endpoint") -> dict:
    """Every request's URL over http, on a host variable that holds the sandbox's host:port."""

    def walk(items):
        for entry in items:
            if "item" in entry:
                walk(entry["item"])
                continue
            url = entry["request"]["url"]
            if isinstance(url, str):
                url = {"raw": url}
            raw = url["raw"]
            scheme, _, rest = raw.partition("://")
            host, slash, tail = rest.partition("/")
            if host.startswith(("email.", "sms-voice.")) or "{{" not in host:
                host = "{{" + sandbox_host_variable + "}}"
            url.update({"raw": f"http://{host}{slash}{tail}", "protocol": "http", "host": [host]})
            entry["request"]["url"] = url

    walk(collection["item"])
    return collection


def environment(sandbox, path: Path) -> Path:
    """The sandbox environment as the workbench exports it, with the keys a user would type
    into Postman (the sandbox's: not a secret)."""
    data = export_environment(sandbox_environment(sandbox.url))
    for value in data["values"]:
        if value["key"] == "accessKey":
            value["value"] = SANDBOX_ACCESS_KEY_ID
        if value["key"] == "secretAccessKey":
            value["value"] = SANDBOX_SECRET_ACCESS_KEY
    return write_json(path, data)


def run_newman(collection: Path, env: Path, tmp_path: Path) -> list[dict]:
    report = tmp_path / "newman-report.json"
    completed = subprocess.run(
        [_newman(), "run", str(collection), "-e", str(env), "--reporters", "json", "--reporter-json-export", str(report),
         "--timeout-request", "30000", "--color", "off"],
        capture_output=True, text=True, timeout=900)
    assert report.exists(), completed.stdout[-2000:] + completed.stderr[-2000:]
    executions = []
    for execution in json.loads(report.read_text())["run"]["executions"]:
        request = execution.get("request") or {}
        response = execution.get("response") or {}
        headers = {h["key"].lower(): h["value"] for h in request.get("header", []) if not h.get("disabled")}
        answer = {h["key"].lower(): h["value"] for h in response.get("header", [])}
        body = bytes((response.get("stream") or {}).get("data", [])).decode("utf-8", "replace")
        error = answer.get("x-amzn-errortype", "").split(":")[0]
        if not error and body.startswith("{"):
            error = str(json.loads(body).get("__type", "")).split("#")[-1]
        executions.append({"name": execution["item"]["name"], "authorization": headers.get("authorization", ""),
                           "status": response.get("code"), "error": error, "body": body[:300]})
    return executions


def assert_all_signed_and_accepted(executions: list[dict], expected: int) -> None:
    assert len(executions) == expected
    unsigned = [e["name"] for e in executions if not e["authorization"].startswith("AWS4-HMAC-SHA256 Credential=")]
    refused = [(e["name"], e["error"], e["body"]) for e in executions if e["error"] in SIGNATURE_REFUSALS]
    assert unsigned == [] and refused == []
    assert all(f"Credential={SANDBOX_ACCESS_KEY_ID}/" in e["authorization"] for e in executions)
    assert all(e["status"] is not None for e in executions)  # every request was answered


def test_the_official_collection_run_by_newman_gets_no_signature_refusal(sandbox, tmp_path):
    collection = write_json(tmp_path / "official.json", to_sandbox(official_shaped("v2.1")))
    executions = run_newman(collection, environment(sandbox, tmp_path / "env.json"), tmp_path)
    assert_all_signed_and_accepted(executions, 122)
    # among them the cases AWS's rules decide: newman's UntagResource with the ARN as written
    # in the query, and GETs whose body newman hashes into X-Amz-Content-Sha256 and then prunes
    answered = Counter(e["name"] for e in executions if e["error"] not in SIGNATURE_REFUSALS)
    assert answered["UntagResource"] == 2  # Pinpoint's and Pinpoint Email's
    assert answered["GetBlacklistReports"] == answered["GetDomainStatisticsReport"] == 1
    assert answered["ListTagsForResource"] == 2


def test_the_workbench_export_run_by_newman_signs_every_request_with_credentials(sandbox, run_cli, tmp_path):
    official = official_shaped("v2.1")
    # a request with its own auth (service and region only), as public collections have
    official["item"].append({"name": "Own auth", "item": [{"name": "GetAccount", "request": {
        "method": "GET", "url": "https://email.us-east-1.amazonaws.com/v1/email/account",
        "auth": {"type": "awsv4", "awsv4": [{"key": "service", "value": "ses"}, {"key": "region", "value": "us-east-1"}]}}}]})
    source = write_json(tmp_path / "official.json", official)
    assert run_cli("import", "postman", str(source), "--into", str(tmp_path / "col")).status == 0
    assert run_cli("export", "postman", str(tmp_path / "col"), "--out", str(tmp_path / "export.json")).status == 0
    exported = json.loads((tmp_path / "export.json").read_text())
    assert exported["info"]["name"] == "Amazon Pinpoint"
    collection = write_json(tmp_path / "export-to-sandbox.json", to_sandbox(exported))
    executions = run_newman(collection, environment(sandbox, tmp_path / "env.json"), tmp_path)
    assert_all_signed_and_accepted(executions, 123)
    own = executions[-1]
    assert own["name"] == "GetAccount" and "/us-east-1/ses/aws4_request" in own["authorization"] and own["status"] == 200
