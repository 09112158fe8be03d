"""Postman collection (schema v2.0 / v2.1) -> request drafts, folders kept as folders.

Pure data in, data out: nothing is written and no script is run. Each request becomes a
`RequestDraft`; where its method and path match a library operation it is linked to it
(validation, docs, diagnosis), and the host then comes from the environment. Whatever
could not be carried over is said in a note on that request; one bad request never stops
the others. Secrets written literally into a collection are never kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from workbench.core.request.drafts import AwsV4Auth, RequestDraft
from workbench.core.interop import jsonfile
from workbench.core.interop.jsonfile import ForeignFileError
from workbench.core.interop.linking import (
    PLACEHOLDER,
    POSTMAN_VAR,
    api_for_host,
    find_operation,
    host_variable,
    split_path,
)
from workbench.core.interop.postman_tests import from_script
from workbench.core.interop.scripts import ScriptReading, read_script
from workbench.core.library.templates import Library, RequestTemplate, default_library

SCHEMAS = {"v2.0.0": "v2.0", "v2.1.0": "v2.1"}
MAX_FOLDER_DEPTH = 16
# Headers that belong to one signed send: a fresh signature replaces them.
SIGNING_HEADERS = {"authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "host", "content-length"}
AUTH_FIELDS = {"service": "signing_name", "region": "region", "accessKey": "access_key", "secretKey": "secret_key", "sessionToken": "session_token"}
WHOLE_VARIABLE = re.compile(r"^\{\{\s*[\w.-]+\s*\}\}$")


class NotAPostmanCollection(ForeignFileError):
    """The text is not a Postman collection this version reads; `reason` names why (a stable
    word: not_text, not_json, not_an_object, postman_environment, collection_v1,
    no_info_or_item, unsupported_schema), `detail` says it in words."""

    code = "not_a_postman_collection"


@dataclass(frozen=True)
class ImportedRequest:
    name: str
    draft: RequestDraft
    notes: tuple[str, ...] = ()

    @property
    def linked(self) -> bool:
        return self.draft.operation is not None


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
    importer = _Importer(library or default_library(), notes)
    collection_vars = importer.collection_variables(data.get("variable"))
    context = _Context(auth=_auth_of(data), scripts=importer.scripts(data, "collection"), variables=collection_vars)
    root = importer.folder(str(info.get("name") or "Postman collection"), _description(info), items, context, (), "$.item")
    if read.damage:
        notes.insert(0, read.damage)
    return CollectionImport(root.name, schema, root, tuple(notes), read.damage)


@dataclass(frozen=True)
class _Context:
    """What a request inherits from its collection and folders."""

    auth: object = None  # the nearest awsv4/noauth auth object, or None
    scripts: tuple = ()  # ScriptReadings, outermost first
    variables: tuple[tuple[str, str], ...] = ()


def _description(node) -> str:
    value = node.get("description") if isinstance(node, dict) else None
    if isinstance(value, dict):
        value = value.get("content")
    return value if isinstance(value, str) else ""


def _auth_of(node):
    """The node's own auth object; None when it inherits (absent, null, or type "inherit")."""
    auth = node.get("auth") if isinstance(node, dict) else None
    return auth if isinstance(auth, dict) and auth.get("type") not in (None, "inherit") else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)


def _safe_name(value, fallback: str) -> str:
    text = _text(value).strip() or fallback
    return text[:120]


