"""Check a rendered request before sending: botocore's validator on the operation's input
shape (required members, types, minimums), what it leaves out (enums, maximum lengths
and values), and the quota facts from the developer guide that can be checked here
(resources/quota_checks.json). Every problem comes back, located by JSON path; nothing
here blocks a send (support engineers reproduce bad requests on purpose).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from botocore.validate import ParamValidator

from workbench.core.library import catalog
from workbench.core.common.errors import Problem
from workbench.core.request.render import RenderedRequest, split_list
from workbench.core.common.resources import RESOURCES_DIR, load_reference

JSON_TYPES = {"str": "string", "list": "array", "tuple": "array", "dict": "object", "int": "integer",
              "float": "number", "bool": "boolean", "NoneType": "null", "datetime": "timestamp", "datetime.datetime": "timestamp", "timestamp-string": "timestamp", "bytes": "bytes"}
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _json_key(key: str) -> str:
    return f".{key}" if IDENTIFIER.fullmatch(key) else f"[{json.dumps(key)}]"


def _type_names(valid_types) -> str:
    names = []
    for text in valid_types:
        match = re.search(r"'([\w.]+)'", text)
        name = JSON_TYPES.get(match.group(1), match.group(1)) if match else text
        if name not in names:
            names.append(name)
    return " or ".join(names)


# -- params: what the request means in botocore's terms ---------------------------------

def _typed(value, type_name: str):
    if type_name in ("integer", "long"):
        return int(str(value))
    if type_name in ("double", "float"):
        return float(str(value))
    if type_name == "boolean":
        text = str(value).lower()
        if text not in ("true", "false"):
            raise ValueError("expected true or false")
        return text == "true"
    if type_name == "list":
        return split_list(value)
    return value if isinstance(value, str) else str(value)


def build_params(rendered: RenderedRequest) -> tuple[dict, list[Problem], dict]:
    """-> (botocore params, problems converting variables, member name -> location label)."""
    template = rendered.template
    params, problems, labels = {}, [], {}
    for variable in template.variables:
        if variable.location == "body":
            continue
        labels[variable.member] = "{" + variable.name + "}"
        if variable.name not in rendered.variables:
            continue
        try:
            params[variable.member] = _typed(rendered.variables[variable.name], variable.type)
        except ValueError:
            problems.append(Problem("{" + variable.name + "}", f"expected a {variable.type}, got {rendered.variables[variable.name]!r}"))
    op = catalog.get_operation(template.api, template.operation)
    body = rendered.body_json
    if op.payload_member:
        if body is not None:
            params[op.payload_member] = body
        labels[op.payload_member] = "$"
    elif isinstance(body, dict):
        params.update(body)
    elif body is not None:
        problems.append(Problem("$", f"the body must be a JSON object, not {JSON_TYPES.get(type(body).__name__, 'a value')}"))
    return params, problems, labels


# -- botocore's findings, located -------------------------------------------------------

def _locate(name: str, params: dict, shape, labels: dict) -> str:
    """botocore's dotted name (".MessageRequest.Addresses.a@b.com") -> "$.Addresses["a@b.com"]"."""
    rest = name.lstrip(".")
    if not rest:
        return "$"
    first = IDENTIFIER.match(rest).group(0)
    label = labels.get(first, f"$.{first}")
    node, member_shape = params.get(first), shape.members.get(first)
    rest = rest[len(first):]
    path = label
    while rest and member_shape is not None:
        if rest.startswith("["):
            index = re.match(r"\[(\d+)\]", rest)
            path += index.group(0)
            rest = rest[len(index.group(0)):]
            node = node[int(index.group(1))] if isinstance(node, list) and int(index.group(1)) < len(node) else None
            member_shape = getattr(member_shape, "member", None)
            continue
        rest = rest[1:]  # the dot
        if member_shape.type_name == "map" and isinstance(node, dict):
            candidates = [k for k in node if rest == k or rest.startswith(k + ".") or rest.startswith(k + "[")]
            key = max(candidates, key=len) if candidates else rest.split(".")[0]
            member_shape = member_shape.value
        else:
            key = IDENTIFIER.match(rest).group(0) if IDENTIFIER.match(rest) else rest.split(".")[0]
            member_shape = getattr(member_shape, "members", {}).get(key)
        path += _json_key(key)
        node = node.get(key) if isinstance(node, dict) else None
        rest = rest[len(key):]
    return path


