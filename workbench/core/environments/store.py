"""Environments on disk: one JSON file (``environments.json`` under the user config dir),
schema-versioned, written atomically, private (0600 in a 0700 directory).

A damaged file never stops the workbench and never costs the other environments: an
unreadable file is moved aside to a timestamped backup; a bad entry is reported with its
location and skipped while the rest load; the store holds on to the entries it could not
read and writes them back unchanged when it saves the others, so a damaged entry is never
lost to a save (and stays reported until it is repaired). A hand-edited file with a bad
entry is also copied to a backup, byte for byte, once.

The store keeps the file's rules (names unique, the sandbox built in); what a change
means (secrets to the keyring, renames that carry keyring entries...) is the
environment service's (service.py).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Mapping

from workbench.core.common.errors import Problem
from workbench.core.common.paths import config_dir
from workbench.core.common.storage import (
    CorruptFile,
    LoadResult,
    Migration,
    atomic_write_json,
    backup_path_for,
    dumps_stable,
    file_lock,
    load_json_versioned,
    sweep_stale_temps,
)
from workbench.core.environments.environment import (
    SANDBOX_NAME,
    Environment,
    EnvironmentError_,
    EnvironmentExists,
    EnvironmentInvalid,
    EnvironmentNotFound,
    sandbox_environment,
)

FILE_NAME = "environments.json"

SCHEMA_VERSION = 1
# migrations[n] upgrades a document from schema_version n to n + 1; name them from_<n>.
MIGRATIONS: dict[int, Migration] = {}

_KEPT = "skipped; kept in the file unchanged"


class EnvironmentStore:
    """Environments from one JSON file, plus the built-in sandbox (whose free variables, such
    as a projectId saved from a response, are kept in the file too).

    After construction, `problems` lists what was wrong with the file (empty when all is
    well) and `backups` where the damaged original was kept.

    Two writers (the window and a terminal) are safe: every mutation locks the file
    (`storage.file_lock`), re-reads it, applies the one change and saves atomically, so
    neither loses the other's change. `poll()` tells listeners when the file changed on
    disk (call it from a timer, off the UI thread).
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.problems: list[Problem] = []
        self.backups: list[Path] = []
        self._envs: dict[str, Environment] = {}
        self._unread: list[Any] = []  # entries that could not be loaded, written back as they are
        self._sandbox_variables: dict[str, str] = {}
        self._listeners: list = []
        self._stamp = None
        self.reload()

    @classmethod
    def at_default_location(cls, environ: Mapping[str, str] | None = None) -> "EnvironmentStore":
        return cls(config_dir(environ) / FILE_NAME)

    # ---- loading

    def reload(self) -> None:
        self.problems, self.backups, self._envs, self._unread, self._sandbox_variables = [], [], {}, [], {}
        sweep_stale_temps(self.path)  # temp files of saves that were killed (kill -9, power loss)
        self._stamp = _file_stamp(self.path)
        result: LoadResult = load_json_versioned(self.path, SCHEMA_VERSION, MIGRATIONS)
        if result.error is not None:
            self._report_file_error(result.error)
            return
        if result.data is None:
            return
        self._load_sandbox_variables(result.data.get("sandbox", {}))
        entries = result.data.get("environments", [])
        if not isinstance(entries, list):
            self.problems.append(Problem(f"{self.path}: $.environments", "must be an array; nothing loaded"))
            self._keep_copy()
            return
        for index, entry in enumerate(entries):
            where = f"$.environments[{index}]"
            try:
                env = Environment.from_dict(entry, where)
            except EnvironmentInvalid as exc:
                self._unread.append(entry)
                for problem in exc.problems:
                    self.problems.append(Problem(f"{self.path}: {problem.path}",
                                                 f"{problem.message} (environment {exc.name!r} {_KEPT})"))
                continue
            if env.name in self._envs or env.name == SANDBOX_NAME:
                self._unread.append(entry)
                self.problems.append(
                    Problem(f"{self.path}: {where}.name", f"duplicate or reserved name {env.name!r}; {_KEPT}")
                )
                continue
            self._envs[env.name] = env
        if self._unread and self.path.read_bytes() != dumps_stable(result.data).encode():
            self._keep_copy()  # a file edited by hand: keep it as it was (a file we wrote holds them already)

    def _load_sandbox_variables(self, data) -> None:
        variables = data.get("variables", {}) if isinstance(data, dict) else None
        try:
            replace(sandbox_environment(), variables=variables)
        except (EnvironmentInvalid, TypeError, AttributeError):
            self.problems.append(Problem(f"{self.path}: $.sandbox.variables", "not an object of valid variables; ignored"))
            self._keep_copy()
            return
        self._sandbox_variables = dict(variables)

    def _report_file_error(self, error: CorruptFile) -> None:
        self.problems.append(Problem(str(self.path), f"{error.detail}; starting with no saved environments"))
        if error.backup:
            self.backups.append(error.backup)

    def _keep_copy(self) -> None:
        """Copy the file aside before a later save drops what could not be loaded; reuse an
        identical existing backup instead of piling up copies."""

        content = self.path.read_bytes()
        for existing in sorted(self.path.parent.glob(f"{self.path.name}.*.bak")):
            try:
                if existing.read_bytes() == content:
                    self.backups.append(existing)
                    return
            except OSError:
                continue
        target = backup_path_for(self.path)
        target.write_bytes(content)
        os.chmod(target, 0o600)
        self.backups.append(target)

    def report(self) -> str:
        """A user-facing summary of load problems ('' if none)."""

        if not self.problems:
            return ""
        lines = [f"problems in {self.path}:"]
        for problem in self.problems:  # the file is named once, above
            where = problem.path.removeprefix(str(self.path)).lstrip(": ")
            lines.append(f"  {where}: {problem.message}" if where else f"  {problem.message}")
        for backup in self.backups:
            lines.append(f"  the original file is kept as {backup}")
        return "\n".join(lines)

    # ---- watching

    def add_listener(self, callback) -> None:
        """`callback(store)` runs (in the thread that calls `poll`) after the file changed on disk."""

        self._listeners.append(callback)

    def changed_on_disk(self) -> bool:
        return _file_stamp(self.path) != self._stamp

    def poll(self) -> bool:
        """Reload and tell the listeners if another process changed the file; True if it did."""

        if not self.changed_on_disk():
            return False
        self.reload()
        for callback in list(self._listeners):
            callback(self)
        return True

    # ---- reading

    def list(self) -> list[Environment]:
        """The sandbox first, then stored environments by name."""

        stored = sorted(self._envs.values(), key=lambda e: e.name.casefold())
        return [self.get(SANDBOX_NAME), *stored]

    def names(self) -> list[str]:
        return [env.name for env in self.list()]

    def get(self, name: str) -> Environment:
        if name == SANDBOX_NAME:
            return replace(sandbox_environment(), variables=self._sandbox_variables)
        try:
            return self._envs[name]
        except KeyError:
            raise self._not_found(name) from None

    def _not_found(self, name: str) -> EnvironmentNotFound:
        from workbench.core.common.suggest import did_you_mean

        hint = did_you_mean(name, self.names())
        return EnvironmentNotFound(name=name, known=", ".join(self.names()), hint="." + hint if hint else "")

    def __contains__(self, name: object) -> bool:
        return name == SANDBOX_NAME or name in self._envs

    # ---- writing (each one: lock, re-read, change, save)

    @contextlib.contextmanager
    def _editing(self):
        with file_lock(self.path):
            self.reload()
            yield
            self._save()

    def add(self, env: Environment) -> None:
        self._refuse_sandbox(env.name)
        with self._editing():
            if env.name in self._envs:
                raise EnvironmentExists(name=env.name)
            self._envs[env.name] = env

    def update(self, env: Environment, previous_name: str | None = None) -> None:
        """Replace an environment whole (rename it by passing its `previous_name`). To change
        some fields and keep the rest as they are on disk now, use `change`."""

        self._refuse_sandbox(env.name)
        self.change(previous_name or env.name, lambda current: env)

    def change(self, name: str, change: Callable[[Environment], Environment]) -> Environment:
        """`change(current)` -> the new environment, applied to `name` as it is on disk now
        (locked and re-read, so a change made meanwhile by another process is kept); a
        different name renames it. For the sandbox only its variables are kept. Whatever
        `change` raises leaves the file as it was. Returns the environment as saved."""

        with self._editing():
            current = self.get(name)
            updated = change(current)
            if name == SANDBOX_NAME:
                if replace(updated, variables={}) != replace(current, variables={}):
                    self._refuse_sandbox(name)
                self._sandbox_variables = dict(updated.variables)
                return updated
            self._refuse_sandbox(updated.name)
            if updated.name != name and updated.name in self._envs:
                raise EnvironmentExists(name=updated.name)
            del self._envs[name]
            self._envs[updated.name] = updated
        return updated

    def remove(self, name: str) -> Environment:
        self._refuse_sandbox(name)
        with self._editing():
            env = self.get(name)
            del self._envs[name]
        return env

    def set_variables(self, name: str, values: Mapping[str, str]) -> Environment:
        """Set free variables of an environment (the sandbox's too), as given: deciding which
        values are secrets (and belong in the keyring) is the environment service's."""

        return self.change(name, lambda env: replace(env, variables={**env.variables, **values}))

    def unset_variables(self, name: str, keys) -> Environment:
        """Remove free variables; a key it does not have is an error naming what it has."""

        def drop(env: Environment) -> Environment:
            current = env.variables
            unknown = [k for k in keys if k not in current]
            if unknown:
                raise EnvironmentError_(
                    f"environment {name!r} has no variable {', '.join(map(repr, unknown))}; "
                    f"it has: {', '.join(sorted(current)) or 'none'}", environment=name, variables=unknown)
            return replace(env, variables={k: v for k, v in current.items() if k not in keys})

        return self.change(name, drop)

    def save(self) -> None:
        with file_lock(self.path):
            self._save()

    def _save(self) -> None:
        document = {
            "schema_version": SCHEMA_VERSION,
            "environments": [env.to_dict() for env in sorted(self._envs.values(), key=lambda e: e.name)]
            + self._unread,
        }
        if self._sandbox_variables:
            document["sandbox"] = {"variables": dict(sorted(self._sandbox_variables.items()))}
        atomic_write_json(self.path, document, private=True)
        self._stamp = _file_stamp(self.path)

    @staticmethod
    def _refuse_sandbox(name: str) -> None:
        if name == SANDBOX_NAME:
            raise EnvironmentError_("'sandbox' is the built-in local sandbox environment; it cannot be changed or removed")


def _file_stamp(path: Path):
    """What changes when another process replaces the file (atomic writes change the inode)."""

    try:
        st = os.stat(path)
    except OSError:  # missing, or not statable (a symlink loop): the load says what is wrong
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)
