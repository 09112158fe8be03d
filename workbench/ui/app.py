"""Start the window: check there is a display, build the AppContext from the process
environment, inject it into the controller and the window. `--screenshot FILE` renders the
window offscreen (optionally opening an operation, sending it, showing a pane) and exits."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Mapping

NO_DISPLAY = """\
pinpoint-workbench: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).
Everything the window does is also a command; for example:
  pinpoint-workbench library search sms
  pinpoint-workbench send GetApps                  # a signed request to the local sandbox
  pinpoint-workbench --help
To render the window without a display: pinpoint-workbench gui --screenshot window.png
"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pinpoint-workbench gui", description="Open the desktop window.")
    parser.add_argument("--screenshot", metavar="FILE", help="render the window offscreen to FILE (PNG) and exit")
    parser.add_argument("--language", metavar="LANG",
                        help="the window's language: en, zh_CN (简体中文) or ko_KR (한국어); default: the preference, "
                             "else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); another is English, with a note")
    parser.add_argument("--operation", metavar="NAME", help="open this operation in a tab (GetApps, pinpoint:GetApp)")
    parser.add_argument("--variant", metavar="NAME", help="body example for the opened operation (full, ex-002...)")
    parser.add_argument("--env", metavar="NAME", help="select this environment")
    parser.add_argument("--send", action="store_true", help="send the opened operation before the screenshot")
    parser.add_argument("--tab", choices=("response", "inspect"), default="response")
    parser.add_argument("--size", default="1400x860", type=_size, help="window size for the screenshot, WxH")
    parser.add_argument("--theme", choices=("light", "dark", "system"),
                        help="light or dark (default: the preference, else the system's)")
    parser.add_argument("--scale", type=_scale, help="with --screenshot: device pixel ratio, e.g. 2 for 200%%")
    parser.add_argument("--dialog", choices=("environments", "credentials", "welcome", "compare", "health", "pages",
                                             "scenarios"),
                        help="with --screenshot: render this view instead of the main window")
    parser.add_argument("--tutorial", metavar="NAME", help="with --screenshot: the lesson view of this tutorial")
    parser.add_argument("--step", type=int, metavar="N",
                        help="with --tutorial: the steps before N done, step N sent and checked (default: the first that sends)")
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WxH, e.g. 1024x640") from None
    if not sep or not (320 <= size[0] <= 10000 and 240 <= size[1] <= 10000):
        raise argparse.ArgumentTypeError(f"{text!r}: a size is WxH, from 320x240 to 10000x10000")
    return size


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number (1, 1.5, 2...)") from None
    if not 0.5 <= value <= 4:
        raise argparse.ArgumentTypeError(f"{text}: a scale is from 0.5 to 4")
    return value


def screenshot_path_problem(path: str) -> str | None:
    """Why a screenshot cannot be written to `path` (checked before the window starts), or None."""
    from pathlib import Path

    target = Path(path).expanduser()
    folder = target.parent
    if target.is_dir():
        return f"{target} is a directory; give a file name such as {target / 'window.png'}"
    if folder.is_file():
        return f"{folder} is a file, not a directory"
    if not folder.is_dir():
        return f"the directory {folder} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the directory {folder} is not writable"
    if target.exists() and not os.access(target, os.W_OK):
        return f"{target} exists and is not writable"
    return None


