"""The user-cache file of derived data: used when its fingerprint matches, built again (and
rewritten whole) when it is missing, stale, damaged or of a shape the caller cannot use."""

from __future__ import annotations

import json
import os

import pytest

from workbench.core.common.derived_cache import cache_dir, cached, file_stamps


@pytest.fixture
def environ(tmp_path):
    return {"XDG_CACHE_HOME": str(tmp_path / "cache")}


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_built_once_then_read_while_the_fingerprint_holds(environ):
    build, calls = counting({"a": [1, 2]})
    assert cached("x.json", ["v1"], build, environ=environ) == {"a": [1, 2]}
    assert cached("x.json", ("v1",), build, environ=environ) == {"a": [1, 2]}  # a tuple fingerprint reads back as a list
    assert len(calls) == 1
    assert cached("x.json", ["v2"], build, environ=environ) == {"a": [1, 2]} and len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"{not json", b"\x00\xff" * 50, b'{"format": 1}', b"[1, 2]",
                                    b'{"format": 1, "fingerprint": ["v1"]}', b"[" * 100000])
def test_a_damaged_file_is_built_again_and_replaced(environ, damage):
    build, calls = counting({"ok": True})
    cached("x.json", ["v1"], build, environ=environ)
    path = cache_dir(environ) / "x.json"
    path.write_bytes(damage)
    assert cached("x.json", ["v1"], build, environ=environ) == {"ok": True} and len(calls) == 2
    assert json.loads(path.read_text())["data"] == {"ok": True}


def test_kept_data_the_caller_cannot_convert_is_built_again(environ):
    build, calls = counting({"n": 3})
    cached("x.json", ["v1"], build, environ=environ)
    path = cache_dir(environ) / "x.json"
    path.write_text(json.dumps({"format": 1, "fingerprint": ["v1"], "data": {"n": "three"}}))
    assert cached("x.json", ["v1"], build, environ=environ, convert=lambda d: d["n"] + 1) == 4
    assert len(calls) == 2


def test_a_cache_dir_that_cannot_be_written_costs_only_the_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    build, calls = counting([1])
    environ = {"XDG_CACHE_HOME": str(blocker)}
    assert cached("x.json", ["v1"], build, environ=environ) == [1]
    assert cached("x.json", ["v1"], build, environ=environ) == [1] and len(calls) == 2


def test_file_stamps_change_with_the_file(tmp_path):
    path = tmp_path / "data.json"
    assert file_stamps([path]) == [[str(path), None, None]]
    path.write_text("{}")
    first = file_stamps([path])
    path.write_text("{\"a\": 1}")
    os.utime(path, ns=(first[0][2] + 10**9, first[0][2] + 10**9))
    assert file_stamps([path]) != first
