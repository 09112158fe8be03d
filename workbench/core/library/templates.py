"""Load and search requests_library/: one template per operation.

Loading never stops at a bad file: each unreadable or malformed file becomes a Problem
naming the file, and the rest of the library loads.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workbench.core.library.apis import APIS
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common.resources import LIBRARY_DIR

SUPPORTED_SCHEMA = 1


class UnknownOperation(WorkbenchError):
    fmt = "{message}"


class UnknownVariant(UnknownOperation):
    """An example variant the template does not have (fields: operation, variant, variants)."""


@dataclass(frozen=True)
class Variable:
    name: str
    member: str
    location: str  # uri | querystring | header | body
    required: bool
    type: str
    description: str = ""
    enum: tuple[str, ...] = ()
    wire_name: str | None = None


@dataclass(frozen=True)
class QueryParam:
    name: str  # on the wire
    variable: str | None = None  # its value comes from this variable...
    value: str | None = None  # ...or is fixed
    required: bool = False
    encoded: bool = False  # name and value are percent-encoded as pasted (raw requests): sent as they are


@dataclass(frozen=True)
class Variant:
    name: str
    title: str = ""
    source: str = ""
    variables: dict = field(default_factory=dict)
    body: object = None
    notes: str = ""
    known_problems: str = ""

    def to_dict(self) -> dict:
        data = {"name": self.name, "title": self.title, "source": self.source, "variables": self.variables}
        if self.body is not None:
            data["body"] = self.body
        if self.notes:
            data["notes"] = self.notes
        if self.known_problems:
            data["known_problems"] = self.known_problems
        return data


def body_to_text(body) -> str:
    return json.dumps(body, indent=2, ensure_ascii=False)


@dataclass(frozen=True)
class RequestTemplate:
    api: str
    operation: str
    group: str
    signing_name: str
    protocol: str
    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    query: tuple[QueryParam, ...]
    variables: tuple[Variable, ...]
    lifecycle: dict
    documentation: str
    body_minimal: object = None
    body_full: object = None
    enums: dict = field(default_factory=dict)
    variants: tuple[Variant, ...] = ()
    source_path: str = ""
    _body_texts: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def key(self) -> str:
        return f"{self.api}:{self.operation}"

    @property
    def has_body(self) -> bool:
        return self.body_minimal is not None

    @property
    def lifecycle_status(self) -> str:
        return self.lifecycle.get("status", "unclear")

    def variable(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.name == name), None)

    def variant(self, name: str) -> Variant:
        for variant in self.variants:
            if variant.name == name:
                return variant
        names = ", ".join(v.name for v in self.variants) or "none"
        raise UnknownVariant(f"{self.key} has no variant {name!r} (variants: {names})", operation=self.key,
                             variant=name, variants=[v.name for v in self.variants])

    def body_text(self, which: str = "minimal") -> str | None:
        """The body as editable text: 'minimal', 'full', or a variant name (made once per template)."""
        if which not in self._body_texts:
            self._body_texts[which] = self._make_body_text(which)
        return self._body_texts[which]

    def _make_body_text(self, which: str) -> str | None:
        if which == "minimal":
            body = self.body_minimal
        elif which == "full":
            body = self.body_full
        else:
            body = self.variant(which).body
        return None if body is None else body_to_text(body)

    def summary(self) -> dict:
        return {
            "api": self.api,
            "operation": self.operation,
            "group": self.group,
            "method": self.method,
            "url": self.url,
            "lifecycle": self.lifecycle_status,
        }

    def to_dict(self) -> dict:
        return {
            **self.summary(),
            "signing_name": self.signing_name,
            "protocol": self.protocol,
            "headers": dict(self.headers),
            "query": [q.__dict__ for q in self.query],
            "variables": [v.__dict__ | {"enum": list(v.enum)} for v in self.variables],
            "lifecycle": self.lifecycle,
            "documentation": self.documentation,
            "body": {"minimal": self.body_minimal, "full": self.body_full} if self.has_body else None,
            "enums": self.enums,
            "variants": [v.to_dict() for v in self.variants],
            "source_path": self.source_path,
        }


def template_from_dict(data: dict, source_path: str = "") -> RequestTemplate:
    version = data.get("schema_version")
    if version != SUPPORTED_SCHEMA:
        raise ValueError(f"schema_version {version!r} is not supported (expected {SUPPORTED_SCHEMA})")
    api = APIS.get(data["api"])
    if api is None:
        raise ValueError(f"unknown API {data['api']!r} (known: {', '.join(APIS)})")
    if (data["signing_name"], data["protocol"]) != (api.signing_name, api.protocol):
        raise ValueError(f"{data['api']} signs as {api.signing_name} and speaks {api.protocol}, "
                         f"not {data['signing_name']} / {data['protocol']}")
    body = data.get("body") or {}
    return RequestTemplate(
        api=data["api"],
        operation=data["operation"],
        group=data.get("group", "General"),
        signing_name=data["signing_name"],
        protocol=data["protocol"],
        method=data["method"],
        url=data["url"],
        headers=tuple((str(k), str(v)) for k, v in (data.get("headers") or {}).items()),
        query=tuple(QueryParam(**q) for q in data.get("query", [])),
        variables=tuple(
            Variable(
                name=v["name"],
                member=v["member"],
                location=v["location"],
                required=bool(v.get("required")),
                type=v.get("type", "string"),
                description=v.get("description", ""),
                enum=tuple(v.get("enum", ())),
                wire_name=v.get("wire_name"),
            )
            for v in data.get("variables", [])
        ),
        lifecycle=dict(data.get("lifecycle") or {}),
        documentation=data.get("documentation", ""),
        body_minimal=body.get("minimal"),
        body_full=body.get("full"),
        enums=dict(data.get("enums") or {}),
        variants=tuple(Variant(**v) for v in data.get("variants", [])),
        source_path=source_path,
    )


@dataclass
class Library:
    templates: tuple[RequestTemplate, ...]
    problems: tuple[Problem, ...] = ()

    def __post_init__(self):
        self._by_key = {t.key: t for t in self.templates}

    def __len__(self) -> int:
        return len(self.templates)

    def get(self, api: str, operation: str) -> RequestTemplate:
        return self._by_key[f"{api}:{operation}"]

    def find(self, name: str, api: str | None = None) -> RequestTemplate:
        """An operation by name: 'GetApps', 'getapps', or 'pinpoint-email:CreateConfigurationSet'."""
        from workbench.core.common.suggest import close_matches
        from workbench.core.library.apis import check_api, folded_operation

        if ":" in name and api is None:
            api, name = name.split(":", 1)
        if api is not None:
            check_api(api)
        wanted = folded_operation(name)  # GetApps, getapps, get-apps (the AWS CLI's), get_apps
        matches = [t for t in self.templates if folded_operation(t.operation) == wanted and (api is None or t.api == api)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            choices = ", ".join(t.key for t in matches)
            raise UnknownOperation(f"{name} exists in several APIs; name one: {choices}", name=name,
                                   choices=[t.key for t in matches])
        names = {folded_operation(t.operation): t.operation for t in self.templates if api is None or t.api == api}
        close = [names[f] for f in close_matches(wanted, names, n=5, cutoff=0.75)] or [t.operation for t in self.search(name, api)[:5]]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        where = f" in {api}" if api else ""
        raise UnknownOperation(f"no operation {name!r}{where}.{hint}", name=name, api=api, suggestions=close)

    def search(self, query: str, api: str | None = None) -> list[RequestTemplate]:
        """Ranked matches: every word must appear in the name, group, API or documentation;
        name hits rank above group hits above documentation hits."""
        from workbench.core.library.apis import check_api, folded_operation

        if api is not None:
            check_api(api)
        words = [w for w in re.split(r"\s+", query.lower().strip()) if w]
        scored = []
        for template in self.templates:
            if api and template.api != api:
                continue
            name = template.operation.lower()
            spaced = _split_camel(template.operation)
            group = template.group.lower()
            doc = template.documentation.lower()
            score = 0
            for word in words:
                folded = folded_operation(word)  # get-apps, the AWS CLI's spelling, finds GetApps
                if word == name or folded == name:
                    score += 100
                elif word in name or word in spaced or (folded and folded in name):
                    score += 20
                elif word in group or word in template.api:
                    score += 8
                elif word in doc:
                    score += 1
                else:
                    score = -1
                    break
            if score > 0 or (score == 0 and not words):
                scored.append((-score, template.key, template))
        return [t for _, _, t in sorted(scored, key=lambda item: item[:2])]

    def tree(self) -> dict:
        """api -> group -> [operation names]: the folders a browser shows."""
        tree: dict = {}
        for template in self.templates:
            tree.setdefault(template.api, {}).setdefault(template.group, []).append(template.operation)
        return tree


def _split_camel(name: str) -> str:
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z]*|\d+", name)).lower()


def load_library(root: Path | str = LIBRARY_DIR) -> Library:
    root = Path(root)
    if not root.is_dir():
        return Library((), (Problem(str(root), "the request library folder does not exist"),))
    return library_from_files([read_template_file(path, rel) for path, rel in library_files(root)])


def library_files(root: Path) -> list[tuple[str, str]]:
    """(path, path relative to `root`) of every template file, in the order of their paths'
    parts (as pathlib sorts them). Plain strings: Path objects for 278 files were half of this
    walk's cost, and the window's start waits for it."""
    base, found = str(root), []
    for directory, _, names in os.walk(base):  # a third of rglob's cost
        folder = os.path.relpath(directory, base)
        parts = () if folder == os.curdir else tuple(folder.split(os.sep))
        found += [(parts + (name,), os.path.join(directory, name)) for name in names if name.endswith(".json")]
    found.sort()
    return [(path, os.path.join(*parts)) for parts, path in found]


def read_template_file(path: Path | str, rel: str) -> list:
    """[rel, "data", the parsed JSON] or [rel, "problem", why it cannot be read]: plain data
    (core.library.library_cache keeps a list of them)."""
    try:
        with open(path, encoding="utf-8") as file:
            return [rel, "data", json.loads(file.read())]
    except json.JSONDecodeError as exc:
        return [rel, "problem", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return [rel, "problem", f"not a request template: {exc}"]


def library_from_files(files: list) -> Library:
    """The library from `read_template_file`'s answers: a template per file, or a problem."""
    templates, problems = [], []
    for rel, kind, value in files:
        if kind == "problem":
            problems.append(Problem(rel, value))
            continue
        try:
            templates.append(template_from_dict(value, rel))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
            problems.append(Problem(rel, f"not a request template: {detail}"))
    return Library(tuple(templates), tuple(problems))


