"""One Postman request item -> a `RequestDraft` (linked to a library operation where its
method and path match one, else raw), with a note for whatever could not be carried over.

Variables, by Postman's scopes: the collection's variables and `pm.collectionVariables.set`
go to the collection scope (written once, beside the drafts: below the environment, so
they never hide its values or what an earlier request saved); `pm.variables.set` (and
`pm.environment.set`, said in a note) are the request's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import unquote

from workbench.core.interop.linking import PLACEHOLDER, POSTMAN_VAR, api_for_host, find_operation, host_variable
from workbench.core.interop.postman_auth import AuthReading, LiteralIdentities, read_auth, resolve
from workbench.core.interop.postman_tests import from_script
from workbench.core.interop.postman_url import PostmanUrl, read_url, text
from workbench.core.interop.scripts import ScriptReading, read_script
from workbench.core.library.templates import Library, RequestTemplate
from workbench.core.request.drafts import RequestDraft

# Headers that belong to one signed send: a fresh signature replaces them.
SIGNING_HEADERS = {"authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "host", "content-length"}
WHOLE_VARIABLE = re.compile(r"^\{\{\s*[\w.-]+\s*\}\}$")
JSON_CONTENT_TYPE = "application/json"


@dataclass(frozen=True)
class ImportedRequest:
    name: str
    draft: RequestDraft
    notes: tuple[str, ...] = ()

    @property
    def linked(self) -> bool:
        return self.draft.operation is not None


@dataclass(frozen=True)
class Inherited:
    """What a request inherits from its collection and folders."""

    auth: object = None  # the nearest auth object (awsv4, noauth...), or None
    scripts: tuple = ()  # ScriptReadings, outermost first


class Skip(Exception):
    """The item cannot be imported at all (no URL, not an HTTP method...)."""


def event_sources(node) -> list[tuple[str, str]]:
    """(listen, script text) of each non-empty event script of a collection, folder or item."""
    found = []
    events = node.get("event") if isinstance(node, dict) else None
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict) or not isinstance(event.get("script"), dict):
            continue
        source = event["script"].get("exec", "")
        source = "\n".join(text(line) for line in source) if isinstance(source, list) else text(source)
        if source.strip():
            found.append((text(event.get("listen")), source))
    return found


def own_auth(node):
    """The node's own auth object; None when it inherits (absent, null, or type "inherit")."""
    auth = node.get("auth") if isinstance(node, dict) else None
    return auth if isinstance(auth, dict) and auth.get("type") not in (None, "inherit") else None


def description_of(node) -> str:
    value = node.get("description") if isinstance(node, dict) else None
    if isinstance(value, dict):
        value = value.get("content")
    return value if isinstance(value, str) else ""