class _Importer:
    def __init__(self, library: Library, notes: list[str]):
        self.library = library
        self.notes = notes
        self.flattened = False

    # ---- collection and folders

    def collection_variables(self, variables) -> tuple[tuple[str, str], ...]:
        pairs = []
        for item in variables if isinstance(variables, list) else []:
            if isinstance(item, dict) and isinstance(item.get("key"), str) and item.get("disabled") is not True:
                pairs.append((item["key"], _text(item.get("value"))))
        return tuple(pairs)

    def scripts(self, node, where: str) -> tuple:
        """Readings of `node`'s pre-request scripts; its test scripts only as a note (a
        request's own test script is read into saves and assertions, see `request`)."""
        readings = []
        for listen, source in _event_sources(node):
            if listen == "prerequest":
                readings.append(read_script(source, f"{where} pre-request script"))
            elif listen == "test" and where != "request":
                readings.append(_note_only(f"{where}: test script not imported (a folder's tests would apply to every request)"))
        return tuple(readings)

    def folder(self, name, description, items, context: _Context, path: tuple[str, ...], where: str) -> ImportedFolder:
        children: list = []
        self._items(items, context, path, where, children)
        return ImportedFolder(name, description, tuple(children))

    def _items(self, items, context: _Context, path, where, children: list) -> None:
        for index, item in enumerate(items):
            location = f"{where}[{index}]"
            if not isinstance(item, dict):
                self.notes.append(f"{location}: not an item object; skipped")
                continue
            name = _safe_name(item.get("name"), f"item {index + 1}")
            label = " / ".join(path + (name,))
            if isinstance(item.get("item"), list):  # a folder
                inner = _Context(
                    auth=_auth_of(item) or context.auth,
                    scripts=context.scripts + self.scripts(item, f"folder {label}"),
                    variables=context.variables + self.collection_variables(item.get("variable")),
                )
                if len(path) >= MAX_FOLDER_DEPTH:
                    if not self.flattened:
                        self.notes.append(f"{label}: folders nest deeper than {MAX_FOLDER_DEPTH} levels; deeper requests are kept in their level-{MAX_FOLDER_DEPTH} folder")
                        self.flattened = True
                    self._items(item["item"], inner, path, f"{location}.item", children)
                    continue
                children.append(self.folder(name, _description(item), item["item"], inner, path + (name,), f"{location}.item"))
            elif "request" in item:
                try:
                    children.append(self.request(item, name, context, label))
                except _Skip as exc:
                    self.notes.append(f"{label}: not imported: {exc}")
            else:
                self.notes.append(f"{label}: neither a request nor a folder; skipped")

    # ---- one request

    def request(self, item: dict, name: str, context: _Context, label: str) -> ImportedRequest:
        notes: list[str] = []
        request = item["request"]
        if isinstance(request, str):  # v2.0 allows a bare URL
            request = {"url": request, "method": "GET"}
        if not isinstance(request, dict):
            raise _Skip("the request is not an object")
        method = _text(request.get("method") or "GET").upper()
        if not re.fullmatch(r"[A-Z]+", method):
            raise _Skip(f"method {method!r} is not an HTTP method")
        url = _url_parts(request.get("url"))
        if url is None:
            raise _Skip("it has no URL")
        headers = _headers(request.get("header"), notes)
        body = _body(request.get("body"), notes)

        # variables: collection/folder variables < collection, folder, request scripts
        readings = context.scripts + self.scripts(item, "request")
        variables: dict[str, str] = {}
        for key, value in context.variables:
            variables[key] = value
        encoded: set[str] = set()
        for reading in readings:
            for assignment in reading.assignments:
                variables[assignment.name] = assignment.value
                if assignment.scope != "request":
                    notes.append(f"pm.{_scope_call(assignment.scope)}.set({assignment.name!r}) kept as a request variable")
            encoded.update(reading.encoded)
            notes.extend(reading.skipped)
        for name_ in sorted(encoded):
            notes.append(f"{name_}: encodeURI/encodeURIComponent dropped; the workbench encodes the value where it is used")
        variables.update(url.path_variables)

        auth = _awsv4(request.get("auth") if _auth_of(request) else context.auth, variables, notes)
        target = next((v for k, v in headers if k.lower() == "x-amz-target"), None)
        api = api_for_host(url.host)
        if api is None and PLACEHOLDER.match(url.host):
            notes.append(f"host {url.host} is a placeholder; the environment's host is used")
        link = find_operation(method, url.path, api=api, target=target, library=self.library)
        if link is None and api is not None:
            link = find_operation(method, url.path, target=target, library=self.library)
        description = _description(request) or _description(item)
        if link is not None and "{{" not in url.host and not PLACEHOLDER.match(url.host):
            notes.append(f"host {url.host} is written literally; the environment's host for {link.template.api} is used")
        dropped: set[str] = set()
        if link is None:
            draft = self._raw_draft(name, description, method, url, headers, body, variables, auth, api, notes)
        else:
            draft, dropped = self._linked_draft(name, description, link, url, headers, body, variables, auth, notes)
        used = _used_variables(draft, link.template if link else None)
        assigned = {a.name for reading in readings for a in reading.assignments} - dropped
        kept = tuple((k, v) for k, v in variables.items() if k in used or k in assigned)
        saves, assertions = [], []
        for listen, source in _event_sources(item):
            if listen == "test":
                found_saves, found_assertions, test_notes = from_script(source, "test script")
                saves += found_saves
                assertions += found_assertions
                notes.extend(test_notes)
        draft = replace(draft, variables=kept, saves=tuple(saves), assertions=tuple(assertions))
        return ImportedRequest(name, draft, tuple(dict.fromkeys(notes)))

    def _raw_draft(self, name, description, method, url, headers, body, variables, auth, api, notes) -> RequestDraft:
        host = url.host
        if api is not None:
            mapped = host_variable(api)
            if host.replace(" ", "") != mapped:
                notes.append(f"host {host} -> {mapped} (the environment's host for {api})")
            host = mapped
        elif "{{" not in host and not PLACEHOLDER.match(host):
            notes.append(f"host {host} is written literally: it does not follow the environment")
        notes.append("not linked to a library operation (no operation has this method and path): kept as a raw request")
        if auth is None or not auth.signing_name:
            notes.append("no awsv4 service name: set the signing name before sending")
        elif "{{" in _resolve(auth.signing_name, variables):
            notes.append(f"auth service {auth.signing_name} is not set in the collection: set it before sending")
        return RequestDraft(
            name=name, description=description, method=method, url=f"{url.scheme}://{host}{url.path}",
            query=url.query, headers=headers, body=body, auth=auth,
        )

    def _linked_draft(self, name, description, link, url, headers, body, variables, auth, notes) -> tuple[RequestDraft, set[str]]:
        """The draft, and the variables it no longer needs (a service name that is the operation's)."""
        template: RequestTemplate = link.template
        for variable, segment in link.path_values:
            _bind(variable, segment, variables, notes, "path")
        extra_query = []
        by_wire = {q.name: q for q in template.query}
        grouped: dict[str, list[str]] = {}
        for key, value in url.query:
            param = by_wire.get(key)
            if param is None or (param.value is not None and param.value != value):
                extra_query.append((key, value))
            elif param.variable:
                grouped.setdefault(param.variable, []).append(value)
        for variable, values in grouped.items():
            _bind(variable, ",".join(values), variables, notes, "query")
        if extra_query:
            notes.append(f"query {', '.join(k for k, _ in extra_query)}: not a parameter of {template.operation}; kept as extra query")
        template_headers = {k.lower(): v for k, v in template.headers}
        kept_headers = []
        for key, value in headers:
            lowered = key.lower()
            if template_headers.get(lowered) == value or lowered in ("content-type", "x-amz-target"):
                continue
            kept_headers.append((key, value))
        if body is not None and not body.strip() and not template.has_body:
            body = None
        dropped: set[str] = set()
        if auth is not None and auth.signing_name:
            service = _resolve(auth.signing_name, variables)
            if "{{" in service:  # left to the Postman environment, which the workbench does not need
                notes.append(f"auth service {auth.signing_name} is not set in the collection; {template.key} signs as {template.signing_name!r}")
                auth = replace(auth, signing_name="")
            elif service == template.signing_name:  # the operation's own: "" says so and follows the library
                dropped = {m.group(1) for m in POSTMAN_VAR.finditer(auth.signing_name)}
                auth = replace(auth, signing_name="")
            else:
                notes.append(f"auth service {service!r} differs from {template.key}'s signing name {template.signing_name!r}")
        return RequestDraft(
            name=name, description=description, operation=template.key, query=tuple(extra_query),
            headers=tuple(kept_headers), body=body, auth=auth,
        ), dropped


