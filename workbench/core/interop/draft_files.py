"""Imported requests to and from the core's collection folders (request_collections): one
`*.request.json` draft per request, sub-folders as folders, `order.json` keeping the order.

`write_tree` writes a whole imported tree at once (the core adds one request or folder at a
time) and never replaces a file that differs from what it would write unless told to;
`read_tree` flattens a collection to (folder path, draft) in order for the runner and the
exporters.

`collection.json` at the root keeps what belongs to the collection rather than to one
request: its name, description and variables (Postman's collection scope: below the
environment's, so they never hide its values or a value an earlier request saved).
`read_collection_info` reads it (defaults when there is none).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.core.request.drafts import RequestDraft, draft_to_file_dict, load_draft
from workbench.core.common.errors import WorkbenchError
from workbench.core.request.collections import ORDER_FILE, CollectionFolder, file_name_for, load_collection, read_order
from workbench.core.common.storage import atomic_write_texts, dumps_stable


COLLECTION_FILE = "collection.json"


class CollectionFilesError(WorkbenchError):
    fmt = "{path}: {detail}"


@dataclass(frozen=True)
class CollectionInfo:
    name: str
    description: str = ""
    variables: tuple[tuple[str, str], ...] = ()  # the collection scope

    def to_dict(self) -> dict:
        data: dict = {"schema_version": 1, "name": self.name}
        if self.description:
            data["description"] = self.description
        if self.variables:
            data["variables"] = [list(pair) for pair in self.variables]
        return data


def read_collection_info(root: Path | str) -> CollectionInfo:
    """The collection's name (default: its folder's), description and variables."""
    root = Path(root)
    path = root / COLLECTION_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return CollectionInfo(root.resolve().name)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CollectionFilesError(path=str(path), detail=f"not a collection file ({exc})") from None
    variables = data.get("variables", []) if isinstance(data, dict) else None
    if not (isinstance(data, dict) and isinstance(data.get("name", ""), str) and isinstance(data.get("description", ""), str)
            and isinstance(variables, list)
            and all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in variables)):
        raise CollectionFilesError(path=str(path), detail='expected {"name": ..., "description": ..., "variables": [[name, value], ...]}')
    return CollectionInfo(data.get("name") or root.resolve().name, data.get("description", ""),
                          tuple((k, v) for k, v in variables))


def collection_variables_of(draft_path: Path | str, max_depth: int = 32) -> dict[str, str]:
    """The collection scope of a saved draft: the variables of the nearest folder above it
    that holds a COLLECTION_FILE (Postman's collection variables, as `run` gives them to
    every request of its folder); {} for a draft in no collection."""
    folder = Path(draft_path).parent
    for _ in range(max_depth):
        if (folder / COLLECTION_FILE).is_file():
            return dict(read_collection_info(folder).variables)
        if folder.parent == folder:
            break
        folder = folder.parent
    return {}


@dataclass(frozen=True)
class StoredRequest:
    folder: tuple[str, ...]
    draft: RequestDraft
    path: Path


def folder_file_name(name: str) -> str:
    """A folder name kept as written (':' and '&' included), minus what no file system takes."""
    stem = re.sub(r'[/\\\x00-\x1f]', "-", name).strip().lstrip(".")
    return (stem or "folder")[:100]


class WouldOverwrite(WorkbenchError):
    """Importing would replace drafts that differ from what the import writes (edited since)."""

    fmt = "{into}: {count} file(s) already there differ from what this import would write: {listing}"
    remedy = "overwrite"


def planned_files(root: Path, entries) -> list[tuple[Path, str]]:
    """Every file `write_tree` would write for `entries` (("folder", name, children) |
    ("request", draft)), with its text. A folder's order keeps the names already in its
    order.json first (the user's order), then the imported ones not in it yet."""
    files: list[tuple[Path, str]] = []
    names: list[str] = []
    taken: set[str] = set()  # lower-cased: names differing only in case are one file on some systems
    next_suffix: dict[str, int] = {}  # per repeated name, the suffix to try first: linear however often it repeats
    for entry in entries:
        name = folder_file_name(entry[1]) if entry[0] == "folder" else file_name_for(entry[1].name or entry[1].operation or "request")
        base = name
        n = next_suffix.get(base.lower(), 2)
        while name.lower() in taken:
            name = f"{base}-{n}" if entry[0] == "folder" else base.replace(".request.json", f"-{n}.request.json")
            n += 1
        next_suffix[base.lower()] = n
        names.append(name)
        taken.add(name.lower())
        if entry[0] == "folder":
            files += planned_files(root / name, entry[2])
        else:
            files.append((root / name, dumps_stable(draft_to_file_dict(entry[1]))))
    kept = read_order(root)
    known = set(kept)
    files.append((root / ORDER_FILE, dumps_stable(kept + [n for n in names if n not in known])))
    return files


def _differs(path: Path, text: str) -> bool:
    """Whether the file at `path` holds something other than `text` (as JSON: a file only
    formatted differently holds the same)."""
    try:
        existing = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    except (OSError, UnicodeDecodeError):  # a folder or an unreadable file in the way
        return True
    try:
        return json.loads(existing) != json.loads(text)
    except ValueError:
        return True


def write_tree(root: Path, entries, *, overwrite: bool = False, info: CollectionInfo | None = None) -> list[Path]:
    """Write `entries` under `root` (and `info` as its COLLECTION_FILE); the drafts written. A
    file already there that differs from what would be written is replaced only with
    `overwrite`; otherwise nothing is written and WouldOverwrite lists them (importing the
    same thing again changes nothing)."""
    files = planned_files(root, entries)
    if info is not None:
        files.append((root / COLLECTION_FILE, dumps_stable(info.to_dict())))
    differing = [path for path, text in files if _differs(path, text)]
    if differing and not overwrite:
        shown = [str(p.relative_to(root)) for p in differing]
        listing = ", ".join(shown[:10]) + (f" and {len(shown) - 10} more" if len(shown) > 10 else "")
        raise WouldOverwrite(into=str(root), count=len(shown), paths=shown, listing=listing)
    atomic_write_texts(files)  # each folder read once and made durable once
    return [path for path, _ in files if path.name not in (ORDER_FILE, COLLECTION_FILE)]


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


def keep_secrets(entries, keep) -> tuple[list, tuple]:
    """`entries` (as `write_tree` takes them) with each draft's secrets kept by `keep(draft)`
    -> (draft as it may be written, [DraftSecret]) (GlobalsStore.keep_draft_secrets: the
    keyring, never the files), and every secret kept, each name once."""
    kept: dict = {}

    def walk(items) -> list:
        out = []
        for entry in items:
            if entry[0] == "folder":
                out.append(("folder", entry[1], walk(entry[2])))
                continue
            draft, secrets = keep(entry[1])
            kept.update({secret.name: secret for secret in secrets})
            out.append(("request", draft))
        return out

    return walk(entries), tuple(kept.values())


def keep_collection_secrets(info: CollectionInfo, keep) -> tuple[CollectionInfo, tuple]:
    """The collection's variables with its secrets (an `apiSecret` collection variable) kept by
    `keep(draft)` (GlobalsStore.keep_draft_secrets: the keyring), never in collection.json;
    and the secrets kept."""
    from dataclasses import replace

    draft, secrets = keep(RequestDraft(name=info.name, variables=info.variables))
    return replace(info, variables=tuple(draft.variables)), tuple(secrets)
