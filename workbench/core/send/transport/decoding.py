"""Undoing a gzip or deflate Content-Encoding without letting a small answer become a huge
one: output comes in bounded pieces, counted against a size limit and a ratio limit, so a
1 MiB "bomb" that would inflate to 1 GiB is stopped after a few MiB of work, and the
caller can look at its clock (the deadline) between pieces."""

from __future__ import annotations

import zlib
from typing import Iterator

PIECE = 256 * 1024  # decoded bytes per step: a step takes about a millisecond


def decoder_for(encoding: str):
    """A zlib decompressor for `encoding`, or None when it is not one we undo."""
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return _Deflate()
    return None


class _Deflate:
    """Inflates "deflate" bodies whether zlib-wrapped (the standard) or raw (common in practice)."""

    def __init__(self) -> None:
        self._inner = None

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        if self._inner is None:
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inner = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return self._inner.decompress(data, max_length)

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail if self._inner is not None else b""

    def flush(self) -> bytes:
        return self._inner.flush() if self._inner is not None else b""


class DecodeLimit(Exception):
    """Decoding went past a limit: `limit` names it ("max_decoded_body" or "max_decode_ratio")."""

    def __init__(self, limit: str, decoded: int, received: int):
        super().__init__(limit)
        self.limit, self.decoded, self.received = limit, decoded, received


class BoundedDecoder:
    """Feed it the body as received; it yields the decoded bytes in pieces of at most
    PIECE and raises DecodeLimit as soon as the output passes `max_bytes`, or `max_ratio`
    times the input once past `ratio_floor` bytes (None: that limit is off). zlib.error
    when the bytes are not what the encoding says."""

    def __init__(self, encoding: str, max_bytes: int | None, max_ratio: float | None, ratio_floor: int = 0):
        self._zlib = decoder_for(encoding)
        if self._zlib is None:
            raise ValueError(f"not a content encoding that is decoded: {encoding}")
        self.max_bytes, self.max_ratio, self.ratio_floor = max_bytes, max_ratio, ratio_floor
        self.received = 0
        self.decoded = 0

    def feed(self, data: bytes) -> Iterator[bytes]:
        self.received += len(data)
        while data:
            piece = self._zlib.decompress(data, PIECE)
            data = self._zlib.unconsumed_tail
            if piece:
                yield self._count(piece)
            elif data:  # no output and input left over: cannot happen with max_length, but never spin
                break

    def finish(self) -> bytes:
        """The last bytes (a complete stream has none left to give)."""
        rest = self._zlib.flush()
        return self._count(rest) if rest else b""

    def _count(self, piece: bytes) -> bytes:
        self.decoded += len(piece)
        if self.max_bytes is not None and self.decoded > self.max_bytes:
            raise DecodeLimit("max_decoded_body", self.decoded, self.received)
        if (self.max_ratio is not None and self.decoded > self.ratio_floor
                and self.decoded > self.max_ratio * max(self.received, 1)):
            raise DecodeLimit("max_decode_ratio", self.decoded, self.received)
        return piece


DISPLAY_LIMIT = 64 * 1024 * 1024  # decoded bytes shown of a body decoded after the fact


def decode_for_display(data: bytes, encoding: str, complete: bool = True) -> tuple[bytes | None, bool]:
    """(`data` decoded, whether that is all of it), never more than DISPLAY_LIMIT bytes;
    (None, False) when `data` does not decode. `complete`: `data` is the whole body (not a
    preview), so the stream should end."""
    decoder = BoundedDecoder(encoding, DISPLAY_LIMIT, None)
    pieces: list[bytes] = []
    try:
        for piece in decoder.feed(data):
            pieces.append(piece)
        if complete:
            pieces.append(decoder.finish())
    except DecodeLimit:
        return b"".join(pieces), False
    except zlib.error:
        return None, False
    return b"".join(pieces), complete
