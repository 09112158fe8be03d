"""Code checks: what the catalogue's data matchers cannot express. Each takes
(observation, context, match, now) and returns a Finding, or None when it does not apply.
The catalogue names them in an entry's "check"."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from urllib.parse import urlsplit

from workbench.core.apis import APIS
from workbench.core.diagnose import signature
from workbench.core.diagnose.matching import find_key
from workbench.core.diagnose.model import Evidence
from workbench.core.resources import RESOURCES_DIR, load_reference

HOST_VARIABLES = ("endpoint", "smsVoiceV2Endpoint", "smsVoiceEndpoint", "emailEndpoint")
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


CHECKS = {}


def check(function):
    CHECKS[function.__name__] = function
    return function


def _env_name(obs, ctx) -> str:
    return getattr(ctx.environment, "name", None) or obs.environment


# --------------------------------------------------------------------------- setup


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
    return Finding(captures={"variables": ", ".join(names)},
                   fixes=[{"action": "set_variable", "name": n} for n in names])


# --------------------------------------------------------------------------- credentials and signatures


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
def clock_skew(obs, ctx, match, now):
    """Fatal skew: the response's Date and the local clock more than 5 minutes apart."""
    skew = response_skew(obs, now)
    if skew is None or abs(skew) <= MAX_SKEW_SECONDS:
        return None
    return _skew_finding(obs, skew)


@check
def signature_time(obs, ctx, match, now):
    """'Signature expired' / 'not yet current': add the measured skew when a Date came back."""
    skew = response_skew(obs, now)
    if skew is None:
        return Finding(captures={"skew": "off by an amount this answer cannot tell (no Date header, or no signing time)"})
    return _skew_finding(obs, skew)


def local_clock(obs, now) -> datetime | None:
    """The local clock when the request went out: `now` when the caller says, else the
    signing time (X-Amz-Date, read from the local clock; right for a saved exchange too);
    None when neither is known (a saved exchange without its inspection)."""
    if now is not None:
        return now
    stamp = (obs.inspection or {}).get("timestamp")
    if stamp:
        try:
            return datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    return None


def response_skew(obs, now) -> float | None:
    """Seconds the local clock is behind (+) or ahead (-) of the server's Date header."""
    date = obs.header("Date")
    if not date:
        return None
    try:
        server = parsedate_to_datetime(date)
    except (TypeError, ValueError):
        return None
    if server.tzinfo is None:
        server = server.replace(tzinfo=timezone.utc)
    local = local_clock(obs, now)
    if local is None:
        return None
    if local.tzinfo is None:
        local = local.replace(tzinfo=timezone.utc)
    return (server - local).total_seconds()


def _skew_finding(obs, skew: float) -> Finding:
    minutes = abs(skew) / 60
    direction = "behind" if skew > 0 else "ahead of"
    words = f"{minutes:.1f} minutes {direction} the server's clock"
    return Finding(
        captures={"skew": words, "skew_seconds": round(skew)},
        evidence=[Evidence("header", "Date", obs.header("Date")), Evidence("clock", "local clock", words)],
        details={"skew_seconds": round(skew)},
    )


def endpoint_region(obs, ctx) -> str | None:
    """The region the endpoint belongs to: from an AWS host name, else the environment's."""
    from workbench.core import regions

    host = urlsplit((obs.inspection or {}).get("url", "")).hostname or ""
    found = regions.api_region_from_host(host) if host else None
    if found:
        return found[1]
    if ctx.environment is not None:
        return ctx.environment.region
    if obs.environment == "sandbox":
        from workbench.core.sandbox_identity import SANDBOX_REGION

        return SANDBOX_REGION
    return None


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


# --------------------------------------------------------------------------- IAM

NOT_AUTHORIZED = re.compile(
    r"User: (?P<principal>\S+) is not authorized to perform: (?P<action>[\w-]+:[\w*]+)"
    r"(?: on resource: (?P<resource>[^\s\"']+))?", re.IGNORECASE)


def _fill_arn(template: str, obs, ctx, principal: str) -> str:
    account = re.search(r"::(\d{12}):", principal or "")
    values = {"region": endpoint_region(obs, ctx) or "*", "accountId": account.group(1) if account else "*"}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "*"), template)


