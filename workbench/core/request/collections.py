"""Collections: folders of draft files. A folder nests folders and `*.request.json` files;
an optional `order.json` in a folder lists its entries (file and folder names) in order,
and anything it does not list follows, by name. Loading never stops at a bad file: it
becomes a Problem naming the file, and the rest loads.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.request.drafts import DRAFT_SUFFIX, DraftInvalid, RequestDraft, load_draft, save_draft
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common import safe_json
from workbench.core.common.storage import atomic_write_json, read_limited

ORDER_FILE = "order.json"


class CollectionError(WorkbenchError):
    fmt = "{path}: {detail}"


@dataclass
class CollectionRequest:
    name: str  # the file name without .request.json
    path: Path
    draft: RequestDraft


@dataclass
class CollectionFolder:
    name: str
    path: Path
    items: list = field(default_factory=list)  # CollectionFolder | CollectionRequest, in order
    problems: list[Problem] = field(default_factory=list)  # of this folder and everything below

    def requests(self) -> list[CollectionRequest]:
        """Every request below this folder, depth first, in order."""
        found = []
        for item in self.items:
            found += item.requests() if isinstance(item, CollectionFolder) else [item]
        return found


def file_name_for(name: str) -> str:
    """A safe, readable file name for a request called `name`."""
    stem = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "request"
    return stem[:100] + DRAFT_SUFFIX


def read_order(folder: Path) -> list[str]:
    try:
        data = safe_json.loads(read_limited(folder / ORDER_FILE, 1024 * 1024), str(folder / ORDER_FILE))
    except FileNotFoundError:
        return []
    except (OSError, WorkbenchError, ValueError):
        raise CollectionError(path=str(folder / ORDER_FILE), detail="not a JSON list of names") from None
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise CollectionError(path=str(folder / ORDER_FILE), detail="not a JSON list of names")
    return data


def write_order(folder: Path, names: list[str]) -> None:
    atomic_write_json(folder / ORDER_FILE, list(names))


def load_collection(root: Path | str) -> CollectionFolder:
    root = Path(root)
    if not root.is_dir():
        raise CollectionError(path=str(root), detail="not a folder")
    return _load_folder(root)


MAX_FOLDER_DEPTH = 32  # folders in folders; a Postman export nests a handful


def _load_folder(folder: Path, depth: int = 0, seen: frozenset = frozenset()) -> CollectionFolder:
    """One folder, its drafts and (within MAX_FOLDER_DEPTH, each real folder once: a link back
    up is skipped, not followed round) its folders; what cannot be read is a problem."""
    result = CollectionFolder(folder.name, folder)
    try:
        order = read_order(folder)
    except CollectionError as exc:
        result.problems.append(Problem(exc.fields["path"], exc.fields["detail"]))
        order = []
    try:
        real = os.path.realpath(folder)
        entries = {p.name: p for p in folder.iterdir()
                   if (p.is_dir() and not p.name.startswith(".")) or p.name.endswith(DRAFT_SUFFIX)}
    except OSError as exc:
        result.problems.append(Problem(str(folder), f"cannot read the folder: {exc.strerror or exc}"))
        return result
    seen = seen | {real}
    names = [n for n in order if n in entries] + sorted(n for n in entries if n not in order)
    for name in names:
        path = entries[name]
        if path.is_dir():
            if depth + 1 > MAX_FOLDER_DEPTH:
                result.problems.append(Problem(str(path), f"folders nested deeper than {MAX_FOLDER_DEPTH}; not read"))
                continue
            if os.path.realpath(path) in seen:
                result.problems.append(Problem(str(path), "a link back to a folder above it; not followed"))
                continue
            sub = _load_folder(path, depth + 1, seen)
            result.items.append(sub)
            result.problems += sub.problems
            continue
        try:
            result.items.append(CollectionRequest(name[: -len(DRAFT_SUFFIX)], path, load_draft(path)))
        except DraftInvalid as exc:
            result.problems.append(Problem(str(path), str(exc)))
    return result


def add_request(folder: Path | str, draft: RequestDraft, file_name: str | None = None) -> Path:
    """Save `draft` as a new file in `folder` (at the end of its order); returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = file_name or file_name_for(draft.name or draft.operation or "request")
    path = folder / name
    counter = 2
    while path.exists():
        path = folder / name.replace(DRAFT_SUFFIX, f"-{counter}{DRAFT_SUFFIX}")
        counter += 1
    save_draft(path, draft)
    order = read_order(folder)
    if order:
        write_order(folder, order + [path.name])
    return path


def add_folder(parent: Path | str, name: str) -> Path:
    if not name or name.startswith(".") or os.sep in name or (os.altsep and os.altsep in name):
        raise CollectionError(path=str(parent), detail=f"{name!r} is not a folder name")
    path = Path(parent) / name
    path.mkdir(parents=True, exist_ok=False)
    order = read_order(Path(parent))
    if order:
        write_order(Path(parent), order + [name])
    return path


def set_order(folder: Path | str, names: list[str]) -> None:
    """Keep `names` (entries of `folder`) in this order."""
    folder = Path(folder)
    missing = [n for n in names if not (folder / n).exists()]
    if missing:
        raise CollectionError(path=str(folder), detail=f"no such entries: {', '.join(missing)}")
    write_order(folder, names)
