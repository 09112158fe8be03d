"""The send pipeline as named steps, each returning data a UI can show:

    prepare  -> Prepared (rendered request + validation problems; never blocks)
    destination.check_destination (credentials go only to the environment's AWS hosts or the sandbox)
    sign     -> signing.SignedRequest (request as sent + InspectionRecord)
    transport.send -> Response, or a TransportError

The send service (core.send.service) runs them for every front end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Mapping

from workbench.core.environments.model import Environment
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.library.templates import RequestTemplate
from workbench.core.request.render import RenderedRequest, merge_scopes, render
from workbench.core.library.apis import APIS
from workbench.core.request.validation import validate

if TYPE_CHECKING:
    from workbench.core.request.http import HttpRequest
    from workbench.core.send.signing import InspectionRecord
    from workbench.core.send.transport import Response


def check_api_offered(api: str, env, request_variables: Mapping[str, str]) -> None:
    """ApiNotOffered when `env`'s region has no host for `api` and the request does not
    bring its own (a variable naming the host): said before rendering, instead of a
    missing host variable."""
    info = APIS.get(api)
    if info is None or env.is_sandbox or info.variable in request_variables:
        return
    env.host_for(api)


@dataclass(frozen=True)
class Prepared:
    rendered: RenderedRequest
    problems: tuple[Problem, ...] = field(default=())

    def to_dict(self) -> dict:
        return {**self.rendered.to_dict(), "problems": [p.to_dict() for p in self.problems]}


def prepare(
    template: RequestTemplate,
    env: Environment,
    request_variables: dict,
    body: str | None,
    globals_: dict | None = None,
    extra_headers: tuple[tuple[str, str], ...] = (),
    validate_request: bool = True,
    scheme: str | None = None,
    collection: dict | None = None,
) -> Prepared:
    """Render with scopes request < environment < collection < globals, then validate (not
    blocking). An API the environment's region does not offer is said as such (ApiNotOffered)."""
    check_api_offered(template.api, env, request_variables)
    variables = merge_scopes(request=request_variables, environment=env.template_variables(), globals_=globals_,
                             collection=collection)
    rendered = render(template, variables, body, scheme=scheme or env.scheme, extra_headers=extra_headers)
    problems = tuple(validate(rendered)) if validate_request else ()
    return Prepared(rendered, problems)


def transport_options(env: Environment, options=None):
    """`options` (default SendOptions()) with the environment's CA bundle, unless one is set."""
    from workbench.core.send import transport
    options = options or transport.SendOptions()
    if env.ca_bundle and not options.ca_bundle:
        options = replace(options, ca_bundle=env.ca_bundle)
    return options


@dataclass(frozen=True)
class Exchange:
    """One send, as data: what was signed, and what came back (or why nothing did)."""

    environment: str
    inspection: "InspectionRecord"
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()
    response: "Response | None" = None
    error: WorkbenchError | None = None  # a TransportError when nothing came back
    sent: bool = True
    operation: str = ""  # "pinpoint:GetApps", or "GET request" for a raw one
    region: str = ""
    # the signature as sent (a server may echo it): in memory only, for whatever shows the
    # exchange to mask (never in to_dict, never kept)
    signature: str = field(default="", repr=False, compare=False)

    def to_dict(self, with_inspection: bool = True) -> dict:
        data: dict = {"environment": self.environment, "problems": [p.to_dict() for p in self.problems]}
        if self.notes:
            data["notes"] = list(self.notes)
        if with_inspection or not self.sent:
            data["inspection"] = self.inspection.to_dict()
        if not self.sent:
            return data | {"sent": False}
        if self.response is None:
            error = {"type": type(self.error).__name__, "message": str(self.error), "code": self.error.code}
            return data | {"status": None, "error": error}
        parsed = self.response.json()
        return data | {
            "status": self.response.status,
            "reason": self.response.reason,
            "headers": dict(self.response.headers),
            "body": parsed if parsed is not None else self.response.text(),
            "body_path": self.response.body_path,
            "elapsed_ms": round(self.response.elapsed_ms, 3),
            "size_bytes": self.response.size_bytes,
        }


_SIGNATURE = re.compile(r"Signature=([0-9a-f]{64})")


def execute(
    request: HttpRequest,
    credentials,
    env: Environment,
    *,
    signing_name: str,
    region: str,
    problems: tuple[Problem, ...] = (),
    notes: tuple[str, ...] = (),
    dry_run: bool = False,
    options=None,
    cancel=None,
    progress=None,
    signed_at=None,
    unsigned: bool = False,
) -> Exchange:
    """Sign `request` (unless `unsigned`: Postman's noauth) and (unless `dry_run`) send it;
    `signed_at` (a datetime) signs as if the clock said that (a lesson's skewed clock), else
    the clock now. Blocking: the CLI calls it directly, the desktop window from a worker
    thread with a CancelToken. Transport failures come back in `Exchange.error`, not as
    exceptions; a cancel raises Cancelled (naming the phase), as it does in every other step
    of a send."""
    from workbench.core.send import transport
    from workbench.core.send.signing import sign, unsigned_request

    if unsigned:
        signed = unsigned_request(request)
    else:
        signed = sign(request, credentials, region=region, signing_name=signing_name, timestamp=signed_at)
    sent_signature = _SIGNATURE.search(signed.request.header("Authorization") or "")
    exchange = Exchange(env.name, signed.inspection, tuple(problems), tuple(notes), region=region,
                        signature=sent_signature.group(1) if sent_signature else "")
    if dry_run:
        return replace(exchange, sent=False)
    try:
        response = transport.send(signed.request, transport_options(env, options), cancel, progress)
    except transport.Cancelled:
        raise
    except transport.TransportError as exc:
        return replace(exchange, error=exc)
    return replace(exchange, response=response)
