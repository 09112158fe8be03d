"""Requests and answers as the service models define them (botocore's shapes).

- `read_input`: the operation's input as one dict, from a JSON body (JSON protocol) or from
  URI labels, query string, headers and body (REST-JSON), like AWS's own deserialiser.
- `check_required`: the missing required members, located (`$.Member.Sub`).
- `constraint_problems`: values of the wrong type, outside their enum, length, range or
  pattern, in AWS's own words ("Value 'X' at 'NumberType' failed to satisfy constraint: ...").
- `write_output`: an answer dict -> (status, headers, body) per the output shape: the
  `responseCode`, header members, the payload member, timestamps in the model's format.
- `sample`: a model-valid value for any shape (the stateless answers).
- `normalise`: fix a relayed answer where it breaks its shape (moto's float CreationDate, a
  member the model does not have, a required member left out).

Every answer has exactly the model's shape: `write_output` and `normalise` keep only the
members the model has and give every required member a value.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import re
from email.utils import formatdate
from urllib.parse import parse_qsl

from workbench.core.sandbox.routing import Route, service_model

_SAMPLE_DEPTH = 4


class InputError(ValueError):
    """The request cannot be read as the operation's input."""


def operation_model(api: str, operation: str):
    return service_model(api).operation_model(operation)


def read_input(route: Route, body: bytes, query: str, headers) -> dict:
    op = operation_model(route.api, route.operation)
    try:
        data = json.loads(body) if body.strip() else {}
    except ValueError as exc:  # also UTF-8 errors and numbers past Python's digit limit
        raise InputError(f"the body is not JSON: {exc}") from None
    except RecursionError:
        raise InputError("the body is nested too deeply") from None
    shape = op.input_shape
    if shape is None:
        return {}
    if route.protocol == "json":
        if not isinstance(data, dict):
            raise InputError("the body is not a JSON object")
        return data
    payload = shape.serialization.get("payload")
    result: dict = {}
    if payload:
        result[payload] = data
    elif isinstance(data, dict):
        result.update(data)
    else:  # the input's members are the body's: anything but an object is unreadable
        raise InputError("the body is not a JSON object")
    pairs = parse_qsl(query, keep_blank_values=True)
    header_map = {key.lower(): value for key, value in headers}
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire = member.serialization.get("name", name)
        if location == "uri" and wire in route.params:
            result[name] = route.params[wire]
        elif location == "querystring":
            values = [value for key, value in pairs if key == wire]
            if values:
                result[name] = values if member.type_name == "list" else \
                    _scalar(member, values[-1])
        elif location == "header" and wire.lower() in header_map:
            result[name] = header_map[wire.lower()]
    return result


def _scalar(shape, text: str):
    if shape.type_name in ("integer", "long"):
        try:
            return int(text)
        except ValueError:
            raise InputError(f"{shape.name}: {text!r} is not an integer") from None
    if shape.type_name == "boolean":
        return text.lower() == "true"
    return text


def check_required(shape, value, path: str = "$") -> list[str]:
    """Paths of required members that are missing (depth-first, in model order)."""
    if shape is None or shape.type_name != "structure" or not isinstance(value, dict):
        return []
    missing = []
    for name in shape.required_members:
        if value.get(name) is None:
            missing.append(f"{path}.{name}")
    for name, member in shape.members.items():
        if isinstance(value.get(name), dict):
            missing += check_required(member, value[name], f"{path}.{name}")
        elif member.type_name == "list" and isinstance(value.get(name), list):
            for index, item in enumerate(value[name]):
                missing += check_required(member.member, item, f"{path}.{name}[{index}]")
    return missing


_PYTHON_TYPES = {"structure": dict, "map": dict, "list": list, "string": str, "boolean": bool,
                 "integer": int, "long": int, "double": (int, float), "float": (int, float),
                 "timestamp": (int, float, str), "blob": str}


