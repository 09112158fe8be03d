"""A request as the user edits and saves it: linked to a library operation (or raw),
with its own variables, headers, body and signing parameters.

The contract every front end shares (the window's tabs, history, Postman/curl import, the
runner). A draft round-trips through `to_dict()`/`from_dict()` without loss; empty
fields are left out so saved files stay small and diff-friendly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common import safe_json

MAX_DRAFT_BYTES = 64 * 1024 * 1024  # a draft holds one request: its body is at most a few MB

SCHEMA_VERSION = 1
BASE_URL_VARIABLE = re.compile(r"^\{\{\s*[\w.-]+\s*\}\}(?=/|\?|$)")  # {{URL}}/api/x: the variable holds scheme://host/base


class DraftInvalid(WorkbenchError):
    fmt = "{where}: {message}"


@dataclass(frozen=True)
class AwsV4Auth:
    """Postman's `awsv4` auth parameters. Values may be `{{variables}}`; a literal secret is
    never kept here (importers send it to the keyring and leave a reference)."""

    signing_name: str = ""  # "" = the operation's (mobiletargeting, sms-voice, ses)
    region: str = ""  # "" = the environment's
    access_key: str = ""  # e.g. "{{accessKey}}"
    secret_key: str = ""  # e.g. "{{secretAccessKey}}"
    session_token: str = ""


@dataclass(frozen=True)
class Assertion:
    """A check after a send (the kinds: request.assertions.KINDS; evaluated in send.checks):
    status equals `expected`; the JMESPath `path` exists / equals / matches `expected`; an
    event in the sandbox's log has the fields of `expected`; diagnosis `expected` explains it."""

    kind: str  # "status" | "exists" | "equals" | "matches" | "event" | "diagnosis"
    path: str = ""
    expected: Any = None


@dataclass(frozen=True)
class RequestDraft:
    name: str = ""
    description: str = ""
    operation: str | None = None  # library key "pinpoint:GetApps"; None = a raw request
    variant: str | None = None  # None/"minimal" | "full" | a worked example ("ex-002")
    method: str = ""  # raw: required; linked: "" = the operation's
    url: str = ""  # raw: required; linked: "" = the operation's. {{ variables }} allowed
    query: tuple[tuple[str, str], ...] = ()  # extra query parameters (name, value)
    headers: tuple[tuple[str, str], ...] = ()  # extra headers (name, value)
    body: str | None = None  # None = the variant's body
    variables: tuple[tuple[str, str], ...] = ()  # request scope
    auth: AwsV4Auth | None = None
    unsigned: bool = False  # Postman's noauth: sent without a signature (where allowed)
    saves: tuple[tuple[str, str], ...] = ()  # (variable, JMESPath into the response body)
    assertions: tuple[Assertion, ...] = ()

    @property
    def is_raw(self) -> bool:
        return self.operation is None

    def variables_dict(self) -> dict[str, str]:
        return dict(self.variables)

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, "", ()) or value is False:
                continue
            if f.name == "auth":
                value = {k: v for k, v in vars(value).items() if v}
            elif f.name == "assertions":
                value = [{k: v for k, v in vars(a).items() if v not in (None, "")} for a in value]
            elif f.name in ("query", "headers", "variables", "saves"):
                value = [list(pair) for pair in value]
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Any, where: str = "draft") -> "RequestDraft":
        if not isinstance(data, dict):
            raise DraftInvalid("expected a JSON object", where=where)
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise DraftInvalid(f"schema_version {version!r} is not supported (this version reads {SCHEMA_VERSION})", where=where)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known - {"schema_version"})
        if unknown:
            raise DraftInvalid(f"unknown field(s): {', '.join(unknown)}", where=where)
        values: dict[str, Any] = {}
        for name in ("name", "description", "method", "url"):
            if name in data:
                values[name] = _string(data[name], f"{where}.{name}")
        for name in ("operation", "variant", "body"):
            if data.get(name) is not None:
                values[name] = _string(data[name], f"{where}.{name}")
        for name in ("query", "headers", "variables", "saves"):
            if name in data:
                values[name] = _pairs(data[name], f"{where}.{name}")
        if "unsigned" in data:
            if not isinstance(data["unsigned"], bool):
                raise DraftInvalid("expected true or false", where=f"{where}.unsigned")
            values["unsigned"] = data["unsigned"]
        if data.get("auth") is not None:
            auth = data["auth"]
            if not isinstance(auth, dict) or not set(auth) <= {f.name for f in fields(AwsV4Auth)}:
                raise DraftInvalid("expected an object with signing_name, region, access_key, secret_key, session_token", where=f"{where}.auth")
            values["auth"] = AwsV4Auth(**{k: _string(v, f"{where}.auth.{k}") for k, v in auth.items()})
        if "assertions" in data:
            items = data["assertions"]
            if not isinstance(items, list):
                raise DraftInvalid("expected a list", where=f"{where}.assertions")
            values["assertions"] = tuple(_assertion(item, f"{where}.assertions[{i}]") for i, item in enumerate(items))
        return cls(**values)


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise DraftInvalid(f"expected a string, got {type(value).__name__}", where=where)
    return value


