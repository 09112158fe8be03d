"""A RequestDraft through the named send steps: the desktop window's way to send, until
`plan.py` (build_plan/run_plan) lands and replaces the body of `send_draft`.

    template_for_draft -> prepare_draft (render + validate) -> check_destination
    -> credentials -> execute (sign + transport), with progress and cancel.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from workbench.core.cancel import CancelToken, Cancelled
from workbench.core.drafts import RequestDraft
from workbench.core.progress import Progress, ProgressCallback, no_progress


def template_for_draft(draft: RequestDraft, library):
    """The library template a draft edits, with the draft's method/URL overrides applied."""
    api, _, operation = (draft.operation or "").partition(":")
    template = library.find(operation, api or None)
    changes = {}
    if draft.method:
        changes["method"] = draft.method.upper()
    if draft.url:
        changes["url"] = draft.url
    return replace(template, **changes) if changes else template


def draft_for_template(template, variant: str | None = None) -> RequestDraft:
    """A new, unsaved draft for an operation, with the chosen body filled in."""
    body = template.body_text(variant or "minimal") if template.has_body else None
    return RequestDraft(name=template.operation, operation=template.key, variant=variant,
                        method=template.method, url=template.url, body=body)


def body_for(draft: RequestDraft, template) -> str | None:
    if draft.body is not None:
        return draft.body
    return template.body_text(draft.variant or "minimal") if template.has_body else None


def prepare_draft(draft: RequestDraft, env, library, globals_: dict | None = None):
    """Render and validate (raises UnresolvedVariables / TemplateSyntaxProblem / UnsafeValue)."""
    from workbench.core.send_flow import prepare

    template = template_for_draft(draft, library)
    return template, prepare(template, env, draft.variables_dict(), body_for(draft, template),
                             globals_=globals_, extra_headers=tuple(draft.headers))


def send_draft(
    draft: RequestDraft,
    env,
    *,
    library,
    credentials_for: Callable,
    globals_: dict | None = None,
    cancel: CancelToken | None = None,
    progress: ProgressCallback = no_progress,
    options=None,
):
    """Render, check, sign and send `draft` in `env`; returns the Exchange. Errors that stop
    before anything is sent (missing variable, untrusted host, missing credentials) raise
    their WorkbenchError; a transport failure comes back in `Exchange.error`."""
    from workbench.core.destination import check_destination
    from workbench.core.lifecycle import lifecycle_notes
    from workbench.core.send_flow import execute

    cancel = cancel or CancelToken()
    template, prepared = prepare_draft(draft, env, library, globals_)
    check_destination(prepared.rendered.request, env)
    progress(Progress("credentials", env.credential_source.describe()))
    credentials = credentials_for(env)
    if cancel.cancelled:
        raise Cancelled(phase="credentials")
    progress(Progress("sending", prepared.rendered.request.host))
    region = (draft.auth.region if draft.auth and draft.auth.region else env.region)
    signing_name = (draft.auth.signing_name if draft.auth and draft.auth.signing_name else template.signing_name)
    exchange = execute(prepared.rendered.request, credentials, env, signing_name=signing_name, region=region,
                       problems=prepared.problems, notes=lifecycle_notes(template), options=options, cancel=cancel)
    progress(Progress("done"))
    return exchange
