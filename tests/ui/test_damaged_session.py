"""A damaged window-session.json (issue 22: `{"schema_version":1,"tabs":5}` kept the window
from ever finishing its start) is reported in the status bar and the window starts with
no restored tabs."""

from __future__ import annotations

import json

from ui_helpers import make_context


def test_the_window_starts_with_a_damaged_session_file_and_says_so(qtbot, open_window, tmp_path, tutorial_sandbox):
    context = make_context(tmp_path, tutorial_sandbox.url)
    context.config_dir.mkdir(parents=True, exist_ok=True)
    context.session_path.write_text(json.dumps({"schema_version": 1, "tabs": 5}))
    window = open_window(context)  # waits for `ready`: it never came before
    assert window.tabs.count() == 0
    assert window.statusBar().currentMessage() == (
        f"open tabs not restored: {context.session_path}: tabs: expected a list of tabs, found a number; "
        "no tabs restored")
