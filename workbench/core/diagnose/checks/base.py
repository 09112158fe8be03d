"""What every code check shares: the Finding it returns, the registry, the vendored facts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from workbench.core.common.resources import RESOURCES_DIR

MAX_SKEW_SECONDS = 5 * 60  # SigV4: a request signed more than 5 minutes off is refused


@dataclass
class Finding:
    captures: dict = field(default_factory=dict)
    evidence: list = field(default_factory=list)
    steps: list = field(default_factory=list)  # shown before the entry's own steps
    fixes: list = field(default_factory=list)  # offered before the entry's own fixes
    details: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def facts() -> dict:
    with open(RESOURCES_DIR / "troubleshooting_facts.json", encoding="utf-8") as handle:
        return json.load(handle)


CHECKS: dict = {}  # name -> function(observation, context, match, now) -> Finding | None


def check(function):
    CHECKS[function.__name__] = function
    return function


def endpoint_region(obs, ctx) -> str | None:
    """The region the endpoint belongs to: from an AWS host name, else the environment's."""
    from workbench.core.library import regions
    host = urlsplit((obs.inspection or {}).get("url", "")).hostname or ""
    found = regions.api_region_from_host(host) if host else None
    if found:
        return found[1]
    if ctx.environment is not None:
        return ctx.environment.region
    if obs.environment == "sandbox":
        from workbench.core.environments.sandbox_identity import SANDBOX_REGION

        return SANDBOX_REGION
    return None
