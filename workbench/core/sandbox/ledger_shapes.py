"""How the ledger's kept records become answers of the model's shape: the model's sample
with a record's values laid over it (no sampled list item for a kept thing), list items for
records, values kept inside the structure that holds them, and what the service works out
from a request (an email identity's type, a template's)."""

from __future__ import annotations

from workbench.core.sandbox.codec import sample

TEMPLATE_KINDS = {"SMS": "Sms", "PUSH": "Push", "VOICE": "Voice", "EMAIL": "Email", "INAPP": "InApp"}


def list_members(shape) -> dict:
    """{(container, name): list member} at the output's top and inside its payload."""
    found = {}
    if shape is None:
        return found
    payload = shape.serialization.get("payload")
    for container, structure in ((None, shape), (payload, shape.members.get(payload) if payload else None)):
        if structure is None or structure.type_name != "structure":
            continue
        for name, member in structure.members.items():
            if member.type_name == "list":
                found[(container, name)] = member
    return found


def overlay(shape, sampled, record: dict, empty_lists: bool = False):
    """The model's sample of `shape` with the record's values where a member has one (and,
    with `empty_lists`, no sampled list items)."""
    if shape.type_name != "structure" or not isinstance(sampled, dict):
        return sampled
    out = dict(sampled)
    for name, member in shape.members.items():
        if record.get(name) is not None:
            out[name] = record[name]
        elif member.type_name == "structure" and isinstance(out.get(name), dict):
            out[name] = overlay(member, out[name], record, empty_lists)
        elif member.type_name == "list" and empty_lists and name in out:
            out[name] = []
    return out


def item(shape, record: dict, own: str = ""):
    """A list item for a kept record: a string list holds the records' names; an item's
    `Name` (or IdentityName...) is the record's own id when it has no member of that name."""
    if shape.type_name == "string":
        return record.get(own) or next((v for k, v in record.items() if k.endswith(("Name", "Id")) and isinstance(v, str)), "")
    item = overlay(shape, sample(shape, 1), flat(record))
    if shape.type_name == "structure" and own and isinstance(record.get(own), str):
        for name in shape.members:
            if (name == "Name" or name == own.replace("Email", "") + "Name") and name not in record:
                item[name] = record[own]
    return item


def update(record: dict, values: dict) -> None:
    """Keep new values: inside the structure that holds a member of that name (a Put of
    delivery options updates the kept DeliveryOptions), else at the top."""
    for name, value in values.items():
        holder = next((v for v in record.values() if isinstance(v, dict) and name in v), record)
        holder[name] = value


def flat(record: dict) -> dict:
    """A record with the members of its structures beside its own (a template request's Body)."""
    flat = {}
    for value in record.values():
        if isinstance(value, dict):
            flat.update(value)
    return {**flat, **record}


def derived(record: dict, kind: str) -> dict:
    """Values the service works out from the request: an email identity's type, a template's."""
    if isinstance(record.get("EmailIdentity"), str):
        return {"IdentityType": "EMAIL_ADDRESS" if "@" in record["EmailIdentity"] else "DOMAIN"}
    kinds = {v: k for k, v in TEMPLATE_KINDS.items()}
    if kind.endswith("Template") and kind[:-len("Template")] in kinds:
        return {"TemplateType": kinds[kind[:-len("Template")]]}
    return {}


def asked_about(op, params: dict, answer: dict) -> dict:
    """An account-level answer about what the request names itself (GetBlacklistReports:
    a report per name asked, none listed), not about a sampled name."""
    shape = op.output_shape
    for name, member in (shape.members.items() if shape is not None else ()):
        names = next((v for k, v in params.items() if k.endswith("Names") and isinstance(v, list)), None)
        if member.type_name == "map" and names is not None:
            answer[name] = {str(n): [] if member.value.type_name == "list" else sample(member.value, 1) for n in names}
    return answer