def _message(error_type: str, extra: dict) -> tuple[str, str | None]:
    """-> (message, member to append to the path)."""
    if error_type == "missing required field":
        return f"missing required member {extra['required_name']!r}", None
    if error_type == "unknown field":
        valid = ", ".join(extra["valid_names"])
        return f"unknown member {extra['unknown_param']!r}; expected one of: {valid}", None
    if error_type == "invalid type":
        got = JSON_TYPES.get(type(extra["param"]).__name__, type(extra["param"]).__name__)
        return f"expected {_type_names(extra['valid_types'])}, got {got} {json.dumps(extra['param'], default=str)[:80]}", None
    if error_type == "invalid range":
        return f"{extra['param']} is below the minimum {extra['min_allowed']}", None
    if error_type == "invalid length":
        length = extra["param"]  # botocore passes the length itself
        return f"length {length} is below the minimum {extra['min_allowed']}", None
    return error_type, None


def _botocore_problems(params: dict, input_shape, labels: dict) -> list[Problem]:
    report = ParamValidator().validate(params, input_shape)
    problems = []
    for error_type, name, extra in report._errors:  # botocore keeps them as data here
        message, _ = _message(error_type, extra)
        path = _locate(name, params, input_shape, labels)
        if error_type == "missing required field" and path == "$" and extra["required_name"] in labels:
            label = labels[extra["required_name"]]
            path = label
            message = "missing required value" if label.startswith("{") else "missing body"
        problems.append(Problem(path, message))
    return problems


# -- what botocore leaves out: enums, maximums -------------------------------------------

def _limit_problems(params: dict, input_shape, labels: dict) -> list[Problem]:
    problems: list[Problem] = []

    def walk(value, shape, path, depth=0):
        if shape is None or depth > 40:
            return
        kind = shape.type_name
        meta = shape.metadata
        if kind == "string" and isinstance(value, str):
            if getattr(shape, "enum", None) and value not in shape.enum:
                problems.append(Problem(path, f"{value!r} is not one of: {', '.join(shape.enum)}"))
            if "max" in meta and len(value) > meta["max"]:
                problems.append(Problem(path, f"length {len(value)} is above the maximum {meta['max']}"))
        elif kind in ("integer", "long", "double", "float") and isinstance(value, (int, float)) and not isinstance(value, bool):
            if "max" in meta and value > meta["max"]:
                problems.append(Problem(path, f"{value} is above the maximum {meta['max']}"))
        elif kind == "list" and isinstance(value, list):
            if "max" in meta and len(value) > meta["max"]:
                problems.append(Problem(path, f"{len(value)} items is above the maximum {meta['max']}"))
            for index, item in enumerate(value):
                walk(item, shape.member, f"{path}[{index}]", depth + 1)
        elif kind == "map" and isinstance(value, dict):
            if "max" in meta and len(value) > meta["max"]:
                problems.append(Problem(path, f"{len(value)} entries is above the maximum {meta['max']}"))
            for key, item in value.items():
                walk(key, shape.key, f"{path}{_json_key(key)} (key)", depth + 1)
                walk(item, shape.value, f"{path}{_json_key(key)}", depth + 1)
        elif kind == "structure" and isinstance(value, dict):
            for key, item in value.items():
                if key in shape.members:
                    walk(item, shape.members[key], f"{path}{_json_key(key)}", depth + 1)

    for name, value in params.items():
        member = input_shape.members.get(name)
        walk(value, member, labels.get(name, f"$.{name}"))
    return problems


# -- quotas from the developer guide ----------------------------------------------------

@lru_cache(maxsize=1)
def quota_checks() -> list[dict]:
    facts = {row["resource"]: row for row in load_reference("quotas")["limits"]}
    with open(RESOURCES_DIR / "quota_checks.json", encoding="utf-8") as handle:
        checks = json.load(handle)["checks"]
    resolved = []
    for check in checks:
        fact = facts[check["quota"]]  # a KeyError here means the table names a quota that does not exist
        resolved.append(check | {"limit": fact["limit"], "unit": fact["unit"], "section": fact.get("section", "")})
    return resolved


