"""The request library read from one file instead of 278: `cached_library(root)`.

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

import hashlib
from pathlib import Path

from workbench.core.common.derived_cache import cached, file_stamps
from workbench.core.common.errors import Problem
from workbench.core.library.templates import (SUPPORTED_SCHEMA, Library, library_files, library_from_files,
                                              read_template_file)

FORMAT = 1  # of the cached list; raise it when read_template_file's answers change shape


def cache_name(root: Path) -> str:
    return f"library-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.json"


def cached_library(root: Path | str, environ=None) -> Library:
    root = Path(root)
    if not root.is_dir():
        return Library((), (Problem(str(root), "the request library folder does not exist"),))
    files = library_files(root)
    fingerprint = [FORMAT, SUPPORTED_SCHEMA, str(root.resolve()), file_stamps(path for path, _ in files)]
    return cached(cache_name(root), fingerprint, lambda: [read_template_file(path, rel) for path, rel in files],
                  environ=environ, convert=lambda kept: library_from_files(_checked(kept, [rel for _, rel in files])))


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
