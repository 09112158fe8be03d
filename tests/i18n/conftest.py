"""Translations under test: the project's, or a copy of resources/i18n/ a test may damage."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # text_checks, beside the tests


def _clear_caches() -> None:
    import importlib

    importlib.import_module("workbench.core.diagnose.catalogue")._localized.cache_clear()


@pytest.fixture
def i18n_copy(tmp_path, monkeypatch):
    """A copy of resources/i18n/ the core reads instead of the project's, for this test only."""
    from workbench.core.common import i18n

    copy = tmp_path / "i18n"
    shutil.copytree(i18n.I18N_DIR, copy)
    monkeypatch.setattr(i18n, "I18N_DIR", copy)
    _clear_caches()
    yield copy
    _clear_caches()
