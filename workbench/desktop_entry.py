"""Installed like a desktop app (Linux): a desktop entry and the icon in the user's data
dir, so the launcher finds "Pinpoint Workbench" and the taskbar shows its icon.

    tools/run-app --install-desktop-entry      # or: python -m workbench.desktop_entry install
    tools/run-app --uninstall-desktop-entry

The entry starts `tools/run-app` of this checkout (which sets up first if needed);
`StartupWMClass` matches the window's desktop file name, so the running window is grouped
under the entry. Nothing here imports Qt; no prompt: it says what it wrote, or why not.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Mapping

APP_ID = "pinpoint-workbench"  # = QGuiApplication.desktopFileName() in ui/app.py
ROOT = Path(__file__).resolve().parents[1]
ICON_SIZES = (16, 32, 48, 64, 128, 256)


class DesktopEntryError(Exception):
    pass


def data_home(environ: Mapping[str, str]) -> Path:
    chosen = environ.get("XDG_DATA_HOME")
    if chosen and Path(chosen).is_absolute():
        return Path(chosen)
    home = environ.get("HOME") or str(Path.home())
    return Path(home) / ".local" / "share"


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_quoted(path: str) -> str:
    """`path` as one argument of an Exec key (the Desktop Entry spec: double quotes, with
    ", `, $ and \\ escaped inside, % doubled; the file's own escaping doubles backslashes)."""
    text = path.replace("%", "%%")
    if _RESERVED & set(text):
        text = '"' + "".join("\\" + c if c in '"`$\\' else c for c in text) + '"'
    return text.replace("\\", "\\\\")


def entry_text(launcher: Path) -> str:
    exec_line = exec_quoted(str(launcher))
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=Pinpoint Workbench",
        "GenericName=API workbench",
        "Comment=Send signed requests to Amazon Pinpoint and End User Messaging, with a local sandbox",
        f"Exec={exec_line}",
        f"TryExec={launcher}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Development;Network;",
        "Keywords=AWS;Pinpoint;SMS;API;REST;Postman;",
        f"StartupWMClass={APP_ID}",
        "StartupNotify=true",
        "",
    ])


def paths(environ: Mapping[str, str]) -> dict[str, Path]:
    base = data_home(environ)
    found = {"entry": base / "applications" / f"{APP_ID}.desktop",
             "scalable": base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"}
    for size in ICON_SIZES:
        found[f"icon{size}"] = base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return found


def install(environ: Mapping[str, str], root: Path = ROOT) -> list[Path]:
    """Write the desktop entry and the icons; -> the files written. Running it again
    rewrites them (after moving the checkout, the entry follows)."""
    if not sys.platform.startswith("linux"):
        raise DesktopEntryError("a desktop entry is for Linux desktops; on macOS and Windows start it with "
                                "tools/run-app")
    launcher = root / "tools" / "run-app"
    icons = root / "resources" / "icons"
    if not launcher.is_file():
        raise DesktopEntryError(f"{launcher} is missing: run this from a checkout of Pinpoint Workbench")
    targets = paths(environ)
    sources = {"scalable": icons / f"{APP_ID}.svg", **{f"icon{s}": icons / f"{APP_ID}-{s}.png" for s in ICON_SIZES}}
    written = []
    try:
        for key, source in sources.items():
            targets[key].parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, targets[key])
            written.append(targets[key])
        entry = targets["entry"]
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(".desktop.tmp")
        temporary.write_text(entry_text(launcher), encoding="utf-8")
        os.replace(temporary, entry)
        written.append(entry)
    except OSError as exc:
        raise DesktopEntryError(f"cannot write {exc.filename or data_home(environ)}: {exc.strerror or exc}") from None
    return written


def uninstall(environ: Mapping[str, str]) -> list[Path]:
    removed = []
    for path in paths(environ).values():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopEntryError(f"cannot remove {path}: {exc.strerror or exc}") from None
        removed.append(path)
    return removed


def installed(environ: Mapping[str, str]) -> bool:
    return paths(environ)["entry"].is_file()


def main(argv: list[str], environ: Mapping[str, str]) -> int:
    command = argv[0] if argv else ""
    try:
        if command == "install":
            written = install(environ)
            print(f"desktop entry: {written[-1]}\nicons: {len(written) - 1} files under "
                  f"{data_home(environ) / 'icons' / 'hicolor'}\nPinpoint Workbench now appears in your launcher "
                  f"(log out and in if it does not yet).")
            return 0
        if command == "uninstall":
            removed = uninstall(environ)
            print(f"removed {len(removed)} file(s)" if removed else "no desktop entry was installed")
            return 0
        if command == "status":
            print("installed" if installed(environ) else "not installed")
            return 0
    except DesktopEntryError as exc:
        print(f"desktop entry: {exc}", file=sys.stderr)
        return 1
    print("usage: python -m workbench.desktop_entry install|uninstall|status", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], os.environ))
