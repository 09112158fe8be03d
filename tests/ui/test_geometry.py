"""Nothing the user must read is clipped at 1024x640, at 100% and at 200% scale, in English,
Simplified Chinese and Korean: the production mark whole, the environment's name whole, the
credential status whole or in its short form (never a cut sentence), every menu on the menu
bar; the response tree's values readable at 900x600."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyle

HERE = Path(__file__).resolve().parent


def _production_config(folder: Path) -> None:
    (folder / "config").mkdir(parents=True)
    (folder / "config" / "environments.json").write_text(json.dumps({
        "schema_version": 1,
        "environments": [{"name": "prod", "region": "us-east-1", "production": True,
                          "hosts": {"pinpoint": "127.0.0.1:9"}, "credential_source": {"kind": "process"}}]}))


@pytest.mark.parametrize("scale, language", [("1", "en"), ("2", "en"), ("1", "zh_CN"), ("1", "ko_KR"), ("2", "ko_KR")])
def test_the_environment_bar_is_whole_at_1024x640(tmp_path, scale, language):
    _production_config(tmp_path)
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environ |= {"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    result = subprocess.run([sys.executable, str(HERE / "geometry_probe.py"), str(tmp_path), "1024x640", language],
                            env=environ, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["dpr"] == float(scale)
    window = QRect(*seen["window"])
    rects = {name: QRect(*r) for name, r in seen["rects"].items()}
    assert all(seen["visible"].values()), seen
    for name, rect in rects.items():
        assert window.contains(rect), (name, seen)  # inside the window, not run off its edge
    names = list(rects)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not rects[a].intersects(rects[b]), (a, b, seen)
    assert rects["production"].width() >= seen["production_hint"]  # the PRODUCTION mark whole
    full, painted = seen["switcher_text"]
    assert painted == full and full.startswith("prod — ") and full.endswith("]")  # the name whole, its production mark too
    full, painted = seen["credentials_text"]
    assert painted in (full, seen["credentials_short"]), painted  # whole, or its short form
    for menu, (right, bar_left, hidden) in seen["menus"].items():
        assert not hidden and right < bar_left, (menu, seen["menus"])


def test_response_values_are_readable_at_900x600(qtbot, open_window, context):
    from ui_helpers import find_tree_row, open_operation, send, wait_for_body

    window = open_window(context)
    window.resize(900, 600)
    tab = open_operation(qtbot, window, "CreateApp")
    tab.editor.body.setPlainText('{"Name": "narrow"}')
    assert send(qtbot, tab).startswith("201")
    wait_for_body(qtbot, tab)
    tree = tab.response.tree
    qtbot.waitUntil(lambda: tree.isVisible())
    for path in ("$.Id", "$.Name"):
        index = find_tree_row(tab.response.tree_model, path).siblingAtColumn(1)
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
        drawn = tree.fontMetrics().elidedText(index.data(), tree.textElideMode(), tree.visualRect(index).width() - 2 * margin)
        assert drawn == index.data(), (path, drawn)
