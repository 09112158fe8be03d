"""What kind of place a host is: loopback, link-local / instance metadata (never signed
for, whatever the user says), or the AWS partition's own hosts.

Hosts come as users type them: names, dotted IPv4, IPv4 in the legacy forms the socket
layer still accepts (2852039166, 0xa9.0xfe.0xa9.0xfe), IPv6 with or without brackets,
IPv4-mapped IPv6.
"""

from __future__ import annotations

import ipaddress
import socket

# Instance metadata services: AWS (IPv4 link-local, IPv6 fd00:ec2::254), and the names
# clouds give them.
METADATA_ADDRESSES = frozenset({ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"),
                                ipaddress.ip_address("169.254.170.2"), ipaddress.ip_address("fd00:ec2::23")})
METADATA_NAMES = frozenset({"instance-data", "instance-data.ec2.internal", "metadata.google.internal", "metadata",
                            "metadata.azure.internal"})


def split_host_port(netloc: str) -> tuple[str, int | None]:
    """'host:443' -> ('host', 443); '[::1]:80' -> ('::1', 80). ValueError for a port that
    is not a number from 1 to 65535."""

    host, port = netloc, None
    if netloc.startswith("["):
        end = netloc.find("]")
        host, rest = netloc[1:end] if end > 0 else netloc[1:], netloc[end + 1:] if end > 0 else ""
        if rest.startswith(":"):
            port = rest[1:]
    elif netloc.count(":") == 1:
        host, port = netloc.split(":")
    if port is None:
        return host.lower(), None
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"port {port} is out of range (1-65535)")
    return host.lower(), int(port)


def ip_of(host: str):
    """The IP address a host literal stands for (legacy IPv4 forms included), else None."""

    host = host.strip("[]").rstrip(".")
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_loopback(host: str) -> bool:
    if host.lower().rstrip(".") == "localhost":
        return True
    address = ip_of(host)
    return address is not None and address.is_loopback


def forbidden_reason(host: str) -> str | None:
    """Why credentials may never go to `host` (link-local or instance metadata), else None."""

    name = host.lower().strip("[]").rstrip(".")
    if name in METADATA_NAMES:
        return f"{host} is an instance metadata service"
    address = ip_of(name)
    if address is None:
        return None
    if address in METADATA_ADDRESSES:
        return f"{host} is an instance metadata address"
    if address.is_link_local:
        return f"{host} is a link-local address"
    if address.is_unspecified or address.is_multicast:
        return f"{host} is not a host a request can go to"
    return None