def constraint_problems(shape, value, path: str = "") -> list[tuple[str, str]]:
    """(member path, AWS-worded problem) for each value that breaks its shape."""
    if value is None or shape is None:
        return []
    kind = shape.type_name
    expected = _PYTHON_TYPES.get(kind)
    shown = str(value)[:50]
    where = path or shape.name
    if expected and (not isinstance(value, expected) or
                     (isinstance(value, bool) and kind not in ("boolean",))):
        return [(where, f"Value '{shown}' at '{where}' failed to satisfy constraint: Member "
                        f"must be of type {kind}")]
    problems = []
    minimum, maximum = shape.metadata.get("min"), shape.metadata.get("max")
    if kind == "string":
        if shape.enum and value not in shape.enum:
            problems.append((where, f"Value '{shown}' at '{where}' failed to satisfy constraint: "
                                    f"Member must satisfy enum value set: [{', '.join(shape.enum)}]"))
        if minimum is not None and len(value) < minimum:
            problems.append((where, f"Value '{shown}' at '{where}' failed to satisfy constraint: "
                                    f"Member must have length greater than or equal to {minimum}"))
        if maximum is not None and len(value) > maximum:
            problems.append((where, f"Value at '{where}' failed to satisfy constraint: Member "
                                    f"must have length less than or equal to {maximum}"))
        pattern = _pattern(shape.metadata.get("pattern"))
        if pattern is not None and not shape.enum and pattern.fullmatch(value) is None:
            problems.append((where, f"Value '{shown}' at '{where}' failed to satisfy constraint: "
                                    f"Member must satisfy regular expression pattern: {pattern.pattern}"))
    elif kind in ("integer", "long", "double", "float"):
        if minimum is not None and value < minimum:
            problems.append((where, f"Value '{shown}' at '{where}' failed to satisfy constraint: "
                                    f"Member must have value greater than or equal to {minimum}"))
        if maximum is not None and value > maximum:
            problems.append((where, f"Value '{shown}' at '{where}' failed to satisfy constraint: "
                                    f"Member must have value less than or equal to {maximum}"))
    elif kind == "structure":
        for name, member in shape.members.items():
            if name in value:
                problems += constraint_problems(member, value[name],
                                                f"{path}.{name}" if path else name)
    elif kind == "list":
        if maximum is not None and len(value) > maximum:
            problems.append((where, f"Value at '{where}' failed to satisfy constraint: Member "
                                    f"must have length less than or equal to {maximum}"))
        for index, item in enumerate(value):
            problems += constraint_problems(shape.member, item, f"{where}.{index + 1}.member")
    elif kind == "map":
        for key, item in value.items():
            problems += constraint_problems(shape.value, item, f"{where}.{key}")
    return problems


@functools.lru_cache(maxsize=None)
def _pattern(text: str | None) -> re.Pattern | None:
    """A model's `pattern` as a Python regex, matched against the whole value as AWS matches it;
    None for none, or one Python cannot read (a \\p{...} class): then it is not checked."""
    if not text:
        return None
    try:
        return re.compile(text)
    except re.error:
        return None


def validation_message(problems: list[tuple[str, str]]) -> str:
    count = len(problems)
    return (f"{count} validation error{'s' if count > 1 else ''} detected: "
            + "; ".join(text for _, text in problems[:10]))


def write_output(api: str, operation: str, answer: dict) -> tuple[int, list, bytes]:
    op = operation_model(api, operation)
    protocol = service_model(api).metadata["protocol"]
    status = int(op.http.get("responseCode", 200))
    content_type = "application/x-amz-json-1.0" if protocol == "json" else "application/json"
    headers = [("Content-Type", content_type)]
    shape = op.output_shape
    if shape is None:
        return status, headers, b"{}"
    payload = shape.serialization.get("payload")
    body: dict = {}
    for name, member in shape.members.items():
        if name not in answer or answer[name] is None:
            continue
        location = member.serialization.get("location")
        if location == "header":
            headers.append((member.serialization.get("name", name),
                            _header_value(member, answer[name])))
        elif location == "statusCode":
            status = int(answer[name])
        elif name == payload:
            return status, headers, json.dumps(_wire(member, answer[name])).encode()
        elif location is None:
            body[member.serialization.get("name", name)] = _wire(member, answer[name])
    return status, headers, json.dumps(body).encode()


def _header_value(shape, value) -> str:
    if shape.type_name == "timestamp":
        return formatdate(float(value), usegmt=True)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _wire(shape, value):
    """A stored value in the form the model puts on the wire (timestamps: epoch seconds
    stored, written as the shape's timestampFormat, unixTimestamp by default)."""
    kind = shape.type_name
    if value is None:
        return None
    if kind == "structure":
        value = value if isinstance(value, dict) else {}
        out = {member.serialization.get("name", name): _wire(member, value[name])
               for name, member in shape.members.items() if value.get(name) is not None}
        for name in shape.required_members:  # the model's shape whole: a required member is never left out
            member = shape.members[name]
            if value.get(name) is None and member.serialization.get("location") is None:
                out[member.serialization.get("name", name)] = _wire(member, sample(member, _SAMPLE_DEPTH, name))
        return out
    if kind == "list":
        return [_wire(shape.member, item) for item in value]
    if kind == "map":
        return {key: _wire(shape.value, item) for key, item in value.items()}
    if kind == "timestamp":
        seconds = float(value)
        fmt = shape.serialization.get("timestampFormat", "unixTimestamp")
        if fmt == "iso8601":
            return iso8601(seconds)
        if fmt == "rfc822":
            return formatdate(seconds, usegmt=True)
        return round(seconds, 3)
    if kind == "blob" and isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode()
    return value