def has_display(environ: Mapping[str, str]) -> bool:
    if environ.get("QT_QPA_PLATFORM") or sys.platform in ("darwin", "win32"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def xcb_problem(environ: Mapping[str, str]) -> str | None:
    """Why Qt's X11 plugin cannot load (a missing system library), or None. Qt itself would
    abort the process; this lets the launcher say what to install instead."""
    if environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux") or not environ.get("DISPLAY"):
        return None
    if environ.get("WAYLAND_DISPLAY"):
        return None
    import ctypes
    from pathlib import Path

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return str(exc).split(": ")[-2] if ": " in str(exc) else str(exc)
    return None


def app_icon():
    """The application's icon (window, taskbar, dialogs): resources/icons, drawn for the project."""
    from PySide6.QtGui import QIcon

    from workbench.ui.theme import icon_path

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(icon_path(f"pinpoint-workbench-{size}.png"))
    icon.addFile(icon_path("pinpoint-workbench.svg"))
    return icon


def build(context, persist: bool = True):
    """-> (window, controller) for `context`; the QApplication must exist.

    Python's cyclic collector is paused from here until the window is ready (library in,
    tabs restored): start-up makes hundreds of thousands of long-lived objects (modules,
    enums, botocore's models, the library), and collecting meanwhile only walks them again
    and again (a sixth of the time to a usable window)."""
    import gc

    from PySide6.QtCore import QSettings

    from workbench.ui.pyside_imports import read_bytes_for_feature_check

    read_bytes_for_feature_check()  # before the window's modules are imported (a second call: nothing)
    paused = gc.isenabled()
    gc.disable()
    try:
        from workbench.ui.controller import Controller
        from workbench.ui.main_window import MainWindow

        settings = QSettings(str(context.config_dir / "window.ini"), QSettings.Format.IniFormat)
        controller = Controller(context)
        window = MainWindow(controller, settings, persist=persist)
    except BaseException:
        if paused:
            gc.enable()
        raise
    if paused:
        from PySide6.QtCore import QTimer

        window.ready.connect(gc.enable)
        window.destroyed.connect(gc.enable)  # closed before it was ready
        QTimer.singleShot(60_000, window, gc.enable)  # never ready (a library that cannot load)
    return window, controller


def install_language(app, context, explicit: str | None) -> None:
    """The window's language (gui --language, else the preference, else the locale), its
    translators installed before any widget is made; what could not be had is said on stderr
    and kept in `context.language_note` for the status bar."""
    from workbench.ui import translation

    choice = translation.choose(explicit, context.language_preference, context.environ)
    problems = translation.install(app, choice.code, cache_dir=context.data_dir / "translations")
    context.language = choice.code
    notes = [note for note in (choice.note, *problems) if note]
    for note in notes:
        sys.stderr.write(f"pinpoint-workbench: {note}\n")
    context.language_note = "; ".join(notes) or None


def _close_on_signals(window) -> None:
    """Ctrl+C in the terminal or a SIGTERM closes the window properly (open tabs saved), with
    no traceback. Python only sees a signal when it runs, so a timer gives it the chance."""
    import signal

    from PySide6.QtCore import QTimer

    def close(*_):
        window.close()

    signal.signal(signal.SIGINT, close)
    signal.signal(signal.SIGTERM, close)
    timer = QTimer(window, interval=250)
    timer.timeout.connect(lambda: None)
    timer.start()


def run(argv: list[str], environ: Mapping[str, str] | None = None) -> int:
    environ = dict(os.environ if environ is None else environ)
    try:
        args = parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    problem = args.screenshot and screenshot_path_problem(args.screenshot)
    if problem:
        sys.stderr.write(f"pinpoint-workbench: screenshot not taken: {problem}\n")
        return 2
    if args.screenshot and not has_display(environ):
        os.environ["QT_QPA_PLATFORM"] = environ["QT_QPA_PLATFORM"] = "offscreen"
    if not has_display(environ):
        sys.stderr.write(NO_DISPLAY)
        return 2
    problem = xcb_problem(environ)
    if problem:
        sys.stderr.write(f"pinpoint-workbench: the window cannot open on this X display: Qt's X11 plugin needs a "
                         f"system library that is missing ({problem}).\nOn Debian/Ubuntu: apt-get install "
                         f"libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0\n"
                         f"The command line works without it: pinpoint-workbench --help\n")
        return 2

    if args.scale and args.screenshot:  # before the QApplication: Qt reads it once
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    from workbench.ui.pyside_imports import read_bytes_for_feature_check

    read_bytes_for_feature_check()  # before the window's modules are imported
    from PySide6.QtWidgets import QApplication

    from workbench.ui import theme
    from workbench.ui.app_context import AppContext

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Pinpoint Workbench")
    app.setOrganizationName("pinpoint-workbench")
    app.setDesktopFileName("pinpoint-workbench")
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    context = AppContext.from_environ(environ)
    context.keep_sandbox = not args.screenshot  # a screenshot leaves nothing running behind it
    install_language(app, context, args.language)
    theme.apply(app, args.theme or context.theme)
    window, controller = build(context, persist=not args.screenshot)
    if context.language_note:
        window.statusBar().showMessage(context.language_note, 20000)
    if args.screenshot:
        from workbench.ui.screenshot import ScreenshotScript

        window.resize(*args.size)
        script = ScreenshotScript(window, args.screenshot, operation=args.operation, variant=args.variant, env=args.env,
                                  send=args.send, pane=args.tab, dialog=args.dialog, tutorial=args.tutorial,
                                  step=args.step)
        script.finished.connect(lambda code: app.exit(code))
    _close_on_signals(window)
    window.start_after_first_paint()
    window.show()
    status = app.exec()
    window.close()
    return status
