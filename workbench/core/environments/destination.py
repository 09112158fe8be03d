"""Where credentials may be signed for.

- Only over https, whatever the host; plain http only to loopback, for the local sandbox
  (or a local test server the user explicitly allowed any host for).
- Never to a link-local or instance metadata address (169.254.0.0/16, fe80::/10,
  fd00:ec2::254...), not even when the user allows any host.
- To the AWS hosts of the environment's partition (`*.amazonaws.com`...), to loopback,
  and to an environment's other override hosts only once the user confirmed them
  (`Environment.confirmed_hosts`); the sandbox's credentials only to loopback.

Anything else is an UntrustedDestination (its `reason` says which rule, its `remedy` what
a front end can offer) unless the user allows any host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from workbench.core.common.addresses import forbidden_reason, is_loopback, split_host_port
from workbench.core.environments.environment import Environment
from workbench.core.library.regions import dns_suffix
from workbench.core.common.errors import WorkbenchError
from workbench.core.request.http import HttpRequest


class UntrustedDestination(WorkbenchError):
    """Credentials would be signed for a host they do not belong to. Fields: host,
    environment, allowed (where its credentials may go), reason (forbidden_address,
    bad_address, plain_http, sandbox_elsewhere, unconfirmed_host, foreign_host). Remedy:
    `allow_any_host`; `confirm_host:ENVIRONMENT` (add `host` to that environment's
    confirmed hosts); none where there is no way round (the sandbox's credentials stay
    local; never plain http; never a metadata or link-local address)."""


def is_partition_host(host: str, partition: str) -> bool:
    return host.rstrip(".").endswith("." + dns_suffix(partition))


def needs_confirmation(netloc: str, partition: str) -> bool:
    """True for an override host that is neither an AWS host of `partition` nor loopback."""

    try:
        host, _port = split_host_port(netloc)
    except ValueError:
        return True
    return not (is_partition_host(host, partition) or is_loopback(host))


def unconfirmed_hosts(env: Environment) -> list[str]:
    """Override hosts a send would be refused for until the user confirms them."""

    if env.is_sandbox:
        return []
    return sorted(
        {h for h in env.host_overrides.values() if needs_confirmation(h, env.partition) and h not in env.confirmed_hosts}
    )


def check_destination(request: HttpRequest, env: Environment, *, allow_any_host: bool = False) -> None:
    """Raise UntrustedDestination unless the request goes where the credentials belong;
    `allow_any_host` lifts the host rules, never the https and forbidden-address ones."""

    parts = urlsplit(request.url)
    netloc = parts.netloc.lower()

    suffix = dns_suffix(env.partition)

    def refuse(reason: str, message: str, remedy: str | None = "allow_any_host") -> UntrustedDestination:
        if env.is_sandbox:
            allowed = sorted(set(env.hosts.values())) or ["127.0.0.1"]
        else:  # worked out only for a refusal: a send that passes pays nothing for it
            unconfirmed = set(unconfirmed_hosts(env))
            allowed = [f"https://*.{suffix}", *sorted(h for h in set(env.hosts.values()) if h not in unconfirmed)]
        return UntrustedDestination(message, reason=reason, remedy=remedy, host=netloc, environment=env.name, allowed=allowed)

    try:
        host, _port = split_host_port(netloc.rpartition("@")[2])
    except ValueError as exc:
        raise refuse("bad_address", f"refusing to sign for {netloc}: {exc}", None) from None
    forbidden = forbidden_reason(host)
    if forbidden:
        raise refuse("forbidden_address", f"refusing to sign for {netloc}: {forbidden}; credentials never go there", None)
    if env.is_sandbox and not allow_any_host:
        if is_loopback(host):
            return
        raise refuse(
            "sandbox_elsewhere",
            f"refusing to sign for {host}: the sandbox's credentials go only to the local sandbox "
            f"({', '.join(sorted(set(env.hosts.values()))) or '127.0.0.1'})",
            None,
        )
    if parts.scheme != "https" and not (is_loopback(host) and (env.is_sandbox or allow_any_host)):
        raise refuse(
            "plain_http",
            f"refusing to sign for {parts.scheme}://{netloc}: credentials are signed only for https "
            "(plain http only for the local sandbox)",
            None,
        )
    if allow_any_host:
        return
    if netloc in env.host_overrides.values() and needs_confirmation(netloc, env.partition):
        if netloc in env.confirmed_hosts:
            return
        raise refuse(
            "unconfirmed_host",
            f"refusing to sign for {netloc}: environment {env.name!r} sets it as a host, but it is neither an AWS "
            f"host nor this machine, and nobody confirmed it as a destination for these credentials",
            f"confirm_host:{env.name}",
        )
    if netloc in env.hosts.values() or is_partition_host(host, env.partition):
        return
    raise refuse(
        "foreign_host",
        f"refusing to sign for {netloc or request.url}: credentials of environment {env.name!r} go only to "
        f"its AWS hosts (https://*.{suffix}) or hosts set in the environment",
    )
