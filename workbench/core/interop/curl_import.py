"""A pasted curl command line -> a request draft (linked to its library operation when the
method and path match one).

Understood: the URL, -X/--request, -H/--header, -d/--data/--data-raw/--data-binary/--json,
--aws-sigv4 "aws:amz:REGION:SERVICE". As curl does, `@FILE` after -d/--data/--data-ascii/
--data-binary/--json reads the body from FILE (relative to the current folder; -d and
--data-ascii drop its line breaks), and --data-raw takes `@` literally; a file that is not
there is said in a note, and the body left out. A pasted signed request (Authorization: AWS4-HMAC-SHA256
..., X-Amz-Date, X-Amz-Security-Token) keeps its region and service from the credential
scope; its stale signature and token are dropped (a fresh signature is made at send time).
Credentials given with -u/--user are never kept. Options that only change how curl prints
(-s, -v, -i, -L, --compressed...) are ignored; anything else is named in a note.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.request.drafts import AwsV4Auth, RequestDraft
from workbench.core.common.errors import WorkbenchError
from workbench.core.interop import jsonfile
from workbench.core.interop.postman_request import Inherited, RequestReader
from workbench.core.library.templates import Library, default_library

SCOPE = re.compile(r"Credential=[^/,\s]+/\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request", re.IGNORECASE)
IGNORED = {"-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i", "--include", "-L", "--location",
           "--compressed", "-k", "--insecure", "-g", "--globoff", "--fail", "-f", "--fail-with-body"}
WITH_VALUE_IGNORED = {"-o", "--output", "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "--retry"}
DATA = {"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"}
STRIPS_LINE_BREAKS = {"-d", "--data", "--data-ascii"}  # from an @FILE, as curl does


class CurlImportError(WorkbenchError):
    fmt = "curl command: {reason}"


@dataclass(frozen=True)
class CurlImport:
    draft: RequestDraft
    notes: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"draft": self.draft.to_dict(), "linked": self.draft.operation is not None, "notes": list(self.notes)}


def _words(text: str) -> list[str]:
    text = re.sub(r"\\\r?\n", " ", text.strip())  # line continuations
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise CurlImportError(reason=f"cannot split it into words ({exc})") from None
    if not words or words[0] != "curl":
        raise CurlImportError(reason="expected a command starting with `curl`")
    return words[1:]


def _data(option: str, value: str, cwd: Path, notes: list[str]) -> str | None:
    """The body text a data option gives: its value, or the file an `@FILE` names (None,
    with a note, when that cannot be read)."""
    if option == "--data-raw" or not value.startswith("@"):
        return value
    name = value[1:]
    if name == "-":
        notes.append(f"{option} @-: curl would read the body from its standard input, which is not part of the command; set the body")
        return None
    path = cwd / name
    if not path.is_file():
        notes.append(f"{option} @{name}: there is no file {path}; the body was left out (set it, or import from the folder that has the file)")
        return None
    try:
        text = jsonfile.decode(jsonfile.read_bytes(path), str(path))
    except jsonfile.ForeignFileError as exc:
        notes.append(f"{option} @{name}: {exc}; the body was left out")
        return None
    return text.replace("\r", "").replace("\n", "") if option in STRIPS_LINE_BREAKS else text


def parse_curl(text: str, name: str = "", library: Library | None = None, cwd: Path | str | None = None) -> CurlImport:
    """`cwd`: where curl would have run, for `@FILE` bodies (default: the current folder)."""
    notes: list[str] = []
    cwd = Path.cwd() if cwd is None else Path(cwd)
    method, url, headers, body, sigv4, user = None, None, [], None, None, False
    words = _words(text)
    i = 0
    while i < len(words):
        word = words[i]
        value = words[i + 1] if i + 1 < len(words) else None
        if word.startswith("--") and "=" in word:
            word, value = word.split("=", 1)
            step = 1
        else:
            step = 2
        if word in ("-X", "--request"):
            method = value
        elif word in ("-H", "--header"):
            headers.append(value)
        elif word in DATA:
            data = _data(word, value, cwd, notes) if value is not None else None  # no value: refused below
            if data is not None:
                body = data if body is None else body + "&" + data
            if word == "--json":
                headers.append("Content-Type: application/json")
        elif word == "--aws-sigv4":
            sigv4 = value
        elif word in ("-u", "--user"):
            user = True
        elif word == "--url":
            url = value
        elif word in WITH_VALUE_IGNORED:
            pass
        elif word in IGNORED or (word.startswith("-") and not word.startswith("--") and set(word[1:]) <= set("sSvikLgf")):
            step = 1
        elif word.startswith("-"):
            notes.append(f"option {word} not understood; ignored")
            step = 1
        else:
            if url is not None:
                notes.append(f"a second URL {word!r} ignored")
            url = url or word
            step = 1
        if step == 2 and value is None:
            raise CurlImportError(reason=f"{word} needs a value")
        i += step
    if url is None:
        raise CurlImportError(reason="no URL")
    if user:
        notes.append("-u/--user credentials not imported (the environment's credentials sign the request)")
    region = service = ""
    kept_headers = []
    for header in headers:
        key, sep, val = header.partition(":")
        if not sep:
            notes.append(f"header {header!r} has no ':'; ignored")
            continue
        scope = SCOPE.search(val) if key.strip().lower() == "authorization" else None
        if scope:
            region, service = scope.group(1), scope.group(2)
            notes.append("the pasted signature is stale and was dropped; a fresh one is made at send time")
        kept_headers.append({"key": key.strip(), "value": val.strip()})
    if sigv4:
        parts = sigv4.split(":")
        if len(parts) >= 4:
            region, service = parts[2], parts[3]
        else:
            notes.append(f"--aws-sigv4 {sigv4!r}: expected aws:amz:REGION:SERVICE")
    method = (method or ("POST" if body is not None else "GET")).upper()
    request = {"method": method, "url": url, "header": kept_headers, "body": {"mode": "raw", "raw": body or ""}}
    imported = RequestReader(library or default_library(), {}).read({"request": request}, name or "curl request", Inherited())
    draft = imported.draft
    if service:
        auth = AwsV4Auth(signing_name=service, region=region)
        if draft.operation:
            template = (library or default_library()).find(draft.operation)
            auth = AwsV4Auth() if service == template.signing_name else AwsV4Auth(signing_name=service)
            if region:
                notes.append(f"signed for region {region}; sent in the environment's region")
        draft = replace(draft, auth=auth if any(vars(auth).values()) else None)
    if not draft.name:
        draft = replace(draft, name=draft.operation.split(":")[1] if draft.operation else "curl request")
    if draft.operation and not name:
        draft = replace(draft, name=draft.operation.split(":")[1])
    return CurlImport(draft, tuple(dict.fromkeys(notes + list(imported.notes))))
