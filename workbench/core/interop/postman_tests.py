"""A draft's saves and assertions <-> a Postman test script, for the shapes both understand.

Written and read (one statement per line; nothing is ever run):

    pm.response.to.have.status(201);                                  status equals
    pm.expect(pm.response.json().Arn).to.exist;                       JMESPath exists
    pm.expect(pm.response.json().Name).to.eql("MyApp");               JMESPath equals
    pm.variables.set("projectId", pm.response.json().Id);             a saved value

A path is a plain member path (`A.B[0].C`), the same in JavaScript and JMESPath. Anything
else in a test script is named in a note as not imported; a save or assertion whose
JMESPath has no JavaScript twin is written as a comment saying so.
"""

from __future__ import annotations

import json
import re

from workbench.core.common import safe_json
from workbench.core.request.drafts import Assertion
from workbench.core.interop.scripts import strip_comments

PATH = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*"
_STATUS = re.compile(r"^pm\.response\.to\.have\.status\((\d{3})\)$")
_EXISTS = re.compile(rf"^pm\.expect\(pm\.response\.json\(\)\.({PATH})\)\.to\.exist$")
_EQUALS = re.compile(rf"^pm\.expect\(pm\.response\.json\(\)\.({PATH})\)\.to\.(?:eql|equal)\((.*)\)$")
_SAVE = re.compile(rf"""^pm\.(?:variables|environment|collectionVariables)\.set\((["'])([\w.-]+)\1,\s*pm\.response\.json\(\)\.({PATH})\)$""")
_WRAPPER = re.compile(r"""^(pm\.test\((["']).*?\2,\s*(function\s*\(\)|\(\)\s*=>)\s*\{|\}\)|\})$""")


def _plain(path: str) -> bool:
    return re.fullmatch(PATH, path) is not None


def to_script(saves, assertions) -> list[str]:
    """Test-script lines for a draft's `saves` and `assertions`."""
    lines = []
    for assertion in assertions:
        if assertion.kind == "status":
            lines.append(f"pm.response.to.have.status({int(assertion.expected)});")
        elif assertion.kind not in ("exists", "equals"):
            lines.append(f"// {assertion.kind} check {json.dumps(assertion.path or assertion.expected, ensure_ascii=False)}: "
                         "no Postman twin; checked by the workbench only")
        elif not _plain(assertion.path):
            lines.append(f"// {assertion.kind} {assertion.path}: a JMESPath expression with no JavaScript twin; checked by the workbench only")
        elif assertion.kind == "exists":
            lines.append(f"pm.expect(pm.response.json().{assertion.path}).to.exist;")
        else:
            lines.append(f"pm.expect(pm.response.json().{assertion.path}).to.eql({json.dumps(assertion.expected, ensure_ascii=False)});")
    for variable, path in saves:
        if _plain(path):
            lines.append(f"pm.variables.set({json.dumps(variable)}, pm.response.json().{path});")
        else:
            lines.append(f"// save {variable} = {path}: a JMESPath expression with no JavaScript twin; saved by the workbench only")
    return lines


def from_script(source: str, where: str) -> tuple[tuple, tuple, tuple[str, ...]]:
    """(saves, assertions, notes) read from a Postman test script."""
    saves, assertions, notes = [], [], []
    for line in strip_comments(source).splitlines():
        statement = line.strip().rstrip(";").strip()
        if not statement or _WRAPPER.match(statement):
            continue
        if match := _STATUS.match(statement):
            assertions.append(Assertion("status", expected=int(match.group(1))))
        elif match := _EXISTS.match(statement):
            assertions.append(Assertion("exists", match.group(1)))
        elif (match := _EQUALS.match(statement)) and _json(match.group(2)) is not _NOT_JSON:
            assertions.append(Assertion("equals", match.group(1), _json(match.group(2))))
        elif match := _SAVE.match(statement):
            saves.append((match.group(2), match.group(3)))
        else:
            shown = statement if len(statement) <= 80 else statement[:77] + "..."
            notes.append(f"{where}: `{shown}` not imported (only status, exists, equals and saved values are read; scripts are never run)")
    return tuple(saves), tuple(assertions), tuple(notes)


_NOT_JSON = object()


def _json(text: str):
    text = text.strip()
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        text = json.dumps(text[1:-1])
    try:
        return safe_json.loads(text)
    except ValueError:
        return _NOT_JSON
