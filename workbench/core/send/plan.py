"""A send's plan and its run: the steps the send service (core.send.service) takes for
every front end (command line, window, compare, runner).

    build_plan(draft, env)  -> SendPlan: the prepared request, its problems, notes (end of
                               support, not served by the sandbox), whether it needs confirmation, the destination verdict,
                               or the error that stopped rendering. Never blocks, never raises
                               for the request's content.
    run_plan(plan, ...)     -> Exchange: refuses an untrusted destination or an unconfirmed
                               production send, resolves credentials (unless given), signs and
                               sends, with a cancel token and progress callback throughout.

A draft is either linked to a library operation ("pinpoint:GetApps") or raw (method, URL,
signing name in `draft.auth.signing_name`). Both plan the same way; a raw request is not
validated against a model (it has none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from workbench.core.common.cancel import CancelToken
from workbench.core.environments.credentials import fetch_credentials
from workbench.core.environments.destination import UntrustedDestination, check_destination
from workbench.core.request.drafts import RequestDraft, draft_problems
from workbench.core.environments.model import Environment
from workbench.core.environments.operation_risk import needs_confirmation
from workbench.core.common.errors import Note, Problem, WorkbenchError
from workbench.core.request.http import HttpRequest
from workbench.core.library.templates import Library, QueryParam, RequestTemplate, find_template
from workbench.core.library.lifecycle import lifecycle_notes
from workbench.core.common.progress import ProgressCallback
from workbench.core.request.render import UnsafeValue, render_text
from workbench.core.library.signing_names import global_signing_region
from workbench.core.send.request_identity import RequestIdentity, request_identity
from workbench.core.send.send_flow import Exchange, Prepared, execute, prepare

class DraftNotPlannable(WorkbenchError):
    """A draft that cannot become a request at all (no method, no URL, no signing name...)."""

    fmt = "{where}: {reason}"


class ConfirmationRequired(WorkbenchError):
    fmt = "{operation} changes or sends on production environment {environment!r}"
    remedy = "confirm"


@dataclass(frozen=True)
class SendPlan:
    """Everything known about a send before anything is signed: data a front end shows."""

    draft: RequestDraft
    environment: Environment
    template: RequestTemplate | None  # the library template (or the one built for a raw draft)
    operation: str  # "CreateApp", or "GET request" for a raw draft
    signing_name: str
    region: str
    prepared: Prepared | None = None  # None when rendering stopped
    error: WorkbenchError | None = None  # what stopped rendering
    notes: tuple[Note, ...] = ()
    needs_confirmation: bool = False
    destination: UntrustedDestination | None = None  # None: credentials may go there
    identity: RequestIdentity | None = field(default=None, repr=False)  # the request's own credentials

    @property
    def unsigned(self) -> bool:
        """Sent without a signature (an imported Postman request's noauth)."""
        return self.draft.unsigned

    @property
    def request(self) -> HttpRequest | None:
        return self.prepared.rendered.request if self.prepared else None

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.prepared.problems if self.prepared else ()

    @property
    def ready(self) -> bool:
        """Rendered: it can be signed (problems and notes never block)."""
        return self.error is None

    @property
    def key(self) -> str:
        return self.template.key if self.template is not None and not self.draft.is_raw else "raw"

    def to_dict(self) -> dict:
        data = {
            "operation": self.operation,
            "key": self.key,
            "environment": self.environment.name,
            "region": self.region,
            "signing_name": self.signing_name,
            "needs_confirmation": self.needs_confirmation,
            "destination": {"trusted": self.destination is None,
                            **({"error": self.destination.to_dict()} if self.destination else {})},
            "problems": [p.to_dict() for p in self.problems],
            "notes": [n.to_dict() for n in self.notes],
        }
        if self.unsigned:
            data["unsigned"] = True
        elif self.identity is not None:
            data["signs_as"] = self.identity.to_dict()  # the bindings as written, never their values
        if self.request is not None:
            data["request"] = self.request.to_dict()
        if self.error is not None:
            data["error"] = self.error.to_dict()
        return data


# --------------------------------------------------------------------------- building


def raw_template(method: str, url: str, signing_name: str, headers=(), name: str = "") -> RequestTemplate:
    """A template for a request botocore may not know: its query string is kept as pasted
    (already percent-encoded: `+` stays `+`); values may hold {{ variables }}."""
    base, _, query = url.partition("?")
    return RequestTemplate(
        api="raw", operation=name or f"{method.upper()} request", group="", signing_name=signing_name,
        protocol="", method=method.upper(), url=base, headers=tuple(headers),
        query=tuple(QueryParam(name=k, value=v if sep else None, required=True, encoded=True)
                    for k, sep, v in (pair.partition("=") for pair in query.split("&") if pair)),
        variables=(), lifecycle={}, documentation="",
    )


def _own_scheme(url: str) -> str | None:
    """A URL with a literal host keeps its own scheme; `{{ endpoint }}` takes the environment's."""
    if "://" not in url:
        return None
    scheme, rest = url.split("://", 1)
    host = rest.split("/", 1)[0]
    return None if "{{" in host else scheme.lower()


def template_for_draft(draft: RequestDraft, library: Library | None = None) -> RequestTemplate:
    """The template a draft renders with: its library operation (method/URL overridden when the
    draft says so, extra query parameters appended), or one built for a raw draft."""
    if draft.is_raw:
        problems = draft_problems(draft)
        if problems:
            raise DraftNotPlannable(where=draft.name or "raw request", reason=problems[0].message, place=problems[0].path)
        template = raw_template(draft.method, draft.url, draft.auth.signing_name if draft.auth else "")
    else:
        api, _, name = draft.operation.rpartition(":")
        try:
            # a saved draft names "api:Operation" exactly; without a library, read that one file
            template = library.get(api, name) if library else find_template(draft.operation)
        except KeyError:
            template = library.find(draft.operation)
        if draft.method or draft.url:
            template = replace(template, method=(draft.method or template.method).upper(), url=draft.url or template.url)
    if draft.query:
        extra = tuple(QueryParam(name=k, value=v, required=True) for k, v in draft.query)
        template = replace(template, query=template.query + extra)
    return template


def draft_body(draft: RequestDraft, template: RequestTemplate) -> str | None:
    if draft.body is not None or draft.is_raw:
        return draft.body
    return template.body_text(draft.variant or "minimal")


def draft_variables(draft: RequestDraft, template: RequestTemplate) -> dict:
    """The request scope: the variant's example values < the draft's own variables."""
    variant_values = {}
    if not draft.is_raw and draft.variant not in (None, "minimal", "full"):
        variant_values = dict(template.variant(draft.variant).variables)
    return {**variant_values, **draft.variables_dict()}


def _notes(template: RequestTemplate, draft: RequestDraft, env: Environment) -> list[Note]:
    if draft.is_raw:
        return []
    notes = []
    kind = "end_of_support" if template.lifecycle_status.startswith("end-of-support") else "lifecycle_unclear"
    notes += [Note(kind, text) for text in lifecycle_notes(template)]
    if env.is_sandbox:
        from workbench.core.sandbox.served import is_served

        if not is_served(template.api, template.operation):
            notes.append(Note("not_in_sandbox", f"the local sandbox does not serve {template.operation}; "
                                                "it will answer NotImplementedBySandbox"))
    return notes  # placeholders left in the body are validation problems ("placeholder left in $.Name")


def _confirmation_needed(env: Environment, template: RequestTemplate, draft: RequestDraft) -> bool:
    return needs_confirmation(env, template.operation, method=template.method if draft.is_raw else None)


def confirmation_needed(draft: RequestDraft, env: Environment, library: Library | None = None) -> bool:
    """Whether sending `draft` in `env` asks first (a destructive or sending operation on a
    production environment): known before anything is rendered, so a window asks at once."""
    if not env.production:
        return False
    return _confirmation_needed(env, template_for_draft(draft, library), draft)


def build_plan(
    draft_or_request: RequestDraft,
    env: Environment,
    *,
    globals_: Mapping[str, str] | None = None,
    library: Library | None = None,
    notes: tuple[Note, ...] = (),
    collection: Mapping[str, str] | None = None,
) -> SendPlan:
    """Plan a send of `draft_or_request` in `env`. A problem with the draft itself (unknown
    operation, bad raw draft) raises; anything about its content lands in the plan.
    `collection`: the variables of the collection the draft belongs to (below the environment's)."""
    draft = draft_or_request
    template = template_for_draft(draft, library)
    body = draft_body(draft, template)
    variables = draft_variables(draft, template)
    notes = tuple(notes) + tuple(_notes(template, draft, env))
    try:
        prepared = prepare(template, env, variables, body, globals_, extra_headers=tuple(draft.headers),
                           collection=collection, validate_request=not draft.is_raw, scheme=_own_scheme(draft.url) if draft.is_raw else None)
        signing_name, region = _auth(draft, template, prepared.rendered.variables, env, prepared.rendered.request)
        identity = None if draft.unsigned else request_identity(draft.auth, prepared.rendered.variables)
    except WorkbenchError as exc:
        return SendPlan(draft, env, template, template.operation, template.signing_name, env.region, error=exc, notes=notes)
    destination = None
    try:
        check_destination(prepared.rendered.request, env)
    except UntrustedDestination as exc:
        destination = exc
    return SendPlan(draft, env, template, template.operation, signing_name, region, prepared=prepared, notes=notes,
                    needs_confirmation=_confirmation_needed(env, template, draft), destination=destination,
                    identity=identity)


def _auth(draft: RequestDraft, template: RequestTemplate, variables: Mapping, env: Environment,
          request: HttpRequest) -> tuple[str, str]:
    """(signing name, region): the draft's awsv4 values (which may hold {{ variables }}), else
    the operation's signing name and the region AWS signs it in: a global endpoint's
    (us-east-1 for STS's sts.amazonaws.com, IAM...), else the environment's."""
    auth = draft.auth
    signing_name = render_text(auth.signing_name, variables, "auth signing name") if auth and auth.signing_name else ""
    region = render_text(auth.region, variables, "auth region") if auth and auth.region else ""
    for place, value in (("auth signing name", signing_name), ("auth region", region)):
        if value and not _SCOPE_PART.fullmatch(value):  # it lands in the Authorization header's credential scope
            raise UnsafeValue(place=place, reason=f"{value!r} is not a signing name or region (lowercase letters, digits, -)")
    signing_name = signing_name or template.signing_name
    return signing_name, region or global_signing_region(signing_name, request.host) or env.region


_SCOPE_PART = re.compile(r"[a-z0-9-]{1,64}")


# --------------------------------------------------------------------------- running


def check_sendable(plan: SendPlan, *, dry_run: bool = False, confirmed: bool = False, allow_any_host: bool = False) -> None:
    """What stops a plan before any credential is fetched: what stopped rendering,
    UntrustedDestination (unless `allow_any_host`), ConfirmationRequired (production, not
    `confirmed`, not a dry run)."""
    if plan.error is not None:
        raise plan.error
    if plan.destination is not None:
        if not allow_any_host:
            raise plan.destination
        check_destination(plan.request, plan.environment, allow_any_host=True)  # https and metadata rules stay
    if plan.needs_confirmation and not confirmed and not dry_run:
        raise ConfirmationRequired(operation=plan.operation, environment=plan.environment.name)


def run_plan(
    plan: SendPlan,
    *,
    credentials=None,
    environ: Mapping[str, str],
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    options=None,
    dry_run: bool = False,
    confirmed: bool = False,
    allow_any_host: bool = False,
    signed_at=None,
) -> Exchange:
    """Sign and send a plan (a dry run signs only; `signed_at` pins the signing clock). Raises
    what `check_sendable` raises, credential errors, Cancelled; a transport failure comes back
    in `Exchange.error`. An unsigned plan fetches no credentials; a plan whose request names its
    own identity signs with it (the environment's credentials only for a binding that is the
    environment's)."""
    check_sendable(plan, dry_run=dry_run, confirmed=confirmed, allow_any_host=allow_any_host)
    environment_credentials = credentials

    def fetch():
        nonlocal environment_credentials
        if environment_credentials is None:
            environment_credentials = fetch_credentials(plan.environment, environ, cancel=cancel, progress=progress)
        return environment_credentials

    # unsigned: nothing fetched; the request's own identity: never the environment's instead
    signing = None if plan.unsigned else plan.identity.credentials(fetch) if plan.identity else fetch()
    exchange = execute(
        plan.request, signing, plan.environment, signing_name=plan.signing_name, region=plan.region,
        problems=plan.problems, notes=tuple(str(n) for n in plan.notes), dry_run=dry_run, options=options,
        cancel=cancel, progress=progress, signed_at=signed_at, unsigned=plan.unsigned,
    )
    return replace(exchange, operation=plan.key if plan.key != "raw" else plan.operation, region=plan.region)
