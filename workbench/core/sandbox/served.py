"""Which operations the local sandbox serves, without importing moto on every command.

The answer is derived from moto and our emulation (workbench.core.sandbox.emulation), which
costs a moto import (several hundred ms). It only changes when moto, the sandbox's code or
the library changes, so it is kept in the user cache dir under a fingerprint of them
(moto's `__init__.py`, every `workbench/core/sandbox/*.py`, the lifecycle reference, the
library folder: path, size, mtime) and recomputed when the fingerprint differs. A cache that cannot be read or written is simply recomputed.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Mapping

SANDBOX_PACKAGE = Path(__file__).resolve().parent
FILE_NAME = "sandbox-served.json"


def cache_dir(environ: Mapping[str, str]) -> Path:
    xdg = environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "pinpoint-workbench"
    if sys.platform.startswith("linux") and environ.get("HOME"):
        return Path(environ["HOME"]) / ".cache" / "pinpoint-workbench"
    import platformdirs

    return Path(platformdirs.user_cache_dir("pinpoint-workbench", appauthor=False))


def fingerprint() -> list:
    from workbench.core.common.resources import LIBRARY_DIR, REFERENCE_DIR

    spec = importlib.util.find_spec("moto")
    files = sorted(SANDBOX_PACKAGE.glob("*.py")) + ([Path(spec.origin)] if spec and spec.origin else [])
    files += [REFERENCE_DIR / "lifecycle.json", LIBRARY_DIR]  # what is refused; which operations exist
    return [[str(f), f.stat().st_size, f.stat().st_mtime_ns] for f in files]


def _compute() -> list[str]:
    from workbench.core.library.templates import default_library
    from workbench.core.sandbox.emulation import is_emulated

    return sorted(t.key for t in default_library().templates if is_emulated(t.api, t.operation))


@functools.lru_cache(maxsize=4)
def _served(environ_items: tuple) -> frozenset[str]:
    path = cache_dir(dict(environ_items)) / FILE_NAME
    current = fingerprint()
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("fingerprint") == current:
            return frozenset(cached["served"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    served = _compute()
    try:
        from workbench.core.common.storage import atomic_write_json

        atomic_write_json(path, {"fingerprint": current, "served": served})
    except OSError:
        pass
    return frozenset(served)


def served_operations(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """Every "api:Operation" the local sandbox serves."""
    environ = os.environ if environ is None else environ
    keys = ("XDG_CACHE_HOME", "HOME")
    return _served(tuple((k, environ[k]) for k in keys if k in environ))


def is_served(api: str, operation: str, environ: Mapping[str, str] | None = None) -> bool:
    return f"{api}:{operation}" in served_operations(environ)
