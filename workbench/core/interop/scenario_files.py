"""Scenario files as the sandbox loads them (core.sandbox.scenarios): a reproduction
bundle (the answer a customer got, for its operation, whatever the request's ids), history
entries (each one's answer to its operation), or a rules file. A damaged file gives an error
naming the file and the place in it."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.core.common import safe_json
from workbench.core.interop.bundle import BUNDLE_FORMAT, read_bundle
from workbench.core.sandbox.scenario_rules import Answer, Rule, ScenarioError, read_match
from workbench.core.sandbox.scenarios import Scenario

MAX_FILE_BYTES = 16 * 1024 * 1024
_KEPT_HEADERS = ("content-type", "retry-after")  # and every x-amz* header


def _recorded(status, headers, body) -> Answer:
    kept = [(str(k), str(v)) for k, v in headers
            if str(k).lower() in _KEPT_HEADERS or str(k).lower().startswith("x-amz")]
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode("utf-8")
    elif isinstance(body, bytes):
        data = body
    else:
        data = str(body or "").encode("utf-8")
    return Answer(int(status), tuple(kept), data)


def _operation_match(key: str, where: str) -> dict:
    api, _, operation = (key or "").partition(":")
    if not api or not operation:
        raise ScenarioError(where=where, detail=f"{key!r} is not an operation of the four APIs; only those can be replayed")
    return read_match({"api": api, "operation": operation}, where)


def scenario_from_bundle(data: dict, source: str) -> Scenario:
    """The answer a bundle recorded, for its operation (whatever the request's ids)."""
    match = _operation_match(data.get("operation", ""), f"{source}: operation")
    response, error = data.get("response"), data.get("error")
    if response is None:
        if not error:
            raise ScenarioError(where=source, detail="the bundle holds no answer and no error to replay")
        rule = Rule("recorded", match, fault={"kind": "drop"}, description=f"no answer came: {error.get('message', '')}")
    else:
        headers = response.get("headers") or []
        if not isinstance(headers, list) or not isinstance(response.get("status"), int):
            raise ScenarioError(where=f"{source}: response", detail="expected a status and a list of headers")
        rule = Rule("recorded", match, _recorded(response["status"], headers, response.get("body")))
    name = Path(source).stem if source else "bundle"
    return Scenario(name, (rule,), f"the answer recorded in {Path(source).name}", source)


def scenario_from_history(entries) -> Scenario:
    """One rule per history entry: its answer to its operation."""
    rules = []
    for entry in entries:
        where = f"history entry {entry.id}"
        match = _operation_match(entry.operation, where)
        if entry.status is None:
            if not entry.sent:
                raise ScenarioError(where=where, detail="a dry run: nothing was sent, there is no answer to replay")
            rule = Rule(f"entry-{entry.id}", match, fault={"kind": "drop"})
        elif entry.body_truncated:
            raise ScenarioError(where=where, detail=f"only the first {len(entry.response_body)} bytes of its answer "
                                                    "were kept: it cannot be replayed whole")
        else:
            rule = Rule(f"entry-{entry.id}", match, _recorded(entry.status, entry.response_headers, entry.response_body))
        rules.append(rule)
    ids = ", ".join(str(e.id) for e in entries)
    return Scenario(f"history-{ids.replace(', ', '-')}", tuple(rules), f"answers recorded in history entries {ids}",
                    f"history {ids}")


def read_scenario_file(path: Path | str) -> Scenario:
    """A reproduction bundle or a rules file; ScenarioError naming the file and the place."""
    path = Path(path)
    where = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScenarioError(where=where, detail=f"larger than {MAX_FILE_BYTES // 2**20} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(where=where, detail=f"cannot read: {exc.strerror or exc}") from None
    try:
        data = safe_json.loads(raw, where)
    except safe_json.JsonInputError as exc:
        raise ScenarioError(where=where, detail=safe_json.describe(exc)) from None
    if isinstance(data, dict) and data.get("format") == BUNDLE_FORMAT:
        bundle, _ = read_bundle(raw.decode("utf-8", errors="replace"), where)
        return scenario_from_bundle(bundle, where)
    if not isinstance(data, dict) or "rules" not in data:
        raise ScenarioError(where=where, detail='not a scenario: expected a reproduction bundle or a rules file '
                                                '({"scenario": NAME, "rules": [...]})')
    scenario = Scenario.from_dict(data, where, default_name=path.stem)
    return Scenario(scenario.name, scenario.rules, scenario.description, where)
