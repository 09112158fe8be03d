"""Generate requests_library/ from the service models plus curated data.

    python -m workbench.core.library.libgen            write every template file
    python -m workbench.core.library.libgen --check    report drift (exit 1), write nothing

One JSON file per operation at requests_library/<api>/<group path>/<Operation>.json,
stable key order, bodies as JSON structures (diff-friendly). Path, query and header
members become {{ variables }}; for the JSON-protocol API (no path) the required
top-level string members do. Bodies: `minimal` (required members, placeholders that say
what belongs there) and `full` (every member). Worked examples from the developer guide
(resources/reference/examples.json) become named variants.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

from workbench.core.library import catalog
from workbench.core.library.apis import HOST_VARIABLES
from workbench.core.library.catalog import Operation
from workbench.core.common.resources import LIBRARY_DIR, RESOURCES_DIR, load_reference

SCHEMA_VERSION = 1
PLACEHOLDER_TIMESTAMP = "2026-01-01T00:00:00Z"


@lru_cache(maxsize=None)
def curation() -> dict:
    with open(RESOURCES_DIR / "library_curation.json", encoding="utf-8") as handle:
        return json.load(handle)


def camel(name: str) -> str:
    return name[:1].lower() + name[1:]


def variable_name(api: str, operation: str, member: str) -> str:
    names = curation()["variable_names"].get(api, {})
    return names.get(f"{operation}:{member}") or names.get(member) or camel(member)


def group_of(api: str, operation: str) -> str:
    explicit = curation()["groups"].get(api, {})
    if operation in explicit:
        return explicit[operation]
    for pattern, group in curation()["group_rules"].get(api, []):
        if re.search(pattern, operation):
            return group
    return "General"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def group_dir(group: str) -> str:
    return "/".join(slug(part) for part in group.split("/"))


# -- placeholder values ---------------------------------------------------------------


def _fit_length(text: str, shape) -> str:
    meta = shape.metadata
    low, high = meta.get("min", 0), meta.get("max")
    if high is not None and len(text) > high:
        text = "x" * max(low, 1) if low <= high else text
        text = text[: max(high, 1)]
    if len(text) < low:
        text = text + "x" * (low - len(text))
    return text


def placeholder(shape, name: str, full: bool, stack: tuple = ()):
    """A value that says what belongs there and still passes validation."""
    kind = shape.type_name
    if kind == "string":
        if getattr(shape, "enum", None):
            return shape.enum[0]
        return _fit_length(f"<{name}>", shape)
    if kind in ("integer", "long"):
        return int(shape.metadata.get("min", 0))
    if kind in ("float", "double"):
        return float(shape.metadata.get("min", 0))
    if kind == "boolean":
        return False
    if kind == "timestamp":
        return PLACEHOLDER_TIMESTAMP
    if kind == "blob":
        return ""
    if kind == "list":
        return [placeholder(shape.member, name, full, stack)]
    if kind == "map":
        key = placeholder(shape.key, f"{name}Key", full, stack)
        return {key: placeholder(shape.value, f"{name}Value", full, stack)}
    if kind == "structure":
        return structure_placeholder(shape, full, stack)
    return None


def structure_placeholder(shape, full: bool, stack: tuple = ()) -> dict:
    if shape.name in stack:  # recursive shapes: stop one level in
        return {}
    stack = stack + (shape.name,)
    required = set(shape.required_members)
    value = {}
    for member_name, member_shape in shape.members.items():
        if full or member_name in required:
            value[member_name] = placeholder(member_shape, member_name, full, stack)
    return value


# -- one template ----------------------------------------------------------------------


def _variable_entry(op: Operation, member, location: str) -> dict:
    shape = catalog.service_model(op.api).operation_model(op.name).input_shape.members[member.name]
    entry = {
        "name": variable_name(op.api, op.name, member.name),
        "member": member.name,
        "location": location,
        "required": member.required,
        "type": member.type_name,
    }
    if member.location_name != member.name:
        entry["wire_name"] = member.location_name
    if member.enum:
        entry["enum"] = list(member.enum)
    if shape.type_name == "list" and shape.member.type_name != "string":
        entry["item_type"] = shape.member.type_name
    description = member.documentation.split("\n")[0].strip()
    entry["description"] = description or f"{member.name} ({member.type_name})"
    return entry


def _body_variables(op: Operation) -> list:
    """JSON protocol: required top-level strings are variables, like path members elsewhere."""
    if op.protocol != "json":
        return []
    return [m for m in op.members_at("body") if m.required and m.type_name == "string" and not m.enum]


def _url(op: Operation) -> str:
    path = op.request_uri.split("?")[0]
    by_wire = {m.location_name: m for m in op.members_at("uri")}

    def label(match):
        wire = match.group(1).rstrip("+")
        member = by_wire[wire]
        return "{{ " + variable_name(op.api, op.name, member.name) + " }}"

    path = re.sub(r"\{([^}]+)\}", label, path)
    return f"https://{{{{ {HOST_VARIABLES[op.api]} }}}}{path}"


def _fixed_query(op: Operation) -> list:
    """Query parts fixed by the request URI itself (e.g. '?x-id=Op'); rare in these APIs."""
    if "?" not in op.request_uri:
        return []
    fixed = []
    for part in op.request_uri.split("?", 1)[1].split("&"):
        key, _, value = part.partition("=")
        fixed.append({"name": key, "value": value, "required": True})
    return fixed


def _bodies(op: Operation) -> tuple[dict | None, dict | None]:
    model_op = catalog.service_model(op.api).operation_model(op.name)
    input_shape = model_op.input_shape
    if input_shape is None or not op.has_body:
        return None, None
    if op.payload_member:
        payload_shape = input_shape.members[op.payload_member]
        if payload_shape.type_name != "structure":
            return None, None
        return (
            structure_placeholder(payload_shape, full=False),
            structure_placeholder(payload_shape, full=True),
        )
    body_names = {m.name for m in op.members_at("body")}
    variables = {m.name: variable_name(op.api, op.name, m.name) for m in _body_variables(op)}
    bodies = []
    for full in (False, True):
        value = {}
        for name, shape in input_shape.members.items():
            if name not in body_names:
                continue
            if name in variables:
                value[name] = "{{ " + variables[name] + " }}"
            elif full or name in input_shape.required_members:
                value[name] = placeholder(shape, name, full, (input_shape.name,))
        bodies.append(value)
    return bodies[0], bodies[1]


def _enums(op: Operation) -> dict:
    """JSON path in the body -> enum choices, for editors and validation messages."""
    model_op = catalog.service_model(op.api).operation_model(op.name)
    found: dict[str, list] = {}

    def walk(shape, path, stack):
        if shape.type_name == "string" and getattr(shape, "enum", None):
            found[path] = list(shape.enum)
        elif shape.type_name == "structure" and shape.name not in stack:
            for name, member in shape.members.items():
                walk(member, f"{path}.{name}", stack + (shape.name,))
        elif shape.type_name == "list":
            walk(shape.member, f"{path}[*]", stack)
        elif shape.type_name == "map":
            walk(shape.value, f"{path}.*", stack)

    input_shape = model_op.input_shape
    if input_shape is None:
        return {}
    if op.payload_member:
        walk(input_shape.members[op.payload_member], "$", ())
    else:
        for member in op.members_at("body"):
            walk(input_shape.members[member.name], f"$.{member.name}", (input_shape.name,))
    return dict(sorted(found.items()))


def _headers(op: Operation) -> dict:
    headers = {}
    if op.protocol == "json":
        headers["Content-Type"] = f"application/x-amz-json-{op.json_version or '1.0'}"
        headers["X-Amz-Target"] = op.target
    elif op.has_body:
        headers["Content-Type"] = "application/json"
    return headers


def _split_params(op: Operation, params: dict) -> tuple[dict, object]:
    """Example params (botocore form) -> (variables, body)."""
    variables = {}
    for member in op.members:
        if member.name not in params:
            continue
        if member.location in ("uri", "querystring", "header"):
            value = params[member.name]
            if isinstance(value, list):
                value = ",".join(str(v) for v in value)
            variables[variable_name(op.api, op.name, member.name)] = value
    if op.payload_member:
        body = params.get(op.payload_member)
    else:
        body_names = [m.name for m in op.members_at("body")]
        body = {name: params[name] for name in body_names if name in params} if body_names else None
    return variables, body


def _variants(op: Operation) -> list:
    variants = []
    for example in load_reference("examples"):
        if example["api"] != op.api or example["operation"] != op.name:
            continue
        variables, body = _split_params(op, example["params"])
        variant = {
            "name": example["id"],
            "title": example["section"],
            "source": "Amazon Pinpoint Developer Guide",
            "variables": variables,
        }
        if body is not None:
            variant["body"] = body
        if example.get("notes"):
            variant["notes"] = example["notes"]
        if example.get("validation_errors"):
            variant["known_problems"] = (
                "The guide prints this request with values the model rejects; kept on purpose "
                "to show the validator catching it. The corrected variant follows."
            )
        variants.append(variant)
        if example.get("corrected_params"):
            c_vars, c_body = _split_params(op, example["corrected_params"])
            corrected = dict(variant, name=f"{example['id']}-corrected", variables=c_vars)
            corrected.pop("known_problems", None)
            if c_body is not None:
                corrected["body"] = c_body
            variants.append(corrected)
    return variants


def build_template(op: Operation) -> dict:
    variables = [_variable_entry(op, m, m.location) for m in op.members if m.location in ("uri", "querystring", "header")]
    variables += [_variable_entry(op, m, "body") for m in _body_variables(op)]
    minimal, full = _bodies(op)
    template = {
        "schema_version": SCHEMA_VERSION,
        "api": op.api,
        "operation": op.name,
        "group": group_of(op.api, op.name),
        "signing_name": op.signing_name,
        "protocol": op.protocol,
        "method": op.method,
        "url": _url(op),
        "query": [
            {"name": v["wire_name"] if "wire_name" in v else v["member"], "variable": v["name"], "required": v["required"]}
            for v in variables
            if v["location"] == "querystring"
        ]
        + _fixed_query(op),
        "headers": _headers(op)
        | {v.get("wire_name", v["member"]): "{{ " + v["name"] + " }}" for v in variables if v["location"] == "header" and v["required"]},
        "variables": variables,
        "lifecycle": {
            k: v
            for k, v in {
                "status": op.lifecycle.status,
                "area": op.lifecycle.area,
                "migration": op.lifecycle.migration,
            }.items()
            if v
        },
        "documentation": op.documentation,
    }
    if minimal is not None:
        template["body"] = {"minimal": minimal, "full": full}
        template["enums"] = _enums(op)
    variants = _variants(op)
    if variants:
        template["variants"] = variants
    if not template["query"]:
        del template["query"]
    return template


def template_path(op: Operation, root: Path = LIBRARY_DIR) -> Path:
    return root / op.api / group_dir(group_of(op.api, op.name)) / f"{op.name}.json"


def render_file(template: dict) -> str:
    return json.dumps(template, indent=2, ensure_ascii=False) + "\n"


def expected_files(root: Path = LIBRARY_DIR) -> dict[Path, str]:
    return {template_path(op, root): render_file(build_template(op)) for op in catalog.all_operations()}


def drift(root: Path = LIBRARY_DIR) -> list[str]:
    """Human-readable differences between the checked-in library and what the models give."""
    expected = expected_files(root)
    problems = []
    for path, text in expected.items():
        if not path.exists():
            problems.append(f"missing: {path.relative_to(root)}")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"changed: {path.relative_to(root)}")
    for path in sorted(root.rglob("*.json")) if root.exists() else []:
        if path not in expected:
            problems.append(f"not in the models: {path.relative_to(root)}")
    return problems


def write(root: Path = LIBRARY_DIR) -> int:
    expected = expected_files(root)
    for path in root.rglob("*.json") if root.exists() else []:
        if path not in expected:
            path.unlink()
    for path, text in expected.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for directory in sorted(root.rglob("*"), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
    return len(expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.core.library.libgen", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report drift, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = drift()
        for line in problems:
            print(line)
        print("no drift" if not problems else f"{len(problems)} file(s) drifted: run python -m workbench.core.library.libgen")
        return 1 if problems else 0
    count = write()
    print(f"wrote {count} templates to {LIBRARY_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
