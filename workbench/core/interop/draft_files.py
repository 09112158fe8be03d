"""Imported requests to and from the core's collection folders (request_collections): one
`*.request.json` draft per request, sub-folders as folders, `order.json` keeping the order.

`write_tree` writes a whole imported tree at once (the core adds one request or folder at a
time); `read_tree` flattens a collection to (folder path, draft) in order for the runner
and the exporters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from workbench.core.drafts import RequestDraft, load_draft, save_draft
from workbench.core.errors import WorkbenchError
from workbench.core.request_collections import CollectionFolder, file_name_for, load_collection, write_order


class CollectionFilesError(WorkbenchError):
    fmt = "{path}: {detail}"


@dataclass(frozen=True)
class StoredRequest:
    folder: tuple[str, ...]
    draft: RequestDraft
    path: Path


def folder_file_name(name: str) -> str:
    """A folder name kept as written (':' and '&' included), minus what no file system takes."""
    stem = re.sub(r'[/\\\x00-\x1f]', "-", name).strip().lstrip(".")
    return (stem or "folder")[:100]


def write_tree(root: Path, entries) -> list[Path]:
    """Write `entries` (("folder", name, children) | ("request", draft)) under `root`; files
    already there with the same names are replaced (importing again updates)."""
    written: list[Path] = []
    root.mkdir(parents=True, exist_ok=True)
    order: list[str] = []
    for entry in entries:
        name = folder_file_name(entry[1]) if entry[0] == "folder" else file_name_for(entry[1].name or entry[1].operation or "request")
        base, n = name, 2
        while name.lower() in (o.lower() for o in order):
            name = f"{base}-{n}" if entry[0] == "folder" else base.replace(".request.json", f"-{n}.request.json")
            n += 1
        order.append(name)
        if entry[0] == "folder":
            written += write_tree(root / name, entry[2])
        else:
            save_draft(root / name, entry[1])
            written.append(root / name)
    write_order(root, order)
    return written


def read_tree(root: Path | str) -> list[StoredRequest]:
    """Every draft under `root` in collection order; a located error if any file is not a draft."""
    collection = load_collection(root)  # CollectionError names the folder
    if collection.problems:
        raise CollectionFilesError(path=str(root), detail="; ".join(str(p) for p in collection.problems))
    found: list[StoredRequest] = []

    def walk(folder: CollectionFolder, path: tuple[str, ...]) -> None:
        for item in folder.items:
            if isinstance(item, CollectionFolder):
                walk(item, path + (item.name,))
            else:
                found.append(StoredRequest(path, item.draft, item.path))

    walk(collection, ())
    return found


def read_draft(path: Path) -> RequestDraft:
    return load_draft(path)


def select_folder(requests: list[StoredRequest], folder: str) -> list[StoredRequest]:
    """The requests in `folder` ("Apps" or "Email API/Email: Tags") and below it."""
    wanted = tuple(part for part in folder.strip("/").split("/") if part)
    chosen = [r for r in requests if r.folder[: len(wanted)] == wanted]
    if not chosen:
        folders = sorted({"/".join(r.folder) for r in requests if r.folder})
        raise CollectionFilesError(path=folder, detail=f"no such folder; folders: {', '.join(folders) or 'none'}")
    return chosen
