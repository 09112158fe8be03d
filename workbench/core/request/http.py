"""The concrete HTTP request that flows render -> sign -> send, as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from workbench.core.common.errors import WorkbenchError

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


class InvalidMethod(WorkbenchError):
    fmt = (
        "{method!r} is not an HTTP method: a method is one word of letters, digits and "
        "!#$%&'*+-.^_`|~ (RFC 7230 token), e.g. GET or POST"
    )


# What may stand in a path or query as it is (RFC 3986 unreserved, sub-delims, ":@/?" and
# "%" when it starts an escape); everything else is percent-encoded as UTF-8.
_URL_KEEP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?")
_HEX = frozenset("0123456789abcdefABCDEF")


def wire_url(url: str) -> str:
    """`url` with its path and query as they go on the wire: characters a URL cannot hold
    (non-ASCII, spaces, quotes, controls, a stray %) percent-encoded, everything already
    valid -- %XX escapes, + = & / -- kept exactly as written. Idempotent; signing and
    sending both use it, so what is signed is what is sent."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    slash = rest.find("/")
    question = rest.find("?")
    cut = min(i for i in (slash, question, len(rest)) if i >= 0)
    authority, tail = rest[:cut], rest[cut:]
    tail, hash_, fragment = tail.partition("#")  # a fragment is never sent
    if all(c in _URL_KEEP for c in tail) and "%" not in tail:
        return url
    out = []
    for index, char in enumerate(tail):
        if char in _URL_KEEP:
            out.append(char)
        elif char == "%" and len(escape := tail[index + 1 : index + 3]) == 2 and set(escape) <= _HEX:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8", errors="surrogatepass"))
    return f"{scheme}://{authority}{''.join(out)}{hash_}{fragment}"


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
