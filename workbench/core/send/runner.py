"""Run a collection of drafts in order, headless: send, extract, assert, report.

Each step is sent by the send service, in one session for the whole run, and recorded in
the history like every other send. Variables, by Postman's scopes: the collection's < the
environment's < the run's data (`--var`) < the draft's own; a value an earlier step saved
wins over all of them (it is what a later request means by that name). Then:

- `saves` (variable, JMESPath into the JSON response body) store values for later steps
  (the same extraction as `send --save`; kept in the run, not in the environment);
- `assertions` (send.checks: status; JMESPath exists, equals, matches; an event in the
  sandbox's event log; a diagnosis made on purpose). A draft without a status or diagnosis
  assertion fails on a 4xx/5xx response.

A step fails when an assertion fails, a save finds nothing, or no response came back; the
run goes on to the next step (a later step needing a missing value fails with the name of
that variable). `RunReport.to_junit()` writes the JUnit XML CI systems read.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Callable

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.request.drafts import Assertion, RequestDraft
from workbench.core.common.errors import WorkbenchError
from workbench.core.send import checks
from workbench.core.send.checks import check_assertion  # noqa: F401 - where `run` used to keep it


@dataclass(frozen=True)
class RunStep:
    folder: tuple[str, ...]
    draft: RequestDraft


@dataclass
class StepResult:
    name: str
    folder: tuple[str, ...]
    operation: str | None
    status: int | None = None
    elapsed_s: float = 0.0
    failures: list[str] = field(default_factory=list)
    error: str | None = None  # nothing was sent or nothing came back
    saved: dict = field(default_factory=dict)
    cancelled: str | None = None  # the phase the step was in when the run was cancelled

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None

    def to_dict(self) -> dict:
        data = {"name": self.name, "folder": "/".join(self.folder), "operation": self.operation,
                "status": self.status, "passed": self.passed, "elapsed_ms": round(self.elapsed_s * 1000, 3)}
        if self.failures:
            data["failures"] = self.failures
        if self.error:
            data["error"] = self.error
        if self.saved:
            data["saved"] = self.saved
        if self.cancelled:
            data["cancelled"] = {"phase": self.cancelled}
        return data


@dataclass
class RunReport:
    name: str
    environment: str
    steps: list[StepResult] = field(default_factory=list)
    started: str = ""
    elapsed_s: float = 0.0
    cancelled: bool = False
    planned: int = 0  # how many steps the run had; fewer ran when it was cancelled

    @property
    def failed(self) -> int:
        return sum(1 for s in self.steps if s.failures)

    @property
    def errors(self) -> int:
        return sum(1 for s in self.steps if s.error is not None and not s.failures)

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(s.passed for s in self.steps)

    def to_dict(self) -> dict:
        return {"collection": self.name, "environment": self.environment, "ok": self.ok, "cancelled": self.cancelled,
                "total": len(self.steps), "not_run": self.planned - len(self.steps), "failed": self.failed, "errors": self.errors,
                "elapsed_ms": round(self.elapsed_s * 1000, 3), "steps": [s.to_dict() for s in self.steps]}

    def to_junit(self) -> str:
        suites = ET.Element("testsuites", name=self.name, tests=str(len(self.steps)), failures=str(self.failed),
                            errors=str(self.errors), time=f"{self.elapsed_s:.3f}")
        suite = ET.SubElement(suites, "testsuite", name=self.name, tests=str(len(self.steps)),
                              failures=str(self.failed), errors=str(self.errors), skipped="0",
                              time=f"{self.elapsed_s:.3f}", timestamp=self.started, hostname="localhost")
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="environment", value=self.environment)
        if self.cancelled:
            ET.SubElement(props, "property", name="cancelled", value=f"{self.planned - len(self.steps)} of {self.planned} requests not run")
        for step in self.steps:
            case = ET.SubElement(suite, "testcase", name=step.name,
                                 classname=".".join([self.name, *step.folder]) if step.folder else self.name,
                                 time=f"{step.elapsed_s:.3f}")
            if step.failures:
                failure = ET.SubElement(case, "failure", message=step.failures[0], type="AssertionFailed")
                failure.text = "\n".join(step.failures)
            elif step.error is not None:
                error = ET.SubElement(case, "error", message=step.error, type="Cancelled" if step.cancelled else "RequestError")
                error.text = step.error
            if step.status is not None:
                ET.SubElement(case, "system-out").text = f"{step.operation or 'raw'} -> HTTP {step.status}"
        ET.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def run_steps(
    name: str,
    steps: list[RunStep],
    session,
    *,
    variables: dict | None = None,
    collection_variables=(),
    options=None,
    confirmed: bool = False,
    cancel: CancelToken | None = None,
    on_step: Callable[[StepResult], None] | None = None,
) -> RunReport:
    """Run `steps` in order through `session` (a SendSession: the run's one environment,
    its secrets and credentials resolved once, every send recorded in the history), with the
    run's data `variables` and the collection's `collection_variables`; `cancel` stops the
    run (the step in flight ends as cancelled, naming its phase, and no later step starts),
    `on_step` sees each result as it comes (a window's progress)."""
    data: dict = dict(variables or {})
    saved: dict = {}  # what earlier steps saved
    report = RunReport(name, session.environment.name, started=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
                       planned=len(steps))
    run_start = time.perf_counter()
    for step in steps:
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            break
        result = _run_one(step, session, data, saved, dict(collection_variables), options, confirmed, cancel)
        report.steps.append(result)
        if on_step:
            on_step(result)
        if result.cancelled:
            report.cancelled = True
            break
    report.elapsed_s = time.perf_counter() - run_start
    return report


def _run_one(step: RunStep, session, data: dict, saved_so_far: dict, collection: dict, options, confirmed,
             cancel) -> StepResult:
    """One step: the send service sends it (the run's data below the draft's own variables,
    what earlier steps saved above them); its saves join the run's, not the environment."""
    draft = step.draft
    result = StepResult(draft.name or draft.operation or "request", step.folder, draft.operation)
    started = time.perf_counter()
    try:
        events = checks.EventWindow.for_environment(session.environment) if checks.needs_events(draft.assertions) else None
        mark = events.mark() if events else 0
        planned = replace(draft, variables=tuple((data | draft.variables_dict()).items()))
        outcome = session.send(planned, variables=saved_so_far, collection=collection, keep_saves=False,
                               options=options, confirmed=confirmed, cancel=cancel)
    except Cancelled as exc:
        result.error, result.cancelled = str(exc), exc.fields["phase"]
        result.elapsed_s = time.perf_counter() - started
        return result
    except WorkbenchError as exc:  # the draft itself (an unknown operation, a raw draft with no URL)
        result.error = str(exc)
        result.elapsed_s = time.perf_counter() - started
        return result
    result.elapsed_s = time.perf_counter() - started
    if outcome.error is not None:
        result.error = str(outcome.error)
        return result
    exchange = outcome.exchange
    if exchange.response is None:
        result.error = f"no response: {exchange.error}"
        return result
    response = exchange.response
    result.status = response.status
    saved_so_far.update(outcome.saved.values)
    result.saved.update(outcome.saved.values)
    result.failures += [str(p) for p in outcome.saved.problems]
    observed = checks.observe(exchange, diagnoses=tuple(d.id for d in outcome.diagnoses),
                              events=events.since(mark) if events else ())
    result.failures += [r.message for r in (checks.check(a, observed) for a in draft.assertions) if not r.passed]
    unexpected = checks.unexpected_error(draft.assertions, observed)
    if unexpected:
        result.failures.insert(0, unexpected)
    return result
