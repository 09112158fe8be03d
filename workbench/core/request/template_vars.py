"""Where `{{ variables }}` appear in a piece of text and what each resolves to, scope by
scope: for editors that highlight them (resolved vs unresolved) and explain on hover."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)  # render.EXPRESSION, without importing jinja2
_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class VariableUse:
    start: int
    end: int
    name: str
    value: str | None = None  # None: unresolved
    scope: str | None = None  # request | environment | global

    @property
    def resolved(self) -> bool:
        return self.scope is not None

    def describe(self) -> str:
        if not self.resolved:
            return f"{self.name}: not set in the request, the environment or globals"
        return f"{self.name} = {self.value}  ({self.scope} scope)"


def variable_uses(text: str, scopes: Sequence[tuple[str, Mapping[str, str]]]) -> list[VariableUse]:
    """Every {{ name }} in `text`, resolved through `scopes` [(scope name, values)...] in order
    (request, environment, global: the order of render.merge_scopes, the request's value wins)."""
    uses = []
    for match in EXPRESSION.finditer(text or ""):
        name_match = _NAME.match(match.group(1))
        name = name_match.group(1) if name_match else match.group(1).strip()
        use = VariableUse(match.start(), match.end(), name)
        for scope, values in scopes:
            if name in values and values[name] is not None:
                use = VariableUse(match.start(), match.end(), name, str(values[name]), scope)
                break
        uses.append(use)
    return uses
