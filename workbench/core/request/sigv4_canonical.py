"""SigV4's canonical forms of a request's path, query and headers, as the specification
(and AWS's services) compute them from what is on the wire.

A client that builds its URL itself can sign its own spelling (botocore does: it encodes
every value it puts in a URL). A server, or a client signing a URL someone pasted, cannot:
it must read the request the way AWS does:

- query: each `name=value` pair split on the first `=`, both percent-decoded (`+` is a
  space, as AWS's front ends and Postman read a query), encoded again with only RFC 3986's
  unreserved characters (`A-Z a-z 0-9 - _ . ~`) left as they are, everything else `%XX`
  with uppercase hex; pairs sorted by name, then by value; a name without `=` gets an empty
  value.
- path, every service but S3: dot segments and repeated slashes removed, then each
  character of the path as sent encoded once more (so `%2F` on the wire is `%252F` in the
  canonical request: "each path segment URI-encoded twice"). S3: decoded, encoded once.
- headers: names lowercased and sorted, values trimmed with inner runs of spaces collapsed,
  the values of a repeated header joined with commas in the order received.

Checked against the AWS SigV4 test suite (tests/data/sigv4_test_suite.json).
"""

from __future__ import annotations

from urllib.parse import quote, unquote_to_bytes

UNRESERVED = "-_.~"  # with A-Z a-z 0-9, which quote() never encodes


def _encode(raw: bytes | str, safe: str = UNRESERVED) -> str:
    if isinstance(raw, str):  # UTF-8; bytes that were not UTF-8 come back as they arrived
        return quote(raw, safe=safe, encoding="utf-8", errors="surrogateescape")
    return quote(raw, safe=safe)


def _decode(text: str) -> bytes:
    return unquote_to_bytes(text.replace("+", " ").encode("utf-8", "surrogateescape"))


def query_pairs(query: str) -> list[tuple[bytes, bytes]]:
    """The decoded (name, value) pairs of a query string as sent, in order."""
    pairs = []
    for piece in query.split("&"):
        if not piece:
            continue
        name, _, value = piece.partition("=")
        pairs.append((_decode(name), _decode(value)))
    return pairs


def canonical_query(query: str) -> str:
    """The canonical query string of `query` (the text after `?`, as sent)."""
    encoded = sorted((_encode(name), _encode(value)) for name, value in query_pairs(query))
    return "&".join(f"{name}={value}" for name, value in encoded)


def normalised_query(query: str) -> str:
    """`query` with each name and value in its canonical encoding, in the order written
    (what a server decodes from it is unchanged: only the spelling is)."""
    return "&".join(f"{_encode(name)}={_encode(value)}" for name, value in query_pairs(query))


def query_differs(query: str) -> bool:
    """Whether `query` is spelled other than canonically (`/` or `@` left as they are,
    lowercase escapes, `+` for a space, an empty `&&` piece...), so a signer must not sign
    it as written."""
    pieces = [piece for piece in query.split("&") if piece]
    if len(pieces) != len(query.split("&")) and query:  # `a=1&&b=2`, `&`: empty pieces are no parameter
        return True
    return any(
        piece != (f"{_encode(n)}={_encode(v)}" if "=" in piece else _encode(n))
        for piece, (n, v) in zip(pieces, query_pairs(query))
    )


def _remove_dot_segments(path: str) -> str:
    kept: list[str] = []
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if kept:
                kept.pop()
            continue
        kept.append(segment)
    normal = "/" + "/".join(kept)
    if path.endswith("/") and normal != "/":
        normal += "/"
    return normal


def canonical_uri(path: str, service: str) -> str:
    """The canonical URI of `path` (as sent: percent-encoded, or raw UTF-8 text, which is
    encoded as UTF-8) for `service`'s signing name."""
    if not path:
        return "/"
    if service == "s3":
        return _encode(unquote_to_bytes(path), safe="/" + UNRESERVED)
    return _encode(_remove_dot_segments(path), safe="/" + UNRESERVED)


def canonical_header_value(values: list[str]) -> str:
    return ",".join(" ".join(value.split()) for value in values)


def canonical_headers(headers, signed_names) -> str:
    """The canonical headers block (each line `name:value\\n`) for `signed_names` (lowercase,
    sorted) out of `headers`, (name, value) pairs as received."""
    lines = []
    for name in signed_names:
        values = [value for key, value in headers if key.lower() == name]
        lines.append(f"{name}:{canonical_header_value(values)}\n")
    return "".join(lines)
