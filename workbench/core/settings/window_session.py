"""What the desktop window keeps between runs: its open tabs (saved or not) and the
environment it had selected. One versioned JSON file in the config dir, written atomically; a damaged file
is moved aside and the window starts empty instead of failing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.request.drafts import DraftInvalid, RequestDraft
from workbench.core.common.errors import Problem
from workbench.core.common.storage import atomic_write_json, load_json_versioned

FILE_NAME = "window-session.json"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class OpenTab:
    draft: RequestDraft
    dirty: bool = False
    saved_path: str = ""  # the collection file it was last saved to

    def to_dict(self) -> dict:
        data: dict = {"draft": self.draft.to_dict()}
        if self.dirty:
            data["dirty"] = True
        if self.saved_path:
            data["saved_path"] = self.saved_path
        return data


@dataclass(frozen=True)
class WindowSession:
    tabs: tuple[OpenTab, ...] = ()
    active: int = 0
    environment: str = ""
    problems: tuple[Problem, ...] = ()

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "tabs": [tab.to_dict() for tab in self.tabs],
            "active": self.active,
            "environment": self.environment,
        }


def load_session(path: Path) -> WindowSession:
    result = load_json_versioned(path, SCHEMA_VERSION, {})
    if result.error is not None:
        return WindowSession(problems=(Problem(str(path), result.error.detail),))
    data = result.data or {}
    tabs, problems = [], []
    for index, item in enumerate(data.get("tabs") or []):
        where = f"{path}: tabs[{index}]"
        try:
            if not isinstance(item, dict):
                raise DraftInvalid("expected an object", where=where)
            draft = RequestDraft.from_dict(item.get("draft"), where=f"{where}.draft")
        except DraftInvalid as exc:
            problems.append(Problem(where, str(exc)))
            continue
        tabs.append(OpenTab(draft, bool(item.get("dirty")), str(item.get("saved_path") or "")))
    active = data.get("active") if isinstance(data.get("active"), int) else 0
    return WindowSession(tuple(tabs), max(0, min(active, len(tabs) - 1)), str(data.get("environment") or ""),
                         tuple(problems))


def save_session(path: Path, session: WindowSession) -> None:
    atomic_write_json(path, session.to_dict(), private=True)
