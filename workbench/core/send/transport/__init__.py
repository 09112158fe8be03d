"""Send one HTTP request, blocking, with timeouts, a deadline, cancel, progress and limits.

`send(request, options, cancel, progress)` is a plain blocking function (the CLI calls it
directly; the UI calls it from a worker). It sends exactly the given `HttpRequest` --
headers in order, nothing added but `Content-Length` framing when there is a body (or the
method expects one) and a `Host` header computed from the URL only if the request has none
(`signing.sign()` always sets it). The method must be an RFC 7230 token. Redirects are not
followed: a 3xx is returned as is.

Networks (see `proxies`): HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `SendOptions.environ`
(default os.environ) -- https goes through a CONNECT tunnel, plain http as an absolute URL,
loopback always direct; proxy credentials go only to the proxy and are never shown. TLS
trusts `SendOptions.ca_bundle` (an environment's), else AWS_CA_BUNDLE, else certifi's.
Connections are kept alive and reused across sends (`connection_pool`, keyed by scheme,
host, port, proxy and CA bundle); a kept-alive connection that the server dropped before
answering is retried once on a fresh one, for idempotent methods only (a POST the server
may have acted on is never sent twice). A reused connection skips dns/connect/tls.
A host name that resolves to a link-local or instance metadata address is refused at
connect time (`ForbiddenAddress`), as a literal one is before signing.

How it works: the exchange runs on the caller's thread. A cancel (`CancelToken.cancel()`
from another thread) or the deadline (one watchdog thread for every send) aborts it: the
socket is shut down, a pending connect is woken, a DNS lookup (on a helper thread) is no
longer waited for -- so `send` raises promptly in every phase (DNS, connect, TLS, sending,
waiting for the answer, reading and decoding the body), with nothing left half-written.

Phases and their errors (all `TransportError`, each message names host[:port]):
    DNS        DnsFailure          (names under .invalid fail at once, RFC 6761 6.4)
    connect    ConnectionRefused, Timeout(phase="connect"), NetworkFailure, ForbiddenAddress
    proxy      ProxyFailure (the proxy is down, wants credentials, refuses the host, or cuts its answer)
    TLS        TlsFailure, Timeout(phase="connect"), CaBundleError
    exchange   Timeout(phase="read"), ConnectionReset, ProtocolFailure, ResponseTooLarge
    any        Cancelled(phase=...), DeadlineExceeded (a Timeout, phase="total")
An answer cut anywhere before the end of its headers, or of a body whose length was
declared (Content-Length or chunked), is a ConnectionReset -- over http and TLS, direct
or through a proxy -- never a response.
Bad options never reach the network: `SendOptions` raises `InvalidTimeout`/`InvalidLimit`.

Large bodies: up to `max_memory_body` bytes the body is kept in `Response.body`. Above
that it is streamed to a temporary file (`spool`): `Response.body_path` names it,
`Response.truncated` is True and `Response.body` holds only the first `preview_bytes`;
`Response.save_body(path)` keeps all of it. A spooled body stops at `max_spooled_body`
(None: no limit). Bodies are kept as received; a gzip or deflate Content-Encoding is
decoded while reading, within `max_decoded_body` and `max_decode_ratio`
(`ResponseTooLarge` past them, with `remedy` "raise_limit:LIMIT"), and shown decoded by
`Response.text()`/`json()` with `Response.body_note()` saying so.

The modules: options, errors, response, decoding, spool, tls, abortable (cancel and
deadline), opening (DNS, connect, proxy, TLS), reading (head and body), exchange, deadline.
"""

from __future__ import annotations

import time

from workbench.core.common.cancel import CancelToken
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.progress import ProgressCallback
from workbench.core.request.http import HttpRequest
from workbench.core.send.transport.deadline import WATCHDOG
from workbench.core.send.transport.errors import (
    CaBundleError, Cancelled, ConnectionRefused, ConnectionReset, DeadlineExceeded, DnsFailure, ForbiddenAddress,
    InvalidRequest, InvalidUrl, NetworkFailure, ProtocolFailure, ProxyFailure, ResponseTooLarge, Timeout,
    TlsFailure, TransportError,
)
from workbench.core.send.transport.exchange import POOL, Exchange
from workbench.core.send.transport.options import InvalidLimit, InvalidTimeout, SendOptions
from workbench.core.send.transport.reading import SpoolFailure
from workbench.core.send.transport.response import Response, Timings
from workbench.core.send.transport.spool import sweep_stale_spools
from workbench.core.send.transport.tls import default_ca_bundle, tls_context_for

__all__ = [
    "CaBundleError", "CancelToken", "Cancelled", "ConnectionRefused", "ConnectionReset", "DeadlineExceeded",
    "DnsFailure", "ForbiddenAddress", "InvalidLimit", "InvalidRequest", "InvalidTimeout", "InvalidUrl",
    "NetworkFailure", "POOL", "ProtocolFailure", "ProxyFailure", "Response", "ResponseTooLarge", "SendOptions",
    "SpoolFailure", "Timeout", "Timings", "TlsFailure", "TransportError", "default_ca_bundle", "send",
    "sweep_stale_spools", "tls_context_for",
]


def send(
    request: HttpRequest,
    options: SendOptions | None = None,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
) -> Response:
    """Send `request` and return its `Response`; raises a `TransportError`, never hangs.

    Runs on the caller's thread. The whole exchange ends within `options.deadline`
    (`DeadlineExceeded`), however slowly the server drips its answer. `progress` gets a
    `Progress` record per phase, in order (dns, connect, tls, sending, waiting,
    downloading -- repeated with the bytes so far, of the Content-Length when known -- and
    done); a reused connection skips dns, connect and tls (and a GET retried on a fresh
    connection after a kept-alive one was dropped starts again at dns). `cancel.cancel()` from another
    thread makes `send` raise `Cancelled` at once, naming the phase it was in, with a body
    being spooled already deleted and nothing reported after it.
    """
    options = options or SendOptions()
    exchange = Exchange(request, options, progress)
    if cancel is not None and cancel.cancelled:
        raise Cancelled(host=exchange.host, phase=exchange.phase)
    unregister = cancel._on_cancel(exchange.abort) if cancel is not None else None
    WATCHDOG.watch(exchange, time.monotonic() + options.deadline)
    try:
        return exchange.run()
    except (WorkbenchError, KeyboardInterrupt):
        raise
    except Exception as error:
        raise TransportError(f"Unexpected failure sending to {exchange.host}: {error!r}") from error
    finally:
        with exchange.lock:
            exchange.finished = True
        if unregister is not None:
            unregister()
