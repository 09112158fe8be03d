"""A response body as it may be kept: the values of secret-named fields masked, and every
value in a caller's set of hidden secrets masked wherever it appears.

A server can echo a secret: `"SessionToken": "..."` from an identity call, an `apiSecret`
or a `password` the request carried. Live output shows the body as it came; everything that
is kept (the history, bundles made from it) goes through `redact_body` first.

The field rule works on the text, not on a parsed tree, so the body keeps its bytes and
layout, and a body cut at the history's per-entry cap (no longer valid JSON) is masked too:
a JSON member `"<secret name>": <string or number>` and an XML element
`<SecretName>...</SecretName>` have their value replaced by `********`. A secret name is
what `secret_variables.is_secret_name` says (secret, password, token, api key...).
"""

from __future__ import annotations

import json
import re
from typing import Iterable

from workbench.core.environments.secret_variables import MASK, is_secret_name, redact

_JSON_MEMBER = re.compile(
    r'(?P<key>"(?:[^"\\]|\\.){1,200}")(?P<sep>\s*:\s*)'
    r'(?P<value>"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)'
)
_XML_ELEMENT = re.compile(r"<(?P<name>[A-Za-z_][\w.-]{0,100})(?P<attrs>\s[^<>]*)?>(?P<value>[^<]*)</(?P=name)\s*>")


def _json_member(match: re.Match) -> str:
    try:
        name = json.loads(match["key"])
    except ValueError:
        return match[0]
    if not is_secret_name(name) or match["value"] in ('""',):
        return match[0]
    return f'{match["key"]}{match["sep"]}"{MASK}"'


def _xml_element(match: re.Match) -> str:
    if not is_secret_name(match["name"]) or not match["value"].strip():
        return match[0]
    return f"<{match['name']}{match['attrs'] or ''}>{MASK}</{match['name']}>"


def redact_text(text: str, hidden: Iterable[str] = ()) -> str:
    """`text` with secret-named fields' values and every hidden value masked."""
    text = redact(text, hidden)
    if '"' in text:
        text = _JSON_MEMBER.sub(_json_member, text)
    if "</" in text:
        text = _XML_ELEMENT.sub(_xml_element, text)
    return text


def redact_body(body: bytes, hidden: Iterable[str] = ()) -> bytes:
    """The body's bytes with secrets masked (bytes that are not UTF-8 pass through as they were)."""
    if not body:
        return body
    text = body.decode("utf-8", errors="surrogateescape")
    return redact_text(text, hidden).encode("utf-8", errors="surrogateescape")
