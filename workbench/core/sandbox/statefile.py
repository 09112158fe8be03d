"""Where a background sandbox is recorded: a JSON file in the user's runtime dir.

The location follows the injected environment (XDG_RUNTIME_DIR, then XDG_CACHE_HOME), so
tests and the CLI context isolate it; platformdirs gives the platform default otherwise.
"""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Mapping

APP_NAME = "pinpoint-workbench"
STATUS_PATH = "/_workbench/sandbox/status"  # unsigned, local: lets a client check who listens
STATE_FILE_NAME = "sandbox.json"
LOG_FILE_NAME = "sandbox.log"


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime:
        candidate = Path(runtime) / APP_NAME
    else:
        import platformdirs  # only when the environment does not say (a start-up cost otherwise)

        with warnings.catch_warnings():  # platformdirs warns when it falls back to /tmp
            warnings.simplefilter("ignore")
            candidate = Path(platformdirs.user_runtime_dir(APP_NAME))
    if _usable(candidate):
        return candidate
    cache = environ.get("XDG_CACHE_HOME")
    if cache:
        return Path(cache) / APP_NAME
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def _usable(directory: Path) -> bool:
    """An existing writable dir, or one we may create in an existing writable parent."""
    base = directory if directory.exists() else directory.parent
    return base.is_dir() and os.access(base, os.W_OK | os.X_OK)


def state_file(environ: Mapping[str, str] | None = None) -> Path:
    return state_dir(environ) / STATE_FILE_NAME


@dataclass(frozen=True)
class SandboxRecord:
    pid: int
    port: int
    url: str
    tutorial_policy: bool
    started_at: float

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SandboxRecord":
        return cls(int(data["pid"]), int(data["port"]), str(data["url"]),
                   bool(data.get("tutorial_policy", False)), float(data.get("started_at", 0)))


def write_record(path: Path, record: SandboxRecord) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sandbox-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(record.to_dict(), handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_record(path: Path) -> SandboxRecord | None:
    """The record, or None when absent; a corrupt file counts as absent (and is removed)."""
    try:
        return SandboxRecord.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, OSError):
        path.unlink(missing_ok=True)
        return None


def remove_record(path: Path, pid: int | None = None) -> None:
    """Remove the record (only if it still names `pid`, when given)."""
    if pid is not None:
        current = read_record(path)
        if current is None or current.pid != pid:
            return
    path.unlink(missing_ok=True)
