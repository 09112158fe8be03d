"""From the calls' answers to findings: each area's rules (rules_sms, rules_email,
rules_pinpoint) read the answers that came; this module says what could not be read (a
call denied by IAM, an API the region does not offer, a call that failed, a sandbox sample)
and puts every finding in order."""

from __future__ import annotations

from workbench.core.health.answers import Answers, denied, iam_action
from workbench.core.health.model import AREAS, SEVERITIES, CallResult, Evidence, Finding, finding

def _detail(result: CallResult) -> str:
    error = result.error or {}
    if result.status is None:
        return f"no answer: {error.get('message', '')}".strip()
    message = error.get("message", "")
    return f"HTTP {result.status} {error.get('code', '')}" + (f": {message[:160]}" if message else "")


def _unseen(answers: Answers) -> list[Finding]:
    found, seen = [], set()
    env = answers.environment
    for result in answers.results:
        spec = result.spec
        if result.ok or (spec.id, "any") in seen:
            continue
        evidence = [Evidence(spec.id, spec.operation, "status", result.status)] if result.status is not None else \
            [Evidence(spec.id, spec.operation, "error", (result.error or {}).get("code"))]
        if result.sample:
            seen.add((spec.id, "any"))
            found.append(finding("sandbox-keeps-no-state", evidence, what=spec.what, operation=spec.operation))
        elif denied(result):
            seen.add((spec.id, "any"))
            evidence.append(Evidence(spec.id, spec.operation, "message", (result.error or {}).get("message", "")))
            found.append(finding("cannot-see", evidence, what=spec.what, action=iam_action(spec.operation)))
        elif (result.error or {}).get("code") == "api_not_offered":
            if (spec.api, "offered") not in seen:
                seen.add((spec.api, "offered"))
                from workbench.core.library.apis import APIS

                found.append(finding("api-not-offered", evidence, api=APIS[spec.api].title, region=env.region,
                                     what=spec.what))
        elif spec.feature or (spec.id == "pinpoint.event-stream" and result.status == 404):
            continue  # an ended feature the service refuses to list, or no event stream: rules_pinpoint says it
        else:
            seen.add((spec.id, "any"))
            diagnosis = result.diagnoses[0] if result.diagnoses else "unexplained-error"
            item = finding("call-failed", evidence, what=spec.what, detail=_detail(result))
            found.append(Finding(item.code, item.severity, item.area, item.title, item.evidence, {"guide": diagnosis}))
    return found


def evaluate(results: list[CallResult], environment, listed: dict | None = None) -> list[Finding]:
    """Every finding, grouped by area (in AREAS' order), errors first within an area."""
    from workbench.core.health import rules_email, rules_pinpoint, rules_sms

    answers = Answers(results, environment, listed or {})
    found = rules_sms.check(answers) + rules_email.check(answers) + rules_pinpoint.check(answers) + _unseen(answers)
    area_order = {area: i for i, area in enumerate(AREAS)}
    return sorted(found, key=lambda f: (area_order[f.area], SEVERITIES.index(f.severity)))
