"""Writing an imported tree: names that repeat in a folder (in any letter case) get numbered
files, a second import of the same thing changes nothing, and the batched writer cleans the
temp files a killed save left and keeps what another save is writing now."""

from __future__ import annotations

import json
import os
import time

from workbench.core.common.storage import STALE_TEMP_SECONDS, atomic_write_texts
from workbench.core.interop.draft_files import read_tree, write_tree
from workbench.core.request.drafts import RequestDraft


def test_names_repeating_in_a_folder_get_numbered_files_in_order(tmp_path):
    names = ["Get app", "get APP", "Get app", "Get app-2", "Create", "Get app"]
    entries = [("folder", "Apps", [("request", RequestDraft(name=n, operation="GetApp")) for n in names])]
    written = write_tree(tmp_path, entries)
    files = [p.name for p in written]
    assert len(set(n.lower() for n in files)) == len(names)  # one file each, even where case differs
    order = json.loads((tmp_path / "Apps" / "order.json").read_text())
    assert [os.path.basename(n) for n in order] == files
    assert [r.draft.name for r in read_tree(tmp_path)] == names
    assert write_tree(tmp_path, entries) == written  # the same import again: nothing differs


def test_the_batched_writer_sweeps_only_stale_temps_of_the_files_it_writes(tmp_path):
    stale = tmp_path / ".a.json.abcd1234.tmp"
    fresh = tmp_path / ".b.json.efgh5678.tmp"
    other = tmp_path / ".c.json.ijkl9012.tmp"
    for temp in (stale, fresh, other):
        temp.write_text("half a save")
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic_write_texts([(tmp_path / "a.json", "1\n"), (tmp_path / "b.json", "2\n"), (tmp_path / "sub" / "d.json", "4\n")])
    assert (tmp_path / "a.json").read_text() == "1\n" and (tmp_path / "sub" / "d.json").read_text() == "4\n"
    assert not stale.exists() and fresh.exists() and other.exists()  # c.json was not written: its temp is not ours to judge
    assert oct((tmp_path / "a.json").stat().st_mode & 0o777) == "0o600"


def test_a_saved_draft_finds_the_variables_of_the_collection_it_is_in(tmp_path):
    from workbench.core.interop.draft_files import CollectionInfo, collection_variables_of, write_tree
    from workbench.core.request.drafts import RequestDraft

    [nested] = write_tree(tmp_path / "c", [("folder", "Apps", [("folder", "One", [("request", RequestDraft(name="GetApp", operation="pinpoint:GetApp"))])])],
                          info=CollectionInfo("c", variables=(("projectId", "p1"),)))
    assert nested.parent != tmp_path / "c"
    assert collection_variables_of(nested) == {"projectId": "p1"}  # from any depth below the collection
    loose = tmp_path / "loose" / "x.request.json"
    loose.parent.mkdir()
    assert collection_variables_of(loose) == {}  # in no collection
