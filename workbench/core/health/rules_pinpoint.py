"""Pinpoint: the projects in the region, the channels each has enabled, and which still hold
features that ended on 2026-10-30 (campaigns, journeys, segments, import and export jobs,
event streams, recommender models), with where each went (resources/reference/lifecycle.json,
fitted to the date)."""

from __future__ import annotations

from workbench.core.health.model import Evidence, Finding, finding
from workbench.core.health.answers import denied


def _migration(operation: str) -> str:
    from workbench.core.library.lifecycle import lifecycle_of
    from workbench.core.library.templates import default_library

    api, _, name = operation.partition(":")
    return lifecycle_of(default_library().get(api, name)).migration or "no replacement named"


def _projects(answers) -> tuple[list[Finding], dict]:
    apps = answers.one("pinpoint.apps")
    if apps is None:
        return [], {}
    items = apps.body.get("Item") or []
    names = {item.get("Id"): item.get("Name") or item.get("Id") for item in items if isinstance(item, dict)}
    checked = len({r.subject for r in answers.all("pinpoint.channels")})
    note = f" (the first {checked} checked for channels and ended features)" if checked < len(names) else ""
    region = answers.environment.region
    return [finding("pinpoint-projects", [Evidence("pinpoint.apps", apps.operation, "$.Item", len(items))],
                    count=len(items), region=region, checked=note)], names


def _project(names: dict, project_id: str) -> str:
    name = names.get(project_id)
    return f"{name} ({project_id})" if name and name != project_id else project_id


def _channels(answers, names) -> list[Finding]:
    found = []
    for result in answers.ok("pinpoint.channels"):
        channels = result.body.get("Channels") or {}
        enabled = sorted(name for name, item in channels.items() if isinstance(item, dict) and item.get("Enabled"))
        project = _project(names, result.subject)
        evidence = [Evidence("pinpoint.channels", result.operation, "$.Channels", enabled)]
        found.append(finding("pinpoint-channels", evidence, project=project, channels=", ".join(enabled) or "none"))
        if "EMAIL" in enabled:
            found.append(finding("pinpoint-email-channel", [Evidence("pinpoint.channels", result.operation,
                                                                     "$.Channels.EMAIL.Enabled", True)],
                                 project=project, migration=_migration("pinpoint:GetEmailChannel")))
    return found


def _ended_features(answers, names) -> list[Finding]:
    found = []
    for spec in (s for s in _specs(answers) if s.feature):
        refused = []
        for result in answers.all(spec.id):
            if result.ok:
                if spec.items:
                    count = len(result.body.get(spec.items) or [])
                    field = f"$.{spec.items}"
                else:  # an event stream: there is one
                    count, field = 1, "$.DestinationStreamArn"
                if count:
                    found.append(finding("pinpoint-ended-feature-used", [Evidence(spec.id, spec.operation, field, count)],
                                         project=_project(names, result.subject) if result.subject else "the account",
                                         count=count, feature=spec.feature, migration=_migration(spec.operation)))
            elif not (result.sample or denied(result) or (spec.id == "pinpoint.event-stream" and result.status == 404)):
                if result.status is not None and 400 <= result.status < 600:
                    refused.append(result)
        if refused:
            first = refused[0]
            code = (first.error or {}).get("code", "")
            who = f", for {len(refused)} project(s)" if first.subject is not None else ""
            found.append(finding("pinpoint-ended-feature-refused", [Evidence(spec.id, spec.operation, "status", first.status),
                                                                    Evidence(spec.id, spec.operation, "error", code)],
                                 feature=spec.feature.capitalize(), detail=f"HTTP {first.status} {code}{who}",
                                 migration=_migration(spec.operation)))
    return found


def _specs(answers):
    seen, specs = set(), []
    for result in answers.results:
        if result.spec.id not in seen:
            seen.add(result.spec.id)
            specs.append(result.spec)
    return specs


def check(answers) -> list[Finding]:
    projects, names = _projects(answers)
    return projects + _channels(answers, names) + _ended_features(answers, names)
