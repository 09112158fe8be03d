"""Temporary files for bodies too large to keep in memory (mode 0600, in the given folder or
the system temp dir), named workbench-body-<pid>-*.bin. Those of this process are deleted
at exit; the first spool of a process in a folder deletes those left there by processes
that are gone (killed before their exit handlers ran)."""

from __future__ import annotations

import atexit
import os
import re
import threading

_NAME = re.compile(r"workbench-body-(\d+)-\w+\.bin")
_spooled: set[str] = set()
_lock = threading.Lock()
_swept_dirs: set[str] = set()


def open_file(spool_dir: str | None):
    """A new spool file, open for binary writing (`.name` is its path)."""
    import tempfile  # here: only a big answer is spooled, and tempfile imports shutil (bz2, lzma)

    directory = spool_dir or tempfile.gettempdir()
    with _lock:
        first = directory not in _swept_dirs
        _swept_dirs.add(directory)
    if first:
        sweep_stale_spools(directory)
    handle = tempfile.NamedTemporaryFile(
        "wb", prefix=f"workbench-body-{os.getpid()}-", suffix=".bin", dir=directory, delete=False
    )
    with _lock:
        _spooled.add(handle.name)
    return handle


def forget(path: str | None) -> None:
    """Delete a spool file (None: nothing to do)."""
    if path:
        with _lock:
            _spooled.discard(path)
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


@atexit.register
def _delete_all() -> None:
    with _lock:
        paths = list(_spooled)
    for path in paths:
        forget(path)


def sweep_stale_spools(directory: str) -> list[str]:
    """Delete spooled bodies left in `directory` by processes that no longer run; returns them."""
    removed = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        match = _NAME.fullmatch(name)
        if match and not _process_alive(int(match.group(1))):
            path = os.path.join(directory, name)
            try:
                os.unlink(path)
                removed.append(path)
            except OSError:
                pass
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: leave it
    return True
