"""The calls' results as the rules read them (by call id), and what a denied call is."""

from __future__ import annotations

import functools

from workbench.core.health.model import CallResult

DENIED_CODES = {"AccessDeniedException", "ForbiddenException", "AccessDenied", "UnauthorizedOperation"}


class Answers:
    """The calls' results, by call id."""

    def __init__(self, results: list[CallResult], environment, listed: dict):
        self.results = results
        self.environment = environment
        self.listed = listed  # for_each call id -> how many items its source listed

    def all(self, call_id: str) -> list[CallResult]:
        return [r for r in self.results if r.spec.id == call_id]

    def ok(self, call_id: str) -> list[CallResult]:
        return [r for r in self.all(call_id) if r.ok]

    def one(self, call_id: str) -> CallResult | None:
        found = self.ok(call_id)
        return found[0] if found else None


@functools.lru_cache(maxsize=1)
def _actions() -> dict[str, str]:
    """operation (api:Operation) -> its IAM action (troubleshooting_facts.json, from iam-actions.json)."""
    from workbench.core.diagnose.checks.base import facts

    return {fact["operation"]: action for action, fact in facts()["iam_actions"].items() if fact.get("operation")}


def iam_action(operation: str) -> str:
    from workbench.core.library.apis import APIS

    api, _, name = operation.partition(":")
    return _actions().get(operation) or f"{APIS[api].signing_name}:{name}"


def denied(result: CallResult) -> bool:
    error = result.error or {}
    return result.status == 403 and (error.get("code") in DENIED_CODES or "not authorized" in error.get("message", ""))
