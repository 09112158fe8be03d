"""Auth and request errors as the real sandbox front answers them (SigV4 checked like AWS)."""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from datetime import datetime, timedelta, timezone

from tests.helpers.sandbox_send import send_to

from workbench.core.environments.credentials import SANDBOX_CREDENTIALS, Credentials
from workbench.core.diagnose import diagnose
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID

# The catalogue entries these tests feed a real sandbox answer (read by test_catalogue).
COVERED = {
    "invalid-security-token", "signature-mismatch", "signature-expired", "clock-skew", "wrong-scope-region",
    "wrong-signing-name", "missing-authentication-token", "incomplete-signature", "content-hash-mismatch",
    "iam-not-authorized", "iam-tutorial-no-delete", "not-found", "unknown-operation", "sandbox-not-emulated",
    "quota-before-send",
}


def ids(exchange, prepared=None, **kwargs):
    return [d.id for d in diagnose(exchange, plan_or_context=prepared, **kwargs)]


def by_id(exchange, prepared, entry_id, **kwargs):
    return {d.id: d for d in diagnose(exchange, plan_or_context=prepared, **kwargs)}[entry_id]


def test_a_good_request_has_no_diagnosis(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps")
    assert exchange.response.status == 200
    assert ids(exchange, prepared) == []


def test_unknown_key_id_is_an_invalid_security_token(sandbox):
    wrong = Credentials("AKIAWRONGKEYEXAMPLE0", SANDBOX_CREDENTIALS.secret_access_key)
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", credentials=wrong)
    diagnosis = by_id(exchange, prepared, "invalid-security-token")
    assert "AKIA…PLE0" in diagnosis.summary
    assert {"action": "open_credentials", "environment": "sandbox"} in diagnosis.fixes


def test_a_session_token_ranks_the_expired_token_first(sandbox):
    temporary = Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_CREDENTIALS.secret_access_key, "canary-session-token-EXAMPLE")
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", credentials=temporary)
    diagnosis = by_id(exchange, prepared, "invalid-security-token")
    assert "session token" in diagnosis.details["ranked_causes"][0]["cause"]
    assert "canary-session-token-EXAMPLE" not in str(diagnosis.to_dict())


def test_wrong_secret_is_named_when_nothing_differs(sandbox):
    wrong = Credentials(SANDBOX_ACCESS_KEY_ID, "not-the-secret-EXAMPLE")
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", credentials=wrong)
    diagnosis = by_id(exchange, prepared, "signature-mismatch")
    assert diagnosis.details["diff"]["identical"] is True
    assert "secret access key is wrong" in diagnosis.cause
    assert "not-the-secret-EXAMPLE" not in str(diagnosis.to_dict())


def test_signature_mismatch_points_at_the_header_changed_after_signing(sandbox):
    def tamper(request):
        return request.with_headers([(k, "two") if k == "X-Workbench-Test" else (k, v) for k, v in request.headers])

    exchange, prepared = _send_with_header(sandbox, tamper)
    diagnosis = by_id(exchange, prepared, "signature-mismatch")
    diff = diagnosis.details["diff"]
    assert diff["label"] == "header x-workbench-test"
    assert (diff["ours"], diff["expected"]) == ("x-workbench-test:one", "x-workbench-test:two")
    assert "- x-workbench-test:one   (we signed)" in diff["lines"]
    assert "line 6 of the canonical request (header x-workbench-test)" in diagnosis.summary


def _send_with_header(sandbox, tamper):
    return send_raw(sandbox, "GET", "/v1/apps", (("X-Workbench-Test", "one"),), tamper)


def send_raw(sandbox, method, path, headers=(), tamper=None):
    """Sign a request built by hand (not from the library) and send it, optionally tampered."""
    from dataclasses import replace

    from workbench.core.send import transport
    from workbench.core.environments.model import sandbox_environment
    from workbench.core.request.http import HttpRequest
    from workbench.core.send.send_flow import Exchange
    from workbench.core.send.signing import sign

    env = sandbox_environment(sandbox.url)
    request = HttpRequest(method, f"{sandbox.url}{path}", tuple(headers))
    signed = sign(request, SANDBOX_CREDENTIALS, region=env.region, signing_name="mobiletargeting")
    response = transport.send(tamper(signed.request) if tamper else signed.request)
    return replace(Exchange(env.name, signed.inspection), response=response), None


def test_body_changed_after_signing_points_at_the_payload_hash(sandbox):
    def tamper(request):
        return request.__class__(request.method, request.url, request.headers, request.body.replace(b"diag", b"DIAG"))

    exchange, prepared = send_to(sandbox.url, "pinpoint:CreateApp", body={"Name": "diag"}, tamper=tamper)
    diagnosis = by_id(exchange, prepared, "signature-mismatch")
    assert diagnosis.details["diff"]["label"] == "payload hash (SHA-256 of the body)"
    assert "body changed after signing" in diagnosis.cause


