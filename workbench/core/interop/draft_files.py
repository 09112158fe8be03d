"""A collection on disk: a folder of draft files (one request per file), sub-folders as
folders, and an order file in each folder keeping the requests in their order.

This is the interop side's reader/writer until the core's collection files land; the
format is the draft's own `to_dict()`, so the switch changes only this module.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.core.drafts import DraftInvalid, RequestDraft
from workbench.core.errors import WorkbenchError

ORDER_FILE = ".order.json"
FOLDER_FILE = ".folder.json"  # the folder's own name (file names drop characters like ':') and description
SUFFIX = ".json"


class CollectionFilesError(WorkbenchError):
    fmt = "{path}: {detail}"


@dataclass(frozen=True)
class StoredRequest:
    folder: tuple[str, ...]
    draft: RequestDraft
    path: Path


def file_stem(name: str) -> str:
    """A file or folder name for `name`: readable, portable, never empty or hidden."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", name).strip().strip(".")
    return (stem or "request")[:80]


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_tree(root: Path, entries, name: str = "", description: str = "") -> list[Path]:
    """Write `entries` (("folder", name, children[, description]) | ("request", draft)) under `root`."""
    written: list[Path] = []
    root.mkdir(parents=True, exist_ok=True)
    if name or description:
        _write_json(root / FOLDER_FILE, {k: v for k, v in (("name", name), ("description", description)) if v})
    order: list[str] = []
    taken: set[str] = set()
    for entry in entries:
        base = file_stem(entry[1] if entry[0] == "folder" else entry[1].name)
        name, n = base, 2
        while name.lower() in taken:
            name, n = f"{base} ({n})", n + 1
        taken.add(name.lower())
        if entry[0] == "folder":
            written += write_tree(root / name, entry[2], entry[1], entry[3] if len(entry) > 3 else "")
            order.append(name + "/")
        else:
            path = root / (name + SUFFIX)
            _write_json(path, entry[1].to_dict())
            written.append(path)
            order.append(name + SUFFIX)
    _write_json(root / ORDER_FILE, order)
    return written


def read_tree(root: Path | str, folder: tuple[str, ...] = ()) -> list[StoredRequest]:
    """Every draft under `root` in collection order (the order file, then any others by name)."""
    root = Path(root)
    if not root.is_dir():
        raise CollectionFilesError(path=str(root), detail="not a folder of requests")
    names = _ordered_names(root)
    found: list[StoredRequest] = []
    for name in names:
        path = root / name.rstrip("/")
        if path.is_dir():
            found += read_tree(path, folder + (folder_name(path),))
        elif path.suffix == SUFFIX and path.is_file():
            found.append(StoredRequest(folder, read_draft(path), path))
    return found


def folder_name(path: Path) -> str:
    try:
        data = json.loads((path / FOLDER_FILE).read_text(encoding="utf-8"))
        return str(data["name"]) if isinstance(data, dict) and data.get("name") else path.name
    except (OSError, ValueError):
        return path.name


def read_draft(path: Path) -> RequestDraft:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CollectionFilesError(path=str(path), detail=f"cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise CollectionFilesError(path=str(path), detail=f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    try:
        return RequestDraft.from_dict(data, where=path.name)
    except DraftInvalid as exc:
        raise CollectionFilesError(path=str(path), detail=str(exc)) from None


def _ordered_names(root: Path) -> list[str]:
    present = sorted(
        p.name + ("/" if p.is_dir() else "")
        for p in root.iterdir()
        if not p.name.startswith(".") and (p.is_dir() or p.suffix == SUFFIX)
    )
    order_path = root / ORDER_FILE
    listed: list[str] = []
    if order_path.is_file():
        try:
            data = json.loads(order_path.read_text(encoding="utf-8"))
            listed = [n for n in data if isinstance(n, str)] if isinstance(data, list) else []
        except (OSError, ValueError):
            listed = []
    ordered = [n for n in listed if n in present]
    return ordered + [n for n in present if n not in ordered]


def select_folder(requests: list[StoredRequest], folder: str) -> list[StoredRequest]:
    """The requests in `folder` ("Apps" or "Email API/Email: Tags") and below it."""
    wanted = tuple(part for part in folder.strip("/").split("/") if part)
    chosen = [r for r in requests if r.folder[: len(wanted)] == wanted]
    if not chosen:
        folders = sorted({"/".join(r.folder) for r in requests if r.folder})
        raise CollectionFilesError(path=folder, detail=f"no such folder; folders: {', '.join(folders) or 'none'}")
    return chosen
