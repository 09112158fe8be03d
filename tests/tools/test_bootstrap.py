"""`tools/bootstrap` (run by `tools/run-app` and `tools/run-tests`) says what it does while
it sets up, a line per step, and nothing once set up. pip and venv are stand-ins here (a
real install takes minutes and needs the package index); the script itself runs for real."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/bin/sh
# `python -m venv DIR` makes DIR/bin/python a stand-in that logs how it was called
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin" && cp "$FAKE_VENV_PYTHON" "$3/bin/python" && exit 0
fi
exec "$REAL_PYTHON" "$@"
"""
FAKE_VENV_PYTHON = """#!/bin/sh
echo "$* | PYTHONWARNINGS=$PYTHONWARNINGS" >> "$CALLS"
"""


def _executable(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_bootstrap_talks_while_it_installs_and_is_quiet_after(tmp_path):
    project = tmp_path / "project"
    (project / "tools").mkdir(parents=True)
    shutil.copy(ROOT / "tools" / "bootstrap", project / "tools" / "bootstrap")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    calls = tmp_path / "calls.log"
    env = dict(os.environ, PYTHON=str(_executable(tmp_path / "python3", FAKE_PYTHON)), REAL_PYTHON=sys.executable,
               FAKE_VENV_PYTHON=str(_executable(tmp_path / "venv-python", FAKE_VENV_PYTHON)), CALLS=str(calls))

    first = subprocess.run([str(project / "tools" / "bootstrap")], env=env, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""  # stdout belongs to the app run-app starts
    version = "Python %d.%d" % sys.version_info[:2]
    assert first.stderr.splitlines() == [
        f"bootstrap: creating .venv with {version}",
        "bootstrap: updating pip",
        "bootstrap: installing pinpoint-workbench and its dependencies (botocore, moto, PySide6...; "
        "the first time takes a minute or two)",
        "bootstrap: ready: .venv/bin/pinpoint-workbench",
    ]
    pip_calls = calls.read_text().splitlines()
    assert pip_calls[-1] == "-m pip install -q -e .[test] | PYTHONWARNINGS=ignore:Editable installation"

    again = subprocess.run([str(project / "tools" / "bootstrap")], env=env, capture_output=True, text=True, timeout=60)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert calls.read_text().splitlines() == pip_calls  # nothing installed the second time
