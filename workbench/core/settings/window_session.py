"""What the desktop window keeps between runs: its open tabs (saved or not) and the
environment it had selected. One versioned JSON file in the config dir, written atomically; a damaged file
is moved aside and the window starts empty instead of failing; a damaged part of a file (a tab,
a field of the wrong type) is reported and the rest restored."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.request.drafts import DraftInvalid, RequestDraft
from workbench.core.common.errors import Problem
from workbench.core.common.storage import StorageError, atomic_write_json, json_type, load_json_versioned

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
    """The session kept in `path`; never raises: whatever is damaged (the file, a tab, a
    field of the wrong type) is a located problem, and the defaults stand in for it."""
    try:
        result = load_json_versioned(path, SCHEMA_VERSION, {})
    except StorageError as exc:  # cannot be read at all (permissions): left as it is
        return WindowSession(problems=(Problem(str(path), exc.fields.get("detail", str(exc))),))
    if result.error is not None:
        return WindowSession(problems=(Problem(str(path), result.error.detail),))
    data = result.data or {}
    tabs, problems = [], []
    items = data.get("tabs", [])
    if not isinstance(items, list):
        problems.append(Problem(f"{path}: tabs", f"expected a list of tabs, found {json_type(items)}; no tabs restored"))
        items = []
    for index, item in enumerate(items):
        where = f"{path}: tabs[{index}]"
        try:
            if not isinstance(item, dict):
                raise DraftInvalid("expected an object", where=where)
            draft = RequestDraft.from_dict(item.get("draft"), where=f"{where}.draft")
        except DraftInvalid as exc:
            problems.append(Problem(where, str(exc)))
            continue
        except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as exc:  # a shape from_dict missed
            problems.append(Problem(where, f"not a tab ({type(exc).__name__}); not restored"))
            continue
        saved_path = item.get("saved_path")
        tabs.append(OpenTab(draft, item.get("dirty") is True, saved_path if isinstance(saved_path, str) else ""))
    active, environment = data.get("active", 0), data.get("environment", "")
    if isinstance(active, bool) or not isinstance(active, int):
        problems.append(Problem(f"{path}: active", f"expected a tab number, found {json_type(active)}; the first tab is shown"))
        active = 0
    if not isinstance(environment, str):
        problems.append(Problem(f"{path}: environment", f"expected a name, found {json_type(environment)}; not restored"))
        environment = ""
    return WindowSession(tuple(tabs), max(0, min(active, len(tabs) - 1)), environment, tuple(problems))


def save_session(path: Path, session: WindowSession) -> None:
    atomic_write_json(path, session.to_dict(), private=True)
