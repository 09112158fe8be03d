"""Small data worked out from big inputs, kept in one file of the user cache dir so the next
process reads it instead of redoing the work: `cached(name, fingerprint, build)`.

The file holds {"format", "fingerprint", "data"} as JSON. It is used only when its
fingerprint equals the caller's (what the data was derived from: files' paths, sizes and
modification times, a version...). A missing, unreadable, damaged or stale file, or data the
caller's `check` refuses, is built again and written atomically (temp file + rename): a
reader never sees half a file, and a cache that cannot be written costs only the time.
Nothing here is ever the only copy of anything.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Mapping

FORMAT = 1


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CACHE_HOME/pinpoint-workbench, else ~/.cache/pinpoint-workbench on Linux, else the
    platform's user cache dir."""
    environ = os.environ if environ is None else environ
    xdg = environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "pinpoint-workbench"
    if sys.platform.startswith("linux") and environ.get("HOME"):
        return Path(environ["HOME"]) / ".cache" / "pinpoint-workbench"
    import platformdirs

    return Path(platformdirs.user_cache_dir("pinpoint-workbench", appauthor=False))


def file_stamps(paths) -> list[list]:
    """[path, size, mtime_ns] of each path (a missing one: [path, None, None])."""
    stamps = []
    for path in paths:
        try:
            info = os.stat(path)
            stamps.append([str(path), info.st_size, info.st_mtime_ns])
        except OSError:
            stamps.append([str(path), None, None])
    return stamps


def cached(name: str, fingerprint: Any, build: Callable[[], Any], *, environ: Mapping[str, str] | None = None,
           convert: Callable[[Any], Any] | None = None) -> Any:
    """The data kept under `name` for this `fingerprint` (JSON values), else `build()`,
    kept for the next time. With `convert`, what is returned is `convert(data)`; kept data
    it fails on (an exception: a shape it cannot use) is built again."""
    fingerprint = json.loads(json.dumps(fingerprint))  # as it reads back: tuples are lists
    convert = convert or (lambda data: data)
    path = cache_dir(environ) / name
    try:
        with open(path, "rb") as file:
            kept = json.loads(file.read())
        if kept["format"] == FORMAT and kept["fingerprint"] == fingerprint:
            return convert(kept["data"])
    except Exception:  # missing, damaged or stale, whatever the damage: built again below
        pass
    data = build()
    try:
        from workbench.core.common.storage import atomic_write_text

        atomic_write_text(path, json.dumps({"format": FORMAT, "fingerprint": fingerprint, "data": data},
                                           separators=(",", ":"), ensure_ascii=False))
    except (OSError, TypeError, ValueError):
        pass  # not writable (or not JSON data): the next process builds it again
    return convert(data)
