"""Where credentials may be signed for: the environment's AWS hosts, its partition's
AWS hosts over https, or the local sandbox on loopback. Anything else is refused with an
UntrustedDestination the front end can offer to override."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from workbench.core.environments import Environment
from workbench.core.regions import dns_suffix
from workbench.core.errors import WorkbenchError
from workbench.core.http import HttpRequest


class UntrustedDestination(WorkbenchError):
    """Credentials would be signed for a host they do not belong to. Fields: host,
    environment, allowed (where its credentials may go); remedy `allow_any_host`, except
    for the sandbox's credentials, which stay local."""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_destination(request: HttpRequest, env: Environment) -> None:
    """Raise UntrustedDestination unless the request goes where the credentials belong."""
    parts = urlsplit(request.url)
    host = (parts.hostname or "").lower()
    if parts.netloc in env.hosts.values():
        return
    if env.is_sandbox:
        if _is_loopback(host):
            return
        raise UntrustedDestination(
            f"refusing to sign for {host}: the sandbox's credentials go only to the local sandbox "
            f"({', '.join(sorted(set(env.hosts.values()))) or '127.0.0.1'})",
            host=host, environment=env.name, allowed=sorted(set(env.hosts.values())) or ["127.0.0.1"],
        )
    suffix = dns_suffix(env.partition)
    if host.endswith("." + suffix) and parts.scheme == "https":
        return
    raise UntrustedDestination(
        f"refusing to sign for {parts.netloc or request.url}: credentials of environment {env.name!r} go only to "
        f"its AWS hosts (https://*.{suffix}) or hosts set in the environment",
        host=parts.netloc or request.url, environment=env.name,
        allowed=[f"https://*.{suffix}", *sorted(set(env.hosts.values()))], remedy="allow_any_host",
    )