def _pairs(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        raise DraftInvalid("expected a list of [name, value] pairs", where=where)
    pairs = []
    for i, item in enumerate(value):
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
            raise DraftInvalid("expected [name, value] (two strings)", where=f"{where}[{i}]")
        pairs.append((item[0], item[1]))
    return tuple(pairs)


def _assertion(item: Any, where: str) -> Assertion:
    from workbench.core.request.assertions import KINDS, assertion_problems

    if not isinstance(item, dict) or item.get("kind") not in KINDS:
        raise DraftInvalid(f'expected {{"kind": {"|".join(map(json.dumps, KINDS))}, "path": ..., "expected": ...}}', where=where)
    if not set(item) <= {"kind", "path", "expected"}:
        raise DraftInvalid(f"unknown field(s): {', '.join(sorted(set(item) - {'kind', 'path', 'expected'}))}", where=where)
    assertion = Assertion(kind=item["kind"], path=_string(item.get("path", ""), f"{where}.path"), expected=item.get("expected"))
    problems = assertion_problems(assertion.kind, assertion.path, assertion.expected)
    if problems and assertion.kind in ("matches", "event", "diagnosis"):  # the first three kinds kept their old leniency
        raise DraftInvalid(problems[0].message, where=f"{where}.{problems[0].path}")
    return assertion


# --------------------------------------------------------------------------- files

DRAFT_SUFFIX = ".request.json"


def draft_to_file_dict(draft: RequestDraft, where: str = "") -> dict:
    """What a draft file holds: `to_dict()`, with a multi-line body as a list of lines so a
    change to one line of the body is one line of diff. A draft that still holds a secret
    (draft_secrets: an x-api-key header, a password variable...) is refused: SecretInDraft."""
    from workbench.core.request.draft_secrets import check_no_secrets

    check_no_secrets(draft, where or draft.name or draft.operation or "request")
    data = draft.to_dict()
    if isinstance(data.get("body"), str) and "\n" in data["body"]:
        data["body"] = data["body"].split("\n")
    return data


def draft_from_file_dict(data: Any, where: str) -> RequestDraft:
    if isinstance(data, dict) and isinstance(data.get("body"), list):
        lines = data["body"]
        if not all(isinstance(line, str) for line in lines):
            raise DraftInvalid("expected a string or a list of lines", where=f"{where}.body")
        data = {**data, "body": "\n".join(lines)}
    return RequestDraft.from_dict(data, where=where)


def save_draft(path, draft: RequestDraft) -> None:
    """One draft per file: stable key order, indent 2, written atomically. Its secrets must
    have been kept elsewhere first (GlobalsStore.keep_draft_secrets): else SecretInDraft,
    and nothing is written."""
    from workbench.core.common.storage import atomic_write_json  # when saving: not a cost of the window's first paint

    atomic_write_json(path, draft_to_file_dict(draft, str(path)))


def load_draft(path) -> RequestDraft:
    """DraftInvalid (naming the file and the place in it) for anything that is not a draft."""
    from workbench.core.common.storage import StorageError, read_limited  # when reading: not a start-up cost

    path = Path(path)
    try:
        raw = read_limited(path, MAX_DRAFT_BYTES)
    except StorageError as exc:  # not a regular file, too large, unreadable
        raise DraftInvalid(exc.detail, where=str(path)) from None
    except OSError as exc:
        raise DraftInvalid(f"cannot read: {exc.strerror or exc}", where=str(path)) from None
    try:
        data = safe_json.loads(raw, str(path))  # nesting, huge numbers, bad UTF-8: located, never a crash
    except safe_json.JsonInputError as exc:
        raise DraftInvalid(safe_json.describe(exc), where=str(path)) from None
    return draft_from_file_dict(data, where=str(path))


def draft_problems(draft: RequestDraft, library=None) -> list[Problem]:
    """What is wrong with a draft as edited (checked on every change; never raises): an
    unknown operation or variant, a raw draft without method/URL/signing name, a body that is
    not JSON (a raw body may be anything). Problems of the request itself come from planning it."""
    problems = []
    if draft.is_raw:
        if not draft.method.strip():
            problems.append(Problem("method", "a raw request needs a method"))
        if not draft.url.strip():
            problems.append(Problem("url", "a raw request needs a URL"))
        elif not draft.url.lower().startswith(("http://", "https://")) and not BASE_URL_VARIABLE.match(draft.url):
            problems.append(Problem("url", "only http and https URLs (or a base-URL variable: {{URL}}/path)"))
        if not draft.unsigned and not (draft.auth and draft.auth.signing_name.strip()):
            problems.append(Problem("auth.signing_name", "a raw request needs a signing name (mobiletargeting, sms-voice, ses...)"))
    else:
        from workbench.core.library.templates import default_library  # not a cost of importing drafts

        try:
            template = (library or default_library()).find(draft.operation)
        except WorkbenchError as exc:
            problems.append(Problem("operation", str(exc)))
            template = None
        if template is not None and draft.variant not in (None, "minimal", "full"):
            if draft.variant not in {v.name for v in template.variants}:
                names = ", ".join(v.name for v in template.variants) or "none"
                problems.append(Problem("variant", f"{template.key} has no variant {draft.variant!r} (variants: {names})"))
    linked_json = not draft.is_raw and draft.body is not None and draft.body.strip()
    if linked_json and "{{" not in draft.body and "{%" not in draft.body:
        try:
            json.loads(draft.body)
        except json.JSONDecodeError as exc:
            problems.append(Problem("body", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"))
    return problems
