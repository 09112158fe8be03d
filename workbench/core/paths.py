"""Where the workbench keeps its data (history, the sandbox's state, collections by
default): PINPOINT_WORKBENCH_DATA_DIR, else the platform's user data dir (XDG_DATA_HOME
honoured); and its settings (environments, globals, the window's layout and open tabs):
PINPOINT_WORKBENCH_CONFIG_DIR, else the user config dir. Cheap to import: the window asks
for these before anything else is loaded."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Mapping

APP_NAME = "pinpoint-workbench"
DATA_DIR_ENV = "PINPOINT_WORKBENCH_DATA_DIR"
CONFIG_DIR_ENV = "PINPOINT_WORKBENCH_CONFIG_DIR"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    override = environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        xdg = environ.get("XDG_DATA_HOME")
        if xdg and os.path.isabs(xdg):
            return Path(xdg) / APP_NAME
        home = environ.get("HOME")
        if home:
            return Path(home) / ".local" / "share" / APP_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """PINPOINT_WORKBENCH_CONFIG_DIR, else the platform config dir (XDG_CONFIG_HOME honoured)."""

    environ = os.environ if environ is None else environ
    override = environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        xdg = environ.get("XDG_CONFIG_HOME")
        if xdg and os.path.isabs(xdg):
            return Path(xdg) / APP_NAME
        home = environ.get("HOME")
        if home:
            return Path(home) / ".config" / APP_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
