"""Tests stand alone: no test reaches outside the repository (a fresh clone with nothing
beside it must pass). Catches `Path(__file__).parents[N]` climbing above the checkout and
absolute paths into the machine's other folders."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# written in parts so this file does not itself look like a test that reads them
OUTSIDE_PREFIXES = ("/work/", ".." + "/shared", "/home/")
FIXTURES_DIR = "shared" + "/fixtures"


def test_no_test_reads_outside_the_repository():
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path == Path(__file__).resolve():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
                    and node.value.attr == "parents" and isinstance(node.slice, ast.Constant)):
                target = path.resolve().parents[node.slice.value]
                if target != ROOT and ROOT not in target.parents:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: parents[{node.slice.value}] is {target}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value.startswith(OUTSIDE_PREFIXES) or FIXTURES_DIR in node.value:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert offenders == []