class _Skip(Exception):
    pass


def _event_sources(node) -> list[tuple[str, str]]:
    """(listen, script text) of each non-empty event script of a collection, folder or item."""
    found = []
    events = node.get("event") if isinstance(node, dict) else None
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict) or not isinstance(event.get("script"), dict):
            continue
        source = event["script"].get("exec", "")
        source = "\n".join(_text(line) for line in source) if isinstance(source, list) else _text(source)
        if source.strip():
            found.append((_text(event.get("listen")), source))
    return found


def _note_only(note: str) -> ScriptReading:
    return ScriptReading(skipped=(note,))


def _scope_call(scope: str) -> str:
    return {"environment": "environment", "collection": "collectionVariables", "globals": "globals"}.get(scope, "variables")


def _resolve(text: str, variables: dict) -> str:
    return POSTMAN_VAR.sub(lambda m: variables.get(m.group(1), m.group(0)), text)


def _bind(variable: str, text: str, variables: dict, notes: list, where: str) -> None:
    """Give the operation's `variable` the request's value for it."""
    match = WHOLE_VARIABLE.match(text.strip())
    if match:
        own = POSTMAN_VAR.search(text).group(1)
        if own == variable:
            return
        if own in variables:
            variables[variable] = variables[own]
            notes.append(f"{where}: {{{{{own}}}}} is the operation's {variable}; its value was copied")
        else:
            notes.append(f"{where}: {{{{{own}}}}} is the operation's {variable}: set {variable}")
        return
    if PLACEHOLDER.match(text):
        notes.append(f"{where}: placeholder {text} stands for {variable}: set {variable}")
        return
    if "{{" in text:
        notes.append(f"{where}: {text!r} mixes text and variables; kept as the value of {variable} (not rendered)")
    variables[variable] = unquote(text) if where == "path" else text