class RequestReader:
    """Reads request items of one collection; `collection_variables` collects what goes to
    the collection scope (the collection's `variable`s, then script assignments to it)."""

    def __init__(self, library: Library, collection_variables: dict[str, str]):
        self.library = library
        self.collection_variables = collection_variables
        self.identities = LiteralIdentities()

    def read(self, item: dict, name: str, inherited: Inherited) -> ImportedRequest:
        notes: list[str] = []
        request = item["request"]
        if isinstance(request, str):  # v2.0 allows a bare URL
            request = {"url": request, "method": "GET"}
        if not isinstance(request, dict):
            raise Skip("the request is not an object")
        method = text(request.get("method") or "GET").upper()
        if not re.fullmatch(r"[A-Z]+", method):
            raise Skip(f"method {method!r} is not an HTTP method")
        url = read_url(request.get("url"))
        if url is None:
            raise Skip("it has no URL")
        headers = _headers(request.get("header"), notes)
        body, is_json = _body(request.get("body"), notes)

        readings = inherited.scripts + tuple(read_script(source, "request pre-request script")
                                             for listen, source in event_sources(item) if listen == "prerequest")
        variables, assigned = self._variables(readings, notes)
        variables.update(url.path_variables)
        scope = {**self.collection_variables, **variables}  # what the auth's variables resolve to here
        reading = read_auth(own_auth(request) or inherited.auth, scope, notes, self.identities, url.host)
        target = next((v for k, v in headers if k.lower() == "x-amz-target"), None)
        api = api_for_host(url.host)
        if api is None and PLACEHOLDER.match(url.host):
            notes.append(f"host {url.host} is a placeholder; the environment's host is used")
        link = find_operation(method, url.path, api=api, target=target, library=self.library)
        if link is None and api is not None:
            link = find_operation(method, url.path, target=target, library=self.library)
        description = description_of(request) or description_of(item)
        if link is not None and "{{" not in url.host and not PLACEHOLDER.match(url.host):
            notes.append(f"host {url.host} is written literally; the environment's host for {link.template.api} is used")
        dropped: set[str] = set()
        if link is None:
            if is_json and body and not any(k.lower() == "content-type" for k, _ in headers):
                headers += (("Content-Type", JSON_CONTENT_TYPE),)  # what Postman sends for a JSON body
            draft = _raw_draft(name, description, method, url, headers, body, reading, api, scope, notes)
        else:
            draft, dropped = _linked_draft(name, description, link, url, headers, body, variables,
                                           self.collection_variables, reading, scope, notes)
        used = _used_variables(draft, link.template if link else None)
        kept = tuple((k, v) for k, v in variables.items() if k in used or (k in assigned and k not in dropped))
        saves, assertions = [], []
        for listen, source in event_sources(item):
            if listen == "test":
                found_saves, found_assertions, test_notes = from_script(source, "test script")
                saves += found_saves
                assertions += found_assertions
                notes.extend(test_notes)
        draft = replace(draft, variables=kept, saves=tuple(saves), assertions=tuple(assertions))
        return ImportedRequest(name, draft, tuple(dict.fromkeys(notes)))

    def _variables(self, readings: tuple[ScriptReading, ...], notes: list) -> tuple[dict, set]:
        """The request's own variables from its (and its folders') pre-request scripts, and
        the names they assign; assignments to the collection scope go there."""
        variables: dict[str, str] = {}
        assigned: set[str] = set()
        encoded: set[str] = set()
        for reading in readings:
            for assignment in reading.assignments:
                if assignment.scope == "collection":
                    self.collection_variables[assignment.name] = assignment.value
                    notes.append(f"pm.collectionVariables.set({assignment.name!r}) kept as a collection variable")
                    continue
                variables[assignment.name] = assignment.value
                assigned.add(assignment.name)
                if assignment.scope != "request":
                    call = "environment" if assignment.scope == "environment" else "globals"
                    notes.append(f"pm.{call}.set({assignment.name!r}) kept as a request variable")
            encoded.update(reading.encoded)
            notes.extend(reading.skipped)
        for name in sorted(encoded):
            notes.append(f"{name}: encodeURI/encodeURIComponent dropped; the workbench encodes the value where it is used")
        return variables, assigned


def _raw_draft(name, description, method, url: PostmanUrl, headers, body, reading: AuthReading, api, scope, notes) -> RequestDraft:
    host = None
    if url.is_base_variable:
        notes.append(f"base URL {url.host} kept as written (its value may hold a scheme and a stage path)")
    elif api is not None:
        host = host_variable(api)
        if url.host.replace(" ", "") != host:
            notes.append(f"host {url.host} -> {host} (the environment's host for {api})")
    elif "{{" not in url.host and not PLACEHOLDER.match(url.host):
        notes.append(f"host {url.host} is written literally: it does not follow the environment")
    notes.append("not linked to a library operation (no operation has this method and path): kept as a raw request")
    auth = reading.auth
    if not reading.unsigned:
        if auth is None or not auth.signing_name:
            notes.append("no awsv4 service name: set the signing name before sending")
        elif "{{" in resolve(auth.signing_name, scope):
            notes.append(f"auth service {auth.signing_name} is not set in the collection: set it before sending")
    return RequestDraft(name=name, description=description, method=method, url=url.draft_url(host), query=url.query,
                        headers=headers, body=body, auth=auth, unsigned=reading.unsigned)


