"""Pure-Python core of the workbench. Never imports Qt (tests/test_no_qt.py proves it)."""
