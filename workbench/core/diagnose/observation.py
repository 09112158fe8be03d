"""What a diagnosis reads, the same whatever it came from: a live `Exchange`, the JSON a
`send --json` wrote (a saved exchange), or an error raised before anything was sent."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from workbench.core.common import safe_json
from workbench.core.diagnose.json_walk import index_keys
from workbench.core.common.errors import WorkbenchError


TOKEN_LINE = re.compile(r"(x-amz-security-token:)[^\n']+", re.IGNORECASE)


@dataclass(frozen=True)
class Observation:
    environment: str = ""
    sent: bool = True
    status: int | None = None
    headers: dict = field(default_factory=dict)  # lower-case name -> value
    body: object = None  # parsed JSON, or None
    text: str = ""  # the body as text
    error_type: str = ""  # the exception class name when no response came back (or nothing was sent)
    error_message: str = ""
    error_fields: dict = field(default_factory=dict)
    inspection: dict | None = None
    problems: tuple[dict, ...] = ()
    operation: str = ""  # "api:Operation" when the exchange says
    request_body: object = None  # the body that was sent, when a saved exchange keeps it

    @cached_property
    def fields(self) -> dict:
        """Every member of the response body by name: name -> [(JSON path, value)]."""
        return index_keys(self.body)

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def error_code(self) -> str:
        """AWS's error code: x-amzn-ErrorType (REST-JSON), else __type (JSON 1.0), else code."""
        raw = self.header("x-amzn-ErrorType") or ""
        if not raw and isinstance(self.body, dict):
            raw = str(self.body.get("__type") or self.body.get("code") or self.body.get("Code") or "")
        return raw.split(":", 1)[0].rsplit("#", 1)[-1].strip()

    @property
    def message(self) -> str:
        """AWS's error message (or the error's, when nothing came back). A session token AWS
        echoes in the canonical request it expected is redacted."""
        if isinstance(self.body, dict):
            for key in ("message", "Message", "errorMessage"):
                if isinstance(self.body.get(key), str):
                    return TOKEN_LINE.sub(r"\1<redacted>", self.body[key])
        if self.status is None:
            return self.error_message
        return ""

    @property
    def reason(self) -> str:
        return str(self.body.get("Reason") or "") if isinstance(self.body, dict) else ""


def from_exchange(exchange) -> Observation:
    observation = from_saved(exchange.to_dict(with_inspection=True) | {"operation": getattr(exchange, "operation", "")})
    if exchange.error is not None:
        observation = _with_error(observation, exchange.error)
    return observation


def from_error(error: BaseException, environment: str = "") -> Observation:
    return _with_error(Observation(environment=environment, sent=False), error)


def _with_error(observation: Observation, error: BaseException) -> Observation:
    from dataclasses import replace

    fields = getattr(error, "fields", {}) if isinstance(error, WorkbenchError) else {}
    names = [cls.__name__ for cls in type(error).__mro__]
    return replace(observation, error_type=type(error).__name__, error_message=str(error),
                   error_fields={"error_classes": names, **{k: v for k, v in fields.items() if _plain(v)}})


def _plain(value) -> bool:
    try:
        json.dumps(value)
        return True
    except (TypeError, ValueError):
        return False


class SavedExchangeError(WorkbenchError):
    fmt = "{where}: {reason}"


def from_saved(data: dict, where: str = "exchange") -> Observation:
    """An Observation from `Exchange.to_dict()` (what `send --json` prints) or from a history
    entry's `to_dict()` (response_headers, response_body, and the draft that was sent)."""
    if not isinstance(data, dict):
        raise SavedExchangeError(where=where, reason="expected a JSON object: a saved exchange")
    if "response_body" in data or "response_headers" in data:
        data = {**data, "headers": data.get("response_headers") or {}, "body": data.get("response_body")}
    draft = data.get("draft") if isinstance(data.get("draft"), dict) else {}
    status = data.get("status")
    if status is not None and not isinstance(status, int):
        raise SavedExchangeError(where=where, reason=f"'status' must be a number, not {status!r}")
    headers = data.get("headers") or {}
    if isinstance(headers, list):  # [[name, value], ...]
        headers = {str(pair[0]): str(pair[1]) for pair in headers if isinstance(pair, (list, tuple)) and len(pair) == 2}
    if not isinstance(headers, dict):
        raise SavedExchangeError(where=where, reason="'headers' must be an object")
    body = data.get("body")
    if isinstance(body, str):
        text = body
        try:
            body = safe_json.loads(body) if body.strip()[:1] in ("{", "[") else None
        except ValueError:
            body = None
    else:
        text = ""  # already parsed: JSON, not a page to read as text (and never re-encoded)
    error = data.get("error") or {}
    inspection = data.get("inspection")
    return Observation(
        environment=str(data.get("environment") or ""),
        sent=data.get("sent", True) is not False,
        status=status,
        headers={str(k).lower(): str(v) for k, v in headers.items()},
        body=body,
        text=text,
        error_type=str(error.get("type") or "") if isinstance(error, dict) else "",
        error_message=str(error.get("message") or "") if isinstance(error, dict) else "",
        inspection=_clean_inspection(inspection) if isinstance(inspection, dict) else None,
        problems=tuple(p for p in data.get("problems") or () if isinstance(p, dict)),
        operation=str(data.get("operation") or ""),
        request_body=_parsed(draft.get("body")),
    )


def _parsed(text):
    if not isinstance(text, str):
        return None
    try:
        return safe_json.loads(text)
    except ValueError:  # a body with {{ variables }} left in it: nothing to re-validate
        return None


def _clean_inspection(data: dict) -> dict:
    """A saved inspection record with the types the checks read (text, pairs, a flag)."""
    clean = {k: v if isinstance(v, str) else str(v) for k, v in data.items()
             if k not in ("headers", "signed_headers", "session_token_used", "body_size")}
    headers = data.get("headers")
    clean["headers"] = [(str(p[0]), str(p[1])) for p in headers if isinstance(p, (list, tuple)) and len(p) == 2] \
        if isinstance(headers, list) else []
    clean["session_token_used"] = data.get("session_token_used") is True
    return clean