def test_old_signature_is_expired_and_the_clock_is_measured(sandbox):
    ten_minutes_ago = datetime.now(timezone.utc) - timedelta(minutes=10)
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", timestamp=ten_minutes_ago)
    found = ids(exchange, prepared, now=ten_minutes_ago)  # a local clock 10 minutes slow
    assert "signature-expired" in found and "clock-skew" not in found  # one explanation, not two
    diagnosis = by_id(exchange, prepared, "signature-expired", now=ten_minutes_ago)
    assert "minutes behind" in diagnosis.summary
    # the skew is the sandbox's Date less the local clock: 10 minutes plus however long the
    # answer took (a loaded machine may take a while), to the Date header's second
    date = parsedate_to_datetime(exchange.response.header("Date"))
    assert abs(diagnosis.details["skew_seconds"] - (date - ten_minutes_ago).total_seconds()) <= 1
    assert diagnosis.details["skew_seconds"] >= 599


def test_clock_skew_is_fatal_past_five_minutes_even_before_aws_complains(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps")
    assert ids(exchange, prepared, now=datetime.now(timezone.utc) + timedelta(minutes=2)) == []
    skewed = datetime.now(timezone.utc) + timedelta(minutes=7)
    diagnosis = by_id(exchange, prepared, "clock-skew", now=skewed)
    assert "ahead of" in diagnosis.summary


def test_wrong_region_offers_to_resign_for_the_endpoints_region(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", region="eu-west-1")
    diagnosis = by_id(exchange, prepared, "wrong-scope-region")
    assert {"action": "resign", "region": "us-east-1"} in diagnosis.fixes
    assert "signature-mismatch" not in ids(exchange, prepared)


def test_wrong_signing_name_offers_to_resign_with_the_right_one(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", signing_name="sms-voice")
    diagnosis = by_id(exchange, prepared, "wrong-signing-name")
    assert {"action": "resign", "signing_name": "mobiletargeting"} in diagnosis.fixes


def test_unsigned_request(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", tamper=lambda r: r.with_headers(
        [(k, v) for k, v in r.headers if k.lower() != "authorization"]))
    assert "missing-authentication-token" in ids(exchange, prepared)


def test_mangled_date_header_is_an_incomplete_signature(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", tamper=lambda r: r.with_headers(
        [(k, v + "x") if k.lower() == "x-amz-date" else (k, v) for k, v in r.headers]))
    assert "incomplete-signature" in ids(exchange, prepared)


def test_content_hash_header_that_does_not_match(sandbox):
    # Outside S3, AWS takes the payload hash from X-Amz-Content-SHA256 when it is sent (as
    # botocore and Postman sign it): a hash added after signing spoils the signature, and
    # the diagnosis points at the payload hash line.
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApps", tamper=lambda r: r.with_headers(
        [*r.headers, ("X-Amz-Content-SHA256", "0" * 64)]))
    diagnosis = by_id(exchange, prepared, "signature-mismatch")
    assert diagnosis.details["diff"]["label"] == "payload hash (SHA-256 of the body)"
    assert diagnosis.details["diff"]["expected"] == "0" * 64


def test_tutorial_policy_refuses_deletes_with_the_statement_for_exactly_that(tutorial_sandbox):
    exchange, prepared = send_to(tutorial_sandbox.url, "pinpoint:DeleteApp", variables={"projectId": "0123456789abcdef"})
    found = {d.id: d for d in diagnose(exchange, plan_or_context=prepared)}
    assert "iam-tutorial-no-delete" in found and "iam-not-authorized" not in found
    statement = found["iam-tutorial-no-delete"].details["statement"]
    assert statement == {"Effect": "Allow", "Action": "mobiletargeting:DeleteApp",
                         "Resource": "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef"}


def test_tutorial_policy_denial_outside_deletes_is_not_authorized(tutorial_sandbox):
    exchange, prepared = send_to(tutorial_sandbox.url, "pinpoint:GetSmsTemplate", variables={"templateName": "t"})
    diagnosis = by_id(exchange, prepared, "iam-not-authorized")
    assert diagnosis.details["action"] == "mobiletargeting:GetSmsTemplate"
    assert {"action": "copy_policy", "statement": diagnosis.details["statement"]} in diagnosis.fixes


def test_not_found_offers_to_list_projects_here_and_in_other_regions(sandbox):
    from workbench.core.environments.model import Environment

    others = [Environment(name="eu", region="eu-west-1"), Environment(name="eu-copy", region="eu-west-1")]
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetApp", variables={"projectId": "doesnotexist"})
    diagnosis = by_id(exchange, prepared, "not-found", environments=others)
    assert {"action": "list_projects", "environments": ["sandbox", "eu"]} in diagnosis.fixes
    assert {"action": "set_variable", "name": "projectId"} in diagnosis.fixes
    assert "doesnotexist" in diagnosis.cause


def test_unknown_path(sandbox):
    exchange, _ = send_raw(sandbox, "GET", "/nonsense")
    assert exchange.response.status == 404
    assert ids(exchange) == ["unknown-operation"]


def test_operation_the_sandbox_does_not_emulate(sandbox):
    exchange, prepared = send_to(sandbox.url, "pinpoint:GetCampaigns", variables={"projectId": "abc"})
    assert "sandbox-not-emulated" in ids(exchange, prepared)


def test_quota_broken_before_sending_is_diagnosed_with_its_member(sandbox):
    tags = {f"k{i}": "v" for i in range(51)}
    exchange, prepared = send_to(sandbox.url, "pinpoint:CreateApp", body={"Name": "q", "tags": tags})
    diagnosis = by_id(exchange, prepared, "quota-before-send")
    assert any("Tags per resource" in e.value for e in diagnosis.evidence)