@dataclass(frozen=True)
class _Url:
    scheme: str
    host: str
    path: str
    query: tuple[tuple[str, str], ...]
    path_variables: tuple[tuple[str, str], ...] = ()


def _url_parts(url) -> _Url | None:
    if isinstance(url, str):
        return _parse_raw_url(url) if url.strip() else None
    if not isinstance(url, dict):
        return None
    raw = _text(url.get("raw"))
    if url.get("host") is None and url.get("path") is None:
        return _parse_raw_url(raw) if raw.strip() else None
    host = url.get("host")
    host = ".".join(_text(h) for h in host) if isinstance(host, list) else _text(host)
    if url.get("port"):
        host += f":{_text(url['port'])}"
    path = url.get("path") or []
    if isinstance(path, str):
        segments = split_path(path)
    else:
        segments = [_text(s.get("value") if isinstance(s, dict) else s) for s in path]
    path_variables = []
    known = {v.get("key"): _text(v.get("value")) for v in url.get("variable") or [] if isinstance(v, dict)}
    for i, segment in enumerate(segments):
        if segment.startswith(":") and len(segment) > 1:  # Postman path variable /:id
            name = segment[1:]
            segments[i] = "{{" + name + "}}"
            if known.get(name):
                path_variables.append((name, known[name]))
    query = []
    for param in url.get("query") or []:
        if isinstance(param, dict) and param.get("disabled") is not True and param.get("key") is not None:
            query.append((_text(param["key"]), _text(param.get("value"))))
    scheme = _text(url.get("protocol")) or (raw.split("://", 1)[0] if "://" in raw else "https")
    return _Url(scheme, host.strip(), "/" + "/".join(segments), tuple(query), tuple(path_variables))


