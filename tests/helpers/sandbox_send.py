"""Send one signed request to a sandbox, optionally tampering with it after signing (the
diagnosis tests' way of making the errors AWS answers)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from workbench.core.send import transport
from workbench.core.environments.credentials import SANDBOX_CREDENTIALS
from workbench.core.environments.model import sandbox_environment
from workbench.core.library.templates import default_library
from workbench.core.send.send_flow import Exchange, prepare
from workbench.core.send.signing import sign


def send_to(url: str, operation: str, *, variables=None, body=None, credentials=SANDBOX_CREDENTIALS,
            region=None, signing_name=None, timestamp: datetime | None = None, tamper=None):
    """Render `api:Operation` for the sandbox at `url`, sign, optionally `tamper(request)` after
    signing, send. -> (Exchange, Prepared)."""
    api, _, name = operation.partition(":")
    template = default_library().get(api, name)
    env = sandbox_environment(url)
    text = json.dumps(body) if body is not None else template.body_text()
    prepared = prepare(template, env, variables or {}, text, validate_request=True)
    signed = sign(prepared.rendered.request, credentials, region=region or env.region,
                  signing_name=signing_name or template.signing_name, timestamp=timestamp)
    request = tamper(signed.request) if tamper else signed.request
    exchange = Exchange(env.name, signed.inspection, prepared.problems)
    try:
        response = transport.send(request, transport.SendOptions(read_timeout=30))
    except transport.TransportError as exc:
        return replace(exchange, error=exc), prepared
    return replace(exchange, response=response), prepared
