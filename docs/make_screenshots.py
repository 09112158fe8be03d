"""Regenerate the README's screenshots (run under Xvfb for real fonts and an X display):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/make_screenshots.py

The first ones come from `pinpoint-workbench gui --screenshot` against a kept local
sandbox in a temporary directory (stopped at the end): the response in the light and the
dark theme, the same at 1024x640 (the smallest size the window is checked at), the
inspection; the large response is the same screenshot script in-process, with the sandbox
environment pointed at a loopback server answering a 10 MB GetApps-shaped JSON.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent


def gui(*args: str, environ: dict) -> None:
    subprocess.run([sys.executable, "-m", "workbench", "gui", *args], env=environ, check=True, cwd=ROOT, timeout=180)


def large_response(path: Path, environ: dict) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from json_server import JsonServer, large_document
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext
    from workbench.ui.screenshot import ScreenshotScript

    from workbench.ui import theme

    app = QApplication([])
    app.setStyle("Fusion")
    theme.apply(app, "light")
    with JsonServer(large_document(10)) as server:
        context = AppContext(environ, Path(environ["PINPOINT_WORKBENCH_CONFIG_DIR"]),
                             Path(environ["PINPOINT_WORKBENCH_DATA_DIR"]), sandbox_url=lambda: server.url)
        window, controller = build(context, persist=False)
        window.resize(1400, 860)
        script = ScreenshotScript(window, str(path), operation="GetApps", send=True)

        def expand_then_exit(code):
            tab = script.tab
            tree = tab.response.tree
            model = tab.response.tree_model
            items = model.index(0, 0, model.index(0, 0))
            tree.expand(items)
            tree.expand(model.index(2, 0, items))
            tab.response.views.setCurrentIndex(0)
            QTimer.singleShot(300, lambda: (window.grab().save(str(path), "PNG"), app.exit(code)))

        script.finished.connect(expand_then_exit)
        window.show()
        QTimer.singleShot(0, window.start)
        app.exec()
        window.close()


def main() -> None:
    from workbench.core.sandbox.background import stop_background

    with tempfile.TemporaryDirectory() as tmp:
        environ = dict(os.environ) | {"PINPOINT_WORKBENCH_CONFIG_DIR": f"{tmp}/config",
                                      "PINPOINT_WORKBENCH_DATA_DIR": f"{tmp}/data", "HOME": tmp,
                                      "XDG_CACHE_HOME": f"{tmp}/cache"}  # never the user's kept sandbox
        try:
            for suffix, options in (("", ()), ("-dark", ("--theme", "dark")),
                                    ("-1024x640", ("--size", "1024x640")),
                                    ("-1024x640-dark", ("--size", "1024x640", "--theme", "dark"))):
                theme = () if "--theme" in options else ("--theme", "light")
                gui("--screenshot", str(DOCS / f"window-response{suffix}.png"), "--operation", "CreateApp",
                    "--variant", "ex-097", "--send", *theme, *options, environ=environ)
            gui("--screenshot", str(DOCS / "window-inspect.png"), "--operation", "CreateApp", "--variant", "ex-002",
                "--send", "--tab", "inspect", "--theme", "light", environ=environ)
            os.environ.update(environ)
            large_response(DOCS / "window-large-response.png", environ)
        finally:
            stop_background(environ)  # the window started the kept sandbox in this temporary dir


if __name__ == "__main__":
    main()
