"""Scenarios: the sandbox replays recorded answers and injects faults, after it has checked
the signature as always. What no rule matches goes to the sandbox as before.

A scenario comes from a reproduction bundle (the customer's answer to that operation), from
history entries (each entry's answer to its operation), or from a rules file (scenario_rules.py;
reading files: core.interop.scenario_files):

    {"scenario": "throttling", "description": "...", "rules": [{...}, ...]}

Loaded scenarios are kept in the sandbox's data directory (`scenarios.json`, beside its state),
so `sandbox scenario load` from a terminal reaches the background sandbox, and the front
re-reads the file when it changes. The first rule that matches a request decides (scenarios in
the order they were loaded, rules in their order); `times` and `rate` count per rule from the
moment the scenarios were loaded. Shipped scenarios live in `resources/scenarios/`.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from workbench.core.common import safe_json
from workbench.core.common.resources import RESOURCES_DIR
from workbench.core.sandbox import faults
from workbench.core.sandbox.scenario_rules import Rule, ScenarioError, read_rules

log = logging.getLogger("sandbox.scenarios")

SCENARIOS_FILE = "scenarios.json"
FORMAT = "pinpoint-workbench-scenarios"
SHIPPED_DIR = RESOURCES_DIR / "scenarios"


@dataclass(frozen=True)
class Scenario:
    name: str
    rules: tuple[Rule, ...]
    description: str = ""
    source: str = ""

    def to_dict(self) -> dict:
        return {"scenario": self.name, "description": self.description, "source": self.source,
                "rules": [rule.to_dict() for rule in self.rules]}

    @classmethod
    def from_dict(cls, data, where: str, default_name: str = "", *, nested: bool = False) -> "Scenario":
        """`where` names the file (or, `nested`, the place in a file) for located errors."""
        def at(key: str) -> str:
            return f"{where}.{key}" if nested else f"{where}: {key}"

        if not isinstance(data, dict):
            raise ScenarioError(where=where, detail='expected an object with "rules"')
        unknown = sorted(set(data) - {"scenario", "description", "source", "rules", "format", "version"})
        if unknown:
            raise ScenarioError(where=at(unknown[0]), detail="unknown field (known: scenario, description, rules)")
        name = data.get("scenario", default_name)
        if not isinstance(name, str) or not name.strip() or "/" in name:
            raise ScenarioError(where=at("scenario"), detail="expected a name without '/'")
        description = data.get("description", "")
        if not isinstance(description, str):
            raise ScenarioError(where=at("description"), detail="expected text")
        return cls(name.strip(), read_rules(data.get("rules"), at("rules")), description, str(data.get("source", "")))


# --------------------------------------------------------------------------- shipped


def shipped() -> dict[str, Path]:
    """The scenarios that come with the workbench, by name."""
    return {path.stem: path for path in sorted(SHIPPED_DIR.glob("*.json"))}


def resolve(name_or_path: str) -> Path:
    """A file to load: the path as given, or a shipped scenario's name (`throttling`)."""
    path = Path(name_or_path)
    if path.exists() or os.sep in name_or_path or name_or_path.endswith(".json"):
        return path
    return shipped().get(name_or_path, path)


# --------------------------------------------------------------------------- kept in the sandbox's folder


def loaded(directory: Path | str) -> list[Scenario]:
    """The scenarios loaded into the sandbox that keeps its state in `directory`."""
    path = Path(directory) / SCENARIOS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ScenarioError(where=str(path), detail=f"cannot read: {exc.strerror or exc}") from None
    try:
        data = safe_json.loads(raw, str(path))
    except safe_json.JsonInputError as exc:
        raise ScenarioError(where=str(path), detail=safe_json.describe(exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("scenarios"), list):
        raise ScenarioError(where=str(path), detail=f'not the sandbox\'s scenarios (no "format": "{FORMAT}")')
    return [Scenario.from_dict(item, f"{path}: scenarios[{i}]", nested=True) for i, item in enumerate(data["scenarios"])]


def _write(directory: Path, scenarios: list[Scenario]) -> None:
    from workbench.core.common.storage import atomic_write_json

    path = Path(directory) / SCENARIOS_FILE
    if not scenarios:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, {"format": FORMAT, "version": 1, "scenarios": [s.to_dict() for s in scenarios]})


def load(directory: Path | str, new: list[Scenario]) -> list[Scenario]:
    """Add `new` (one of the same name is replaced); returns every loaded scenario, in order.
    A damaged scenarios file is replaced (what it held could not be used anyway)."""
    try:
        current = loaded(directory)
    except ScenarioError as exc:
        log.warning("replacing a damaged scenarios file: %s", exc)
        current = []
    names = {s.name for s in new}
    scenarios = [s for s in current if s.name not in names] + list(new)
    _write(Path(directory), scenarios)
    return scenarios


