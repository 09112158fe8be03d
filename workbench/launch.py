"""The `pinpoint-workbench` entry point: no arguments, or `gui ...`, opens the desktop
window; anything else is the command line. Imports neither front end until it knows which."""

from __future__ import annotations

import sys


def entry_point() -> None:
    argv = sys.argv[1:]
    if not argv or argv[0] == "gui":
        from workbench.ui.app import run

        sys.exit(run(argv[1:]))
    from workbench.cli import entry_point as cli_entry_point

    cli_entry_point()


if __name__ == "__main__":
    entry_point()
