"""Postman collection (schema v2.0 / v2.1) -> request drafts, folders kept as folders.

Pure data in, data out: nothing is written and no script is run. Each request becomes a
`RequestDraft`; where its method and path match a library operation it is linked to it
(validation, docs, diagnosis), and the host then comes from the environment. Whatever
could not be carried over is said in a note on that request; one bad request never stops
the others. Secrets written literally into a collection are never kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.interop import jsonfile
from workbench.core.interop.draft_files import CollectionInfo
from workbench.core.interop.jsonfile import ForeignFileError
from workbench.core.interop.postman_request import (ImportedRequest, Inherited, RequestReader, Skip, description_of,
                                                    event_sources, own_auth)
from workbench.core.interop.postman_url import text
from workbench.core.interop.scripts import ScriptReading, read_script
from workbench.core.library.templates import Library, default_library

SCHEMAS = {"v2.0.0": "v2.0", "v2.1.0": "v2.1"}
MAX_FOLDER_DEPTH = 16


class NotAPostmanCollection(ForeignFileError):
    """The text is not a Postman collection this version reads; `reason` names why (a stable
    word: not_text, not_json, not_an_object, postman_environment, collection_v1,
    no_info_or_item, unsupported_schema), `detail` says it in words."""

    code = "not_a_postman_collection"


@dataclass(frozen=True)
class ImportedFolder:
    name: str
    description: str = ""
    children: tuple["ImportedFolder | ImportedRequest", ...] = ()


@dataclass(frozen=True)
class CollectionImport:
    name: str
    schema: str
    root: ImportedFolder
    notes: tuple[str, ...] = ()  # about the collection as a whole
    damage: str = ""  # the file was damaged: only part of it was read
    variables: tuple[tuple[str, str], ...] = ()  # the collection scope (below the environment's)

    @property
    def description(self) -> str:
        return self.root.description

    def info(self) -> CollectionInfo:
        """What the collection keeps beside its drafts (draft_files.COLLECTION_FILE)."""
        return CollectionInfo(self.name, self.description, self.variables)

    def requests(self) -> list[tuple[tuple[str, ...], ImportedRequest]]:
        found: list = []

        def walk(folder: ImportedFolder, path: tuple[str, ...]) -> None:
            for child in folder.children:
                if isinstance(child, ImportedFolder):
                    walk(child, path + (child.name,))
                else:
                    found.append((path, child))

        walk(self.root, ())
        return found

    @property
    def imported(self) -> int:
        return len(self.requests())

    @property
    def linked(self) -> int:
        return sum(1 for _, request in self.requests() if request.linked)

    def summary(self) -> dict:
        items = [
            {"item": " / ".join(path + (request.name,)), "operation": request.draft.operation, "notes": list(request.notes)}
            for path, request in self.requests()
        ]
        data = {"name": self.name, "schema": self.schema, "imported": self.imported, "linked": self.linked,
                "collection_variables": [name for name, _ in self.variables],
                "collection_notes": list(self.notes), "notes": [item for item in items if item["notes"]], "items": items}
        if self.damage:
            data["damage"] = self.damage
        return data


def load_collection(path: Path | str, library: Library | None = None) -> CollectionImport:
    raw = jsonfile.read_bytes(path)  # a file that cannot be read at all stays a ForeignFileError
    try:
        text = jsonfile.decode(raw, str(path))
    except ForeignFileError as exc:
        raise NotAPostmanCollection(source=str(path), reason="not_text", detail=exc.fields["detail"]) from None
    return parse_collection(text, source=str(path), library=library)


def parse_collection(text: str, source: str = "<input>", library: Library | None = None) -> CollectionImport:
    try:
        read = jsonfile.parse(text, source, "Postman collection")
    except ForeignFileError as exc:
        raise NotAPostmanCollection(source=source, reason="not_json", detail=exc.fields["detail"]) from None
    data = read.data
    fail = lambda reason, detail: NotAPostmanCollection(source=source, reason=reason, detail=detail)  # noqa: E731
    if not isinstance(data, dict):
        raise fail("not_an_object", "not a Postman collection: expected a JSON object with \"info\" and \"item\"")
    if isinstance(data.get("values"), list):
        raise fail("postman_environment", "this is a Postman environment, not a collection (import it as an environment)")
    if "requests" in data and "order" in data:
        raise fail("collection_v1", "this is a Postman collection v1 export; export it again as Collection v2.1 from Postman")
    if isinstance(data.get("collection"), dict):  # the Postman API wraps exports in {"collection": ...}
        data = data["collection"]
    info = data.get("info")
    items = data.get("item")
    if not isinstance(info, dict) or not isinstance(items, list):
        raise fail("no_info_or_item", "not a Postman collection: expected an object with \"info\" and an \"item\" array")
    notes: list[str] = []
    schema_url = str(info.get("schema", ""))
    schema = next((label for key, label in SCHEMAS.items() if key in schema_url), "")
    if not schema:
        if "schema.getpostman.com" in schema_url or "schema.postman.com" in schema_url:
            raise fail("unsupported_schema", f"collection schema {schema_url!r} is not supported (v2.0 and v2.1 are)")
        notes.append(f"no known schema in info.schema ({schema_url or 'none'}); read as v2.1")
        schema = "v2.1"
    collection_variables = dict(_variables(data.get("variable")))
    importer = _Importer(library or default_library(), notes, collection_variables)
    inherited = Inherited(auth=own_auth(data), scripts=_scripts(data, "collection"))
    root = importer.folder(str(info.get("name") or "Postman collection"), description_of(info), items, inherited, (), "$.item")
    if read.damage:
        notes.insert(0, read.damage)
    return CollectionImport(root.name, schema, root, tuple(notes), read.damage, tuple(collection_variables.items()))


def _variables(variables) -> list[tuple[str, str]]:
    """The enabled `variable` entries of a collection (or folder) as (name, value)."""
    return [(item["key"], text(item.get("value"))) for item in (variables if isinstance(variables, list) else [])
            if isinstance(item, dict) and isinstance(item.get("key"), str) and item.get("disabled") is not True]


def _scripts(node, where: str) -> tuple:
    """Readings of `node`'s pre-request scripts; a collection's or folder's test script only
    as a note (a request's own test script is read into saves and assertions)."""
    readings = []
    for listen, source in event_sources(node):
        if listen == "prerequest":
            readings.append(read_script(source, f"{where} pre-request script"))
        elif listen == "test":
            readings.append(ScriptReading(skipped=(f"{where}: test script not imported (a folder's tests would apply to every request)",)))
    return tuple(readings)


def _safe_name(value, fallback: str) -> str:
    return (text(value).strip() or fallback)[:120]


class _Importer:
    def __init__(self, library: Library, notes: list[str], collection_variables: dict[str, str]):
        self.notes = notes
        self.collection_variables = collection_variables
        self.reader = RequestReader(library, collection_variables)
        self.flattened = False

    def folder(self, name, description, items, inherited: Inherited, path: tuple[str, ...], where: str) -> ImportedFolder:
        children: list = []
        self._items(items, inherited, path, where, children)
        return ImportedFolder(name, description, tuple(children))

    def _items(self, items, inherited: Inherited, path, where, children: list) -> None:
        for index, item in enumerate(items):
            location = f"{where}[{index}]"
            if not isinstance(item, dict):
                self.notes.append(f"{location}: not an item object; skipped")
                continue
            name = _safe_name(item.get("name"), f"item {index + 1}")
            label = " / ".join(path + (name,))
            if isinstance(item.get("item"), list):  # a folder
                self._folder_variables(item, label)
                inner = Inherited(auth=own_auth(item) or inherited.auth,
                                  scripts=inherited.scripts + _scripts(item, f"folder {label}"))
                if len(path) >= MAX_FOLDER_DEPTH:
                    if not self.flattened:
                        self.notes.append(f"{label}: folders nest deeper than {MAX_FOLDER_DEPTH} levels; deeper requests are kept in their level-{MAX_FOLDER_DEPTH} folder")
                        self.flattened = True
                    self._items(item["item"], inner, path, f"{location}.item", children)
                    continue
                children.append(self.folder(name, description_of(item), item["item"], inner, path + (name,), f"{location}.item"))
            elif "request" in item:
                try:
                    children.append(self.reader.read(item, name, inherited))
                except Skip as exc:
                    self.notes.append(f"{label}: not imported: {exc}")
            else:
                self.notes.append(f"{label}: neither a request nor a folder; skipped")

    def _folder_variables(self, folder: dict, label: str) -> None:
        """A folder's `variable`s (not in Postman's schema, written by some tools) join the
        collection scope; a name the collection already has keeps the collection's value."""
        for key, value in _variables(folder.get("variable")):
            if self.collection_variables.setdefault(key, value) != value:
                self.notes.append(f"folder {label}: variable {key} differs from the collection's; the collection's is kept")


def tree_entries(folder: ImportedFolder) -> list:
    """The folder as ("folder", name, children) / ("request", draft) entries for a writer."""
    return [
        ("folder", child.name, tree_entries(child)) if isinstance(child, ImportedFolder) else ("request", child.draft)
        for child in folder.children
    ]


