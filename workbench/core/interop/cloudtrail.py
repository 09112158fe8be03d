"""A Pinpoint CloudTrail event -> the operation, a draft with its parameters, and the
environment that matches its region (and account).

`eventSource` names the API (mobiletargeting/pinpoint, sms-voice, ses/email),
`eventName` the operation, `awsRegion` the region. `requestParameters` holds the wire
names of path and query parameters (`application-id`, `page-size`) and the body's members;
each is matched to the operation's variables or to its input shape (botocore's model),
whatever the spelling. Values CloudTrail redacts ("****") are left out with a note.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from workbench.core.common import safe_json
from workbench.core.library import catalog
from workbench.core.library.apis import event_sources
from workbench.core.request.drafts import RequestDraft
from workbench.core.common.errors import WorkbenchError
from workbench.core.library.templates import Library, RequestTemplate, default_library

SOURCES = event_sources()  # eventSource -> the APIs it names (library.apis: one table)
REDACTED_VALUE = "****"


class CloudTrailError(WorkbenchError):
    fmt = "{where}: {reason}"


@dataclass(frozen=True)
class CloudTrailImport:
    draft: RequestDraft
    region: str
    account_id: str
    environment: str | None  # the matching environment's name, if one matches
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"operation": self.draft.operation, "region": self.region, "environment": self.environment,
                "draft": self.draft.to_dict(), "notes": list(self.notes)}


def _key(name: str) -> str:
    return re.sub(r"[-_]", "", name).lower()


def _events(data) -> list:
    if isinstance(data, dict) and isinstance(data.get("Records"), list):
        return data["Records"]
    if isinstance(data, list):
        return data
    return [data]


def _input_members(template: RequestTemplate) -> dict:
    shape = catalog.service_model(template.api).operation_model(template.operation).input_shape
    return dict(shape.members) if shape is not None else {}


def _coverage(template: RequestTemplate, params: dict) -> int:
    known = {_key(m) for m in _input_members(template)} | {_key(v.wire_name or v.name) for v in template.variables}
    return sum(1 for k in params if _key(k) in known)


def _template(event: dict, where: str, library: Library, notes: list) -> RequestTemplate:
    source, name = event.get("eventSource"), event.get("eventName")
    if not isinstance(source, str) or not isinstance(name, str):
        raise CloudTrailError(where=where, reason='not a CloudTrail event: expected "eventSource" and "eventName"')
    apis = SOURCES.get(source)
    if apis is None:
        raise CloudTrailError(where=where, reason=f"eventSource {source!r} is not a Pinpoint API; known: {', '.join(SOURCES)}")
    candidates = []
    for api in apis:
        try:
            candidates.append(library.get(api, name))
        except KeyError:
            continue
    if not candidates:
        raise CloudTrailError(where=where, reason=f"{name} is not an operation of {' or '.join(apis)}")
    params = event.get("requestParameters") or {}
    best = max(candidates, key=lambda t: _coverage(t, params))  # ties: the first (current) API
    if len(candidates) > 1:
        notes.append(f"{name} exists in {' and '.join(t.api for t in candidates)}; read as {best.api}")
    return best


def _body_member(members: dict, key: str):
    for member in members:
        if _key(member) == _key(key):
            return member
    return None


def read_event(event, where: str = "event", library: Library | None = None, environments=()) -> CloudTrailImport:
    library = library or default_library()
    if not isinstance(event, dict):
        raise CloudTrailError(where=where, reason="not a CloudTrail event: expected a JSON object")
    notes: list[str] = []
    template = _template(event, where, library, notes)
    params = event.get("requestParameters") or {}
    if not isinstance(params, dict):
        raise CloudTrailError(where=where, reason="requestParameters is not an object")
    variables: dict[str, str] = {}
    body: dict = {}
    by_key = {}
    for variable in template.variables:
        if variable.location != "body":
            for spelling in (variable.name, variable.member, variable.wire_name or ""):
                if spelling:
                    by_key[_key(spelling)] = variable
    members = _input_members(template)
    op = catalog.get_operation(template.api, template.operation)
    payload = op.payload_member
    payload_members = dict(members[payload].members) if payload and payload in members else {}
    for key, value in params.items():
        if value == REDACTED_VALUE:
            notes.append(f"{key}: redacted by CloudTrail; set it")
            continue
        variable = by_key.get(_key(key))
        if variable is not None:
            variables[variable.name] = ",".join(map(str, value)) if isinstance(value, list) else (
                value if isinstance(value, str) else json.dumps(value))
            continue
        if payload and _key(key) == _key(payload):
            body.update(value if isinstance(value, dict) else {})
            continue
        member = _body_member(payload_members or members, key)
        if member is None:
            notes.append(f"{key}: not a parameter of {template.key}; left out")
            continue
        body[member] = _unredact(value, f"{key}", notes)
    region = str(event.get("awsRegion") or "")
    account = str(event.get("recipientAccountId") or (event.get("userIdentity") or {}).get("accountId") or "")
    draft = RequestDraft(
        name=template.operation, operation=template.key, variables=tuple(variables.items()),
        body=json.dumps(body, indent=2, ensure_ascii=False) if body or template.has_body else None,
        description=_description(event),
    )
    environment = _matching_environment(environments, region, account, notes)
    return CloudTrailImport(draft, region, account, environment, tuple(notes))


def _description(event: dict) -> str:
    """'From CloudTrail event ID at TIME', naming only what the event has."""
    event_id, when = str(event.get("eventID") or ""), str(event.get("eventTime") or "")
    text = f"From CloudTrail event {event_id}" if event_id else "From a CloudTrail event"
    return text + (f" at {when}" if when else "")


def _unredact(value, where: str, notes: list):
    if value == REDACTED_VALUE:
        notes.append(f"{where}: redacted by CloudTrail; set it")
        return f"<{where.split('.')[-1]}>"
    if isinstance(value, dict):
        return {k: _unredact(v, f"{where}.{k}", notes) for k, v in value.items()}
    return value


def _matching_environment(environments, region: str, account: str, notes: list) -> str | None:
    same_region = [e for e in environments if e.region == region and not e.is_sandbox]
    exact = [e for e in same_region if account and e.account_id == account]
    chosen = (exact or same_region or [None])[0]
    if chosen is None:
        notes.append(f"no environment for {region or 'its region'}" + (f" and account {account}" if account else "") + "; add one to send it")
        return None
    if account and chosen.account_id != account:
        notes.append(f"environment {chosen.name} is in {region} but not account {account}")
    return chosen.name


def read_events(text: str, source: str = "<input>", library: Library | None = None,
                environments=()) -> tuple[list[CloudTrailImport], list[str]]:
    """Every event of a file (one event, a list, or CloudTrail's {"Records": [...]}) and, for
    the events that are not Pinpoint calls, why: one bad event never costs the others."""
    try:
        data = safe_json.loads(text, source)
    except safe_json.JsonInputError as exc:
        raise CloudTrailError(where=source, reason=safe_json.describe(exc)) from None
    events = _events(data)
    if not events:
        raise CloudTrailError(where=source, reason="no events in it")
    imported, problems = [], []
    for index, event in enumerate(events):
        try:
            imported.append(read_event(event, f"{source}: event {index + 1}", library, environments))
        except CloudTrailError as exc:
            problems.append(str(exc))
    return imported, problems
