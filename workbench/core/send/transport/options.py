"""How to send: timeouts, the deadline, and the limits on what an answer may cost (memory,
decoding, disk). Bad values are refused here, before anything reaches the network."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from workbench.core.common.errors import WorkbenchError

MIB = 1024 * 1024
MAX_SECONDS = 24 * 3600.0

# socket.getaddrinfo's shape: (host, port) -> [(family, type, proto, canonname, sockaddr)]
Resolver = Callable[[str, int], list]


class InvalidTimeout(WorkbenchError):
    fmt = "The {option} must be a number of seconds above 0 and at most {maximum:g}, not {value}"


class InvalidLimit(WorkbenchError):
    fmt = "The {option} must be a number above 0, not {value}"


@dataclass(frozen=True)
class SendOptions:
    """How to send. Timeouts are checked here: `InvalidTimeout` unless 0 < seconds <= a day;
    limits: `InvalidLimit` unless a number above 0."""

    connect_timeout: float = 10.0  # seconds, for DNS + TCP connect + TLS handshake each
    read_timeout: float = 60.0  # seconds of silence allowed while waiting for / reading the answer
    deadline: float = 300.0  # seconds for the whole exchange (decoding included): a server dripping bytes cannot hold it longer
    max_memory_body: int = 8 * MIB  # above: spool the body to a temp file
    preview_bytes: int = 64 * 1024  # kept in Response.body when the body is spooled
    # A gzip/deflate answer may decode to at most this many bytes, and (once past
    # DECODE_RATIO_FLOOR) to at most max_decode_ratio times what was received: a 1 MiB
    # "bomb" that inflates to 1 GiB stops after a few MiB of work. None: no limit.
    max_decoded_body: int | None = 64 * MIB
    max_decode_ratio: float | None = 200.0
    # A spooled body may take this much disk (well below a typical free disk); None: no
    # limit (the user asked for the file, e.g. --output).
    max_spooled_body: int | None = 1024 * MIB
    spool_dir: str | None = None
    ca_bundle: str | None = None  # PEM file (e.g. the environment's); else AWS_CA_BUNDLE; else certifi's
    keep_alive: bool = True  # reuse connections across sends in this process
    # Where HTTPS_PROXY, HTTP_PROXY, NO_PROXY and AWS_CA_BUNDLE are read; None: os.environ.
    environ: Mapping[str, str] | None = field(default=None, repr=False, compare=False)
    # Looks host names up (None: socket.getaddrinfo); tests give names their own addresses.
    resolver: Resolver | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for option, value in (("connect timeout", self.connect_timeout), ("read timeout", self.read_timeout),
                              ("deadline", self.deadline)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_SECONDS:
                raise InvalidTimeout(option=option, value=repr(value), maximum=MAX_SECONDS)  # repr: JSON-safe
        for option, value, optional in (("memory body limit", self.max_memory_body, False),
                                        ("preview size", self.preview_bytes, False),
                                        ("decoded body limit", self.max_decoded_body, True),
                                        ("decoding ratio limit", self.max_decode_ratio, True),
                                        ("spooled body limit", self.max_spooled_body, True)):
            if value is None and optional:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise InvalidLimit(option=option, value=repr(value))


DECODE_RATIO_FLOOR = 1 * MIB  # below this many decoded bytes any ratio is fine (tiny bodies compress a lot)