def iso8601(seconds: float) -> str:
    moment = dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def sample(shape, depth: int = 0, name: str = ""):
    """A model-valid value for `shape`: every member to a depth, one item per list."""
    kind = shape.type_name
    if kind == "structure":
        members = shape.members.items()
        if depth >= _SAMPLE_DEPTH:
            members = [(n, m) for n, m in members if n in shape.required_members]
        result = {}
        for member_name, member in members:
            if member.serialization.get("location") or member.serialization.get("eventstream"):
                continue
            if getattr(member, "is_document_type", False):
                continue
            if shape.metadata.get("union") and result:
                break  # a union carries one member
            result[member_name] = sample(member, depth + 1, member_name)
        return result
    if kind == "list":
        return [] if depth >= _SAMPLE_DEPTH else [sample(shape.member, depth + 1, name)]
    if kind == "map":
        return {} if depth >= _SAMPLE_DEPTH else {"key": sample(shape.value, depth + 1, name)}
    if kind in ("integer", "long"):
        return int(shape.metadata.get("min", 0) or 0)
    if kind in ("double", "float"):
        return float(shape.metadata.get("min", 0) or 0)
    if kind == "boolean":
        return False
    if kind == "timestamp":
        return 1767225600.0  # 2026-01-01T00:00:00Z, as stored (epoch seconds)
    if kind == "blob":
        return b"sandbox"
    return _sample_string(shape, name)


def _sample_string(shape, name: str) -> str:
    if shape.enum:
        return shape.enum[0]
    lowered = name.lower()
    if lowered.endswith("arn"):
        text = "arn:aws:sms-voice:us-east-1:123456789012:sample/sandbox-sample"
    elif "date" in lowered or "time" in lowered:
        text = "2026-01-01T00:00:00.000Z"
    elif "phonenumber" in lowered:
        text = "+14254147755"
    else:
        text = f"sandbox-{name or 'value'}"
    minimum = int(shape.metadata.get("min", 0) or 0)
    maximum = int(shape.metadata.get("max", 0) or 0)
    if len(text) < minimum:
        text = text + "x" * (minimum - len(text))
    if maximum and len(text) > maximum:
        text = text[:maximum]
    return text


def output_sample(api: str, operation: str) -> dict:
    """A whole model-valid answer for `operation` (stored form: write_output serialises)."""
    shape = operation_model(api, operation).output_shape
    if shape is None:
        return {}
    payload = shape.serialization.get("payload")
    if payload:
        return {payload: sample(shape.members[payload], 1, payload)}
    return sample(shape)


def normalise(api: str, operation: str, data: bytes) -> bytes:
    """A relayed JSON answer with values that break the output shape put right: a number
    where the model says string (moto's CreationDate) becomes an ISO 8601 string."""
    shape = operation_model(api, operation).output_shape
    if shape is None or not data.strip():
        return data
    try:
        value = json.loads(data)
    except ValueError:
        return data
    payload = shape.serialization.get("payload")
    target = shape.members[payload] if payload else shape
    fixed, changed = _fix(target, value)
    return json.dumps(fixed).encode() if changed else data


def _fix(shape, value) -> tuple[object, bool]:
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        wires = {member.serialization.get("name", name): (name, member) for name, member in shape.members.items()}
        out = {key: item for key, item in value.items() if key in wires}  # a member the model has not: dropped
        changed = len(out) != len(value)
        for wire, (name, member) in wires.items():
            if wire in out:
                out[wire], one = _fix(member, out[wire])
                changed = changed or one
            elif name in shape.required_members and member.serialization.get("location") is None:
                out[wire] = _wire(member, sample(member, _SAMPLE_DEPTH, name))
                changed = True
        return out, changed
    if kind == "list" and isinstance(value, list):
        fixed = [_fix(shape.member, item) for item in value]
        return [item for item, _ in fixed], any(one for _, one in fixed)
    if kind == "map" and isinstance(value, dict):
        fixed = {key: _fix(shape.value, item) for key, item in value.items()}
        return {key: item for key, (item, _) in fixed.items()}, \
            any(one for _, one in fixed.values())
    if kind == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return (iso8601(value) if value > 1e8 else str(value)), True
    return value, False
