"""The commands the README shows exist: each one's command path answers --help."""

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
SHOWN = sorted({
    tuple(word for word in line.split()[1:4] if re.fullmatch(r"[a-z][a-z-]*", word))
    for line in re.findall(r"^pinpoint-workbench [^\n#]+", README, re.M)
})


def test_the_readme_shows_the_main_commands():
    groups = {path[0] for path in SHOWN}
    assert {"library", "render", "send", "raw", "sandbox", "env", "credentials"} <= groups


@pytest.mark.parametrize("path", SHOWN, ids=" ".join)
def test_readme_command_exists(run_cli, path):
    result = run_cli(*path, "--help")
    assert result.status == 0, f"pinpoint-workbench {' '.join(path)} --help"
    assert result.stdout.startswith("usage: pinpoint-workbench")
