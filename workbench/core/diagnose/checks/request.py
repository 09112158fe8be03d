"""The request itself: the body against the operation's shape, ids that are not there,
throttling and its quota, end of support, APIs not offered in the region."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from workbench.core.library.apis import APIS
from workbench.core.diagnose.checks.base import Finding, check, facts
from workbench.core.diagnose.model import Evidence
from workbench.core.common.resources import load_reference


def _template(ctx):
    if ctx.template is not None:
        return ctx.template
    if not ctx.api or not ctx.operation:
        return None
    from workbench.core.library.templates import default_library

    try:
        return default_library().get(ctx.api, ctx.operation)
    except KeyError:  # an operation the library does not know: nothing to add
        return None


def body_problems(ctx) -> list:
    """The request body re-validated against the operation's input shape (body members only)."""
    template = _template(ctx)
    if template is None or ctx.body is None:
        return []
    from workbench.core.request.http import HttpRequest
    from workbench.core.request.render import RenderedRequest
    from workbench.core.request.validation import validate

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
    """Name what was not found; offer to list projects here and in the user's other regions
    (Pinpoint), or the Describe call for the SMS and Voice v2 resource type."""
    body = obs.body if isinstance(obs.body, dict) else {}
    kind, ident = body.get("ResourceType"), body.get("ResourceId")
    path = urlsplit((obs.inspection or {}).get("url", "")).path
    project = re.search(r"/apps/([^/?]+)", path)
    if isinstance(kind, str) and kind:
        what = f"{kind} {ident}" if ident else kind
        evidence = [Evidence("field", "$.ResourceType", kind)] + ([Evidence("field", "$.ResourceId", str(ident))] if ident else [])
        describe = facts()["sms_voice_v2_describe"].get(kind)
        fixes = [{"action": "open_operation", "operation": f"pinpoint-sms-voice-v2:{describe}"}] if describe else []
        steps = [f"List what exists ({describe}) in this environment and check the id."] if describe else []
        return Finding(captures={"what": what}, evidence=evidence, fixes=fixes, steps=steps)
    names, regions_seen = _environments_by_region(obs, ctx)
    fixes = [{"action": "list_projects", "environments": names}] if names else []
    if project:
        fixes.append({"action": "set_variable", "name": "projectId"})
    return Finding(
        captures={"what": f"project {project.group(1)}" if project else "id"},
        evidence=[Evidence("inspection", "project id in the URL", project.group(1))] if project else [],
        steps=["List the projects (GetApps) in this environment and check the id."],
        fixes=fixes, details={"regions": sorted(regions_seen)})


def _environments_by_region(obs, ctx) -> tuple[list[str], set]:
    """This environment, then one of the user's environments for each other region."""
    names, regions_seen = [], set()
    if ctx.environment is not None:
        names.append(ctx.environment.name)
        regions_seen.add(ctx.environment.region)
    elif obs.environment:
        names.append(obs.environment)
    for env in ctx.environments:
        if env.name not in names and env.region not in regions_seen:
            names.append(env.name)
            regions_seen.add(env.region)
    return names, regions_seen


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
    from workbench.core.library.lifecycle import END_OF_SUPPORT_DATE

    migration = template.lifecycle.get("migration") or "no replacement is named in the developer guide"
    return Finding(captures={"area": template.lifecycle.get("area", ""), "migration": migration, "date": END_OF_SUPPORT_DATE},
                   evidence=[Evidence("inspection", "operation", template.key)],
                   details={"lifecycle": dict(template.lifecycle)})


@check
def sandbox_refusal(obs, ctx, match, now):
    """Why the local sandbox answered NotImplementedBySandbox: the operation belongs to a
    Pinpoint feature past its end of support; say where the feature went."""
    from workbench.core.library.lifecycle import END_OF_SUPPORT_DATE

    template = _template(ctx)
    lifecycle = dict(template.lifecycle) if template is not None else {}
    operation = template.operation if template is not None else "The operation"
    area = f" ({lifecycle['area']})" if lifecycle.get("area") else ""
    steps = [f"Where the feature went: {lifecycle['migration']}."] if lifecycle.get("migration") else []
    return Finding(
        captures={"why": f"{operation} belongs to an Amazon Pinpoint feature{area} that reached end of support on "
                         f"{END_OF_SUPPORT_DATE}; the sandbox emulates every operation but those."},
        evidence=[Evidence("inspection", "operation", template.key)] if template is not None else [],
        steps=steps + ["To try the call itself, send it to an AWS environment (AWS may refuse it too)."],
        fixes=[{"action": "switch_environment"}], details={"lifecycle": lifecycle} if lifecycle else {})


AWS_HOST = re.compile(r"(?P<prefix>[a-z0-9.-]+?)\.(?P<region>[a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?")


@check
def region_availability(obs, ctx, match, now):
    from workbench.core.library import regions
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