def least_privilege(action: str, resource: str | None, obs, ctx, principal: str = "") -> dict:
    """The IAM statement that allows exactly `action` on `resource` (or on the ARN format the
    developer guide gives for the action when the message names no resource)."""
    if not resource:
        fact = facts()["iam_actions"].get(action, {})
        formats = (fact.get("resource") or "*").split(" | ")
        resource = _fill_arn(formats[0], obs, ctx, principal)
    return {"Effect": "Allow", "Action": action, "Resource": resource}


@check
def iam_statement(obs, ctx, match, now):
    found = NOT_AUTHORIZED.search(obs.message)
    if not found:
        return None
    action, resource, principal = found.group("action"), found.group("resource"), found.group("principal")
    statement = least_privilege(action, resource, obs, ctx, principal)
    fact = facts()["iam_actions"].get(action, {})
    return Finding(
        captures={"action": action, "resource": statement["Resource"], "principal": principal},
        evidence=[Evidence("message", "action", action), Evidence("message", "resource", statement["Resource"]),
                  Evidence("message", "principal", principal)],
        fixes=[{"action": "copy_policy", "statement": statement}],
        details={"action": action, "resource": statement["Resource"], "principal": principal,
                 "statement": statement, "action_source": fact.get("source", "unknown")},
    )


@check
def passrole_statement(obs, ctx, match, now):
    found = NOT_AUTHORIZED.search(obs.message)
    if not found or found.group("action").lower() != "iam:passrole":
        return None
    role = found.group("resource")
    if not role:
        roles = [v for k in ("RoleArn", "IamRoleArn") for _, v in find_key(ctx.body, k) if isinstance(v, str)]
        role = roles[0] if roles else "arn:aws:iam::{accountId}:role/ROLE-NAME"
    signing_name = (obs.inspection or {}).get("signing_name") or "mobiletargeting"
    service = facts()["passrole_services"].get(signing_name, "pinpoint.amazonaws.com")
    statement = {"Effect": "Allow", "Action": "iam:PassRole", "Resource": role,
                 "Condition": {"StringEquals": {"iam:PassedToService": service}}}
    return Finding(
        captures={"role": role, "service": service, "principal": found.group("principal")},
        evidence=[Evidence("message", "role", role)],
        fixes=[{"action": "copy_policy", "statement": statement}],
        details={"statement": statement},
    )


# --------------------------------------------------------------------------- request


def _template(ctx):
    if ctx.template is not None:
        return ctx.template
    if not ctx.api or not ctx.operation:
        return None
    from workbench.core.library import default_library

    try:
        return default_library().get(ctx.api, ctx.operation)
    except KeyError:  # an operation the library does not know: nothing to add
        return None


def body_problems(ctx) -> list:
    """The request body re-validated against the operation's input shape (body members only)."""
    template = _template(ctx)
    if template is None or ctx.body is None:
        return []
    from workbench.core.http import HttpRequest
    from workbench.core.render import RenderedRequest
    from workbench.core.validation import validate

    text = json.dumps(ctx.body)
    rendered = RenderedRequest(template, HttpRequest(template.method, "https://example.invalid/", (), text.encode()),
                               {}, text, ctx.body)
    return [p for p in validate(rendered) if p.path.startswith("$")]


MEMBER_IN_MESSAGE = (
    re.compile(r"at '(?P<member>[\w.\[\]]+)' failed to satisfy", re.IGNORECASE),
    re.compile(r"(?:missing|invalid|required)\s+(?:parameter|field|member)?\s*:?\s*'?(?P<member>[A-Z][\w.]+)'?"),
)


