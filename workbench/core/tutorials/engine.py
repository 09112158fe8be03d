"""A lesson's steps checked on the learner's exchanges: the same checks (`send.checks`), saves
(`send.saves`) and report (`send.runner.RunReport`, JUnit) as `run`, over the one send
service. Both front ends use it:

    evaluate_step(step, exchange, variables, ...)  the window's Check, on the tab's last exchange
    run_tutorial(tutorial, session, ...)            `tutorial run` and CI: send each step, check it

A step passes when all its checks hold, every value it carries was found, and (unless a check
expects an error) the answer is not a 4xx/5xx. A failed check says what was expected, what came
back, and the hint, pointing at the troubleshooting entry that explains it.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Callable

from workbench.core.common.cancel import Cancelled
from workbench.core.common.errors import WorkbenchError
from workbench.core.send import checks
from workbench.core.send.runner import RunReport, StepResult
from workbench.core.tutorials.model import Step, Tutorial

WRONG_SECRET = "a/secret/typed/wrong/on/purpose/for/the/lesson/EXAMPLE"


class LessonNeedsSandbox(WorkbenchError):
    fmt = "{tutorial}: {why}, so it runs only in the local sandbox"
    remedy = "use_sandbox"


SANDBOX_ONLY_STEP = ("this step runs only in the local sandbox (it signs wrongly on purpose, as the guide's PostmanUser, "
                     "or moves the sandbox's clock)")


def lesson_variables(tutorial: Tutorial) -> dict[str, str]:
    """The values a lesson starts with: its own, and `lessonRun` (a short random id that keeps the
    names it creates apart from an earlier run's)."""
    return {**dict(tutorial.variables), "lessonRun": secrets.token_hex(4)}


# --------------------------------------------------------------------------- signing


@dataclass(frozen=True)
class StepSigning:
    """What a step changes in the signing: other credentials, a skewed clock (None: the usual)."""

    credentials: object = None
    clock_skew: timedelta | None = None

    @property
    def plain(self) -> bool:
        return self.credentials is None and self.clock_skew is None

    def signed_at(self, now: datetime | None = None) -> datetime | None:
        """The time to sign with, read when the request goes out (None: the clock now)."""
        if self.clock_skew is None:
            return None
        return (now or datetime.now(timezone.utc)) + self.clock_skew


def step_signing(tutorial: Tutorial, step: Step, env) -> StepSigning:
    """The credentials and clock `step` signs with in `env`; LessonNeedsSandbox when it breaks
    the signing on purpose and `env` is not the local sandbox. (A step's region goes into its
    draft, where the request tab shows it.)"""
    if step.sandbox_only and not getattr(env, "is_sandbox", False):
        raise LessonNeedsSandbox(tutorial=tutorial.id, step=step.id, why=f"step {step.id} signs wrongly on purpose "
                                 "or moves the sandbox's clock")
    from workbench.core.environments.credentials import Credentials
    from workbench.core.environments import sandbox_identity as ids

    credentials = None
    if step.signing.identity == "tutorial-user":
        credentials = Credentials(ids.TUTORIAL_USER_ACCESS_KEY_ID, ids.TUTORIAL_USER_SECRET_ACCESS_KEY, source="sandbox")
    elif step.signing.secret == "wrong":
        credentials = Credentials(ids.SANDBOX_ACCESS_KEY_ID, WRONG_SECRET, source="sandbox")
    skew = timedelta(minutes=step.signing.clock_skew_minutes) if step.signing.clock_skew_minutes else None
    return StepSigning(credentials, skew)


# --------------------------------------------------------------------------- checking one step


@dataclass(frozen=True)
class CheckOutcome:
    """One check of a step, on one exchange: the result, and on failure the hint and the guide
    entry that explains it."""

    result: checks.CheckResult
    hint: str = ""
    guide: str = ""  # troubleshooting entry id
    guide_title: str = ""

    @property
    def passed(self) -> bool:
        return self.result.passed

    def to_dict(self) -> dict:
        data = self.result.to_dict()
        if not self.passed:
            data["hint"] = self.hint
            if self.guide:
                data["guide"] = {"id": self.guide, "title": self.guide_title}
        return data


@dataclass(frozen=True)
class StepOutcome:
    step: str
    passed: bool
    checks: tuple[CheckOutcome, ...] = ()
    carried: dict = field(default_factory=dict)  # values for later steps
    problems: tuple[str, ...] = ()  # what failed besides the checks (a value not found, an unexpected error)
    status: int | None = None
    diagnoses: tuple[str, ...] = ()
    nothing_sent: str = ""  # why there is nothing to check: "not_sent", or "other_operation" (see `last_operation`)
    last_operation: str = ""

    def failures(self) -> list[str]:
        """One English line per failure, with its hint: the command line's and JUnit's report."""
        lines = list(self.problems)
        for outcome in self.checks:
            if not outcome.passed:
                hint = f" Hint: {outcome.hint}" if outcome.hint else ""
                guide = f" (troubleshoot show {outcome.guide})" if outcome.guide else ""
                lines.append(f"{outcome.result.message}.{hint}{guide}")
        return lines

    def to_dict(self) -> dict:
        data = {"step": self.step, "passed": self.passed, "status": self.status,
                "checks": [c.to_dict() for c in self.checks]}
        if self.carried:
            data["carried"] = dict(self.carried)
        if self.problems:
            data["problems"] = list(self.problems)
        if self.diagnoses:
            data["diagnoses"] = list(self.diagnoses)
        if self.nothing_sent:
            data["nothing_sent"] = self.nothing_sent
        if self.last_operation:
            data["last_operation"] = self.last_operation
        return data


def evaluate_step(step: Step, exchange, variables: dict, *, diagnoses=None, events=()) -> StepOutcome:
    """Check `step` on `exchange` (the learner's last one for it). `diagnoses` (ids) are computed
    when not given; `events` are the sandbox's records since the request went out."""
    from workbench.core.send.saves import values_from_response

    if exchange is None or not exchange.sent:
        return StepOutcome(step.id, False, problems=("nothing was sent for this step yet",), nothing_sent="not_sent")
    if step.request is not None and exchange.operation and step.request.operation \
            and exchange.operation != step.request.operation:
        return StepOutcome(step.id, False, problems=(f"the last request sent was {exchange.operation}, not "
                                                     f"{step.request.operation}",),
                           nothing_sent="other_operation", last_operation=exchange.operation)
    if diagnoses is None:
        from workbench.core.diagnose import diagnose

        diagnoses = tuple(d.id for d in diagnose(exchange))
    observed = checks.observe(exchange, diagnoses=diagnoses, events=events)
    carry = [(c.variable, c.path) for c in step.carry if c.source == "response"]
    saved = values_from_response(exchange, carry)
    values = {**variables, **saved.values}
    problems = [f"{p.message} (carrying {p.path.removeprefix('save ')})" for p in saved.problems]
    outcomes = []
    found_event = None
    for check in step.checks:
        assertion = _rendered(check.assertion, values)
        result = checks.check(assertion, observed)
        if result.kind == "event" and result.passed and found_event is None:
            found_event = result.found
        outcomes.append(_with_hint(check, result, diagnoses))
    carried = dict(saved.values)
    for carry_item in (c for c in step.carry if c.source == "event"):
        value = checks.search(carry_item.path, found_event) if found_event is not None else None
        if value is None:
            problems.append(f"{carry_item.path} was not found in the event (carrying {carry_item.variable})")
        else:
            carried[carry_item.variable] = value if isinstance(value, str) else str(value)
    unexpected = checks.unexpected_error([c.assertion for c in step.checks], observed)
    if unexpected:
        problems.insert(0, f"unexpected answer: {unexpected}")
    if observed.status is None:
        problems.insert(0, f"no answer came back: {observed.error}")
    passed = not problems and all(o.passed for o in outcomes)
    return StepOutcome(step.id, passed, tuple(outcomes), carried, tuple(problems), observed.status, tuple(diagnoses))


def _rendered(assertion, values: dict):
    """The check's expected value(s) with the lesson's {{ variables }} filled (an equals, a
    matches, or an event check's field values); one that cannot be filled stays as written, and
    the check then says what it looked for."""
    expected = assertion.expected
    if assertion.kind == "event" and isinstance(expected, dict):
        return replace(assertion, expected={k: _fill(v, values) for k, v in expected.items()})
    if assertion.kind in ("equals", "matches"):
        return replace(assertion, expected=_fill(expected, values))
    return assertion


def _fill(value, values: dict):
    if not isinstance(value, str) or "{{" not in value:
        return value
    from workbench.core.request.render import render_text

    try:
        return render_text(value, values, "a check's expected value")
    except WorkbenchError:
        return value


def _with_hint(check, result, diagnoses) -> CheckOutcome:
    if result.passed:
        return CheckOutcome(result)
    guide = check.guide or next((d for d in diagnoses if d not in _GENERIC), "")
    title = ""
    if guide:
        from workbench.core.diagnose.catalogue import entries

        title = next((e.to_dict()["title"] for e in entries() if e.id == guide), "")
    return CheckOutcome(result, check.hint, guide, title)


_GENERIC = {"unexplained-error", "bad-request"}


# --------------------------------------------------------------------------- headless run


@dataclass
class LessonStep:
    """One line of a headless run: a step sent and checked, or one only to read."""

    step: Step
    outcome: StepOutcome | None = None  # None: nothing to send
    error: str = ""  # what stopped the send (a missing variable, no sandbox...)
    elapsed_s: float = 0.0
    cancelled: str | None = None
    skipped: str = ""  # why a step that sends was not sent (it runs only in the sandbox)

    @property
    def passed(self) -> bool:
        return not self.error and (self.outcome is None or self.outcome.passed)

    @property
    def sent(self) -> bool:
        return self.step.sends and not self.skipped

    def to_dict(self) -> dict:
        data = {"step": self.step.id, "title": self.step.title, "sent": self.sent, "passed": self.passed}
        if self.skipped:
            data["skipped"] = self.skipped
        if self.outcome is not None:
            data.update(self.outcome.to_dict())
        if self.error:
            data["error"] = self.error
        return data


@dataclass
class LessonRun:
    tutorial: Tutorial
    environment: str
    steps: list[LessonStep] = field(default_factory=list)
    variables: dict = field(default_factory=dict)
    report: RunReport | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(s.passed for s in self.steps) and len(self.steps) == len(self.tutorial.steps)

    def to_dict(self) -> dict:
        return {"tutorial": self.tutorial.id, "revision": self.tutorial.revision, "environment": self.environment,
                "ok": self.ok, "cancelled": self.cancelled, "steps": [s.to_dict() for s in self.steps],
                "passed": sum(1 for s in self.steps if s.passed and s.sent),
                "sent": sum(1 for s in self.steps if s.sent)}


def run_tutorial(tutorial: Tutorial, session, *, variables: dict | None = None, cancel=None,
                 on_step: Callable[[LessonStep], None] | None = None) -> LessonRun:
    """Send every step of `tutorial` through `session` (an open SendSession), in order, and check
    it; values carried by a step reach the later ones. A step that fails does not stop the run
    (a later step needing its value says which one is missing)."""
    env = session.environment
    if tutorial.sandbox_only and not env.is_sandbox:  # said before anything is sent
        raise LessonNeedsSandbox(tutorial=tutorial.id, why="the lesson breaks signatures on purpose with the sandbox's "
                                                           "own identity")
    values = {**lesson_variables(tutorial), **dict(variables or {})}
    run = LessonRun(tutorial, env.name, variables=values)
    report = RunReport(tutorial.id, env.name, started=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
                       planned=sum(1 for s in tutorial.steps if s.sends and (env.is_sandbox or not s.sandbox_only)))
    events = checks.EventWindow.for_environment(env)
    started = time.perf_counter()
    for step in tutorial.steps:
        if cancel is not None and cancel.cancelled:
            run.cancelled = True
            break
        if step.sends and step.sandbox_only and not env.is_sandbox:
            line = LessonStep(step, skipped=SANDBOX_ONLY_STEP)
        else:
            line = _run_step(tutorial, step, session, values, events, cancel) if step.sends else LessonStep(step)
        run.steps.append(line)
        if step.sends and not line.skipped:
            report.steps.append(_step_result(line))
        if line.outcome is not None:
            values.update(line.outcome.carried)
        if on_step:
            on_step(line)
        if line.cancelled:
            run.cancelled = True
            break
    report.elapsed_s = time.perf_counter() - started
    report.cancelled = run.cancelled
    run.report = report
    return run


def _run_step(tutorial, step: Step, session, values: dict, events, cancel) -> LessonStep:
    signing = step_signing(tutorial, step, session.environment)
    mark = events.mark()
    started = time.perf_counter()
    try:
        outcome = session.send(step.draft(values), keep_saves=False, credentials=signing.credentials,
                               signed_at=signing.signed_at(), cancel=cancel)
    except Cancelled as exc:
        return LessonStep(step, error=str(exc), cancelled=exc.fields.get("phase", "running"),
                          elapsed_s=time.perf_counter() - started)
    except WorkbenchError as exc:
        return LessonStep(step, error=str(exc), elapsed_s=time.perf_counter() - started)
    elapsed = time.perf_counter() - started
    if outcome.error is not None:
        return LessonStep(step, error=str(outcome.error), elapsed_s=elapsed)
    checked = evaluate_step(step, outcome.exchange, values, diagnoses=tuple(d.id for d in outcome.diagnoses),
                            events=events.since(mark))
    return LessonStep(step, checked, elapsed_s=elapsed)


def _step_result(line: LessonStep) -> StepResult:
    result = StepResult(line.step.id, (), line.step.request.operation, elapsed_s=line.elapsed_s,
                        cancelled=line.cancelled)
    if line.error:
        result.error = line.error
    elif line.outcome is not None:
        result.status = line.outcome.status
        result.failures = line.outcome.failures()
        result.saved = dict(line.outcome.carried)
    return result
