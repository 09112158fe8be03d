"""The sandbox's kept state, in one directory (`paths.data_dir(environ)/sandbox` for the
background sandbox, a temporary one for a one-off sandbox):

  state.json    the emulated APIs' resources (SMS and voice v2, Pinpoint messaging, v1)
  moto.pickle   moto's backends (the Pinpoint resources moto serves), saved after each change
  events.jsonl  the event log: one JSON record per line (see events.py)

Writes are atomic (temp file + rename), so a killed sandbox leaves the last good state.
A damaged state file is moved aside (`state.json.damaged-TIME`) and the sandbox starts empty.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Mapping

from workbench.core.common import paths
log = logging.getLogger(__name__)

STATE_FILE = "state.json"
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
        shutil.rmtree(directory)
    return existed


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SandboxStore:
    """State of the emulated APIs as one JSON-able dict, guarded by `lock`."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        paths.private_dir(self.directory)
        self.lock = threading.RLock()
        self.state: dict = self._load()
        self.clock_offset = 0.0  # seconds the sandbox's clock runs ahead (advance_clock)

    def now(self) -> float:
        """The sandbox's time: expiry of codes and one-time passwords follows it."""
        return time.time() + self.clock_offset

    @property
    def events_path(self) -> Path:
        return self.directory / EVENTS_FILE

    def _load(self) -> dict:
        path = self.directory / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                return data
            raise ValueError("not an object")
        except FileNotFoundError:
            return {}
        except (ValueError, OSError, RecursionError) as exc:
            aside = path.with_name(f"{STATE_FILE}.damaged-{int(time.time())}")
            os.replace(path, aside)
            log.warning("sandbox state %s was damaged (%s); moved to %s, starting empty",
                        path, exc, aside.name)
            return {}

    def save(self) -> None:
        with self.lock:
            data = json.dumps(self.state, separators=(",", ":"), sort_keys=True).encode()
            _atomic_write(self.directory / STATE_FILE, data)

    def save_moto(self) -> None:
        from moto.backends import get_backend

        with self.lock:
            snapshot = {name: dict(get_backend(name)) for name in MOTO_BACKENDS}
            _atomic_write(self.directory / MOTO_FILE, pickle.dumps(snapshot))

    def restore_moto(self) -> None:
        """Put moto's saved backends back (the file is ours: written by save_moto)."""
        path = self.directory / MOTO_FILE
        if not path.exists():
            return
        from moto.backends import get_backend

        try:
            snapshot = pickle.loads(path.read_bytes())
        except Exception as exc:  # an older moto, a truncated file: start moto empty
            log.warning("could not restore moto's state from %s: %s", path.name, exc)
            return
        for name, backends in snapshot.items():
            live = get_backend(name)
            live.clear()
            live.update(backends)
