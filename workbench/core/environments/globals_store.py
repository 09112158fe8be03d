"""Global variables: the last scope a template looks in (request < environment < globals),
in `globals.json` beside environments.json. Written like the environment store: locked,
re-read, changed, saved atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from workbench.core.common.paths import config_dir
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common.storage import atomic_write_json, file_lock, load_json_versioned

FILE_NAME = "globals.json"
SCHEMA_VERSION = 1


class GlobalsInvalid(WorkbenchError):
    fmt = "{path}: {detail}"


class GlobalsStore:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.problems: list[Problem] = []
        self.variables: dict[str, str] = {}
        self.reload()

    @classmethod
    def at_default_location(cls, environ: Mapping[str, str] | None = None) -> "GlobalsStore":
        return cls(config_dir(environ) / FILE_NAME)

    def reload(self) -> None:
        self.problems, self.variables = [], {}
        result = load_json_versioned(self.path, SCHEMA_VERSION, {})
        if result.error is not None:
            self.problems.append(Problem(str(self.path), f"{result.error.detail}; starting with no globals"))
            return
        data = (result.data or {}).get("variables", {})
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            self.problems.append(Problem(f"{self.path}: $.variables", "must be an object of strings; ignored"))
            return
        self.variables = dict(data)

    def set_variables(self, values: Mapping[str, str]) -> dict[str, str]:
        with file_lock(self.path):
            self.reload()
            self.variables.update({str(k): str(v) for k, v in values.items()})
            atomic_write_json(self.path, {"schema_version": SCHEMA_VERSION, "variables": self.variables}, private=True)
        return dict(self.variables)
