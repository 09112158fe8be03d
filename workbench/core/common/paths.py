"""Where the workbench keeps its data (history, the sandbox's state, collections by
default): PINPOINT_WORKBENCH_DATA_DIR, else the platform's user data dir (XDG_DATA_HOME
honoured); and its settings (environments, globals, the window's layout and open tabs):
PINPOINT_WORKBENCH_CONFIG_DIR, else the user config dir. Cheap to import: the window asks
for these before anything else is loaded.

Both are private: `private_dir` creates them (and any missing parent) 0700 and tightens
an existing one to its owner when the workbench writes there."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Mapping

APP_NAME = "pinpoint-workbench"
DATA_DIR_ENV = "PINPOINT_WORKBENCH_DATA_DIR"
CONFIG_DIR_ENV = "PINPOINT_WORKBENCH_CONFIG_DIR"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """PINPOINT_WORKBENCH_DATA_DIR, else the platform data dir (XDG_DATA_HOME honoured)."""
    return _user_dir(environ, DATA_DIR_ENV, "XDG_DATA_HOME", (".local", "share"), "user_data_dir")


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """PINPOINT_WORKBENCH_CONFIG_DIR, else the platform config dir (XDG_CONFIG_HOME honoured)."""
    return _user_dir(environ, CONFIG_DIR_ENV, "XDG_CONFIG_HOME", (".config",), "user_config_dir")


def _user_dir(environ, override_name: str, xdg_name: str, home_parts: tuple[str, ...], platformdirs_name: str) -> Path:
    """Our override, else (on XDG systems) $XDG_..._HOME or ~/<home_parts>, else platformdirs'
    answer (macOS, Windows), each with the app's folder name."""
    environ = os.environ if environ is None else environ
    override = environ.get(override_name)
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        xdg = environ.get(xdg_name)
        if xdg and os.path.isabs(xdg):
            return Path(xdg) / APP_NAME
        home = environ.get("HOME")
        if home:
            return Path(home).joinpath(*home_parts, APP_NAME)
    import platformdirs

    return Path(getattr(platformdirs, platformdirs_name)(APP_NAME, appauthor=False))


def private_dir(path: Path | str) -> Path:
    """`path` as a directory only its owner can enter: missing levels are created 0700, an
    existing `path` loses any group and other permission. Returns it."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:  # another process made it meanwhile
            pass
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        os.chmod(path, mode & 0o700)
    return path


def private_opener(path, flags: int) -> int:
    """An `opener` for open(): the file is created 0600, and an existing one tightened to it."""
    fd = os.open(path, flags, 0o600)
    os.fchmod(fd, 0o600)
    return fd
