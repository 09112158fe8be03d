"""Launching: the window with no arguments (or `gui`), the command line otherwise; no display
gives a clear message, never a Qt abort; the two front ends never import each other."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from workbench.ui.app import NO_DISPLAY, run

ROOT = Path(__file__).resolve().parents[2]


def _environ(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env | {"HOME": str(tmp_path), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
                  "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data")} | extra


def test_no_display_says_how_to_use_the_command_line(tmp_path, capsys):
    status = run([], environ=_environ(tmp_path))
    assert status == 2
    assert capsys.readouterr().err == NO_DISPLAY


def test_no_arguments_without_a_display_is_the_message_not_a_crash(tmp_path):
    result = subprocess.run([sys.executable, "-m", "workbench"], env=_environ(tmp_path), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert "no display to open the window on" in result.stderr and "Traceback" not in result.stderr


def test_other_arguments_go_to_the_command_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "workbench", "library", "search", "apps", "--json"],
                            env=_environ(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "GetApps" in result.stdout


def test_screenshot_renders_the_window_offscreen(tmp_path):
    target = tmp_path / "window.png"
    result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(target),
                             "--operation", "GetApp", "--size", "900x600"],
                            env=_environ(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _imports(package: Path) -> set[str]:
    found = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
    return found


def test_the_window_and_the_command_line_do_not_import_each_other():
    assert not any(name.startswith("workbench.cli") for name in _imports(ROOT / "workbench" / "ui"))
    assert not any(name.startswith("workbench.ui") for name in _imports(ROOT / "workbench" / "cli"))


def test_a_screenshot_into_a_missing_directory_says_why(tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "x.png"
    result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(target)],
                            env=_environ(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"the directory {target.parent} does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_screenshot_under_a_file_says_why(tmp_path):
    """A destination nobody can write, root included (permission bits would not stop root)."""
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder\n")
    result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(not_a_folder / "x.png")],
                            env=_environ(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"{not_a_folder} is a file, not a directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_write_names_the_reason(qapp, tmp_path):
    from PySide6.QtGui import QPixmap

    from workbench.ui.screenshot import save_png

    pixmap = QPixmap(4, 4)
    assert save_png(pixmap, str(tmp_path / "gone" / "x.png")) == "No such file or directory"
    assert save_png(pixmap, str(tmp_path / "ok.png")) is None
    assert (tmp_path / "ok.png").read_bytes()[:4] == b"\x89PNG"


def test_a_dark_screenshot_at_200_percent(tmp_path):
    from PySide6.QtGui import QImage

    target = tmp_path / "dark.png"
    result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(target),
                             "--operation", "GetApp", "--size", "1024x640", "--theme", "dark", "--scale", "2"],
                            env=_environ(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (2048, 1280)  # 1024x640 at 200%
    assert image.pixelColor(image.width() // 2, image.height() - 4).lightness() < 100  # dark, to the bottom edge


def test_bad_screenshot_options_are_said_before_anything_starts(tmp_path, capsys):
    for options, said in ((["--size", "big"], "'big' is not WxH"), (["--size", "10x10"], "from 320x240"),
                          (["--scale", "x"], "'x' is not a number"), (["--scale", "9"], "from 0.5 to 4"),
                          (["--theme", "pink"], "invalid choice: 'pink'")):
        assert run(["--screenshot", str(tmp_path / "x.png"), *options], environ=_environ(tmp_path)) == 2
        assert said in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_the_application_icon_is_drawn_for_every_size_the_desktop_asks():
    from workbench.ui.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {16, 32, 48, 256} <= {size.width() for size in icon.availableSizes()}
