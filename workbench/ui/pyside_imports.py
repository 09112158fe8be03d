"""PySide6 asks of every module imported after it whether it uses PySide; here it gets the
answer from the module's bytes instead of `inspect.getsource`.

Importing PySide6 replaces Python's `__import__` (for `from __feature__ import snake_case`,
which this application does not use). After each import it records whether the module's
source names "PySide6" (shibokensupport.feature._mod_uses_pyside), reading that source with
`inspect.getsource`: the encoding detected by the tokenizer, the lines split and kept in
`linecache` for the life of the process. For the ~120 modules the window imports after
PySide6 that was 10-20 ms of its start (see `bench_gui`), most of it before the first paint.

The answer is the same from the file's bytes: Python source is in an ASCII-compatible
encoding, so its text contains "PySide6" exactly when its bytes contain b"PySide6". A module
with no .py file, or a file that cannot be read, gets PySide's own check.
"""

from __future__ import annotations

import sys

_FEATURE_MODULE = "shibokensupport.feature"


def read_bytes_for_feature_check() -> bool:
    """Install the byte check (once PySide6 is imported); False where this PySide6 has no
    such check to replace (then nothing changes)."""
    import PySide6.QtCore  # noqa: F401 - installs the import hook and its feature module

    feature = sys.modules.get(_FEATURE_MODULE)
    pyside_check = getattr(feature, "_mod_uses_pyside", None)
    if pyside_check is None:
        return False
    if getattr(pyside_check, "pyside_own_check", None) is not None:
        return True  # installed already

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return pyside_check(module)

    mod_uses_pyside.pyside_own_check = pyside_check
    feature._mod_uses_pyside = mod_uses_pyside
    return True
