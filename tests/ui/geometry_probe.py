"""Run in a fresh interpreter (so QT_SCALE_FACTOR applies): the window at 1024x640 in a
language (en, zh_CN, ko_KR) with a production environment and a long credential status;
prints what is drawn where, as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

REASON = "no keyring backend is available (keyring chose keyring.backends.fail.Keyring, which refuses every call)"


def main(config: str, size: str, language: str = "en") -> None:
    from ui_helpers import make_context

    from workbench.ui import theme, translation
    from workbench.ui.app import build
    from workbench.ui.credential_words import line, short_status

    app = QApplication([])
    app.setStyle("Fusion")
    theme.apply(app, "light")
    problems = translation.install(app, language, cache_dir=Path(config) / "translations")
    assert not problems, problems
    long_line = line("keyring_unavailable", reason=REASON)
    context = make_context(Path(config), "http://127.0.0.1:9")
    context.language = language
    window, controller = build(context, persist=False)
    width, height = (int(v) for v in size.split("x"))
    window.resize(width, height)
    window.show()
    window.start()

    seen_status = []

    def ready():
        if "prod" not in controller.environments:
            QTimer.singleShot(50, ready)
            return
        controller.credential_status.connect(lambda name, _: seen_status.append(name))
        controller.select_environment("prod")
        QTimer.singleShot(50, long_status)

    def long_status():
        if "prod" not in seen_status:  # the real status first
            QTimer.singleShot(50, long_status)
            return
        controller.credential_status.disconnect()  # no later status replaces the long one
        window.env_bar.show_credentials(long_line)
        QTimer.singleShot(300, report)

    def rect(widget) -> list[int]:
        top_left = widget.mapTo(window, widget.rect().topLeft())
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    def report():
        bar = window.env_bar
        parts = {"switcher": bar.switcher, "production": bar.production, "credentials": bar.credentials}
        print(json.dumps({
            "window": [0, 0, window.width(), window.height()],
            "dpr": window.devicePixelRatio(),
            "rects": {name: rect(widget) for name, widget in parts.items()},
            "visible": {name: widget.isVisible() for name, widget in parts.items()},
            "production_hint": bar.production.sizeHint().width(),
            "switcher_text": [bar.switcher.currentText(), bar.switcher.painted_text()],
            "credentials_text": [bar.credentials.text(), bar.credentials.painted_text()],
            "credentials_short": short_status(long_line),
            # every menu stays on the menu bar, left of the environment bar (none pushed into »)
            "menus": {action.text(): [window.menuBar().actionGeometry(action).right(), bar.mapTo(window.menuBar(),
                                      bar.rect().topLeft()).x(), window.menuBar().actionGeometry(action).isEmpty()]
                      for action in window.menuBar().actions()},
        }), flush=True)
        app.quit()

    window.ready.connect(ready)
    app.exec()
    window.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
