"""Credential fixes that fit where the environment's credentials come from.

The catalogue offers `open_credentials` wherever the keys may be wrong or missing; only a
keyring environment stores keys, though. For an environment that reads an AWS profile the fix
is to check (or, for SSO, log in to) that profile; for one that reads the process environment,
to set AWS_ACCESS_KEY_ID and its companions; the local sandbox's identity is built in."""

from __future__ import annotations

import re

PROCESS_VARIABLES = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
SSO = re.compile(r"\bSSO\b", re.IGNORECASE)


def environment_of(ctx, obs):
    """The Environment the exchange was sent in (with its credential source), when known:
    the plan's, else the user's environment of that name."""
    if ctx.environment is not None:
        return ctx.environment
    return next((env for env in ctx.environments if env.name == obs.environment), None)


def credential_source(env):
    return getattr(env, "credential_source", None)


def fitting(fix: dict, env, obs) -> list[dict]:
    """`fix` itself, or what replaces an `open_credentials` fix for `env`'s credential source."""
    source = credential_source(env)
    if fix.get("action") != "open_credentials" or source is None or source.kind == "keyring":
        return [fix]
    if source.kind == "profile":
        check = {"action": "check_profile", "profile": source.profile, "environment": env.name}
        if SSO.search(obs.error_message or obs.message):
            return [{"action": "sso_login", "profile": source.profile}, check]
        return [check]
    if source.kind == "process":
        missing = obs.error_fields.get("missing")
        names = list(missing) if isinstance(missing, list) and missing else list(PROCESS_VARIABLES)
        return [{"action": "set_process_credentials", "names": names, "environment": env.name}]
    return []  # the sandbox: its identity is built in, there is nothing to store


def fit_fixes(fixes: list[dict], env, obs) -> list[dict]:
    return [fitted for fix in fixes for fitted in fitting(fix, env, obs)]
