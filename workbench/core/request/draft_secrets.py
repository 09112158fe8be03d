"""Secrets in a request draft, and the draft as it may be written to a file.

A value in a draft is a secret when its name says so (`common.secret_names`: x-api-key,
Authorization, X-Amz-Security-Token, apiSecret, password, token...) and it is written out
(not empty, no `{{`/`{%` in it): a header value, a query parameter value or a variable of
the request scope. A name the draft's operation declares (a model member: GetApps'
pagination `token`) is the model's to describe, not a secret by its name. A file never holds one. `without_secrets` gives the draft as it may be
written, each secret replaced by a reference, and the secrets it took out:

    header x-api-key: abc123         ->  x-api-key: {{x_api_key}}       x_api_key = abc123
    query  api_key=abc123            ->  api_key={{api_key}}            api_key = abc123
    variable apiSecret = abc123      ->  (left out of the draft)        apiSecret = abc123

Where the values go is the caller's: the secret globals (`environments.globals_store`), one
keyring entry that every environment reads at send time, so the saved draft sends as it did.
A name already holding another value there is not reused: the secret gets `_2`, `_3`... (a
variable's `{{ references }}` in the draft renamed with it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping

from workbench.core.common.errors import WorkbenchError
from workbench.core.common.secret_names import is_secret_name

_TEMPLATED = re.compile(r"\{\{|\{%")
_REFERENCE = re.compile(r"(\{\{\s*)([A-Za-z_][A-Za-z0-9_]*)(?=\s*(?:\}\}|\||\.|\[))")


@dataclass(frozen=True)
class DraftSecret:
    place: str  # "header x-api-key", "query api_key", "variable apiSecret"
    name: str  # the variable that holds it now
    value: str = ""

    def describe(self) -> str:
        return f"{self.place}: kept in the keyring as the secret global {self.name}"


class SecretInDraft(WorkbenchError):
    """A draft about to be written with a secret in it (the caller did not keep it first)."""

    fmt = "{where}: {places} would be written in plain text; a secret goes only to the keyring"


def _literal(value: str) -> bool:
    return bool(value) and not _TEMPLATED.search(value)


def _model_names(draft) -> frozenset:
    """The names the draft's operation declares (its model's members): what they hold is said
    by the model, not by their names (a pagination `token` or `nextToken` is no secret)."""
    if draft.is_raw:
        return frozenset()
    from workbench.core.library.templates import find_template

    try:
        template = find_template(draft.operation)
    except (WorkbenchError, KeyError):  # an unknown operation is draft_problems' to say
        return frozenset()
    return frozenset(v.name for v in template.variables) | frozenset(q.name for q in template.query)


def _secret(name: str, value: str, model_names) -> bool:
    return _literal(value) and name not in model_names and is_secret_name(name)


def literal_secrets(draft) -> list[tuple[str, str]]:
    """[(kind, name)] of the secrets written out in `draft` (kind: header, query, variable)."""
    pairs = (("header", draft.headers), ("query", draft.query), ("variable", draft.variables))
    if not any(is_secret_name(k) and _literal(v) for _, items in pairs for k, v in items):
        return []  # the common case: no library lookup
    model = _model_names(draft)
    return [(kind, k) for kind, items in pairs for k, v in items if _secret(k, v, model if kind != "header" else ())]


def check_no_secrets(draft, where: str) -> None:
    """SecretInDraft naming every secret `draft` still holds (nothing written)."""
    found = literal_secrets(draft)
    if found:
        raise SecretInDraft(where=where, places=", ".join(f"{kind} {name}" for kind, name in found),
                            secrets=[f"{kind} {name}" for kind, name in found])


def variable_name_for(name: str) -> str:
    """A variable name for a header or parameter name: x-api-key -> x_api_key."""
    text = re.sub(r"[^A-Za-z0-9_]", "_", name.strip()).lower() or "secret"
    return f"_{text}" if text[0].isdigit() else text


def without_secrets(draft, kept: Mapping[str, str] = {}, taken=()) -> tuple[object, tuple[DraftSecret, ...]]:
    """`draft` as it may be written, and the secrets taken out of it. `kept`: the secret
    values already kept (name -> value): a secret with the same value reuses its name.
    `taken`: other names in use (plain globals), never reused. The draft's own variables that
    stay are never shadowed either."""
    secrets: dict[str, str] = {}  # name -> value, this draft's
    found: list[DraftSecret] = []
    model = _model_names(draft) if literal_secrets(draft) else frozenset()
    staying = {k for k, v in draft.variables if not _secret(k, v, model)}
    busy = set(taken) | staying

    def name_for(base: str, value: str) -> str:
        name, n = base, 2
        while True:
            if secrets.get(name) == value or (name not in secrets and name not in busy and kept.get(name, value) == value):
                secrets[name] = value
                return name
            name, n = f"{base}_{n}", n + 1

    def pairs(kind: str, items) -> tuple:
        out = []
        for key, value in items:
            if _secret(key, value, model if kind != "header" else ()):
                name = name_for(variable_name_for(key), value)
                found.append(DraftSecret(f"{kind} {key}", name, value))
                value = "{{" + name + "}}"
            out.append((key, value))
        return tuple(out)

    headers, query = pairs("header", draft.headers), pairs("query", draft.query)
    variables, renamed = [], {}
    for key, value in draft.variables:
        if key in staying:
            variables.append((key, value))
            continue
        name = name_for(key, value)
        found.append(DraftSecret(f"variable {key}", name, value))
        if name != key:
            renamed[key] = name
    written = replace(draft, headers=headers, query=query, variables=tuple(variables))
    if renamed:
        written = _rename_references(written, renamed)
    return written, tuple(found)


def _rename_references(draft, renamed: Mapping[str, str]):
    def text(value):
        if not value:
            return value
        return _REFERENCE.sub(lambda m: m.group(1) + renamed.get(m.group(2), m.group(2)), value)

    auth = draft.auth
    if auth is not None:
        auth = replace(auth, **{k: text(v) for k, v in vars(auth).items()})
    return replace(draft, url=text(draft.url), body=text(draft.body), auth=auth,
                   headers=tuple((k, text(v)) for k, v in draft.headers),
                   query=tuple((k, text(v)) for k, v in draft.query),
                   variables=tuple((k, text(v)) for k, v in draft.variables))
