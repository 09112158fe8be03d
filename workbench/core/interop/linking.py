"""Which library operation a foreign request (Postman, curl, CloudTrail) is, and which
environment host variable stands for its host.

A request links to an operation when the method matches and the path matches the
operation's URL template segment by segment (a template `{{ var }}` segment takes any
value; literal segments must be equal), or, for the JSON-protocol API (SMS and Voice v2),
when its X-Amz-Target header names the operation. The host narrows the choice to one API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from workbench.core.library.apis import APIS, host_patterns
from workbench.core.library.templates import Library, RequestTemplate, default_library

TEMPLATE_VAR = re.compile(r"^\{\{\s*([\w.-]+)\s*\}\}$")
POSTMAN_VAR = re.compile(r"\{\{\s*([\w.-]+)\s*\}\}")
PLACEHOLDER = re.compile(r"^<[^<>]+>$")

def api_for_host(host: str) -> str | None:
    """The API a host (possibly with {{variables}}) belongs to, if it is a known shape."""
    host = host.strip().lower().split(":", 1)[0] if "{{" not in host else host.strip()
    for api in APIS:  # a variable naming an API's host: {{emailEndpoint}}...
        if re.fullmatch(r"\{\{\s*" + re.escape(APIS[api].variable) + r"\s*\}\}", host):
            return api
    for pattern, api in host_patterns():
        if pattern.match(host):
            return api
    return None


def host_variable(api: str) -> str:
    """`{{emailEndpoint}}`: how a draft names the environment's host for `api`."""
    return "{{" + APIS[api].variable + "}}"


def split_path(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


@dataclass(frozen=True)
class _Pattern:
    template: RequestTemplate
    segments: tuple[str, ...]  # literal text, or "" for a variable segment
    variables: tuple[str | None, ...]  # the variable of each segment (None: literal)
    target: str | None  # X-Amz-Target for JSON-protocol operations


@dataclass(frozen=True)
class Link:
    template: RequestTemplate
    path_values: tuple[tuple[str, str], ...]  # (template variable, the request's segment text)


_PATTERNS: dict[int, tuple[Library, tuple[_Pattern, ...]]] = {}


def _patterns(library: Library) -> tuple[_Pattern, ...]:
    cached = _PATTERNS.get(id(library))
    if cached and cached[0] is library:
        return cached[1]
    patterns = []
    for template in library.templates:
        path = template.url.split("://", 1)[-1].partition("/")[2]
        segments, variables = [], []
        for segment in split_path(path):
            match = TEMPLATE_VAR.match(segment)
            segments.append("" if match else segment)
            variables.append(match.group(1) if match else None)
        target = dict((k.lower(), v) for k, v in template.headers).get("x-amz-target")
        patterns.append(_Pattern(template, tuple(segments), tuple(variables), target))
    _PATTERNS[id(library)] = (library, tuple(patterns))
    return tuple(patterns)


def find_operation(
    method: str,
    path: str,
    *,
    api: str | None = None,
    target: str | None = None,
    library: Library | None = None,
) -> Link | None:
    """The library operation for `method` + `path` (+ X-Amz-Target), or None."""
    library = library or default_library()
    method = method.upper()
    if target:
        for pattern in _patterns(library):
            if pattern.target == target and (api is None or pattern.template.api == api):
                return Link(pattern.template, ())
        return None
    wanted = split_path(path.split("?", 1)[0])
    best: list[tuple[int, _Pattern]] = []
    for pattern in _patterns(library):
        template = pattern.template
        if template.method != method or pattern.target or len(pattern.segments) != len(wanted):
            continue
        if api is not None and template.api != api:
            continue
        literal_hits = 0
        for expected, actual in zip(pattern.segments, wanted):
            if expected == "":
                continue
            if unquote(actual) != expected:
                break
            literal_hits += 1
        else:
            best.append((literal_hits, pattern))
    if not best:
        return None
    best.sort(key=lambda item: -item[0])
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None  # ambiguous: the same path in two APIs and no host to tell them apart
    pattern = best[0][1]
    values = tuple(
        (variable, segment) for variable, segment in zip(pattern.variables, wanted) if variable is not None
    )
    return Link(pattern.template, values)
