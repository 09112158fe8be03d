"""What Pinpoint's end of support (2026-10-30) means for one operation, said the same way
everywhere (library list and show, render, send, JSON), in words a user can act on.

Labels come from the developer guide digest (resources/reference/lifecycle.json, carried
into each template); the source page of a label is read from that digest. Migration hints
fit the date: once the end of support has passed, "export first" steps are gone for the
operations that ended (there is nothing left to export from).
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from workbench.core.library.templates import RequestTemplate

END_OF_SUPPORT_DATE = "2026-10-30"
ENDED = f"end-of-support-{END_OF_SUPPORT_DATE}"
SOURCE_FILE = "resources/reference/lifecycle.json"
LABELS = {"supported": "supported", ENDED: f"END OF SUPPORT {END_OF_SUPPORT_DATE}", "unclear": "lifecycle unclear"}
EXPORT_STEP = re.compile(r"\bexport\b|\bbefore EOS\b", re.IGNORECASE)


@dataclass(frozen=True)
class Lifecycle:
    status: str  # supported | end-of-support-2026-10-30 | unclear
    area: str = ""  # what the operation belongs to: "engagement: campaigns"
    reason: str = ""  # why it is unclear
    migration: str = ""  # where it went, fitted to the date
    source: str = ""  # the page the label comes from

    @property
    def label(self) -> str:
        return LABELS.get(self.status, self.status)

    @property
    def mark(self) -> str:
        return status_mark(self.status)

    def to_dict(self) -> dict:
        data = {"status": self.status, "label": self.label, "area": self.area}
        for key in ("reason", "migration", "source"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data["source_file"] = SOURCE_FILE
        return data


def status_mark(status: str) -> str:
    """' [END OF SUPPORT 2026-10-30]', ' [lifecycle unclear]' or '' (after a list row)."""
    return "" if status == "supported" else f" [{LABELS.get(status, status)}]"


def _today() -> datetime.date:
    return datetime.datetime.now(datetime.timezone.utc).date()


def _ended(today: datetime.date) -> bool:
    return today > datetime.date.fromisoformat(END_OF_SUPPORT_DATE)


def fitted_migration(status: str, migration: str, today: datetime.date) -> str:
    """The migration hint as it reads on `today`: after the end of support, an ended
    operation loses its export steps; an unclear one exports while it still answers."""
    if not migration or not _ended(today):
        return migration
    if status == "unclear":
        return re.sub(r"\s*\bbefore EOS\b", " while it still answers", migration)
    if status != ENDED:
        return migration
    steps = [step.strip() for step in migration.split(";")]
    kept = [re.sub(r"^then\s+", "", step) for step in steps if not EXPORT_STEP.search(step)]
    if len(kept) == len(steps):
        return migration
    closed = f"the export window closed on {END_OF_SUPPORT_DATE}"
    return "; ".join(kept + [closed]) if kept else closed


@functools.lru_cache(maxsize=1)
def _sources() -> dict[tuple[str, str], str]:
    from workbench.core.common.resources import load_reference

    return {(row["api"], row["operation"]): row.get("source") or "" for row in load_reference("lifecycle")}


def lifecycle_of(template: RequestTemplate, today: datetime.date | None = None) -> Lifecycle:
    status = template.lifecycle_status
    area = template.lifecycle.get("area") or ""
    reason = ""
    if status == "unclear":
        area, _, reason = area.partition(": unclear - ")
        if not reason:
            reason = "no source says whether it continues"
    migration = fitted_migration(status, template.lifecycle.get("migration") or "", today or _today())
    return Lifecycle(status, area, reason, migration, _sources().get((template.api, template.operation), ""))


def lifecycle_notes(template: RequestTemplate, today: datetime.date | None = None) -> tuple[str, ...]:
    """Lines to show before sending or rendering `template`; () for an operation that continues."""
    lifecycle = lifecycle_of(template, today)
    when = "reached" if _ended(today or _today()) else "reaches"
    if lifecycle.status == ENDED:
        notes = [
            f"{template.operation} belongs to an Amazon Pinpoint feature that {when} end of support on "
            f"{END_OF_SUPPORT_DATE} ({lifecycle.area or 'engagement'}); AWS may refuse it."
        ]
        if lifecycle.migration:
            notes.append(f"Where it went: {lifecycle.migration}")
        return tuple(notes)
    if lifecycle.status == "unclear":
        notes = [
            f"AWS has not said clearly whether {template.operation} continues after Pinpoint's "
            f"end of support on {END_OF_SUPPORT_DATE} ({lifecycle.area}): {lifecycle.reason} "
            f"(source: {lifecycle.source or SOURCE_FILE})."
        ]
        if lifecycle.migration:
            notes.append(f"If it stops: {lifecycle.migration}")
        return tuple(notes)
    return ()