@check
def revalidate(obs, ctx, match, now):
    evidence, members = [], []
    if isinstance(obs.body, dict):
        for item in obs.body.get("Fields") or ():  # SMS v2 ValidationException: [{Name, Message}]
            if isinstance(item, dict) and item.get("Name"):
                members.append(item["Name"])
                evidence.append(Evidence("field", f"$.Fields[{item['Name']}]", str(item.get("Message", ""))))
    for pattern in MEMBER_IN_MESSAGE:
        hit = pattern.search(obs.message)
        if hit:
            name = hit.group("member")
            members.append(name[:1].upper() + name[1:])  # AWS's messages say destinationPhoneNumber
            break
    problems = body_problems(ctx)
    evidence += [Evidence("problem", p.path, p.message) for p in problems]
    where = problems[0].path if problems else (f"$.{members[0]}" if members else "the body")
    steps = [f"Fix {p.path}: {p.message}" for p in problems[:5]]
    fixes = [{"action": "open_operation", "operation": ctx.key}] if ctx.key else []
    return Finding(captures={"member": where}, evidence=evidence, steps=steps, fixes=fixes,
                   details={"problems": [p.to_dict() for p in problems], "members": members})


@check
def not_found(obs, ctx, match, now):
    current = ctx.environment
    names, regions_seen = [], set()
    if current is not None:
        names.append(current.name)
        regions_seen.add(current.region)
    elif obs.environment:
        names.append(obs.environment)
    for env in ctx.environments:
        if env.name not in names and getattr(env, "region", None) not in regions_seen:
            names.append(env.name)
            regions_seen.add(env.region)
    path = urlsplit((obs.inspection or {}).get("url", "")).path
    ids = re.search(r"/apps/([^/?]+)", path)
    captures = {"project_id": ids.group(1) if ids else "?"}
    evidence = [Evidence("inspection", "project id in the URL", ids.group(1))] if ids else []
    fixes = [{"action": "list_projects", "environments": names}] if names else []
    if ids:
        fixes.append({"action": "set_variable", "name": "projectId"})
    return Finding(captures=captures, evidence=evidence, fixes=fixes,
                   details={"other_regions": sorted(regions_seen)})


@check
def throttle_quota(obs, ctx, match, now):
    quota = rate_quota(ctx.api, ctx.operation)
    captures = {"quota": f"{quota['limit']} {quota['unit']} ({quota['resource']})" if quota else "the operation's request-rate quota"}
    retry_after = obs.header("Retry-After")
    evidence = [Evidence("header", "Retry-After", retry_after)] if retry_after else []
    return Finding(captures=captures, evidence=evidence,
                   fixes=[{"action": "retry", "backoff_seconds": [1, 2, 4, 8]}],
                   details={"quota": quota} if quota else {})


def rate_quota(api: str | None, operation: str | None) -> dict | None:
    if not api or not operation:
        return None
    for row in load_reference("quotas")["rate_limits"]:
        if row["api"] == api and operation in row["applies_to_operations"]:
            return row
    return None


@check
def end_of_support(obs, ctx, match, now):
    template = _template(ctx)
    if template is None or not template.lifecycle.get("status", "").startswith("end-of-support"):
        return None
    if obs.environment == "sandbox":
        return None  # the local sandbox never refuses an operation for its end of support
    from workbench.core.lifecycle import END_OF_SUPPORT_DATE

    migration = template.lifecycle.get("migration") or "no replacement is named in the developer guide"
    return Finding(captures={"area": template.lifecycle.get("area", ""), "migration": migration, "date": END_OF_SUPPORT_DATE},
                   evidence=[Evidence("inspection", "operation", template.key)],
                   details={"lifecycle": dict(template.lifecycle)})


AWS_HOST = re.compile(r"(?P<prefix>[a-z0-9.-]+?)\.(?P<region>[a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?")


@check
def region_availability(obs, ctx, match, now):
    from workbench.core import regions

    api, region = obs.error_fields.get("api"), obs.error_fields.get("region")
    if not (api and region):
        hit = re.search(r"\(([\w-]+)\) is not offered in ([\w-]+)", obs.error_message)
        if hit:
            api, region = hit.groups()
    if not (api and region):  # a hand-written AWS host that does not resolve
        host = obs.error_fields.get("host") or urlsplit((obs.inspection or {}).get("url", "")).hostname or ""
        hit = AWS_HOST.match(host.split(":")[0].lower())
        if hit and obs.error_type == "DnsFailure":
            api = next((name for name, info in APIS.items() if info.endpoint_prefix == hit.group("prefix")), None)
            region = hit.group("region")
            if api and regions.is_offered(api, region):
                return None  # offered there: the DNS failure has another cause
    if not (api and region) and ctx.api and ctx.environment is not None and not ctx.environment.is_sandbox:
        if not regions.is_offered(ctx.api, ctx.environment.region):
            api, region = ctx.api, ctx.environment.region
    if not (api and region) or api not in APIS:
        return None
    offered = regions.regions_for(api)
    return Finding(captures={"api": api, "region": region, "offered": ", ".join(offered[:8]) + (" …" if len(offered) > 8 else "")},
                   evidence=[Evidence("error", "region", f"{api} in {region}")],
                   details={"offered": list(offered)})


