"""A draft + an environment -> the prepared request, its signing name and region.

Linked drafts render through their library template (the draft's variables, body,
extra headers and extra query on top); raw drafts through a one-off template built from
the draft's method and URL, signed with the draft's awsv4 service name. The interop side
uses this until the core's send plan takes drafts directly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbench.core.drafts import RequestDraft
from workbench.core.environments import Environment
from workbench.core.errors import WorkbenchError
from workbench.core.library import Library, QueryParam, RequestTemplate, default_library
from workbench.core.render import merge_scopes
from workbench.core.interop.linking import POSTMAN_VAR
from workbench.core.send_flow import Prepared, prepare


class DraftNotSendable(WorkbenchError):
    fmt = "{name}: {reason}"


@dataclass(frozen=True)
class DraftRender:
    template: RequestTemplate
    prepared: Prepared
    signing_name: str
    region: str
    variables: dict  # the merged values the request was rendered with


def template_for(draft: RequestDraft, library: Library | None = None) -> RequestTemplate:
    """The template a draft renders through (its library operation, or a raw one)."""
    extra_query = tuple(QueryParam(name=k, value=v, required=True) for k, v in draft.query)
    if draft.operation:
        library = library or default_library()
        api, _, operation = draft.operation.partition(":")
        try:
            template = library.get(api, operation)
        except KeyError:
            raise DraftNotSendable(name=draft.name or draft.operation, reason=f"no library operation {draft.operation}") from None
        changes = {"query": template.query + extra_query}
        if draft.method:
            changes["method"] = draft.method.upper()
        if draft.url:
            changes["url"] = draft.url
        return replace(template, **changes)
    if not draft.method or not draft.url:
        raise DraftNotSendable(name=draft.name or "request", reason="a raw request needs a method and a URL")
    signing = draft.auth.signing_name if draft.auth else ""
    return RequestTemplate(
        api="raw", operation=f"{draft.method.upper()} request", group="", signing_name=signing, protocol="",
        method=draft.method.upper(), url=draft.url, headers=(), query=extra_query, variables=(),
        lifecycle={}, documentation="",
    )


def _fill(text: str, variables: dict) -> str:
    return POSTMAN_VAR.sub(lambda m: str(variables.get(m.group(1), m.group(0))), text)


def render_draft(
    draft: RequestDraft,
    env: Environment,
    variables: dict | None = None,
    library: Library | None = None,
    validate_request: bool = True,
) -> DraftRender:
    """Render `draft` in `env`; `variables` (e.g. values saved by earlier requests of a run)
    win over the draft's own."""
    template = template_for(draft, library)
    own = draft.variables_dict() | dict(variables or {})
    body = draft.body
    if body is None and draft.operation:
        body = template.body_text(draft.variant or "minimal") if template.has_body else None
    prepared = prepare(template, env, own, body, extra_headers=draft.headers,
                       validate_request=validate_request and template.api != "raw")
    merged = merge_scopes(request=own, environment=env.template_variables())
    signing = template.signing_name
    region = env.region
    if draft.auth is not None:
        if draft.auth.region:
            region = _fill(draft.auth.region, merged) or env.region
        if template.api == "raw":
            signing = _fill(draft.auth.signing_name, merged)
    if not signing or "{{" in signing:
        raise DraftNotSendable(name=draft.name or "request", reason="no signing name (awsv4 service) for this raw request")
    if "{{" in region:
        region = env.region
    return DraftRender(template, prepared, signing, region, merged)
