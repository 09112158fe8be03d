"""PySide6's question after every import (does this module use PySide?) gets the same answers
from the module's bytes as from PySide's own `inspect.getsource`, and no module's source is
kept in memory for it (workbench.ui.pyside_imports)."""

from __future__ import annotations

import importlib
import linecache
import sys

import workbench.core.library.index  # noqa: F401 - a module that does not use PySide
import workbench.ui.main_window  # noqa: F401 - one that does
from workbench.ui.pyside_imports import read_bytes_for_feature_check


def _feature():
    assert read_bytes_for_feature_check(), "this PySide6 has no per-import check: delete workbench.ui.pyside_imports"
    return sys.modules["shibokensupport.feature"]


def test_every_imported_module_gets_the_answer_pyside_gives():
    check = _feature()._mod_uses_pyside
    modules = [module for module in list(sys.modules.values()) if isinstance(getattr(module, "__file__", None), str)]
    ours = {module.__name__: check(module) for module in modules}
    assert ours == {module.__name__: check.pyside_own_check(module) for module in modules}
    assert ours["workbench.ui.main_window"] is True and ours["workbench.core.library.index"] is False
    assert len(modules) > 300 and 0 < sum(ours.values()) < len(ours)


def test_a_module_imported_later_is_recorded_without_keeping_its_source(tmp_path, monkeypatch):
    feature = _feature()
    (tmp_path / "uses_qt_in_a_comment.py").write_text("# drawn with PySide6\nVALUE = 1\n")
    (tmp_path / "plain_module_for_the_check.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("uses_qt_in_a_comment", "plain_module_for_the_check"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        feature.pyside_feature_dict.pop(name, None)
        # what PySide's import hook calls after an import (which hook is in force changes
        # as PySide loads its own modules lazily: called here, not through it)
        feature.feature_imported(importlib.import_module(name))
    assert feature.pyside_feature_dict["uses_qt_in_a_comment"] == 0  # uses PySide: "no feature"
    assert feature.pyside_feature_dict["plain_module_for_the_check"] == -1  # ignored by PySide
    assert not any(str(tmp_path) in path for path in linecache.cache)


def test_installing_twice_keeps_one_byte_check():
    feature = _feature()
    first = feature._mod_uses_pyside
    assert read_bytes_for_feature_check()
    assert feature._mod_uses_pyside is first
