"""storage.py: atomic writes, versioned loads, migrations, backups of broken files."""

from __future__ import annotations

import json
import os

import pytest

from workbench.core.common.storage import atomic_write_json, load_json_versioned


def test_atomic_write_is_stable_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "sub" / "f.json"
    atomic_write_json(path, {"b": 1, "a": {"d": 2, "c": [1, 2]}})
    text = path.read_text()
    assert text == '{\n  "a": {\n    "c": [\n      1,\n      2\n    ],\n    "d": 2\n  },\n  "b": 1\n}\n'
    atomic_write_json(path, {"a": 1})
    assert json.loads(path.read_text()) == {"a": 1}
    assert sorted(p.name for p in path.parent.iterdir()) == ["f.json"]
    assert oct(os.stat(path).st_mode & 0o777) == oct(0o600)


def test_atomic_write_failure_keeps_old_file(tmp_path):
    path = tmp_path / "f.json"
    atomic_write_json(path, {"keep": True})
    with pytest.raises(TypeError):
        atomic_write_json(path, {"bad": object()})
    assert json.loads(path.read_text()) == {"keep": True}
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_missing_file_is_not_an_error(tmp_path):
    result = load_json_versioned(tmp_path / "none.json", 1, {})
    assert result.data is None and result.error is None


def test_bad_json_is_moved_aside_with_line_and_column(tmp_path):
    path = tmp_path / "f.json"
    path.write_text('{\n  "a": 1,\n  "b": \n}\n')
    result = load_json_versioned(path, 1, {})
    assert result.data is None
    err = result.error
    assert err.detail == "invalid JSON at line 4, column 1: Expecting value"
    assert str(path) in str(err)
    assert not path.exists()
    assert err.backup.parent == tmp_path and err.backup.name.startswith("f.json.") and err.backup.suffix == ".bak"
    assert err.backup.read_text() == '{\n  "a": 1,\n  "b": \n}\n'
    assert str(err.backup) in str(err)


def test_second_broken_file_gets_its_own_backup(tmp_path):
    path = tmp_path / "f.json"
    backups = []
    for content in ("[1]", "nope"):
        path.write_text(content)
        backups.append(load_json_versioned(path, 1, {}).error.backup)
    assert backups[0] != backups[1]
    assert [b.read_text() for b in backups] == ["[1]", "nope"]


@pytest.mark.parametrize(
    "content, detail",
    [
        ("[]", "expected a JSON object at the top level, found an array"),
        ('{"schema_version": "x"}', 'schema_version must be a positive integer, found "x"'),
        ('{"schema_version": 9}', "schema_version 9 was written by a newer Pinpoint Workbench (this one reads up to 2)"),
        (b"\xff\xfe{}", "not UTF-8 text (byte 0 is 0xff) at line 1, column 1"),
    ],
)
def test_shape_errors(tmp_path, content, detail):
    path = tmp_path / "f.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    result = load_json_versioned(path, 2, {1: lambda d: d})
    assert result.error.detail == detail
    assert result.error.backup.exists()


def test_migrations_run_in_order_from_the_file_version(tmp_path):
    path = tmp_path / "f.json"
    path.write_text('{"old": 1}')  # no version: version 1

    def from_1(doc):
        doc["new"] = doc.pop("old")
        return doc

    def from_2(doc):
        doc["new"] += 10
        return doc

    result = load_json_versioned(path, 3, {1: from_1, 2: from_2})
    assert result.data == {"new": 11, "schema_version": 3}
    assert result.migrated_from == 1
    assert path.exists()  # a migration does not move the file


def test_missing_migration_is_reported(tmp_path):
    path = tmp_path / "f.json"
    path.write_text('{"schema_version": 1}')
    result = load_json_versioned(path, 2, {})
    assert result.error.detail == "no migration from schema_version 1"