def clear(directory: Path | str, names=()) -> list[str]:
    """Unload the scenarios named (all of them when none is); returns the names unloaded."""
    try:
        current = loaded(directory)
    except ScenarioError:
        current = []
        (Path(directory) / SCENARIOS_FILE).unlink(missing_ok=True)
    if not names:
        _write(Path(directory), [])
        return [s.name for s in current]
    unknown = [n for n in names if n not in {s.name for s in current}]
    if unknown:
        raise ScenarioError(where="sandbox scenarios", detail=f"no scenario {unknown[0]!r} is loaded"
                            + (f" (loaded: {', '.join(s.name for s in current)})" if current else " (none is)"))
    _write(Path(directory), [s for s in current if s.name not in names])
    return list(names)


# --------------------------------------------------------------------------- in the front


class Book:
    """The front's view of `scenarios.json`: re-read when the file changes; each rule's count."""

    def __init__(self, directory: Path):
        self.path = Path(directory) / SCENARIOS_FILE
        self._lock = threading.Lock()
        self._stamp = None
        self._rules: list[tuple[Scenario, Rule]] = []
        self._used: dict[tuple[str, str], int] = {}
        self._gates: dict[tuple[str, str], faults.RateGate] = {}

    def _refresh(self) -> None:
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except OSError:
            stamp = None
        if stamp == self._stamp:
            return
        self._stamp, self._used, self._gates, self._rules = stamp, {}, {}, []
        if stamp is None:
            return
        try:
            self._rules = [(s, r) for s in loaded(self.path.parent) for r in s.rules]
        except ScenarioError as exc:  # a hand-damaged file: answer as if none were loaded, and say why
            log.error("scenarios not used: %s", exc)

    def decide(self, route, method: str, raw_target: str, body: bytes):
        """(scenario, rule) for this request, or None (the sandbox answers as usual)."""
        with self._lock:
            self._refresh()
            for scenario, rule in self._rules:
                if not rule.matches(route, method, raw_target, body):
                    continue
                key = (scenario.name, rule.id)
                if rule.times is not None and self._used.get(key, 0) >= rule.times:
                    continue
                if rule.kind == "throttle":
                    gate = self._gates.setdefault(key, faults.RateGate(rule.fault["rate"]))
                    if not gate.pick():
                        return None
                self._used[key] = self._used.get(key, 0) + 1
                return scenario, rule
        return None


_books: dict[Path, Book] = {}
_books_lock = threading.Lock()


def book(directory: Path | str) -> Book:
    path = Path(directory)
    with _books_lock:
        return _books.setdefault(path, Book(path))


def intercept(handler, config, arrived, route) -> bool:
    """The front's hook, after the signature check: True when a scenario answered (or
    dropped the connection); False to serve the request as usual (perhaps late, or slowly)."""
    store = getattr(config, "store", None)
    if store is None:
        return False
    decision = book(store.directory).decide(route, arrived.method, arrived.raw_target, arrived.body)
    if decision is None:
        return False
    scenario, rule = decision
    label = f"{scenario.name}/{rule.id} ({rule.kind})"
    log.info("scenario %s answers %s:%s", label, route.api, route.operation)
    fault = rule.fault or {}
    protocol = route.protocol
    kind = fault.get("kind")
    if kind == "drop":
        faults.drop(handler)
        return True
    if kind == "latency":
        time.sleep(fault["seconds"])
    if kind in ("latency", "drip") and rule.answer is None:
        faults.pass_through(handler, label, fault.get("bytes_per_second") if kind == "drip" else None)
        return False
    if kind == "throttle":
        error, date = faults.throttling_error(route.api), None
    elif kind == "server_error":
        error, date = faults.server_error(route.api, fault["status"]), None
    elif kind == "deny":
        error, date = faults.denied_error(route), None
    elif kind == "clock_skew":
        error, date = faults.clock_skew_error(fault["seconds"])
    else:
        error, date = None, None
    status, headers, body = error.render(protocol) if error is not None else \
        (rule.answer.status, list(rule.answer.headers), rule.answer.body)
    faults.write_answer(handler, status, list(headers), body, label, date=date,
                        rate=fault.get("bytes_per_second") if kind == "drip" else None)
    return True


def scenario_of(exchange) -> dict | None:
    """{"name", "rule", "kind"} when a scenario answered this exchange, else None."""
    response = getattr(exchange, "response", None)
    value = response.header(faults.SCENARIO_HEADER) if response is not None else None
    if not value:
        return None
    label, _, kind = value.partition(" (")
    name, _, rule = label.partition("/")
    return {"name": name, "rule": rule, "kind": kind.rstrip(")")}
