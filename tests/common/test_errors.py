"""Errors as data: a stable code, fields, a remedy, to_dict(); building one never raises;
no message in core names a command-line flag or command."""

import ast
import json
import re
from pathlib import Path

from workbench.core.environments.destination import UntrustedDestination, check_destination
from workbench.core.environments.model import Environment, sandbox_environment
from workbench.core.common.errors import WorkbenchError
from workbench.core.request.http import HttpRequest
from workbench.core.request.render import UnresolvedVariables

CORE = Path(__file__).resolve().parents[2] / "workbench" / "core"


def test_a_format_naming_a_field_nobody_passed_does_not_raise():
    class Odd(WorkbenchError):
        fmt = "cannot reach {host!r} for {environment} ({detail.reason})"

    error = Odd(host="x.example")
    assert str(error) == "cannot reach 'x.example' for <environment?> (<detail?>)"
    assert error.code == "odd"
    assert Odd("{", host=1).fields["host"] == 1  # odd text in a field is not a format either


def test_code_fields_remedy_and_to_dict_are_json_data():
    error = UnresolvedVariables({"projectId": ["url path"], "endpoint": ["url host"]})
    data = json.loads(json.dumps(error.to_dict()))
    assert data == {
        "code": "missing_variable",
        "message": "missing variables: projectId (used in url path); endpoint (used in url host)",
        "fields": {"summary": data["fields"]["summary"], "missing": {"projectId": ["url path"], "endpoint": ["url host"]},
                   "variables": ["projectId", "endpoint"]},
        "remedy": "set_variable:projectId",
    }


def test_untrusted_destination_carries_host_environment_and_a_remedy():
    prod = Environment("prod", "us-east-1")
    try:
        check_destination(HttpRequest("GET", "https://collector.example.net/v1/apps"), prod)
    except UntrustedDestination as exc:
        assert exc.code == "untrusted_destination" and exc.remedy == "allow_any_host"
        assert exc.fields["host"] == "collector.example.net" and exc.fields["environment"] == "prod"
        assert "https://*.amazonaws.com" in exc.fields["allowed"]
    else:
        raise AssertionError("not refused")
    sandbox = sandbox_environment("http://127.0.0.1:4566")
    try:
        check_destination(HttpRequest("GET", "https://pinpoint.us-east-1.amazonaws.com/v1/apps"), sandbox)
    except UntrustedDestination as exc:  # the sandbox's credentials stay local: nothing to override
        assert exc.remedy is None and exc.fields["host"] == "pinpoint.us-east-1.amazonaws.com"
        assert exc.fields["environment"] == "sandbox"


def _messages(tree: ast.AST):
    """String constants an error or a note is built from: fmt attributes, raise statements, Note(...)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.Assign) and any(getattr(t, "id", "") == "fmt" for t in item.targets):
                    yield from (c.value for c in ast.walk(item.value) if isinstance(c, ast.Constant) and isinstance(c.value, str))
        calls = [node.exc] if isinstance(node, ast.Raise) and node.exc is not None else []
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Note":
            calls.append(node)
        for call in calls:
            yield from (c.value for c in ast.walk(call) if isinstance(c, ast.Constant) and isinstance(c.value, str))


def test_no_core_message_names_a_command_line_flag_or_command():
    offenders = []
    for path in CORE.rglob("*.py"):
        for text in _messages(ast.parse(path.read_text(encoding="utf-8"))):
            if re.search(r"(^|\s|`)--[a-z]|pinpoint-workbench ", text):
                offenders.append(f"{path.relative_to(CORE)}: {text!r}")
    assert offenders == []
