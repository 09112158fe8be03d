"""Variables + a request template -> a concrete HttpRequest.

Strict: a variable with no value stops the render, and the error names every missing
variable and where it is used. A template that needs jinja (anything but plain
`{{ name }}`) runs sandboxed and under limits of time, memory and size (`jinja_sandbox`,
`template_worker`); every failure is a located `TemplateError`. A value is escaped for
where it lands:

- host:          taken as is, but must be a bare host[:port] (no spaces, slashes, CR/LF);
- path segment:  percent-encoded (an ARN in /v1/tags/{resource-arn} keeps its ':' and '/'
                 inside one segment, the way botocore encodes it);
- query:         percent-encoded; a list-typed variable ("a,b") repeats the parameter;
- header:        CR or LF in a value stops the render (header injection);
- JSON body:     inside a JSON string the value is JSON-escaped (quotes, backslashes,
                 newlines, unicode); outside a string it is a typed value: numbers,
                 true/false/null and JSON arrays/objects go in as they are, anything
                 else becomes a JSON string.

Variable scopes (see `merge_scopes`): a name is looked up in the request's own variables
first, then the environment's, then its collection's, then the globals (Postman's order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping
from urllib.parse import quote

from workbench.core.common import safe_json
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.request.http import HttpRequest
from workbench.core.library.templates import RequestTemplate
from workbench.core.request.escaping import as_text, json_in_string, json_value, path_segment
from workbench.core.request.template_errors import (  # noqa: F401 - TemplateError and the limits are part of render's API
    DEFAULT_LIMITS, RenderLimits, TemplateError, TemplateLimitExceeded, TemplateSyntaxProblem,
)

EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # RFC 9110 token: a header name
_NOT_HEADER_TEXT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\xff]")  # field values: Latin-1, no controls but tab
HOST = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


class UnresolvedVariables(WorkbenchError):
    """`missing` maps each variable name to the places that use it."""

    fmt = "{summary}"
    code = "missing_variable"

    def __init__(self, missing: dict[str, list[str]]):
        parts = [f"{name} (used in {', '.join(places)})" for name, places in missing.items()]
        super().__init__(
            summary="missing variable" + ("s" if len(missing) > 1 else "") + ": " + "; ".join(parts),
            missing=missing,
            variables=list(missing),
            remedy=f"set_variable:{next(iter(missing))}" if missing else None,
        )


class UnsafeValue(WorkbenchError):
    fmt = "{place}: {reason}"


def merge_scopes(request: Mapping | None = None, environment: Mapping | None = None, globals_: Mapping | None = None,
                 collection: Mapping | None = None) -> dict:
    """request < environment < collection < globals in lookup order: the request's own value
    wins; a collection's variables (Postman's collection scope) only fill what the
    environment leaves unset."""
    merged: dict = {}
    for scope in (globals_, collection, environment, request):
        merged.update({k: v for k, v in (scope or {}).items() if v is not None})
    return merged




def _scan_json_strings(segment: str, in_string: bool) -> bool:
    """Whether we are inside a JSON string literal after reading `segment`."""
    escaped = False
    for char in segment:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
    return in_string


def _expressions(text: str, context: str):
    """Yield (literal text before, expression, escaping filter or None) for each {{ expression }},
    then (the rest, None, None)."""
    position, in_string = 0, False
    for match in EXPRESSION.finditer(text):
        segment = text[position : match.start()]
        if context == "json":
            in_string = _scan_json_strings(segment, in_string)
            flt = "json_in_string" if in_string else "json_value"
        elif context == "path":
            flt = "path_segment"
        else:
            flt = None
        yield segment, match.group(1).strip(), flt
        position = match.end()
    yield text[position:], None, None


def annotate(text: str, context: str) -> str:
    """Wrap each {{ expression }} in the filter that escapes it for `context`."""
    out = []
    for segment, expression, flt in _expressions(text, context):
        out.append(segment)
        if expression is not None:
            out.append("{{ (" + expression + ") | " + flt + " }}" if flt else "{{ " + expression + " }}")
    return "".join(out)


NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FILTERS = {"json_in_string": json_in_string, "json_value": json_value, "path_segment": path_segment, None: str}


class _Substitution:
    """A plain-substitution render function (see `_substitution`) and the names it uses."""

    def __init__(self, parts: list):
        self.parts = parts
        self.names = frozenset(part[0] for part in parts if not isinstance(part, str))

    def __call__(self, variables: Mapping) -> str:
        return "".join(part if isinstance(part, str) else part[1](variables[part[0]]) for part in self.parts)


def _substitution(text: str, context: str):
    """For text whose every expression is a plain {{ name }} (nearly all templates): a render
    function that substitutes and escapes without jinja (the same output, much faster, and
    jinja2 not even imported); None for anything else (jinja renders it)."""
    if "{%" in text or "{#" in text:
        return None
    parts = []
    for segment, expression, flt in _expressions(text, context):
        if "{{" in segment or "}}" in segment:
            return None
        parts.append(segment)
        if expression is not None:
            if not NAME.fullmatch(expression):
                return None
            parts.append((expression, FILTERS[flt]))
    return _Substitution(parts)


class _Unparsable(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


_IN_WORKER = object()  # marks a text that only jinja can render: it goes to the template worker


@lru_cache(maxsize=1024)
def _compile(text: str, context: str):
    """-> (annotated text, a render function: plain substitution, or _IN_WORKER for what
    needs jinja, or None for literal text; the names it uses). A jinja text is parsed here
    (a syntax error is found at once: _Unparsable); cached, so a library template is
    compiled once per process."""
    if not any(mark in text for mark in ("{{", "{%", "{#")):
        return text, None, frozenset()  # literal text: nothing to compile
    annotated = annotate(text, context)
    substitute = _substitution(text, context)
    if substitute is not None:
        return annotated, substitute, substitute.names
    import jinja2
    from jinja2 import meta

    from workbench.core.request.jinja_sandbox import ENV

    try:
        return annotated, _IN_WORKER, frozenset(meta.find_undeclared_variables(ENV.parse(annotated)))
    except jinja2.TemplateSyntaxError as exc:
        raise _Unparsable(f"{exc.message} (line {exc.lineno})") from None
    except (RecursionError, MemoryError):  # a parse of something absurdly nested
        raise _Unparsable("nested too deeply to read") from None


def __getattr__(name: str):
    if name == "ENV":  # the jinja environment, for whoever asks (imported on first use)
        from workbench.core.request.jinja_sandbox import ENV

        return ENV
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class _Renderer:
    variables: Mapping
    missing: dict = field(default_factory=dict)
    limits: RenderLimits = DEFAULT_LIMITS

    def _missing(self, names, place: str) -> None:
        for name in names:
            self.missing.setdefault(name, [])
            if place not in self.missing[name]:
                self.missing[name].append(place)

    def render(self, text: str, context: str, place: str) -> str | None:
        try:
            annotated, render_with, needed = _compile(text, context)
        except _Unparsable as exc:
            raise TemplateSyntaxProblem(place=place, reason=exc.reason) from None
        if render_with is None:
            return annotated
        # in order of first use, so the message reads like the template
        absent = sorted((n for n in needed if n not in self.variables), key=lambda n: (annotated.find(n), n))
        if absent:
            self._missing(absent, place)
            return None
        if isinstance(render_with, _Substitution):
            return render_with(self.variables)
        from workbench.core.request import template_worker

        try:
            return template_worker.evaluate(annotated, self.variables, self.limits, place)
        except template_worker.Undefined:
            self._missing(["(an attribute of a variable)"], place)
            return None


@dataclass(frozen=True)
class RenderedRequest:
    """The concrete request plus what validation needs."""

    template: RequestTemplate
    request: HttpRequest
    variables: dict  # the values that were available (merged scopes)
    body_text: str | None
    body_json: object = None
    body_problem: Problem | None = None

    def to_dict(self) -> dict:
        return {"operation": self.template.key, "signing_name": self.template.signing_name, **self.request.to_dict()}


def split_list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [as_text(v) for v in value]
    return [part.strip() for part in as_text(value).split(",") if part.strip()]


def render(
    template: RequestTemplate,
    variables: Mapping,
    body: str | None = None,
    *,
    scheme: str = "https",
    extra_headers: tuple[tuple[str, str], ...] = (),
    limits: RenderLimits = DEFAULT_LIMITS,
) -> RenderedRequest:
    """Render `template` with `variables`; `body` is the body text (None: no body)."""
    for name, value in variables.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            raise UnsafeValue(place=f"variable {name}", reason="not valid Unicode text (bytes that are not UTF-8?)")
    renderer = _Renderer(variables, limits=limits)
    url = _render_url(template.url, scheme, renderer)
    query = _render_query(template, variables, renderer)
    headers = _render_headers(tuple(template.headers) + tuple(extra_headers), renderer)
    body_text = renderer.render(body, "json", "body") if body is not None else None
    if renderer.missing:
        raise UnresolvedVariables(renderer.missing)
    if query:
        url = f"{url}?{query}"
    body_json, body_problem = None, None
    if body_text is not None and body_text.strip():
        try:
            body_json = safe_json.loads(body_text, "body")
        except safe_json.JsonInputError as exc:
            reason = exc.reason.removeprefix(": ") or exc.detail
            body_problem = Problem("$", f"body is not valid JSON: {reason} (line {exc.line}, column {exc.column})")
    for place, text in (("url", url), *((f"header {k}", v) for k, v in headers), ("body", body_text or "")):
        bad = _SURROGATE.search(text)
        if bad:
            raise UnsafeValue(place=place, reason=f"not valid Unicode text at character {bad.start() + 1} (bytes that are not UTF-8?)")
    request = HttpRequest(template.method, url, headers, (body_text or "").encode("utf-8"))
    return RenderedRequest(template, request, dict(variables), body_text, body_json, body_problem)


def render_text(text: str, variables: Mapping, place: str) -> str:
    """One plain text value with {{ variables }} (e.g. a draft's awsv4 region), strictly."""
    renderer = _Renderer(variables)
    value = renderer.render(text, "text", place)
    if renderer.missing:
        raise UnresolvedVariables(renderer.missing)
    return value


_BASE_URL = re.compile(r"^\{\{\s*[\w.-]+\s*\}\}(?=/|$)")


def _render_url(url_template: str, scheme: str, renderer: _Renderer) -> str:
    base = _BASE_URL.match(url_template) if "://" not in url_template else None
    if base is not None:  # {{URL}}/api/x: the variable holds [scheme://]host[/base path]
        value = renderer.render(base.group(), "text", "url base")
        path = renderer.render(url_template[base.end():], "path", "url path")
        if value is None or path is None:
            return ""
        if "://" in value:
            scheme, _, value = value.partition("://")
            if scheme.lower() not in ("http", "https"):
                raise UnsafeValue(place="url base", reason=f"{scheme!r}: only http and https URLs")
            scheme = scheme.lower()
        host, _, base_path = value.partition("/")
        prefix = f"/{base_path.strip('/')}" if base_path.strip("/") else ""
        path = prefix + path if path else (prefix or "/")
    else:
        rest = url_template.split("://", 1)[1] if "://" in url_template else url_template
        host_template, slash, path_template = rest.partition("/")
        host = renderer.render(host_template, "text", "url host")
        path = renderer.render(slash + path_template, "path", "url path")
    if host is not None and not HOST.fullmatch(host):
        raise UnsafeValue(place="url host", reason=f"{host!r} is not a host name (expected e.g. pinpoint.us-east-1.amazonaws.com)")
    port = host.rpartition(":")[2] if host and not host.endswith("]") and ":" in host.rpartition("]")[2] else None
    if port is not None and not 0 < int(port) < 65536:
        raise UnsafeValue(place="url host", reason=f"port {port} is out of range (1-65535)")
    return f"{scheme}://{host}{path}" if host is not None and path is not None else ""


def _render_query(template: RequestTemplate, variables: Mapping, renderer: _Renderer) -> str:
    pairs, pasted = [], []
    for param in template.query:
        if param.encoded:  # as pasted; a {{ variable }} inside is percent-encoded like a path segment
            value = renderer.render(param.value, "path", f"query {param.name}") if param.value is not None else None
            pasted.append(param.name if param.value is None else f"{param.name}={value}")
            continue
        if param.value is not None:  # fixed, though it may hold {{ variables }} (raw requests)
            value = renderer.render(param.value, "text", f"query {param.name}")
            if value is not None:
                pairs.append((param.name, value))
            continue
        if param.variable not in variables:
            if param.required:
                renderer.missing.setdefault(param.variable, []).append(f"query {param.name}")
            continue
        variable = template.variable(param.variable)
        value = variables[param.variable]
        values = split_list(value) if variable is not None and variable.type == "list" else [as_text(value)]
        pairs.extend((param.name, v) for v in values)
    return "&".join(pasted + [f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in pairs])


def _render_headers(headers, renderer: _Renderer) -> tuple[tuple[str, str], ...]:
    rendered = []
    for name, value_template in headers:
        if re.search(r"[\r\n:\s]", name) or not name:
            raise UnsafeValue(place=f"header {name!r}", reason="a header name cannot be empty or hold spaces, ':' or line breaks")
        if not _TOKEN.fullmatch(name):
            raise UnsafeValue(place=f"header {name!r}", reason="a header name is ASCII letters, digits and !#$%&'*+-.^_`|~")
        value = renderer.render(value_template, "text", f"header {name}")
        if value is None:
            continue
        if "\r" in value or "\n" in value:
            raise UnsafeValue(place=f"header {name}", reason="the value holds a line break (CR/LF), which would inject headers; remove it")
        bad = _NOT_HEADER_TEXT.search(value)
        if bad:
            raise UnsafeValue(place=f"header {name}", reason=f"character {bad.start() + 1} ({bad.group()!r}) cannot go in a header "
                              "(control characters, and anything beyond Latin-1: percent-encode or base64 it)")
        rendered.append((name, value))
    return tuple(rendered)
