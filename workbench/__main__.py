"""`python -m workbench`: the window (no arguments or `gui ...`), else the command line."""

from workbench.launch import entry_point

entry_point()
