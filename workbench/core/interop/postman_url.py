"""A Postman request's URL (a string, or v2.1's object of protocol, host, path, query and
path variables) read into scheme, host, path and query.

A URL that starts with a variable and gives no scheme (`{{URL}}/api/x`) is a base-URL
variable: the variable may hold a scheme and a stage path (`https://host/prod`), so the URL
is kept exactly as written (`base` set, `scheme` empty) instead of being read as a host.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import unquote

from workbench.core.interop.linking import split_path

LEADING_VARIABLE = re.compile(r"^\{\{\s*[\w.-]+\s*\}\}")


@dataclass(frozen=True)
class PostmanUrl:
    scheme: str  # "" for a base-URL variable
    host: str  # the host as written, or the base-URL variable (`{{URL}}`)
    path: str
    query: tuple[tuple[str, str], ...]
    path_variables: tuple[tuple[str, str], ...] = ()

    @property
    def is_base_variable(self) -> bool:
        return not self.scheme

    def draft_url(self, host: str | None = None) -> str:
        """The URL a draft keeps (without its query): `{{URL}}/api/x` as written, else
        scheme://host/path (`host` replaces the written one)."""
        if self.is_base_variable:
            return f"{self.host}{self.path if self.path != '/' else ''}"
        return f"{self.scheme}://{host or self.host}{self.path}"


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)


def read_url(url) -> PostmanUrl | None:
    """The URL of a request item, or None when it has none."""
    if isinstance(url, str):
        return _parse_raw(url) if url.strip() else None
    if not isinstance(url, dict):
        return None
    raw = text(url.get("raw"))
    if url.get("host") is None and url.get("path") is None:
        return _parse_raw(raw) if raw.strip() else None
    host = url.get("host")
    host = ".".join(text(h) for h in host) if isinstance(host, list) else text(host)
    if url.get("port"):
        host += f":{text(url['port'])}"
    path = url.get("path") or []
    if isinstance(path, str):
        segments = split_path(path)
    else:
        segments = [text(s.get("value") if isinstance(s, dict) else s) for s in path]
    path_variables = []
    known = {v.get("key"): text(v.get("value")) for v in url.get("variable") or [] if isinstance(v, dict)}
    for i, segment in enumerate(segments):
        if segment.startswith(":") and len(segment) > 1:  # Postman path variable /:id
            name = segment[1:]
            segments[i] = "{{" + name + "}}"
            if known.get(name):
                path_variables.append((name, known[name]))
    query = []
    for param in url.get("query") or []:
        if isinstance(param, dict) and param.get("disabled") is not True and param.get("key") is not None:
            query.append((text(param["key"]), text(param.get("value"))))
    scheme = text(url.get("protocol")) or (raw.split("://", 1)[0] if "://" in raw else "")
    host = host.strip()
    if not scheme and not (LEADING_VARIABLE.fullmatch(host) and raw.strip().startswith(host)):
        scheme = "https"
    return PostmanUrl(scheme, host, "/" + "/".join(segments), tuple(query), tuple(path_variables))


def _parse_raw(raw: str) -> PostmanUrl:
    raw = raw.strip().split("#", 1)[0]
    scheme, sep, rest = raw.partition("://")
    if not sep:
        scheme, rest = "https", raw
        base = LEADING_VARIABLE.match(raw)
        if base and raw[base.end():base.end() + 1] in ("", "/", "?"):
            scheme = ""  # {{URL}}/api/x: the variable may hold a scheme and a base path
    host_end = min([i for i in (rest.find("/"), rest.find("?")) if i >= 0], default=len(rest))
    host, remainder = rest[:host_end], rest[host_end:]
    path, _, query_text = remainder.partition("?")
    query = []
    for part in query_text.split("&") if query_text else []:
        key, _, value = part.partition("=")
        query.append((unquote(key), unquote(value)))
    segments = split_path(path)
    segments = ["{{" + s[1:] + "}}" if s.startswith(":") and len(s) > 1 else s for s in segments]
    return PostmanUrl(scheme, host, "/" + "/".join(segments), tuple(query))