# --------------------------------------------------------------------------- email

FAILED_IDENTITIES = re.compile(r"identities failed the check in region ([\w-]+): (.+)", re.IGNORECASE)


def _failed_identities(obs) -> tuple[str, list[str]] | None:
    texts = [obs.message] + [v for _, v in find_key(obs.body, "StatusMessage") if isinstance(v, str)]
    for text in texts:
        hit = FAILED_IDENTITIES.search(text or "")
        if hit:
            return hit.group(1), [i.strip().rstrip(".") for i in hit.group(2).split(",") if i.strip()]
    return None


def _sender(ctx) -> str | None:
    for key in ("FromAddress", "FromEmailAddress"):
        for _, value in find_key(ctx.body, key):
            if isinstance(value, str):
                return re.sub(r".*<([^>]+)>.*", r"\1", value).strip().lower()
    return None


@check
def email_sender_unverified(obs, ctx, match, now):
    failed = _failed_identities(obs)
    if not failed:
        return Finding(captures={"identities": "the sender"})
    sender = _sender(ctx)
    region, identities = failed
    if sender and sender not in [i.lower() for i in identities]:
        return None
    return Finding(captures={"identities": ", ".join(identities), "region": region},
                   fixes=[{"action": "open_operation", "operation": "pinpoint-email:CreateEmailIdentity"}])


@check
def email_recipient_unverified(obs, ctx, match, now):
    failed = _failed_identities(obs)
    sender = _sender(ctx)
    if not failed or not sender:
        return None
    region, identities = failed
    recipients = [i for i in identities if i.lower() != sender]
    if not recipients:
        return None
    return Finding(captures={"identities": ", ".join(recipients), "region": region})


# --------------------------------------------------------------------------- SMS and voice


def _numbers(ctx, *keys) -> list[str]:
    return [v for k in keys for _, v in find_key(ctx.body, k) if isinstance(v, str) and v.startswith("+")]


def _simulator_country(number: str) -> str | None:
    for country, row in facts()["sms_simulator_numbers"].items():
        if number in (row["success"], row["failure"]):
            return country
    return None


@check
def simulator_cross_country(obs, ctx, match, now):
    destinations = _numbers(ctx, "DestinationPhoneNumber")
    origins = _numbers(ctx, "OriginationIdentity", "OriginationNumber")
    if not destinations:
        return None
    dest_country = _simulator_country(destinations[0])
    if dest_country is None:
        return None
    calling = facts()["sms_simulator_numbers"][dest_country]["calling_code"]
    origin = origins[0] if origins else None
    if origin and origin.startswith(calling) and _simulator_country(origin) in (None, dest_country):
        return None
    return Finding(captures={"destination": destinations[0], "country": dest_country, "origin": origin or "the account's default"},
                   evidence=[Evidence("field", "$.DestinationPhoneNumber", destinations[0])])


@check
def voice_sandbox_country(obs, ctx, match, now):
    is_voice = (ctx.operation or "") == "SendVoiceMessage" or any(True for _ in find_key(ctx.body, "VoiceMessage"))
    if not is_voice:
        return None
    destinations = _numbers(ctx, "DestinationPhoneNumber", "ToAddress")
    allowed = facts()["voice_sandbox_countries"]
    if not destinations or any(destinations[0].startswith(code) for code in allowed.values()):
        return None
    return Finding(captures={"destination": destinations[0], "countries": ", ".join(allowed)},
                   evidence=[Evidence("field", "$.DestinationPhoneNumber", destinations[0])])


@check
def connection_refused(obs, ctx, match, now):
    local = obs.environment == "sandbox" or re.search(r"127\.0\.0\.1|localhost", obs.error_message)
    return Finding(fixes=[{"action": "start_sandbox"}] if local else [])
