"""Which proxy a request goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY.

The variables are read as curl and the AWS CLI read them: the lowercase spelling wins over
the uppercase one; a proxy URL without a scheme is http://; NO_PROXY is a comma-separated
list of host names (a name matches itself and its subdomains, a leading dot or `*.` is
allowed), IP addresses, CIDR blocks (10.0.0.0/8), each optionally with :port, or `*` for
everything. Loopback (localhost, 127.0.0.0/8, ::1) never goes through a proxy: the local
sandbox stays reachable behind a corporate proxy.

A `Proxy` never shows its credentials: `display` is host:port, `repr` hides the
Proxy-Authorization value.
"""

from __future__ import annotations

import base64
import ipaddress
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import unquote, urlsplit

from workbench.core.common.errors import WorkbenchError


class InvalidProxy(WorkbenchError):
    fmt = "{variable} is not a usable proxy URL: {reason}"


@dataclass(frozen=True)
class Proxy:
    host: str
    port: int
    authorization: str | None = field(default=None, repr=False)  # a Proxy-Authorization value

    @property
    def display(self) -> str:
        """host:port, for messages: never the credentials."""
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def _get(environ: Mapping[str, str], name: str) -> str:
    return (environ.get(name.lower()) or environ.get(name.upper()) or "").strip()


def proxy_for(scheme: str, host: str, port: int, environ: Mapping[str, str]) -> Proxy | None:
    """The proxy for a request to scheme://host:port, or None to connect directly."""
    variable = "HTTPS_PROXY" if scheme == "https" else "HTTP_PROXY"
    url = _get(environ, variable)
    if not url or _is_loopback(host) or _bypassed(host, port, _get(environ, "NO_PROXY")):
        return None
    return parse_proxy(url, variable)


def parse_proxy(url: str, variable: str = "proxy") -> Proxy:
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme.lower() != "http":
        raise InvalidProxy(variable=variable, reason=f"only http:// proxies are supported, not {parts.scheme}://")
    try:
        port = parts.port or 80
    except ValueError as exc:
        raise InvalidProxy(variable=variable, reason=str(exc)) from None
    if not parts.hostname:
        raise InvalidProxy(variable=variable, reason="it has no host")
    authorization = None
    if parts.username is not None:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        authorization = "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")
    return Proxy(parts.hostname, port, authorization)


def _is_loopback(host: str) -> bool:
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _bypassed(host: str, port: int, no_proxy: str) -> bool:
    name = host.strip("[]").rstrip(".").lower()
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = None
    for entry in (e.strip().lower() for e in no_proxy.split(",")):
        if not entry:
            continue
        if entry == "*":
            return True
        pattern, entry_port = _split_port(entry)
        if entry_port is not None and entry_port != port:
            continue
        if address is not None:
            try:
                if address in ipaddress.ip_network(pattern.strip("[]"), strict=False):
                    return True
            except ValueError:
                pass
            continue
        pattern = pattern.removeprefix("*").lstrip(".").rstrip(".")
        if pattern and (name == pattern or name.endswith("." + pattern)):
            return True
    return False


def _split_port(entry: str) -> tuple[str, int | None]:
    if entry.startswith("["):  # [::1]:8080
        host, _, rest = entry[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") and rest[1:].isdigit() else None
    if entry.count(":") == 1:
        host, _, port = entry.partition(":")
        if port.isdigit():
            return host, int(port)
    return entry, None
