"""The installed Qt binding keeps Python's reference counts right: PySide6 6.12.0 drops a
reference to None on every call of a method returning nothing, so on Python 3.11 the window
aborted ("Fatal Python error: none_dealloc") after a few thousand calls."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_do_not_eat_references_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        QApplication.processEvents()
    assert sys.getrefcount(None) > before - 50
