"""The account health check's engine: make the catalogue's read-only calls through the send
service, several at once, follow every page, retry throttles and 5xx with backoff, fan out
the per-project and per-identity calls as their lists arrive, then let the rules read the
answers.

    report = run_health(session, cancel=token, progress=lambda p: ...)

Every call is a send like any other (signed by the project's signer, kept in the history,
diagnosed). A call the credentials may not make, an API the region does not offer, a
failing call: each becomes a finding of its own, never a failure of the whole check. A
cancel stops every call (Cancelled is raised once the ones in flight have stopped).
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.common.errors import WorkbenchError
from workbench.core.health.model import CallResult, CallSpec, HealthReport, catalogue

WORKERS = 8
RETRY_DELAYS = (0.5, 1.0, 2.0)  # seconds before each retry: exponential, as the SDKs' standard mode
RETRYABLE_CODES = {"TooManyRequestsException", "ThrottlingException", "Throttling", "RequestLimitExceeded"}


@dataclass(frozen=True)
class HealthProgress:
    done: int
    total: int  # grows as per-project calls are discovered
    call: str = ""  # the call that just finished

    def text(self) -> str:
        return f"{self.done} of {self.total} calls" + (f" ({self.call})" if self.call else "")


def _error_of(response) -> dict:
    body = response.json() if response is not None else None
    body = body if isinstance(body, dict) else {}
    code = (response.header("x-amzn-ErrorType") or body.get("__type") or body.get("code") or "").split(":")[0]
    code = code.rsplit("#", 1)[-1]
    message = body.get("message") or body.get("Message") or (response.text()[:300] if response is not None else "")
    return {"code": code or f"HTTP{response.status}", "message": message}


def _retryable(result: CallResult) -> bool:
    if result.status is None:  # no answer: retried when something was sent (not when it was never signed)
        return result.pages > 0
    if result.status == 501:  # not implemented: asking again changes nothing
        return False
    return result.status == 429 or result.status >= 500 or (result.error or {}).get("code") in RETRYABLE_CODES


def _sample(session, spec: CallSpec, result: CallResult) -> bool:
    """The local sandbox answered from the output shape: it keeps no state for this."""
    if not session.environment.is_sandbox or result.scenario or result.status is None or result.status >= 300:
        return False
    from workbench.core.sandbox.emulation import serving

    return serving(spec.api, spec.name) == "stateless"


def _once(session, spec: CallSpec, draft, cancel) -> CallResult:
    from workbench.core.library.paginators import is_paginated
    from workbench.core.sandbox.scenarios import scenario_of
    from workbench.core.send.pages import fetch_all_pages

    result = CallResult(spec)
    started = time.perf_counter()
    if is_paginated(spec.operation):
        fetched = fetch_all_pages(session, draft, cancel=cancel)
        if fetched.stopped == "cancelled":
            raise Cancelled(phase="health check")
        outcome = fetched.last_outcome
        result.pages, result.history_id = len(fetched.pages), fetched.history_id
        body = fetched.merged if fetched.stopped != "failed" else None
    else:
        outcome = session.send(draft, cancel=cancel)
        result.pages, result.history_id = (1, outcome.history_id) if outcome.exchange is not None else (0, None)
        body = None
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    if outcome.error is not None or outcome.exchange.response is None or not outcome.exchange.response.ok:
        result.diagnoses = tuple(d.id for d in outcome.diagnoses)  # worked out only for what went wrong
    if outcome.error is not None:  # not signed: the API is not offered here, no credentials...
        result.error, result.pages = {"code": outcome.error.code, "message": str(outcome.error)}, 0
        return result
    exchange = outcome.exchange
    response = exchange.response
    if response is None:
        result.error = {"code": exchange.error.code, "message": str(exchange.error)}
        return result
    result.status = response.status
    scenario = scenario_of(exchange)
    result.scenario = f"{scenario['name']}/{scenario['rule']}" if scenario else None
    if response.ok:
        parsed = body if body is not None else response.json()
        result.body = parsed if isinstance(parsed, dict) else None
    else:
        result.error = _error_of(response)
    result.sample = _sample(session, spec, result)
    return result


def run_call(session, spec: CallSpec, *, subject: str | None = None, variables=(), cancel=None,
             retry_delays=RETRY_DELAYS) -> CallResult:
    """One call of the check (every page of it), retried with backoff while throttled or failing."""
    from workbench.core.request.drafts import RequestDraft

    body = json.dumps(spec.body) if spec.body is not None else None
    draft = RequestDraft(operation=spec.operation, body=body, variables=tuple(variables))
    attempts = 0
    while True:
        attempts += 1
        result = _once(session, spec, draft, cancel)
        result.subject, result.attempts = subject, attempts
        if not _retryable(result) or attempts > len(retry_delays):
            return result
        stopped = threading.Event()
        unregister = cancel._on_cancel(stopped.set) if cancel is not None else (lambda: None)
        try:
            if stopped.wait(retry_delays[attempts - 1]):
                raise Cancelled(phase="health check")
        finally:
            unregister()


def _fan_out(spec: CallSpec, source: CallResult) -> tuple[list, int]:
    """[(subject, variables)] for each item `source` listed (at most the limit), and how many it listed."""
    rule = spec.for_each
    items = (source.body or {}).get(rule["items"]) if source.ok else None
    if not isinstance(items, list):
        return [], 0
    values = [item.get(rule["field"]) for item in items if isinstance(item, dict) and item.get(rule["field"])]
    return [(str(v), ((rule["variable"], str(v)),)) for v in values[: rule.get("limit", 50)]], len(values)


def run_health(session, *, cancel: CancelToken | None = None, progress=None, workers: int = WORKERS,
               retry_delays=RETRY_DELAYS, calls: tuple[CallSpec, ...] | None = None) -> HealthReport:
    """Every call of the check in `session`'s environment, then the findings (see the module)."""
    from workbench.core.health.rules import evaluate

    cancel = cancel or CancelToken()
    specs = calls if calls is not None else catalogue().calls
    started = time.perf_counter()
    results: list[CallResult] = []
    listed: dict[str, int] = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="health") as pool:
        def submit(spec, subject=None, variables=()):
            return pool.submit(run_call, session, spec, subject=subject, variables=variables, cancel=cancel,
                               retry_delays=retry_delays)

        pending = {submit(spec): spec for spec in specs if not spec.for_each}
        total, failure = len(pending), None
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                spec = pending.pop(future)
                try:
                    result = future.result()
                except Cancelled as exc:
                    failure = failure or exc
                    continue
                except WorkbenchError as exc:  # a call that could not even be planned
                    result = CallResult(spec, error={"code": exc.code, "message": str(exc)})
                results.append(result)
                if not cancel.cancelled:
                    for child in (s for s in specs if s.for_each and s.for_each["call"] == spec.id):
                        targets, count = _fan_out(child, result)
                        listed[child.id] = count
                        for subject, variables in targets:
                            pending[submit(child, subject, variables)] = child
                        total += len(targets)
                if progress is not None:
                    progress(HealthProgress(len(results), total, spec.id))
        if failure is not None or cancel.cancelled:
            raise failure or Cancelled(phase="health check")
    order = {spec.id: i for i, spec in enumerate(specs)}
    results.sort(key=lambda r: (order[r.spec.id], r.subject or ""))
    report = HealthReport(_environment(session.environment), calls=results,
                          elapsed_ms=(time.perf_counter() - started) * 1000)
    report.findings = evaluate(results, session.environment, listed)
    return report


def _environment(env) -> dict:
    from workbench.core.interop.bundle import mask_account

    return {"name": env.name, "region": env.region, "account": mask_account(env.account_id) if env.account_id else "",
            "sandbox": env.is_sandbox}
