"""Regenerate the README's screenshots of the window in each language:

    .venv/bin/python docs/make_language_screenshots.py      (offscreen; or under xvfb-run)

For English, Simplified Chinese and Korean, on a throw-away config and sandbox and at
1024x640 (the smallest size the window is checked at): `gui --screenshot FILE --language LANG
--tutorial first-contact --step 7`, the lesson view with the step the guide's policy denies
sent, checked and diagnosed. Needs a font with Chinese and Korean glyphs (Debian:
fonts-noto-cjk, which tools/run-tests installs).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
LANGUAGES = ("en", "zh_CN", "ko_KR")


def main() -> None:
    for language in LANGUAGES:
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            (base / "runtime").mkdir(mode=0o700)
            environ = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PINPOINT_WORKBENCH_"))} | {
                "HOME": str(base / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(base / "config"),
                "PINPOINT_WORKBENCH_DATA_DIR": str(base / "data"), "XDG_RUNTIME_DIR": str(base / "runtime"),
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
            environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot",
                            str(DOCS / f"window-{language}-1024x640.png"), "--language", language, "--size", "1024x640",
                            "--tutorial", "first-contact", "--step", "7"], env=environ, check=True, cwd=DOCS.parent,
                           timeout=180)


if __name__ == "__main__":
    main()
