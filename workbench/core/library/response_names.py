"""Which variable a response value feeds: the names the library's templates use for it.

CreateApp answers `{"Id": "...", "Arn": "...", ...}` (its ApplicationResponse); every
template that needs that value calls it `projectId` (the member `ApplicationId`). So
"save this value" can propose the name the next requests use, instead of the field's
own name (`Id`) that no template reads.

The field's member name is found by walking the operation's output shape along the
value's JSON path; a generic leaf (`Id`, `Arn`, `Name`) is named after the structure
that holds it (`ApplicationResponse.Id` -> `ApplicationId`). Templates' variables that
take that member give the names, the most used first (this API's templates before the
others'). Pure data: no Qt, no I/O beyond botocore's models.
"""

from __future__ import annotations

import json
import re
from collections import Counter

GENERIC_LEAVES = ("Id", "Arn", "Name")
_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def path_keys(path: str) -> list:
    """`$.Item[0].Id` (the tree's path; `$.` optional) -> ["Item", 0, "Id"]; [] if unreadable."""
    text = path.strip()
    if text.startswith("$"):
        text = text[1:]
    elif text and not text.startswith((".", "[")):
        text = "." + text
    keys, at = [], 0
    while at < len(text):
        match = _STEP.match(text, at)
        if match is None:
            return []
        name, index, quoted = match.groups()
        keys.append(name if name is not None else int(index) if index is not None else json.loads(quoted))
        at = match.end()
    return keys


def _body_shape(api: str, operation: str):
    from workbench.core.library.apis import service_model

    try:
        output = service_model(api).operation_model(operation).output_shape
    except Exception:  # noqa: BLE001 - an API or operation botocore does not know
        return None
    if output is None:
        return None
    payload = output.serialization.get("payload")
    return output.members.get(payload) if payload else output


def member_candidates(api: str, operation: str, path: str) -> list[str]:
    """The input member names the value at `path` of `operation`'s answer would fill:
    the leaf's own name, and for a generic leaf its holder's name + leaf."""
    keys = path_keys(path)
    names = [k for k in keys if isinstance(k, str)]
    if not names:
        return []
    leaf = names[-1]
    shape, holder = _body_shape(api, operation), None
    for key in keys:
        if shape is None:
            break
        if shape.type_name == "structure" and isinstance(key, str):
            holder, shape = shape, shape.members.get(key)
        elif shape.type_name == "list" and isinstance(key, int):
            shape = shape.member
        elif shape.type_name == "map" and isinstance(key, str):
            shape = shape.value
        else:
            shape = None
    candidates = []
    if leaf in GENERIC_LEAVES:
        owner = holder.name if holder is not None and holder.members.get(leaf) is not None else ""
        base = re.sub(r"(Response|Result|Information|Info|Summary|Details?)$", "", owner)
        if not base:  # not in the model: the key above the leaf (Item[0].Id -> no; SegmentResponse.Id -> Segment)
            above = next((k for k in reversed(keys[:-1]) if isinstance(k, str)), "")
            base = re.sub(r"(Response|Result)$", "", above)
        if base:
            candidates.append(base + leaf)
    candidates.append(leaf)
    return candidates


def variable_names_for(library, operation_key: str, path: str, limit: int = 3) -> list[str]:
    """The variable names templates use for the value at `path` (a JSON path of the body)
    in the answer of `operation_key` (api:Operation), most used first; [] if none does."""
    api, _, operation = operation_key.partition(":")
    candidates = member_candidates(api, operation, path)
    if not candidates:
        return []
    counts: Counter = Counter()
    for rank, member in enumerate(candidates):
        for template in library.templates:
            for variable in template.variables:
                if variable.member == member:
                    # the most specific member first, then this API's templates, then how many use it
                    counts[variable.name] += 1_000_000 * (len(candidates) - rank) + (1000 if template.api == api else 1)
    return [name for name, _ in counts.most_common(limit)]
