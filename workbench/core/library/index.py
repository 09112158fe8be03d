"""The library as a browser shows it: each operation with its badges, and a search as you
type over the operation name, its AWS CLI name, its path and its description."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.library.lifecycle import END_OF_SUPPORT_DATE


@dataclass(frozen=True)
class LibraryEntry:
    key: str  # api:Operation
    api: str
    group: str
    operation: str
    method: str
    path: str  # the URL after the host, e.g. /v1/apps/{{ projectId }}
    cli_name: str  # get-apps
    lifecycle: str  # supported | unclear | end-of-support-...
    lifecycle_reason: str
    sandbox: bool
    documentation: str
    haystack: str  # lowercase text searched
    paginated: bool = False  # answers come in pages (core.library.paginators): "Fetch all pages" follows them

    @property
    def end_of_support(self) -> bool:
        return self.lifecycle.startswith("end-of-support")

    def badges(self) -> list[tuple[str, str]]:
        """[(short label, explanation)] for the tree."""
        badges = []
        if self.end_of_support:
            badges.append(("EOS", f"end of support {END_OF_SUPPORT_DATE}: {self.lifecycle_reason}"))
        elif self.lifecycle == "unclear":
            badges.append(("?", f"lifecycle unclear: {self.lifecycle_reason}"))
        if self.sandbox:
            badges.append(("sandbox", "served by the local sandbox"))
        if self.paginated:
            badges.append(("pages", "paginated: Fetch all pages follows the next-page token"))
        return badges


_FIRST_CAP = re.compile("(.)([A-Z][a-z]+)")
_END_CAP = re.compile("([a-z0-9])([A-Z])")
_PLURAL_ACRONYM = re.compile("[A-Z]{2,}s$")


def cli_name(operation: str) -> str:
    """The AWS CLI's name of an operation (GetApps -> get-apps): botocore's `xform_name(name,
    "-")`, done here so that building the library's index does not import botocore (a tenth
    of the window's start-up); a test checks it against botocore for every operation."""
    if "-" in operation:
        return operation
    special = _PLURAL_ACRONYM.search(operation)
    if special is not None:  # ARNs, ACLs: -arns, -acls
        operation = f"{operation[: -len(special.group())]}-{special.group().lower()}"
    return _END_CAP.sub(r"\1-\2", _FIRST_CAP.sub(r"\1-\2", operation)).lower()


def build_entries(library, served=frozenset()) -> list[LibraryEntry]:
    from workbench.core.library.paginators import is_paginated

    entries = []
    for t in library.templates:
        path = re.sub(r"^\w+://[^/]*", "", t.url) or "/"
        reason = "; ".join(x for x in (t.lifecycle.get("area", ""), t.lifecycle.get("migration", "")) if x)
        cli = cli_name(t.operation)
        spaced = " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z]*|\d+", t.operation))
        haystack = "\n".join((t.operation, spaced, cli, t.api, t.group, path, t.documentation)).lower()
        entries.append(LibraryEntry(t.key, t.api, t.group, t.operation, t.method, path, cli, t.lifecycle_status,
                                    reason, (t.api, t.operation) in served, t.documentation, haystack,
                                    is_paginated(t.key)))
    return entries


def search_keys(entries, query: str) -> set[str] | None:
    """Keys of the entries where every word of `query` appears; None = no filter."""
    words = sorted(set(query.lower().split()), key=len, reverse=True)  # the longest word narrows most
    if not words:
        return None
    found = [e for e in entries if words[0] in e.haystack]
    for word in words[1:]:
        found = [e for e in found if word in e.haystack]
    return {e.key for e in found}