def select(value, path: str):
    """Yield (concrete path, value) for a JSON path with '*' wildcards ($.A.*[*].B)."""
    tokens = re.findall(r"\.([A-Za-z0-9_]+|\*)|\[(\*|\d+)\]", path[1:])
    results = [("$", value)]
    for name, index in tokens:
        step = []
        for where, node in results:
            if name == "*" and isinstance(node, dict):
                step += [(f"{where}{_json_key(k)}", v) for k, v in node.items()]
            elif name and name != "*" and isinstance(node, dict) and name in node:
                step.append((f"{where}.{name}", node[name]))
            elif index == "*" and isinstance(node, list):
                step += [(f"{where}[{i}]", v) for i, v in enumerate(node)]
        results = step
    return results


def _limit_bytes(limit: float, unit: str) -> int:
    factor = {"MB": 1024 * 1024, "KB": 1024}.get(unit.split()[0], 1)
    return int(limit * factor)


def _quota_problems(rendered: RenderedRequest) -> list[Problem]:
    template = rendered.template
    problems = []
    for check in quota_checks():
        if check["api"] != template.api:
            continue
        if "*" not in check["operations"] and template.operation not in check["operations"]:
            continue
        limit, kind = check["limit"], check["kind"]
        cite = f"(quota: {check['quota']}: {limit} {check['unit']})"
        if kind == "payload_bytes":
            size, cap = len(rendered.request.body), _limit_bytes(limit, check["unit"])
            if size > cap:
                problems.append(Problem("$", f"the body is {size} bytes, above {cap} {cite}"))
            continue
        if rendered.body_json is None:
            continue
        matches = [m for path in check["paths"] for m in select(rendered.body_json, path)]
        if check.get("total"):
            count = sum(len(v) for _, v in matches if isinstance(v, (list, dict)))
            if count > limit:
                problems.append(Problem(check["paths"][0], f"{count} in total, above {limit} {cite}"))
            continue
        for where, value in matches:
            if kind == "count" and isinstance(value, (list, dict)) and len(value) > limit:
                problems.append(Problem(where, f"{len(value)} items, above {limit} {cite}"))
            elif kind == "length" and isinstance(value, str) and len(value) > limit:
                problems.append(Problem(where, f"{len(value)} characters, above {limit} {cite}"))
            elif kind == "key_length" and isinstance(value, dict):
                problems += [Problem(f"{where}{_json_key(k)}", f"key of {len(k)} characters, above {limit} {cite}") for k in value if len(k) > limit]
            elif kind == "max_value" and isinstance(value, (int, float)) and value > limit:
                problems.append(Problem(where, f"{value} is above {limit} {cite}"))
            elif kind == "min_value" and isinstance(value, (int, float)) and value < limit:
                problems.append(Problem(where, f"{value} is below {limit} {cite}"))
    return problems


# -- placeholders the skeleton left -----------------------------------------------------

PLACEHOLDER = re.compile(r"<[A-Za-z][A-Za-z0-9]*>x*")  # libgen's "<Name>", padded with x to a minimum length


def _strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def skeleton_placeholders(template) -> frozenset[str]:
    """The placeholder strings ("<Name>") of a template's minimal and full bodies."""
    found = _strings([template.body_minimal, template.body_full])
    return frozenset(text for text in found if PLACEHOLDER.fullmatch(text))


def _placeholder_problems(rendered: RenderedRequest) -> list[Problem]:
    placeholders = skeleton_placeholders(rendered.template)
    problems: list[Problem] = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in placeholders:
                    problems.append(Problem(f"{path}{_json_key(key)} (key)", f"placeholder left in {path}: key {json.dumps(key)}"))
                walk(item, f"{path}{_json_key(key)}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif isinstance(value, str) and value in placeholders:
            problems.append(Problem(path, f"placeholder left in {path}: {json.dumps(value)}"))

    if placeholders and rendered.body_json is not None:
        walk(rendered.body_json, "$")
    return problems


def validate(rendered: RenderedRequest) -> list[Problem]:
    """Every problem of the rendered request, in a stable order; [] when it looks right."""
    if rendered.body_problem is not None:
        problems = [rendered.body_problem]
    else:
        problems = []
    params, conversion_problems, labels = build_params(rendered)
    problems += conversion_problems
    template = rendered.template
    input_shape = catalog.service_model(template.api).operation_model(template.operation).input_shape
    if input_shape is not None and rendered.body_problem is None:
        problems += _botocore_problems(params, input_shape, labels)
        problems += _limit_problems(params, input_shape, labels)
    problems += _quota_problems(rendered)
    problems += _placeholder_problems(rendered)
    seen, unique = set(), []
    for problem in problems:
        if (problem.path, problem.message) not in seen:
            seen.add((problem.path, problem.message))
            unique.append(problem)
    return unique
