"""How far the user got in each lesson, kept per user in the config dir
(`tutorial-progress.json`, versioned, written atomically):

    {"schema_version": 1, "tutorials": {"otp": {
        "revision": 1, "step": "verify-code", "passed": ["create-app", "send-otp"],
        "variables": {"projectId": "...", "lessonRun": "1a2b3c4d"}, "environment": "sandbox",
        "updated": "2026-12-07T10:00:00Z"}}}

A lesson's progress of an older revision (its steps changed) is dropped when read, and so is
a step that no longer exists. Values whose names say they are secrets are never written. A
damaged file is kept aside as a .bak and reported; progress then starts empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from workbench.core.common.storage import atomic_write_json, load_json_versioned
from workbench.core.environments.secret_variables import is_secret_name

FILE_NAME = "tutorial-progress.json"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class LessonProgress:
    revision: int = 0
    step: str = ""  # the step the learner is on ("" = the first)
    passed: tuple[str, ...] = ()
    variables: dict = field(default_factory=dict)  # values carried so far
    environment: str = "sandbox"
    updated: str = ""

    @property
    def started(self) -> bool:
        return bool(self.step or self.passed)

    def to_dict(self) -> dict:
        return {"revision": self.revision, "step": self.step, "passed": list(self.passed),
                "variables": {k: v for k, v in self.variables.items() if not is_secret_name(k)},
                "environment": self.environment, "updated": self.updated}

    @classmethod
    def from_dict(cls, data) -> "LessonProgress | None":
        if not isinstance(data, dict):
            return None
        passed = data.get("passed", [])
        variables = data.get("variables", {})
        if not (isinstance(data.get("revision"), int) and isinstance(data.get("step", ""), str)
                and isinstance(passed, list) and all(isinstance(p, str) for p in passed)
                and isinstance(variables, dict) and all(isinstance(v, str) for v in variables.values())):
            return None
        return cls(data["revision"], data.get("step", ""), tuple(passed), dict(variables),
                   str(data.get("environment") or "sandbox"), str(data.get("updated", "")))

    def fitted(self, tutorial) -> "LessonProgress":
        """This progress for `tutorial` as it is now: nothing if its revision changed; steps
        that are gone forgotten."""
        if self.revision != tutorial.revision:
            return LessonProgress(revision=tutorial.revision)
        ids = [s.id for s in tutorial.steps]
        return replace(self, step=self.step if self.step in ids else "",
                       passed=tuple(p for p in self.passed if p in ids))

    def position(self, tutorial) -> int:
        ids = [s.id for s in tutorial.steps]
        return ids.index(self.step) if self.step in ids else 0

    def summary(self, tutorial) -> dict:
        fitted = self.fitted(tutorial)
        return {"passed": len(fitted.passed), "steps": len(tutorial.steps),
                "done": len(fitted.passed) == len(tutorial.steps), "step": fitted.step}


class ProgressStore:
    """The progress file of one user. Not thread-safe: one caller at a time (a worker)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        loaded = load_json_versioned(self.path, SCHEMA_VERSION, {})
        self.problem = str(loaded.error) if loaded.error else ""
        raw = (loaded.data or {}).get("tutorials", {})
        self._lessons: dict[str, LessonProgress] = {}
        for name, data in (raw.items() if isinstance(raw, dict) else ()):
            progress = LessonProgress.from_dict(data)
            if progress is not None:
                self._lessons[name] = progress

    @classmethod
    def in_config_dir(cls, config_dir: Path) -> "ProgressStore":
        return cls(Path(config_dir) / FILE_NAME)

    def get(self, tutorial) -> LessonProgress:
        return self._lessons.get(tutorial.id, LessonProgress(revision=tutorial.revision)).fitted(tutorial)

    def all(self) -> dict[str, LessonProgress]:
        return dict(self._lessons)

    def save(self, tutorial_id: str, progress: LessonProgress) -> LessonProgress:
        stamped = replace(progress, updated=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self._lessons[tutorial_id] = stamped
        self._write()
        return stamped

    def reset(self, tutorial_id: str | None = None) -> None:
        """Forget one lesson's progress, or every lesson's."""
        if tutorial_id is None:
            self._lessons.clear()
        else:
            self._lessons.pop(tutorial_id, None)
        self._write()

    def _write(self) -> None:
        atomic_write_json(self.path, {"schema_version": SCHEMA_VERSION,
                                      "tutorials": {k: v.to_dict() for k, v in sorted(self._lessons.items())}})
