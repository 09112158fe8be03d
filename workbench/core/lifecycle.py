"""What Pinpoint's end of support (2026-10-30) means for one operation, in words a user
can act on. Labels come from the developer guide digest (resources/reference/lifecycle.json,
carried into each template)."""

from __future__ import annotations

from workbench.core.library import RequestTemplate

END_OF_SUPPORT_DATE = "2026-10-30"


def lifecycle_notes(template: RequestTemplate) -> tuple[str, ...]:
    """Lines to show before sending `template`; () for an operation that continues."""
    status = template.lifecycle_status
    area = template.lifecycle.get("area", "")
    if status.startswith("end-of-support"):
        notes = [
            f"{template.operation} belongs to an Amazon Pinpoint feature that reached end of support on "
            f"{END_OF_SUPPORT_DATE} ({area or 'engagement'}); AWS may refuse it."
        ]
        if template.lifecycle.get("migration"):
            notes.append(f"Where it went: {template.lifecycle['migration']}")
        return tuple(notes)
    if status == "unclear":
        return (
            f"AWS has not said clearly whether {template.operation} continues after Pinpoint's "
            f"end of support on {END_OF_SUPPORT_DATE} ({area}).",
        )
    return ()
