"""The sandbox's kept state, in one directory (`paths.data_dir(environ)/sandbox` for the
background sandbox, a temporary one for a one-off sandbox):

  state.sqlite3 the emulated APIs' resources (SMS and voice v2, Pinpoint messaging, v1):
                nested dicts, one row per member (state_tree.py), so a write costs what it
                changed and opening reads nothing until asked
  moto.pickle   moto's backends (the Pinpoint resources moto serves), saved after each change
  events.jsonl  the event log: one JSON record per line (see events.py)

Each operation's changes are one SQLite transaction (`save` commits it), so a sandbox killed
in the middle of a write leaves the state as of the last answered write; moto's file is
written atomically (temp file + rename). A state file that is not a database is moved aside
(`state.sqlite3.damaged-TIME`) and the sandbox starts empty. A `state.json` from an older
version is read once into the database and kept as `state.json.migrated`.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from workbench.core.common import paths  # the rest (sqlite3, pickle...) when used: the command line imports this for its paths

if TYPE_CHECKING:
    import sqlite3

    from workbench.core.sandbox.state_tree import Node, StateTree

log = logging.getLogger(__name__)

STATE_FILE = "state.sqlite3"
LEGACY_STATE_FILE = "state.json"
MOTO_FILE = "moto.pickle"
EVENTS_FILE = "events.jsonl"
MOTO_BACKENDS = ("pinpoint",)  # the moto backends the sandbox serves from


def sandbox_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where the background sandbox keeps its state."""
    return paths.data_dir(environ) / "sandbox"


def reset_data(directory: Path) -> bool:
    """Empty the sandbox's kept state; True if there was any."""
    existed = directory.exists() and any(directory.iterdir())
    if directory.exists():
        import shutil

        shutil.rmtree(directory)
    return existed


def _connect(path: Path) -> "sqlite3.Connection":
    import sqlite3

    db = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a commit survives a killed process; fsync at checkpoints
    except BaseException:
        db.close()
        raise
    return db


def _atomic_write(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SandboxStore:
    """State of the emulated APIs as nested dicts (`state`, a state_tree.Node), guarded by
    `lock`: handlers change it in place under the lock and call `save()` to commit."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        paths.private_dir(self.directory)
        self.lock = threading.RLock()
        self._tree = self._open()
        self.state: "Node" = self._tree.root
        self.clock_offset = 0.0  # seconds the sandbox's clock runs ahead (advance_clock)

    def now(self) -> float:
        """The sandbox's time: expiry of codes and one-time passwords follows it."""
        return time.time() + self.clock_offset

    @property
    def events_path(self) -> Path:
        return self.directory / EVENTS_FILE

    def _open(self) -> "StateTree":
        import sqlite3  # here, not at the top: the command line imports this module for its paths

        from workbench.core.sandbox.state_tree import StateTree

        path = self.directory / STATE_FILE
        try:
            tree = StateTree(_connect(path))
        except sqlite3.DatabaseError as exc:
            aside = path.with_name(f"{STATE_FILE}.damaged-{int(time.time())}")
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{path}{suffix}").exists():
                    os.replace(f"{path}{suffix}", f"{aside}{suffix}")
            log.warning("sandbox state %s was damaged (%s); moved to %s, starting empty", path, exc, aside.name)
            tree = StateTree(_connect(path))
        os.chmod(path, 0o600)
        self._migrate(tree)
        return tree

    def _migrate(self, tree: "StateTree") -> None:
        """Read an older version's state.json into an empty database, once."""
        legacy = self.directory / LEGACY_STATE_FILE
        if not legacy.exists() or not tree.empty():
            return
        try:
            data = json.loads(legacy.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (ValueError, OSError, RecursionError) as exc:
            log.warning("sandbox state %s was damaged (%s); starting empty", legacy, exc)
            data = {}
        tree.root.update(data)
        tree.commit()
        os.replace(legacy, legacy.with_name(f"{LEGACY_STATE_FILE}.migrated"))

    def save(self) -> None:
        """Commit the changes made since the last save (one transaction)."""
        with self.lock:
            self._tree.commit()

    def close(self) -> None:
        with self.lock:
            self._tree.commit()
            self._tree.db.close()

    def save_moto(self) -> None:
        from moto.backends import get_backend

        with self.lock:
            snapshot = {name: dict(get_backend(name)) for name in MOTO_BACKENDS}
            import pickle

            _atomic_write(self.directory / MOTO_FILE, pickle.dumps(snapshot))

    def restore_moto(self) -> None:
        """Put moto's saved backends back (the file is ours: written by save_moto)."""
        path = self.directory / MOTO_FILE
        if not path.exists():
            return
        from moto.backends import get_backend

        try:
            import pickle

            snapshot = pickle.loads(path.read_bytes())
        except Exception as exc:  # an older moto, a truncated file: start moto empty
            log.warning("could not restore moto's state from %s: %s", path.name, exc)
            return
        for name, backends in snapshot.items():
            live = get_backend(name)
            live.clear()
            live.update(backends)
