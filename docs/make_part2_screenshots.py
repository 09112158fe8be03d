"""Regenerate the part-2 screenshots (environment manager, credentials, welcome, compare,
diagnosis):

    .venv/bin/python docs/make_part2_screenshots.py      (offscreen; or under xvfb-run)

Each is `pinpoint-workbench gui --screenshot FILE --dialog NAME` on a throw-away config: two
AWS environments and a second sandbox environment with other variables (for compare), no
keyring (so the credentials dialog shows its choices), nothing read from your own config.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "runtime").mkdir(mode=0o700)
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PINPOINT_WORKBENCH_"))} | {
            "HOME": str(base / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(base / "config"),
            "PINPOINT_WORKBENCH_DATA_DIR": str(base / "data"), "XDG_RUNTIME_DIR": str(base / "runtime"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.update(environ)
        from workbench.core.environments.credentials import CredentialSource
        from workbench.core.environments.model import Environment, EnvironmentStore

        store = EnvironmentStore.at_default_location(environ)
        store.set_variables("sandbox", {"projectId": "demo-project"})
        store.add(Environment(name="dev-eu", region="eu-west-1", account_id="123456789012", colour="#2e7d32",
                              variables={"projectId": "demo-project", "segmentId": "seg-1"}))
        store.add(Environment(name="prod-us", region="us-east-1", production=True, colour="#c62828"))
        store.add(Environment(name="sandbox-b", region="us-east-1", credential_source=CredentialSource("sandbox"),
                              variables={"projectId": "other-project"}))
        for name in ("environments", "credentials", "compare"):
            gui("--screenshot", str(DOCS / f"window-{name}.png"), "--dialog", name, "--theme", "light", environ=environ)
        gui("--screenshot", str(DOCS / "window-production-1024x640.png"), "--env", "prod-us", "--operation", "GetApps",
            "--size", "1024x640", "--theme", "light", environ=environ)
        empty = environ | {"PINPOINT_WORKBENCH_CONFIG_DIR": str(base / "empty-config")}
        gui("--screenshot", str(DOCS / "window-welcome.png"), "--dialog", "welcome", "--theme", "light", environ=empty)
        # the diagnosis of a delete the tutorial policy denies: the IAM statement it asks for, shown
        denied = environ | {"PINPOINT_WORKBENCH_CONFIG_DIR": str(base / "denied-config")}
        EnvironmentStore.at_default_location(denied).set_variables("sandbox", {"projectId": "demo-project"})
        cli("sandbox", "start", "--tutorial-policy", environ=denied)
        try:
            for suffix, colours in (("", "light"), ("-dark", "dark")):
                gui("--screenshot", str(DOCS / f"window-diagnosis{suffix}.png"), "--operation", "DeleteApp", "--send",
                    "--theme", colours, environ=denied)
        finally:
            cli("sandbox", "stop", environ=denied)


def cli(*args: str, environ: dict) -> None:
    subprocess.run([sys.executable, "-m", "workbench", *args], env=environ, check=True, cwd=ROOT, timeout=180,
                   stdout=subprocess.DEVNULL)


def gui(*args: str, environ: dict) -> None:
    subprocess.run([sys.executable, "-m", "workbench", "gui", *args], env=environ, check=True, cwd=ROOT, timeout=180)


if __name__ == "__main__":
    main()
