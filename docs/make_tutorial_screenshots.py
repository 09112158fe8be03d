"""Regenerate the lesson view's screenshot for the README:

    .venv/bin/python docs/make_tutorial_screenshots.py      (offscreen; or under xvfb-run)

It is `pinpoint-workbench gui --screenshot FILE --tutorial first-contact --step 7` on a
throw-away config and sandbox: the steps before 7 done in the window the way a learner does
them, step 7 (the delete the guide's policy denies) sent and checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "runtime").mkdir(mode=0o700)
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PINPOINT_WORKBENCH_"))} | {
            "HOME": str(base / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(base / "config"),
            "PINPOINT_WORKBENCH_DATA_DIR": str(base / "data"), "XDG_RUNTIME_DIR": str(base / "runtime"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(DOCS / "window-tutorial.png"),
                        "--tutorial", "first-contact", "--step", "7"], env=environ, check=True, cwd=DOCS.parent,
                       timeout=180)


if __name__ == "__main__":
    main()