def _linked_draft(name, description, link, url: PostmanUrl, headers, body, variables, collection: dict,
                  reading: AuthReading, scope, notes) -> tuple[RequestDraft, set[str]]:
    """The draft, and the variables it no longer needs (a service name that is the operation's)."""
    template: RequestTemplate = link.template
    for variable, segment in link.path_values:
        _bind(variable, segment, variables, collection, notes, "path")
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
        _bind(variable, ",".join(values), variables, collection, notes, "query")
    if extra_query:
        notes.append(f"query {', '.join(k for k, _ in extra_query)}: not a parameter of {template.operation}; kept as extra query")
    template_headers = {k.lower(): v for k, v in template.headers}
    kept_headers = tuple((key, value) for key, value in headers
                         if template_headers.get(key.lower()) != value and key.lower() not in ("content-type", "x-amz-target"))
    if body is not None and not body.strip() and not template.has_body:
        body = None
    dropped: set[str] = set()
    auth = reading.auth
    if auth is not None and auth.signing_name:
        service = resolve(auth.signing_name, scope)
        if "{{" in service:  # left to the Postman environment, which the workbench does not need
            notes.append(f"auth service {auth.signing_name} is not set in the collection; {template.key} signs as {template.signing_name!r}")
            auth = replace(auth, signing_name="")
        elif service == template.signing_name:  # the operation's own: "" says so and follows the library
            dropped = {m.group(1) for m in POSTMAN_VAR.finditer(auth.signing_name)}
            auth = replace(auth, signing_name="")
        else:
            notes.append(f"auth service {service!r} differs from {template.key}'s signing name {template.signing_name!r}")
    if auth is not None and not any(vars(auth).values()):
        auth = None
    return RequestDraft(name=name, description=description, operation=template.key, query=tuple(extra_query),
                        headers=kept_headers, body=body, auth=auth, unsigned=reading.unsigned), dropped


def _bind(variable: str, value: str, variables: dict, collection: dict, notes: list, where: str) -> None:
    """Give the operation's `variable` the request's value for it (a value the request has
    from a collection variable stays in the collection scope)."""
    if WHOLE_VARIABLE.match(value.strip()):
        own = POSTMAN_VAR.search(value).group(1)
        if own == variable:
            return
        if own in variables:
            variables[variable] = variables[own]
        elif own in collection:
            collection.setdefault(variable, collection[own])
        else:
            notes.append(f"{where}: {{{{{own}}}}} is the operation's {variable}: set {variable}")
            return
        notes.append(f"{where}: {{{{{own}}}}} is the operation's {variable}; its value was copied")
        return
    if PLACEHOLDER.match(value):
        notes.append(f"{where}: placeholder {value} stands for {variable}: set {variable}")
        return
    if "{{" in value:
        notes.append(f"{where}: {value!r} mixes text and variables; kept as the value of {variable} (not rendered)")
    variables[variable] = unquote(value) if where == "path" else value


def _headers(headers, notes: list) -> tuple[tuple[str, str], ...]:
    pairs = []
    if isinstance(headers, str):  # v2.0 allows "Name: value\nName: value"
        for line in headers.splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                pairs.append((key.strip(), value.strip()))
    elif isinstance(headers, list):
        for header in headers:
            if isinstance(header, dict) and header.get("disabled") is not True and text(header.get("key")).strip():
                pairs.append((text(header["key"]).strip(), text(header.get("value"))))
    kept = []
    for key, value in pairs:
        if key.lower() in SIGNING_HEADERS:
            notes.append(f"header {key}: dropped (a new signature sets it)")
            continue
        if re.search(r"[\r\n]", value) or re.search(r"[\s:]", key):
            notes.append(f"header {key!r}: not a valid header; dropped")
            continue
        kept.append((key, value))  # a secret's value (x-api-key) goes to the keyring when written (draft_secrets)
    return tuple(kept)


def _body(body, notes: list) -> tuple[str | None, bool]:
    """(the raw body, whether Postman sends it as JSON: language json)."""
    if not isinstance(body, dict):
        return None, False
    mode = body.get("mode")
    if mode in (None, "raw"):
        raw = body.get("raw")
        language = ((body.get("options") or {}).get("raw") or {}).get("language") if isinstance(body.get("options"), dict) else None
        return (text(raw) if raw is not None else None), language == "json"
    if mode in ("urlencoded", "formdata", "file", "graphql"):
        notes.append(f"body mode {mode!r} not imported (Pinpoint APIs take JSON bodies)")
    return None, False


def _used_variables(draft: RequestDraft, template: RequestTemplate | None) -> set[str]:
    texts = [draft.url, draft.body or ""] + [v for pair in draft.query + draft.headers for v in pair]
    if draft.auth is not None:
        texts += list(vars(draft.auth).values())
    used = {m.group(1) for text_ in texts for m in POSTMAN_VAR.finditer(text_)}
    if template is not None:
        used |= {v.name for v in template.variables}
    return used
