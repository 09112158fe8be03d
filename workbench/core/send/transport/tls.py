"""TLS: which CAs to trust (an environment's bundle, AWS_CA_BUNDLE, else certifi's), one
cached context per bundle, and a handshake failure said in words."""

from __future__ import annotations

import os
import ssl
from functools import lru_cache

from workbench.core.send.transport.errors import CaBundleError


def default_ca_bundle() -> str:
    try:
        import certifi

        return certifi.where()
    except ImportError:  # botocore ships its own bundle
        import botocore

        return os.path.join(os.path.dirname(botocore.__file__), "cacert.pem")


def tls_context_for(ca_bundle: str | None, source: str = "") -> ssl.SSLContext:
    """The TLS context trusting `ca_bundle` (default: the bundled CAs); CaBundleError when the
    file cannot be read or holds no PEM certificate. Also checks a bundle when it is entered."""
    try:
        return _tls_context(ca_bundle or default_ca_bundle())
    except (OSError, ssl.SSLError) as exc:
        reason = "no PEM certificates in it" if isinstance(exc, ssl.SSLError) else exc.strerror or str(exc)
        raise CaBundleError(path=ca_bundle, source=source, reason=reason) from None


@lru_cache(maxsize=8)
def _tls_context(ca_bundle: str) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=ca_bundle)
    context.set_alpn_protocols(["http/1.1"])
    return context


def tls_reason(exc: ssl.SSLError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"the server's certificate could not be verified ({exc.verify_message})"
    reason = (exc.reason or "").upper()
    if reason in {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG"}:
        return (
            f"the server did not answer with TLS ({exc.reason}); "
            "it probably speaks plain HTTP: try http:// instead of https://"
        )
    if isinstance(exc, ssl.SSLEOFError) or "EOF" in reason:
        return "the server closed the connection during the handshake"
    return f"{exc.reason or exc}"