def _parse_raw_url(raw: str) -> _Url:
    raw = raw.strip().split("#", 1)[0]
    scheme, sep, rest = raw.partition("://")
    if not sep:
        scheme, rest = "https", raw
    host_end = min([i for i in (rest.find("/"), rest.find("?")) if i >= 0], default=len(rest))
    host, remainder = rest[:host_end], rest[host_end:]
    path, _, query_text = remainder.partition("?")
    query = []
    for part in query_text.split("&") if query_text else []:
        key, _, value = part.partition("=")
        query.append((unquote(key), unquote(value)))
    segments = split_path(path)
    segments = ["{{" + s[1:] + "}}" if s.startswith(":") and len(s) > 1 else s for s in segments]
    return _Url(scheme or "https", host, "/" + "/".join(segments), tuple(query))


def _headers(headers, notes: list) -> tuple[tuple[str, str], ...]:
    pairs = []
    if isinstance(headers, str):  # v2.0 allows "Name: value\nName: value"
        for line in headers.splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                pairs.append((key.strip(), value.strip()))
    elif isinstance(headers, list):
        for header in headers:
            if isinstance(header, dict) and header.get("disabled") is not True and _text(header.get("key")).strip():
                pairs.append((_text(header["key"]).strip(), _text(header.get("value"))))
    kept = []
    for key, value in pairs:
        if key.lower() in SIGNING_HEADERS:
            notes.append(f"header {key}: dropped (a new signature sets it)")
            continue
        if re.search(r"[\r\n]", value) or re.search(r"[\s:]", key):
            notes.append(f"header {key!r}: not a valid header; dropped")
            continue
        kept.append((key, value))
    return tuple(kept)


def _body(body, notes: list) -> str | None:
    if not isinstance(body, dict):
        return None
    mode = body.get("mode")
    if mode in (None, "raw"):
        raw = body.get("raw")
        return _text(raw) if raw is not None else None
    if mode in ("urlencoded", "formdata", "file", "graphql"):
        notes.append(f"body mode {mode!r} not imported (Pinpoint APIs take JSON bodies)")
    return None


def _awsv4(auth, variables: dict, notes: list) -> AwsV4Auth | None:
    if not isinstance(auth, dict):
        return None
    kind = auth.get("type")
    if kind == "noauth":
        notes.append("auth: none in Postman; the environment's credentials sign it")
        return None
    if kind != "awsv4":
        notes.append(f"auth type {kind!r} not imported (Pinpoint requests are signed with SigV4)")
        return None
    params = auth.get("awsv4")
    if isinstance(params, list):  # v2.1: [{"key": ..., "value": ...}]
        values = {p.get("key"): p.get("value") for p in params if isinstance(p, dict)}
    elif isinstance(params, dict):  # v2.0: {"accessKey": ...}
        values = dict(params)
    else:
        values = {}
    fields_: dict[str, str] = {}
    for key, value in values.items():
        target = AUTH_FIELDS.get(key)
        value = _text(value).strip()
        if target is None or not value:
            continue
        if target in ("access_key", "secret_key", "session_token") and not WHOLE_VARIABLE.match(value):
            notes.append(f"auth {key}: written literally in the collection; not imported (credentials stay in the environment's keyring)")
            continue
        if target == "signing_name" and "{{" not in value:
            notes.append(f"auth service is the literal {value!r}")
        if target == "region" and "{{" not in value:
            notes.append(f"auth region is pinned to {value!r}")
        fields_[target] = value
    return AwsV4Auth(**fields_) if fields_ else None


def _used_variables(draft: RequestDraft, template: RequestTemplate | None) -> set[str]:
    texts = [draft.url, draft.body or ""] + [v for pair in draft.query + draft.headers for v in pair]
    if draft.auth is not None:
        texts += list(vars(draft.auth).values())
    used = {m.group(1) for text in texts for m in POSTMAN_VAR.finditer(text)}
    if template is not None:
        used |= {v.name for v in template.variables}
    return used


def tree_entries(folder: ImportedFolder) -> list:
    """The folder as ("folder", name, children) / ("request", draft) entries for a writer."""
    return [
        ("folder", child.name, tree_entries(child)) if isinstance(child, ImportedFolder) else ("request", child.draft)
        for child in folder.children
    ]
