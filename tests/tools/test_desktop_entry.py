"""`tools/run-app --install-desktop-entry`: a desktop entry and the icon in the user's data
dir (Linux), pointing at this checkout's run-app; again rewrites it; uninstall removes it."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import desktop_entry

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are Linux's")


def _read(path: Path) -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_install_writes_an_entry_the_launcher_can_start_and_its_icons(tmp_path):
    environ = {"XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    result = subprocess.run([str(ROOT / "tools" / "run-app"), "--install-desktop-entry"], capture_output=True,
                            text=True, timeout=300, env=os.environ | environ)
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "share" / "applications" / "pinpoint-workbench.desktop"
    assert f"desktop entry: {entry}" in result.stdout
    fields = _read(entry)
    assert fields["Exec"] == str(ROOT / "tools" / "run-app")  # this checkout's launcher
    assert fields["Name"] == "Pinpoint Workbench" and fields["Type"] == "Application"
    assert fields["StartupWMClass"] == "pinpoint-workbench" and fields["Icon"] == "pinpoint-workbench"
    icon = tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "pinpoint-workbench.png"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "pinpoint-workbench-256.png").read_bytes()
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "pinpoint-workbench.svg").is_file()

    assert desktop_entry.main(["status"], environ) == 0 and desktop_entry.installed(environ)
    assert desktop_entry.main(["install"], environ) == 0  # again: rewritten, not duplicated
    assert sorted(p.name for p in (tmp_path / "share" / "applications").iterdir()) == ["pinpoint-workbench.desktop"]
    assert desktop_entry.main(["uninstall"], environ) == 0
    assert not entry.exists() and not icon.exists()


def test_an_unwritable_data_dir_is_said_plainly(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert desktop_entry.main(["install"], {"XDG_DATA_HOME": str(blocker / "share")}) == 1
    error = capsys.readouterr().err
    assert error.startswith("desktop entry: cannot write ") and "Traceback" not in error


def test_a_path_with_spaces_is_quoted_as_the_spec_says():
    assert desktop_entry.exec_quoted("/opt/my apps/run-app") == '"/opt/my apps/run-app"'
    assert desktop_entry.exec_quoted("/opt/100%/run-app") == "/opt/100%%/run-app"
    assert desktop_entry.main(["nonsense"], {}) == 2
