"""The library read through its one-file cache is the library read from its files: the same
templates and problems, a changed, added or removed file seen at once, a damaged cache
rebuilt (never an error)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from workbench.core.common.derived_cache import cache_dir
from workbench.core.common.resources import LIBRARY_DIR
from workbench.core.library import templates
from workbench.core.library.library_cache import cache_name
from workbench.core.library.templates import library_at
from workbench.core.library.templates import load_library


@pytest.fixture
def environ(tmp_path):
    return {"XDG_CACHE_HOME": str(tmp_path / "cache")}


@pytest.fixture
def library(tmp_path):
    root = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, root)
    return root


REAL_READ = templates.read_template_file  # load_library reads through the same name: patch, count, compare


def files_read(monkeypatch) -> list:
    read = []
    real = REAL_READ  # not the attribute: a patch earlier in the same test would be counted twice
    monkeypatch.setattr(templates, "read_template_file", lambda path, rel: read.append(rel) or real(path, rel))
    return read


def same(a, b) -> bool:
    return a.templates == b.templates and a.problems == b.problems


def test_the_installed_library_is_the_same_through_the_cache_and_read_once(environ, monkeypatch):
    read = files_read(monkeypatch)
    first = library_at(LIBRARY_DIR, environ)
    assert len(read) == len(first) == 278 and not first.problems
    second = library_at(LIBRARY_DIR, environ)
    assert len(read) == 278  # the second time, no template file was opened
    assert same(first, second) and same(second, load_library(LIBRARY_DIR))


def test_a_changed_added_removed_or_broken_file_is_seen(library, environ):
    library_at(library, environ)
    get_apps = library / "pinpoint" / "apps" / "GetApps.json"
    data = json.loads(get_apps.read_text())
    data["documentation"] = "Changed by hand."
    get_apps.write_text(json.dumps(data))
    assert library_at(library, environ).get("pinpoint", "GetApps").documentation == "Changed by hand."
    shutil.copy(get_apps, library / "pinpoint" / "apps" / "Extra.json")
    (library / "pinpoint" / "apps" / "GetApp.json").unlink()
    (library / "pinpoint" / "apps" / "Broken.json").write_text('{"schema_version": 1,')
    (library / "pinpoint" / "apps" / "Wrong.json").write_text("[1, 2]")
    through_cache = library_at(library, environ)
    assert same(through_cache, load_library(library))
    assert len(through_cache) == 278  # one added (a second GetApps), one removed
    assert {p.path for p in through_cache.problems} == {"pinpoint/apps/Broken.json", "pinpoint/apps/Wrong.json"}
    assert "not valid JSON" in next(p.message for p in through_cache.problems if p.path.endswith("Broken.json"))
    with pytest.raises(KeyError):
        through_cache.get("pinpoint", "GetApp")


@pytest.mark.parametrize("damage", ["", "{", "\x00garbage", '{"format": 1, "fingerprint": 3, "data": []}',
                                    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["])
def test_a_damaged_cache_is_rebuilt(library, environ, damage):
    library_at(library, environ)
    path = cache_dir(environ) / cache_name(library)
    path.write_text(damage)
    assert same(library_at(library, environ), load_library(library))
    assert json.loads(path.read_text())["format"] == 1  # written again, whole


def test_a_cache_with_the_right_fingerprint_but_the_wrong_contents_is_rebuilt(library, environ, monkeypatch):
    library_at(library, environ)
    path = cache_dir(environ) / cache_name(library)
    kept = json.loads(path.read_text())
    for wrong in ([], kept["data"][:-1], [[rel, "problem", 3] for rel, _, _ in kept["data"]],
                  [["elsewhere.json", kind, value] for _, kind, value in kept["data"]]):
        path.write_text(json.dumps(kept | {"data": wrong}))
        expected = load_library(library)
        read = files_read(monkeypatch)
        assert same(library_at(library, environ), expected)
        assert len(read) == 278


def test_a_cache_that_cannot_be_written_still_gives_the_library(library, tmp_path):
    (tmp_path / "blocked").write_text("a file where the cache folder would be")
    environ = {"XDG_CACHE_HOME": str(tmp_path / "blocked")}
    assert same(library_at(library, environ), load_library(library))
    assert same(library_at(library, environ), load_library(library))


def test_a_missing_library_folder_is_a_problem_not_an_error(tmp_path, environ):
    missing = library_at(tmp_path / "nowhere", environ)
    assert len(missing) == 0 and "does not exist" in missing.problems[0].message


def test_two_libraries_keep_two_caches(library, environ):
    library_at(library, environ)
    library_at(LIBRARY_DIR, environ)
    assert len([p for p in os.listdir(cache_dir(environ)) if p.startswith("library-")]) == 2
