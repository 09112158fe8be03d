"""Temp files left by saves that were killed are swept by the next save of the same file."""

from __future__ import annotations

import os
import time

from workbench.core.storage import STALE_TEMP_SECONDS, atomic_write_json


def test_a_killed_saves_temp_file_goes_at_the_next_save_and_a_live_one_stays(tmp_path):
    target = tmp_path / "environments.json"
    stale = tmp_path / ".environments.json.abc123.tmp"
    stale.write_text("x" * 1000)
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    in_progress = tmp_path / ".environments.json.def456.tmp"  # another process saving right now
    in_progress.write_text("{}")
    unrelated = tmp_path / ".other.json.abc.tmp"
    unrelated.write_text("")
    os.utime(unrelated, (old, old))

    atomic_write_json(target, {"schema_version": 1})

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["environments.json", in_progress.name, unrelated.name]
    )
