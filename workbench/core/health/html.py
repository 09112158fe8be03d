"""A health report as one HTML file (jinja2, autoescaped: what AWS answered, an identity
name or a message, is shown as text, never as markup). Holds no secret: the account id is
masked as in bundles, and the findings quote only what the read-only calls answered."""

from __future__ import annotations

import time

from workbench.core.common.resources import RESOURCES_DIR
from workbench.core.health.model import AREAS, HealthReport

TEMPLATE = "health_report.html.j2"


def next_step_text(step: dict) -> str:
    """A finding's next step in words: the guide entry (id and title) or the action."""
    if step.get("guide"):
        from workbench.core.diagnose import UnknownEntry, entry

        try:
            return f"troubleshooting guide: {entry(step['guide'])['title']} ({step['guide']})"
        except UnknownEntry:
            return f"troubleshooting guide: {step['guide']}"
    if step.get("action") == "open_operation":
        return f"open {step.get('operation', '').split(':')[-1]} and send it"
    return str(step.get("action", ""))


def render_html(report: HealthReport) -> str:
    import jinja2

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(RESOURCES_DIR / "templates")),
                                     autoescape=True, undefined=jinja2.StrictUndefined)
    grouped = [(AREAS[area], items) for area, items in report.by_area().items()]
    steps = {f"{i}-{AREAS[area]}": next_step_text(f.next) for area, items in report.by_area().items()
             for i, f in enumerate(items)}
    return environment.get_template(TEMPLATE).render(
        environment=report.environment, counts=report.counts(), areas=grouped, next_steps=steps,
        calls=report.calls, elapsed_s=report.elapsed_ms / 1000,
        generated=time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()))


def write_html(report: HealthReport, path) -> None:
    from workbench.core.common.storage import atomic_write_text

    atomic_write_text(path, render_html(report))
