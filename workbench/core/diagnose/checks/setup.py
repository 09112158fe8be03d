"""Before anything was sent, and where nothing answered: a host variable with no value,
missing variables, nothing listening."""

from __future__ import annotations

import difflib
import re

from workbench.core.library.apis import HOST_VARIABLES as API_HOST_VARIABLES
from workbench.core.diagnose.checks.base import Finding, check
from workbench.core.diagnose.model import Evidence

HOST_VARIABLES = frozenset(API_HOST_VARIABLES.values())  # endpoint, smsVoiceV2Endpoint...


def _missing_names(obs) -> list[str]:
    missing = obs.error_fields.get("missing")
    if isinstance(missing, dict):
        return list(missing)
    found = re.search(r"missing variables?: (.*)", obs.error_message)
    return re.findall(r"(?:^|; )([\w.-]+) \(used in", found.group(1)) if found else []


@check
def host_placeholder(obs, ctx, match, now):
    """No environment: a host variable ({{endpoint}}) was missing, or went out URL-encoded."""
    names = [n for n in _missing_names(obs) if n in HOST_VARIABLES]
    encoded = re.search(r"%7B%7B\s*(\w+)|\{\{\s*(\w+)", obs.error_message)
    if not names and not encoded:
        return None
    name = names[0] if names else (encoded.group(1) or encoded.group(2))
    return Finding(captures={"variable": name}, evidence=[Evidence("error", obs.error_type, obs.error_message)])


@check
def missing_variables(obs, ctx, match, now):
    names = [n for n in _missing_names(obs) if n not in HOST_VARIABLES]
    if not names:
        return None
    known = set(HOST_VARIABLES) | set(getattr(ctx.environment, "variables", None) or ())
    steps = []
    for name in names:
        close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
        if close:
            steps.append(f"Did you mean {close[0]}? Change {name} to {close[0]} in the request.")
    return Finding(captures={"variables": ", ".join(names)}, steps=steps,
                   fixes=[{"action": "set_variable", "name": n} for n in names])


@check
def connection_refused(obs, ctx, match, now):
    local = obs.environment == "sandbox" or re.search(r"127\.0\.0\.1|localhost", obs.error_message)
    return Finding(fixes=[{"action": "start_sandbox"}] if local else [])
