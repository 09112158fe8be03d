"""workbench.core and the CLI import with PySide6 unavailable."""

import pkgutil
import subprocess
import sys

import workbench.core


def test_core_and_cli_import_without_pyside6():
    modules = [m.name for m in pkgutil.walk_packages(workbench.core.__path__, "workbench.core.")]
    code = (
        "import sys, importlib\n"
        "for blocked in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):\n"
        "    sys.modules[blocked] = None\n"
        f"for name in {modules + ['workbench.cli'] !r}:\n"
        "    importlib.import_module(name)\n"
        "import workbench.cli\n"
        "workbench.cli.build_parser()\n"
        "assert not any(m.startswith(('PySide6.', 'shiboken6.')) for m in sys.modules)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
    assert len(modules) >= 8
