"""Reading the answer: a head that must arrive whole, and a body kept within limits.

http.client takes an end of stream in the middle of the headers for their end (and TLS
turns a peer's reset into such an end), which would make a cut answer look like a 200
with an empty body: `StrictResponse` refuses a head that did not end with its blank line.

`BodyReader` takes the body as it arrives: in memory up to `max_memory_body`, then in a
spool file (at most `max_spooled_body`); a gzip or deflate body is decoded alongside
(`decoding.BoundedDecoder`), so a body that would decode past the limits stops the read,
and the decoding is done within the exchange's deadline, piece by piece.
"""

from __future__ import annotations

import http.client
import zlib

from workbench.core.send.transport import spool
from workbench.core.send.transport.decoding import PIECE, BoundedDecoder, DecodeLimit, decoder_for
from workbench.core.send.transport.errors import ResponseTooLarge, TransportError
from workbench.core.send.transport.options import DECODE_RATIO_FLOOR, MIB, SendOptions

CHUNK = 64 * 1024
_MAX_LINE = 65536  # http.client's line limit


class HeadCut(Exception):
    """The connection ended before the blank line that ends the response's headers."""


class _HeadWatch:
    """Stands in for the response's file while the head is read, noting whether it ended."""

    def __init__(self, fp):
        self.fp = fp
        self.cut = False  # a line came without its line break, or the stream ended first

    def readline(self, limit: int = -1) -> bytes:
        line = self.fp.readline(limit)
        if not line.endswith(b"\n") and len(line) != limit:
            self.cut = True
        elif line in (b"\r\n", b"\n"):
            self.cut = False
        return line

    def __getattr__(self, name):
        return getattr(self.fp, name)


class StrictResponse(http.client.HTTPResponse):
    """http.client's response, strict where it is lenient: a head must end with its blank
    line, and a chunk-size line with its line break (http.client reads "0\r" at the end of
    the stream as the last chunk)."""

    def begin(self) -> None:
        watch = self.fp = _HeadWatch(self.fp)
        try:
            super().begin()
        except http.client.RemoteDisconnected:
            raise  # nothing at all came back: said as such
        except http.client.HTTPException:
            if watch.cut:
                raise HeadCut() from None
            raise
        finally:
            if self.fp is watch:
                self.fp = watch.fp
        if watch.cut:
            raise HeadCut()

    def _read_next_chunk_size(self) -> int:  # http.client's, plus: a line cut short is a cut body
        line = self.fp.readline(_MAX_LINE + 1)
        if len(line) > _MAX_LINE:
            raise http.client.LineTooLong("chunk size")
        if not line.endswith(b"\n"):
            raise http.client.IncompleteRead(b"")
        try:
            return int(line.split(b";", 1)[0], 16)
        except ValueError:
            self._close_conn()
            raise


def _mib(value: float) -> str:
    return f"{value / MIB:g} MiB"


class SpoolFailure(TransportError):
    fmt = "Could not keep the answer from {host}: writing {path} failed ({reason})"


class BodyReader:
    """Collects the body: `memory` (all of it, or the preview when spooled), `spool_path`,
    `received` (bytes as received), `decoded` (the decoded body when it was kept in memory).
    `check()` is called between pieces (the exchange's cancel and deadline)."""

    def __init__(self, host: str, options: SendOptions, content_encoding: str, check):
        self.host, self.options, self.check = host, options, check
        self.memory = bytearray()
        self.spool = None
        self.spool_path: str | None = None
        self.received = 0
        self.decoder = None
        self.decoded_parts: list[bytes] | None = None
        encoding = (content_encoding or "").strip().lower()
        if decoder_for(encoding) is not None:
            self.encoding = encoding
            self.decoder = BoundedDecoder(encoding, options.max_decoded_body, options.max_decode_ratio,
                                          ratio_floor=DECODE_RATIO_FLOOR)
            self.decoded_parts = []
        self._keep_limit = 8 * options.max_memory_body  # decoded bytes kept in memory for display

    def add(self, chunk: bytes) -> None:
        self.received += len(chunk)
        limit = self.options.max_spooled_body
        if limit is not None and self.received > limit:
            raise ResponseTooLarge(host=self.host, limit="max_spooled_body", value=limit,
                                   what=f"is larger than {_mib(limit)}", limit_text=f"{_mib(limit)} size")
        if self.spool is not None:
            self._write(chunk)
        else:
            self.memory += chunk
            if len(self.memory) > self.options.max_memory_body:
                self._start_spool()
        if self.decoder is not None:
            self._decode(chunk)

    def finish(self) -> bytes | None:
        """Closes the spool file; returns the decoded body when it was kept in memory."""
        self.close()
        if self.decoder is None:
            return None
        try:
            self._keep(self.decoder.finish())
        except zlib.error:
            self.decoded_parts = None
        except DecodeLimit as limit:
            raise self._too_large(limit) from None
        if self.decoded_parts is None or self.spool_path is not None:
            return None
        return b"".join(self.decoded_parts)

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()
            self.spool = None

    def discard(self) -> None:
        self.close()
        path, self.spool_path = self.spool_path, None
        spool.forget(path)

    # -- inside

    def _start_spool(self) -> None:
        self.check()
        self.spool = spool.open_file(self.options.spool_dir)
        self.spool_path = self.spool.name
        self.decoded_parts = None  # only the preview stays in memory: it is what gets shown
        self._write(bytes(self.memory))
        self.memory = bytearray(self.memory[: self.options.preview_bytes])

    def _write(self, data: bytes) -> None:
        try:
            self.spool.write(data)
        except OSError as exc:
            raise SpoolFailure(host=self.host, path=self.spool_path, reason=exc.strerror or str(exc)) from None

    def _decode(self, chunk: bytes) -> None:
        try:
            for piece in self.decoder.feed(chunk):
                self._keep(piece)
                if len(piece) == PIECE:
                    self.check()  # a long run of output: let a cancel or the deadline in
        except zlib.error:  # not what it says it is: the body is kept (and shown) as received
            self.decoder, self.decoded_parts = None, None
        except DecodeLimit as limit:
            raise self._too_large(limit) from None

    def _keep(self, piece: bytes) -> None:
        if self.decoded_parts is not None and piece:
            if self.decoder.decoded > self._keep_limit:
                self.decoded_parts = None  # shown from the preview instead (Response.decoded_body)
            else:
                self.decoded_parts.append(piece)

    def _too_large(self, limit: DecodeLimit) -> ResponseTooLarge:
        options = self.options
        if limit.limit == "max_decoded_body":
            value = options.max_decoded_body
            what = (f"decodes to more than {_mib(value)} ({self.encoding}; {limit.received} bytes "
                    "received when decoding passed it)")
            text = f"{_mib(value)} decoded-size"
        else:
            value = options.max_decode_ratio
            what = (f"decodes to more than {value:g} times its size ({self.encoding}: {limit.decoded} bytes "
                    f"from {limit.received}), like a compression bomb")
            text = f"{value:g}:1 decoding-ratio"
        return ResponseTooLarge(host=self.host, limit=limit.limit, value=value, what=what, limit_text=text)
