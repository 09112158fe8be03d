"""Files the workbench owns: atomic JSON writes, schema versions, migrations, backups.

A save is all-or-nothing: the data goes to a temporary file in the same directory, is
fsync'ed, then `os.replace`d over the target, so a crash leaves either the old file or the
new one, never half of one. JSON is written with sorted keys, indent 2 and a trailing
newline, so files diff cleanly.

A file that cannot be read is never silently dropped: `load_json_versioned` moves it aside
as a timestamped `.bak` file (kept, never overwritten) and returns a `CorruptFile` error
that names the file and what is wrong (line and column for JSON syntax errors).

Every read is bounded (`read_limited`): only a regular file, of at most a given size, so a
path that leads to /dev/zero, a pipe with no writer, a folder or a symlink loop is a clear
error at once, never a read that does not end.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
import tempfile
import time
from glob import escape as glob_escape
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from workbench.core.common import safe_json
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.paths import private_dir

VERSION_KEY = "schema_version"

Migration = Callable[[dict], dict]


class StorageError(WorkbenchError):
    """A file could not be written or read."""

    fmt = "{path}: {detail}"


class UnreadableFile(StorageError):
    """Not something to read: not a regular file (a device, a pipe, a folder), a symlink
    loop, or larger than the limit. `kind` is "not_a_file", "symlink_loop" or "too_large"."""

    code = "unreadable_file"


MAX_FILE_BYTES = 64 * 1024 * 1024  # a file the workbench keeps (environments, settings...) is a few KB


def read_limited(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes. FileNotFoundError as
    is; UnreadableFile for a device, pipe, folder, symlink loop or a larger file (checked
    before reading, and again while reading: a file that grows is cut off, not followed);
    StorageError for any other failure to read. Never blocks on a pipe or a terminal."""

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(path=str(path), kind="symlink_loop",
                                 detail="a loop of symbolic links, not a file; not read") from None
        if isinstance(exc, IsADirectoryError):
            raise UnreadableFile(path=str(path), kind="not_a_file", detail="a folder, not a file; not read") from None
        raise StorageError(path=str(path), detail=f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, a pipe or a socket"
            raise UnreadableFile(path=str(path), kind="not_a_file", detail=f"{what}, not a regular file; not read")
        if info.st_size > limit:
            raise _too_large(path, info.st_size, limit, exact=True)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise _too_large(path, size, limit, exact=False)  # it grew while being read
        return b"".join(chunks)
    except OSError as exc:
        raise StorageError(path=str(path), detail=f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _too_large(path, size: int, limit: int, exact: bool) -> UnreadableFile:
    shown = _size_text(size) if exact else f"more than {_size_text(limit)}"
    return UnreadableFile(path=str(path), kind="too_large", size=size if exact else None,
                          detail=f"{shown}; a file read here can be at most {_size_text(limit)}; not read")


def _size_text(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{size} bytes"


def read_text_limited(path: Path | str, limit: int = MAX_FILE_BYTES) -> str:
    """`read_limited` as UTF-8 text (a BOM dropped); safe_json.JsonInputError (a
    WorkbenchError locating the first bad byte) when it is not UTF-8."""

    return safe_json.decode_utf8(read_limited(path, limit), str(path))


class CorruptFile(StorageError):
    """A file exists but its content is unusable. `backup` is where the original now lives."""

    fmt = "{path}: {detail}{backup_note}"

    def __init__(self, path: Path | str, detail: str, backup: Path | None = None):
        note = f" (the original was kept as {backup})" if backup else ""
        super().__init__(path=str(path), detail=detail, backup=backup, backup_note=note)


@dataclass(frozen=True)
class LoadResult:
    """What `load_json_versioned` found.

    `data` is the migrated document (None if the file is missing or unusable); `error`
    says what was wrong with an unusable file; `migrated_from` is the version the file had
    when a migration ran (the caller should save to persist the upgrade).
    """

    path: Path
    data: dict | None
    error: CorruptFile | None = None
    migrated_from: int | None = None

    @property
    def exists(self) -> bool:
        return self.data is not None or self.error is not None


def dumps_stable(data: Any) -> str:
    """JSON text as written to disk: sorted keys, indent 2, trailing newline."""

    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def atomic_write_text(path: Path | str, text: str, *, private: bool = False) -> None:
    """Write `text` (UTF-8) to `path` atomically: temp file in the same dir + fsync + replace.
    A new file is 0600; an existing one keeps its mode, unless `private` (the workbench's
    own files: the file 0600, its directory 0700, both tightened if they were not)."""

    path = Path(path)
    if private:
        private_dir(path.parent)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_temps(path)
    _replace_with(path, text, private=private)
    _fsync_dir(path.parent)


def atomic_write_texts(files: Iterable[tuple[Path | str, str]]) -> None:
    """Write many files atomically (each as `atomic_write_text` does), with each folder read
    once for stale temp files and made durable once, after its last file: the cost is
    linear in the number of files, however many share a folder."""

    by_folder: dict[Path, list[tuple[Path, str]]] = {}
    for path, text in files:
        path = Path(path)
        by_folder.setdefault(path.parent, []).append((path, text))
    for folder, members in by_folder.items():
        folder.mkdir(parents=True, exist_ok=True)
        _sweep_folder(folder, {path.name for path, _ in members})
        for path, text in members:
            _replace_with(path, text)
        _fsync_dir(folder)


def _replace_with(path: Path, text: str, *, private: bool = False) -> None:
    """`text` in a fsync'ed temp file beside `path`, then renamed over it (0600 when new or
    `private`, else with the mode the file had)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists() and not private:
            shutil.copymode(path, tmp_name)
        else:
            os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


STALE_TEMP_SECONDS = 3600  # a save takes milliseconds: an older temp file is a save that was killed


def sweep_stale_temps(path: Path | str, now: float | None = None) -> list[Path]:
    """Delete the temp files interrupted saves of `path` left beside it; returns them."""
    path = Path(path)
    cutoff = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    removed = []
    for temp in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        try:
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
                removed.append(temp)
        except OSError:
            pass
    return removed


def _sweep_folder(folder: Path, names: set[str], now: float | None = None) -> None:
    """`sweep_stale_temps` for several files of one folder, reading the folder once."""
    cutoff = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        target = name[1:].rsplit(".", 2)[0]  # ".NAME.RANDOM.tmp" -> NAME
        try:
            if target in names and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass


def atomic_write_json(path: Path | str, data: Any, *, private: bool = False) -> None:
    """Write `data` as stable JSON (sorted keys, indent 2, trailing newline), atomically."""

    atomic_write_text(path, dumps_stable(data), private=private)


def _fsync_dir(directory: Path) -> None:
    # Make the rename itself durable where the platform allows opening a directory.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_path_for(path: Path | str, now: float | None = None) -> Path:
    """A fresh `NAME.YYYYmmdd-HHMMSS.bak` next to `path` (a counter keeps it unique)."""

    path = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    candidate = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
        counter += 1
    return candidate


def move_aside(path: Path | str) -> Path:
    """Rename a broken file to a fresh timestamped backup; return the backup's path."""

    target = backup_path_for(path)
    os.replace(path, target)
    return target


@contextlib.contextmanager
def file_lock(path: Path | str, timeout: float = 30.0) -> Iterator[None]:
    """Hold an exclusive lock on `path` + ".lock" (the file itself is replaced on save, so it
    cannot carry the lock): POSIX fcntl, elsewhere an O_EXCL lock file. Serialises
    read-modify-write between processes (the window and a terminal); not reentrant."""

    lock_path = Path(f"{path}.lock")
    private_dir(lock_path.parent)  # the workbench's own files: their directory is private
    deadline = time.monotonic() + timeout
    try:
        import fcntl
    except ImportError:  # not POSIX
        fcntl = None
    if fcntl is not None:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock
        return
    while True:  # portable fallback: the lock is the existence of the file
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise StorageError(path=str(path), detail=f"locked by another process (remove {lock_path} if none runs)")
            time.sleep(0.01)
    try:
        yield
    finally:
        os.close(fd)
        os.unlink(lock_path)


def load_json_versioned(
    path: Path | str,
    current_version: int,
    migrations: Mapping[int, Migration],
    *,
    version_key: str = VERSION_KEY,
) -> LoadResult:
    """Read a versioned JSON object, migrating it up to `current_version`.

    `migrations[n]` upgrades a document from version n to n + 1 (name them `from_<n>`).
    A missing version key means version 1. A missing file gives `LoadResult(data=None)`.
    An unusable file (not a regular file, too large, bad UTF-8, bad JSON, not an object, bad
    or future version, a failing migration) is moved aside to a timestamped `.bak` and
    reported in `LoadResult.error`; this function does not raise for bad content. A file
    it may not read (permissions) raises StorageError: it may hold data, so it is never
    set aside or replaced.
    """

    path = Path(path)

    def broken(detail: str) -> LoadResult:
        backup = move_aside(path)
        return LoadResult(path, None, CorruptFile(path, detail, backup))

    try:
        raw = read_limited(path)
    except FileNotFoundError:
        return LoadResult(path, None)
    except UnreadableFile as exc:  # no data of ours in a device, a loop or a runaway file: set aside, start afresh
        return broken(exc.detail)

    try:
        data = safe_json.loads(raw, str(path))
    except safe_json.JsonInputError as exc:
        return broken(safe_json.describe(exc))
    if not isinstance(data, dict):
        return broken(f"expected a JSON object at the top level, found {json_type(data)}")

    version = data.get(version_key, 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return broken(f"{version_key} must be a positive integer, found {json.dumps(version)}")
    if version > current_version:
        return broken(
            f"{version_key} {version} was written by a newer Pinpoint Workbench "
            f"(this one reads up to {current_version})"
        )
    migrated_from = version if version < current_version else None
    while version < current_version:
        migration = migrations.get(version)
        if migration is None:
            return broken(f"no migration from {version_key} {version}")
        try:
            data = migration(dict(data))
        except (KeyError, TypeError, ValueError) as exc:
            return broken(f"migration from {version_key} {version} failed: {exc}")
        version += 1
        data[version_key] = version
    data[version_key] = current_version
    return LoadResult(path, data, None, migrated_from)


def json_type(value: Any) -> str:
    """What kind of JSON value `value` is, worded for a message: "a number", "an array"..."""

    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "null"
    return type(value).__name__
