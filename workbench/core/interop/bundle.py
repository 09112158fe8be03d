"""Reproduction bundle: one JSON file a colleague can open and replay in their own
environment. It carries the draft (request template and its variables), the rendered
request, the redacted inspection record, the response, the diagnosis when the diagnosis
module is present, the environment's region and masked account id, and the app and
botocore versions. Never a secret: the inspection record is already redacted by the
signer, the access key id is masked, and a last pass masks every secret value the send saw
wherever it still appears (a variable, a response echoing a header, the secret key or the
session token) and shows the access key id, in the Authorization header's credential too,
in its masked form. A bundle of a history entry holds what the history kept (masked when
it was recorded).
"""

from __future__ import annotations

import json
import platform
import time
from urllib.parse import quote

import botocore

import workbench
from workbench.core.common import safe_json
from workbench.core.environments.credentials import mask_access_key_id
from workbench.core.request.drafts import RequestDraft
from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.secret_variables import redact
from workbench.core.send.signing import redact_headers

BUNDLE_FORMAT = "pinpoint-workbench-bundle"
BUNDLE_VERSION = 1


class BundleError(WorkbenchError):
    fmt = "{source}: {detail}"


def mask_account(account_id: str) -> str:
    return account_id[:2] + "*" * 6 + account_id[-4:] if len(account_id) == 12 else ("*" * len(account_id))


def _versions() -> dict:
    return {"app": workbench.__version__, "botocore": botocore.__version__, "python": platform.python_version()}


def _response(status, reason, headers, body) -> dict | None:
    if status is None:
        return None
    return {"status": status, "reason": reason, "headers": [[k, v] for k, v in redact_headers(headers)], "body": body}


def _diagnosis(subject) -> list | None:
    """The diagnosis of a history entry's dict; None while the diagnosis module is not part
    of this build."""
    try:
        from workbench.core.diagnose import diagnose
    except ImportError:
        return None
    return [d.to_dict() for d in diagnose(subject)]


def _diagnose(exchange, plan) -> list:
    from workbench.core.diagnose import diagnose

    return diagnose(exchange, plan_or_context=plan)


def _scrub(data: dict, hidden=(), key_id: str = "") -> dict:
    """`data` with every form (plain, percent-encoded, JSON-escaped) of each hidden value
    masked, and of the access key id shown in its masked form."""
    text = redact(json.dumps(data, ensure_ascii=False), hidden)
    if key_id:
        for form in {key_id, quote(key_id, safe=""), json.dumps(key_id)[1:-1]}:
            text = text.replace(form, mask_access_key_id(key_id))
    return json.loads(text)


def bundle_from_outcome(outcome) -> dict:
    """A bundle of one send through the send service (its SendOutcome): every secret value
    the send saw (an echoed secret key, session token or secret variable included) masked,
    and the diagnoses it gave."""
    return bundle_from_exchange(outcome.plan, outcome.exchange, hidden=outcome.hidden, diagnoses=outcome.diagnoses)


def bundle_from_exchange(plan, exchange, credentials=None, *, hidden=(), diagnoses=None) -> dict:
    """A bundle of one send: `plan` (core.send.plan.SendPlan) and the `exchange` it gave.
    `hidden` (secret values to mask) and the `credentials`' secret key and token are masked
    wherever they appear; `diagnoses` (None: worked out here) are carried as they are."""
    env = plan.environment
    request = plan.request
    response = exchange.response
    body = None
    if response is not None:
        parsed = response.json()
        body = parsed if parsed is not None else response.text()
    inspection = exchange.inspection.to_dict()
    key_id = inspection.get("access_key_id", "")
    inspection["access_key_id"] = mask_access_key_id(key_id)
    if diagnoses is None:
        diagnoses = _diagnose(exchange, plan)
    data = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "versions": _versions(),
        "environment": {"name": env.name, "region": plan.region, "account": mask_account(env.account_id),
                        "sandbox": env.is_sandbox},
        "operation": plan.key,
        "draft": plan.draft.to_dict(),
        "variables": {k: v for k, v in plan.draft.variables},
        "request": {"method": request.method, "url": request.url, "headers": [list(h) for h in request.headers],
                    "body": request.body.decode("utf-8", errors="replace")},
        "inspection": inspection,
        "response": _response(response.status, response.reason, response.headers, body) if response is not None else None,
        "error": {"type": type(exchange.error).__name__, "message": str(exchange.error)} if exchange.error else None,
        "problems": [p.to_dict() for p in plan.problems],
        "diagnosis": [d.to_dict() for d in diagnoses],
    }
    hidden = set(hidden) | {exchange.signature} - {""}
    if credentials is not None:
        hidden |= {v for v in (credentials.secret_access_key, credentials.session_token) if v}
    return _scrub(data, hidden, key_id)


def bundle_from_history(entry, account_id: str = "") -> dict:
    """A bundle of a history entry (already redacted when it was recorded)."""
    inspection = dict(entry.inspection)
    key_id = inspection.get("access_key_id", "")
    recorded = entry.to_dict()
    body = recorded["response_body"]
    data = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "versions": _versions(),
        "environment": {"name": entry.environment, "region": entry.region, "account": mask_account(account_id),
                        "sandbox": entry.environment == "sandbox"},
        "operation": entry.operation,
        "draft": entry.draft.to_dict(),
        "variables": dict(entry.draft.variables),
        "request": {"method": entry.method, "url": entry.url, "headers": inspection.get("headers", []), "body": None},
        "inspection": inspection,
        "response": _response(entry.status, "", entry.response_headers, body),
        "error": entry.error,
        "problems": [],
        "diagnosis": _diagnosis(recorded),
        "history_id": entry.id,
    }
    return _scrub(data, key_id=key_id)  # in the Authorization credential too


def read_bundle(text: str, source: str = "<bundle>") -> tuple[dict, RequestDraft]:
    """The bundle and its draft, ready to replay; a located error for anything else."""
    try:
        data = safe_json.loads(text, source)
    except safe_json.JsonInputError as exc:
        raise BundleError(source=source, detail=f"not a bundle: {safe_json.describe(exc)}") from None
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        raise BundleError(source=source, detail=f'not a reproduction bundle (no "format": "{BUNDLE_FORMAT}")')
    if data.get("version") != BUNDLE_VERSION:
        raise BundleError(source=source, detail=f"bundle version {data.get('version')!r} is not supported (this version reads {BUNDLE_VERSION})")
    for key, kind, what in (("versions", dict, "an object"), ("environment", dict, "an object"),
                            ("response", dict, "an object"), ("diagnosis", list, "a list")):
        if data.get(key) is not None and not isinstance(data[key], kind):
            raise BundleError(source=source, detail=f'not a reproduction bundle: "{key}" must be {what}')
    if not all(isinstance(item, dict) for item in data.get("diagnosis") or []):
        raise BundleError(source=source, detail='not a reproduction bundle: "diagnosis" must list objects')
    draft = RequestDraft.from_dict(data.get("draft"), where=f"{source}: draft")
    return data, draft
