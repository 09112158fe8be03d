"""Credentials and signatures: the key AWS does not know, the signature that does not
match (see signature.py), the credential scope's region and service."""

from __future__ import annotations

from workbench.core.diagnose.checks import signature
from workbench.core.diagnose.checks.base import Finding, check, endpoint_region
from workbench.core.diagnose.credential_fixes import credential_source, environment_of
from workbench.core.diagnose.model import Evidence


@check
def security_token(obs, ctx, match, now):
    inspection = obs.inspection or {}
    key_id = inspection.get("access_key_id", "")
    shown = key_id[:4] + "…" + key_id[-4:] if len(key_id) > 8 else key_id
    causes = [
        {"cause": "the access key ID is wrong, deleted or deactivated (or belongs to another partition)",
         "why": f"the request was signed with key {shown}" if shown else ""},
        {"cause": "the access key ID or secret is missing from the environment's credentials", "why": ""},
    ]
    if inspection.get("session_token_used"):
        causes.insert(0, {"cause": "the session token has expired or does not belong to this key",
                          "why": "the request carried an X-Amz-Security-Token (temporary credentials)"})
    evidence = [Evidence("inspection", "access key id", shown)] if shown else []
    return Finding(captures={"key_id": shown or "?"}, evidence=evidence, details={"ranked_causes": causes})


@check
def signature_diff(obs, ctx, match, now):
    return signature.explain_mismatch(obs, ctx, now)


@check
def scope_region(obs, ctx, match, now):
    region = endpoint_region(obs, ctx)
    signed = (obs.inspection or {}).get("region") or match.captures.get("scoped")
    if not region or region == signed:
        return Finding(captures={"region": region or "the endpoint's region", "scoped": signed or "?"})
    return Finding(captures={"region": region, "scoped": signed or "?"},
                   evidence=[Evidence("inspection", "credential scope", (obs.inspection or {}).get("credential_scope", signed or ""))],
                   fixes=[{"action": "resign", "region": region}])


@check
def scope_service(obs, ctx, match, now):
    wanted = match.captures.get("service")
    signed = (obs.inspection or {}).get("signing_name", "?")
    return Finding(captures={"signed": signed},
                   evidence=[Evidence("inspection", "signing name", signed)],
                   fixes=[{"action": "resign", "signing_name": wanted}] if wanted else [])


CAUSE_BY_SOURCE = {
    "keyring": "No access key ID and secret access key are stored in the OS keyring for this environment.",
    "profile": ("The AWS profile is missing from the AWS config files, gives no keys, role, SSO or credential_process, "
                "or its SSO session has expired."),
    "process": ("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set in the process environment "
                "the workbench runs in."),
}


@check
def credentials_from_source(obs, ctx, match, now):
    """No credentials: say where this environment takes them from (its fixes fit that source)."""
    source = credential_source(environment_of(ctx, obs))
    if source is None:
        return Finding(captures={"source": "its credential source",
                                 "why": "The environment's credential source gave no access key ID and secret access key."})
    return Finding(captures={"source": f"the {source.describe()}", "why": CAUSE_BY_SOURCE.get(source.kind, "")},
                   evidence=[Evidence("inspection", "credential source", source.describe())])


@check
def keyring_unavailable(obs, ctx, match, now):
    return Finding(captures={"reason": str(obs.error_fields.get("reason") or "no usable keyring")})
