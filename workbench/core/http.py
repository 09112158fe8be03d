"""The concrete HTTP request that flows render -> sign -> send, as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from workbench.core.errors import WorkbenchError

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


class InvalidMethod(WorkbenchError):
    fmt = (
        "{method!r} is not an HTTP method: a method is one word of letters, digits and "
        "!#$%&'*+-.^_`|~ (RFC 7230 token), e.g. GET or POST"
    )


def check_method(method: str) -> str:
    """`method` if it is an RFC 7230 token (so nothing else reaches the request line)."""
    if not isinstance(method, str) or not _TOKEN.fullmatch(method):
        raise InvalidMethod(method=method)
    return method


def find_header(headers, name: str) -> str | None:
    """The first value of header `name` (case-insensitive) in (name, value) pairs."""
    lowered = name.lower()
    for key, value in headers:
        if key.lower() == lowered:
            return value
    return None


@dataclass(frozen=True)
class HttpRequest:
    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)

    def with_headers(self, headers) -> "HttpRequest":
        return replace(self, headers=tuple((str(k), str(v)) for k, v in headers))

    def to_dict(self) -> dict:
        body = self.body.decode("utf-8", errors="replace")
        return {"method": self.method, "url": self.url, "headers": dict(self.headers), "body": body}
