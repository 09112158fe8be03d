"""What was meant, beside what happened: the operation, the request body, the environment,
and the user's other environments (to look for a project in another region)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from workbench.core.common import safe_json
from workbench.core.diagnose.observation import Observation


@dataclass(frozen=True)
class DiagnosisContext:
    api: str | None = None
    operation: str | None = None
    body: object = None  # the request body, parsed
    environment: object = None  # workbench.core.environments.model.Environment
    environments: tuple = ()  # every environment the user has
    template: object = None  # workbench.core.library.templates.RequestTemplate

    @property
    def key(self) -> str | None:
        return f"{self.api}:{self.operation}" if self.api and self.operation else None


def body_of(value):
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", "replace")
    if isinstance(value, str):
        try:
            return safe_json.loads(value) if value.strip() else None
        except ValueError:
            return None
    return value


def build_context(observation: Observation, given=None, environments=None) -> DiagnosisContext:
    """A DiagnosisContext from whatever the caller has: a DiagnosisContext, a plan-like object
    (core.plan.SendPlan: template, environment, prepared.rendered), a RequestTemplate, or
    nothing (then the operation is read from the signed URL)."""
    if isinstance(given, DiagnosisContext):
        context = given
    else:
        template = getattr(given, "template", None)
        if template is None and hasattr(given, "operation") and hasattr(given, "signing_name"):
            template = given  # a RequestTemplate
        rendered = getattr(given, "rendered", None) or getattr(getattr(given, "prepared", None), "rendered", None)
        body = getattr(rendered, "body_json", None) if rendered is not None else body_of(getattr(given, "body", None))
        if body is None and getattr(given, "request", None) is not None:
            body = body_of(getattr(given.request, "body", None))
        env = getattr(given, "environment", None) or getattr(given, "env", None)
        known = getattr(template, "api", None) not in (None, "raw")  # a raw draft's template names no operation
        context = DiagnosisContext(
            api=template.api if known else None, operation=template.operation if known else None,
            body=body, environment=env if hasattr(env, "region") else None, template=template if known else None,
        )
    if environments is not None:
        from dataclasses import replace

        context = replace(context, environments=tuple(environments))
    if context.body is None and observation.request_body is not None:
        from dataclasses import replace

        context = replace(context, body=observation.request_body)
    if context.operation is None and ":" in observation.operation:
        from dataclasses import replace

        api, _, operation = observation.operation.partition(":")
        context = replace(context, api=api, operation=operation)
    if context.operation is None and observation.inspection:
        context = _identified(context, observation.inspection)
    return context


def _identified(context: DiagnosisContext, inspection: dict) -> DiagnosisContext:
    from dataclasses import replace

    from workbench.core.sandbox.routing import identify

    parts = urlsplit(inspection.get("url", ""))
    target = next((v for k, v in inspection.get("headers", ()) if k.lower() == "x-amz-target"), None)
    raw = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    route = identify(inspection.get("method", "GET"), raw, target)
    if route.api is None or route.operation is None:
        return context
    return replace(context, api=route.api, operation=route.operation)
