"""What came back: status, headers, the body (in memory, or spooled to a file with a
preview in memory), its timings, and the body made ready to show (a gzip or deflate
Content-Encoding undone, within limits; the charset applied)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from workbench.core.request.http import find_header
from workbench.core.send.transport import spool
from workbench.core.send.transport.decoding import decode_for_display, decoder_for


@dataclass(frozen=True)
class Timings:
    dns_ms: float = 0.0
    connect_ms: float = 0.0  # includes a proxy's CONNECT tunnel
    tls_ms: float = 0.0
    first_byte_ms: float = 0.0  # from the start to the status line
    total_ms: float = 0.0
    reused: bool = False  # a kept-alive connection: no DNS, connect or TLS this time

    def to_dict(self) -> dict:
        data = {k: round(getattr(self, k), 3) for k in ("dns_ms", "connect_ms", "tls_ms", "first_byte_ms", "total_ms")}
        return data | {"reused": self.reused}


@dataclass(frozen=True)
class Response:
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes = field(repr=False)
    body_path: str | None = None  # set when the body was spooled to a file
    size_bytes: int = 0  # the full body size, also when spooled
    elapsed_ms: float = 0.0
    truncated: bool = False  # True when `body` is only a preview of the file at body_path
    timings: Timings = field(default_factory=Timings)
    # The in-memory body with its Content-Encoding undone, when the transport decoded it
    # while reading (within its limits); otherwise it is decoded for display on demand.
    decoded: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)

    @property
    def charset(self) -> str:
        content_type = self.header("Content-Type") or ""
        for part in content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip('"')
        return "utf-8"

    @property
    def content_encoding(self) -> str:
        return (self.header("Content-Encoding") or "identity").strip().lower()

    @cached_property
    def _shown(self) -> tuple[bytes, str | None]:
        """(the body as shown, the note about how) -- worked out once."""
        encoding = self.content_encoding
        if encoding in ("identity", ""):
            return self.body, None
        if decoder_for(encoding) is None:
            return self.body, f"the body is {encoding}-encoded and shown as received"
        if self.decoded is not None:
            decoded, complete = self.decoded, True
        elif not self.body:
            return self.body, None
        else:
            decoded, complete = decode_for_display(self.body, encoding, complete=not self.truncated)
        if decoded is None:
            return self.body, f"the body says it is {encoding}-encoded but does not decode: shown as received"
        if not complete and not self.truncated:
            return decoded, (f"{encoding}-encoded body of {len(self.body)} bytes: only its first {len(decoded)} "
                             "bytes decoded are shown")
        return decoded, f"{encoding}-encoded body of {len(self.body)} bytes shown decoded ({len(decoded)} bytes)"

    def decoded_body(self) -> bytes:
        """The in-memory body with a gzip or deflate Content-Encoding undone (for display;
        `body` keeps the bytes as received), within limits: a body that would decode to
        more shows its first part. Undecodable bytes are returned as received."""
        return self._shown[0]

    def body_note(self) -> str | None:
        """A line about how the body is shown, when it is not shown as received."""
        return self._shown[1]

    def text(self) -> str:
        """The in-memory body decoded (only the preview when `truncated`)."""
        body = self.decoded_body()
        try:
            return body.decode(self.charset, errors="replace")
        except LookupError:  # unknown charset name
            return body.decode("utf-8", errors="replace")

    def json(self):
        """The body parsed as JSON, or None if it is not JSON (or only a preview is in memory)."""
        if self.truncated or not self.body:
            return None
        from workbench.core.common import safe_json
        try:
            return safe_json.loads(self.text(), "response body")
        except ValueError:  # not JSON, or JSON too deep / with numbers too long to use
            return None

    def save_body(self, path: str) -> None:
        """Write the whole body, as received, to `path` (also when it was spooled)."""
        if self.body_path:
            import shutil  # here: shutil imports bz2 and lzma, which a send does not need

            shutil.copyfile(self.body_path, path)
        else:
            with open(path, "wb") as handle:
                handle.write(self.body)

    def discard(self) -> None:
        """Delete the spooled body file, if any (every spooled file goes at exit anyway)."""
        spool.forget(self.body_path)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "reason": self.reason,
            "headers": [[k, v] for k, v in self.headers],
            "body": self.text(),
            "body_note": self.body_note(),
            "body_path": self.body_path,
            "size_bytes": self.size_bytes,
            "truncated": self.truncated,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "timings": self.timings.to_dict(),
        }
