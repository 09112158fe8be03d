"""The request library read from one file instead of 278 (`cached_files`, used by
core.library.templates.library_at).

Opening and reading every template file is a third of loading the library (the window's
start waits for it). The parsed files are kept together in the user cache
(library-ROOTHASH.json, core.common.derived_cache) under a fingerprint of every template
file (path, size, modification time), the schema version this code reads and the folder:
any file added, removed or changed makes it stale, and the library is read from the files
and the cache written again (atomically). A damaged or unreadable cache, or one whose
contents are not what `read_template_file` gives, is rebuilt the same way; a cache that
cannot be written costs only the time. The library is the same either way: templates and
problems come from the same data through `library_from_files`.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Callable

from workbench.core.common.derived_cache import cached, file_stamps

FORMAT = 1  # of the cached list; raise it when read_template_file's answers change shape


def cache_name(root: Path) -> str:
    """One cache file per library folder. (A checksum, not hashlib: its import loads OpenSSL,
    3 ms of the window's start; two folders that collide only take turns rebuilding it, as
    the fingerprint names the folder.)"""
    return f"library-{zlib.crc32(str(root.resolve()).encode()):08x}.json"


def cached_files(root: Path, files: list, read: Callable, schema: int, build: Callable, environ=None):
    """`build` of what `read(path, rel)` gives for each of `files` ([(path, rel)] under `root`),
    read from the cache file while none of them changed. The library's own reading and
    building stay in core.library.templates (`library_at`), which hands them in."""
    fingerprint = [FORMAT, schema, str(root.resolve()), file_stamps(path for path, _ in files)]
    names = [rel for _, rel in files]
    return cached(cache_name(root), fingerprint, lambda: [read(path, rel) for path, rel in files],
                  environ=environ, convert=lambda kept: build(_checked(kept, names)))


def _checked(kept, names: list[str]) -> list:
    """The kept list as read_template_file gives it, one entry per file in order; else ValueError
    (then it is built again)."""
    if not isinstance(kept, list) or len(kept) != len(names):
        raise ValueError("not the library's files")
    for item, name in zip(kept, names):
        if not (isinstance(item, list) and len(item) == 3 and item[0] == name
                and (item[1] == "data" or (item[1] == "problem" and isinstance(item[2], str)))):
            raise ValueError(f"not a library entry for {name}")
    return kept
