"""The body made ready to show is bounded too: a gzip body is shown decoded, and of a body
larger than the shown limit (a spooled answer can be a gigabyte) only the first part is
read, with no tree and a line that says where the rest is."""

from __future__ import annotations

import gzip
import json

from workbench.core.send import response_body
from workbench.core.send.response_body import load_body, shown_bytes, text_chunks
from workbench.core.send.transport import Response


def spooled(tmp_path, data: bytes, headers=()) -> Response:
    path = tmp_path / "body.bin"
    path.write_bytes(data)
    return Response(200, "OK", tuple(headers), data[:10], body_path=str(path), size_bytes=len(data), truncated=True)


def test_a_spooled_gzip_body_is_shown_decoded(tmp_path):
    document = {"Item": [{"Id": str(n)} for n in range(1000)]}
    response = spooled(tmp_path, gzip.compress(json.dumps(document).encode()), [("Content-Encoding", "gzip")])
    body = load_body(response)
    assert body.is_json and body.value == document


def test_an_in_memory_gzip_body_is_shown_decoded():
    response = Response(200, "OK", (("Content-Encoding", "gzip"),), gzip.compress(b'{"a": 1}'))
    assert load_body(response).value == {"a": 1}


def test_a_body_past_the_shown_limit_is_read_in_part(tmp_path, monkeypatch):
    monkeypatch.setattr(response_body, "SHOWN_LIMIT", 1000)
    response = spooled(tmp_path, b"[" + b"1," * 5000 + b"1]")
    data, whole = shown_bytes(response)
    assert len(data) == 1000 and not whole
    body = load_body(response)
    assert not body.is_json and not body.complete and body.size == 10003
    assert body.json_error == "more than 1000 bytes: not shown as a tree (save the body to read all of it)"
    assert list(text_chunks(response, 100))[-1].startswith("\n[only the first 1000 bytes are shown")