def library_at(root: Path | str, environ=None) -> Library:
    """The library in `root`, read from its one-file cache when the files have not changed
    (core.library.library_cache); the same templates and problems as `load_library`."""
    from workbench.core.library.library_cache import cached_files

    root = Path(root)
    if not root.is_dir():
        return Library((), (Problem(str(root), "the request library folder does not exist"),))
    return cached_files(root, library_files(root), read_template_file, SUPPORTED_SCHEMA, library_from_files, environ)


@lru_cache(maxsize=1)
def default_library() -> Library:
    """The installed library (through its cache: `library_at`)."""
    return library_at(LIBRARY_DIR)


@lru_cache(maxsize=4)
def _files_by_name(root: Path) -> dict[str, list[Path]]:
    """folded operation name -> the template files of that name (one per API that has it)."""
    from workbench.core.library.apis import folded_operation

    index: dict[str, list[Path]] = {}
    for directory, _, files in os.walk(root):
        for file in files:
            if file.endswith(".json"):
                index.setdefault(folded_operation(file[:-5]), []).append(Path(directory, file))
    return index


def find_template(name: str, api: str | None = None, root: Path | str = LIBRARY_DIR) -> RequestTemplate:
    """`Library.find` that reads one file, not the whole library: what sending one request
    needs. Anything but a single clean match (unknown, ambiguous, unreadable) is answered by
    the full library, with its suggestions and messages."""
    from workbench.core.library.apis import folded_operation

    root = Path(root)
    api_part, _, operation = name.rpartition(":") if ":" in name and api is None else (api, "", name)
    candidates = [path for path in _files_by_name(root).get(folded_operation(operation), [])
                  if api_part is None or path.relative_to(root).parts[0] == api_part]
    if len(candidates) == 1:
        path = candidates[0]
        try:
            template = template_from_dict(json.loads(path.read_text(encoding="utf-8")), str(path.relative_to(root)))
            if api_part is None or template.api == api_part:
                return template
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, OSError):
            pass
    library = default_library() if root == LIBRARY_DIR else load_library(root)
    return library.find(name, api=api)
