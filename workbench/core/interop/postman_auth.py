"""A Postman `auth` object (collection, folder or request) read into what the draft keeps.

- `noauth`: the request is sent unsigned (`unsigned`), as Postman sends it.
- `awsv4` (v2.0's map or v2.1's key/value list): service and region as written, except
  the environment's own `{{region}}` (left empty: the environment's region). An empty
  region for a global service (STS, IAM, CloudFront...) is the region AWS signs it in
  (us-east-1), as Postman signs it. A service name AWS does not know is said, with the
  closest ones.
- Credentials: `{{accessKey}}`, `{{secretAccessKey}}`, `{{sessionToken}}` are the
  environment's credentials (the names a Postman environment export uses: importing one
  puts them in the keyring as the environment's), so an auth bound to those alone is left
  empty: the environment signs. Any other variable (`{{AccessKeyId}}`) is kept as a binding: the request signs with
  the identity it names, resolved when sent (a secret from the keyring), or is refused
  naming the binding; never as another identity. A literal or placeholder key is never
  written to a file: the request binds to `{{importedAccessKey}}`,
  `{{importedSecretKey}}`, `{{importedSessionToken}}` (a number added for a second identity
  of the same collection) and a note says to set them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from workbench.core.interop.linking import POSTMAN_VAR
from workbench.core.interop.postman_url import text
from workbench.core.library.signing_names import check_signing_name, global_signing_region
from workbench.core.request.drafts import AwsV4Auth

AUTH_FIELDS = {"service": "signing_name", "region": "region", "accessKey": "access_key",
               "secretKey": "secret_key", "sessionToken": "session_token"}
CREDENTIAL_FIELDS = ("access_key", "secret_key", "session_token")
ENVIRONMENT_BINDINGS = {"access_key": "accessKey", "secret_key": "secretAccessKey", "session_token": "sessionToken"}
IMPORTED_NAMES = {"access_key": "importedAccessKey", "secret_key": "importedSecretKey",
                  "session_token": "importedSessionToken"}
WHOLE_VARIABLE = re.compile(r"^\{\{\s*([\w.-]+)\s*\}\}$")
ENVIRONMENT_REGION = "region"


@dataclass(frozen=True)
class AuthReading:
    auth: AwsV4Auth | None = None  # None: the environment's credentials and region
    unsigned: bool = False  # Postman's noauth


class LiteralIdentities:
    """The variable names literal keys are bound to: one set per distinct identity in a
    collection (the keys themselves are only hashed, never kept)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def names(self, literals: dict[str, str]) -> dict[str, str]:
        digest = hashlib.sha256("\0".join(literals.get(f, "") for f in CREDENTIAL_FIELDS).encode()).hexdigest()
        number = self._seen.setdefault(digest, len(self._seen) + 1)
        suffix = "" if number == 1 else str(number)
        return {field: IMPORTED_NAMES[field] + suffix for field in literals}


def _values(auth: dict) -> dict:
    params = auth.get("awsv4")
    if isinstance(params, list):  # v2.1: [{"key": ..., "value": ...}]
        return {p.get("key"): p.get("value") for p in params if isinstance(p, dict)}
    if isinstance(params, dict):  # v2.0: {"accessKey": ...}
        return dict(params)
    return {}


def resolve(value: str, variables: dict) -> str:
    return POSTMAN_VAR.sub(lambda m: variables.get(m.group(1), m.group(0)), value)


def read_auth(auth, variables: dict, notes: list, identities: LiteralIdentities, host: str = "") -> AuthReading:
    """What a request signs with, given the auth object it has or inherits (`host`: where it goes)."""
    if not isinstance(auth, dict):
        return AuthReading()
    kind = auth.get("type")
    if kind == "noauth":
        notes.append("auth: none in Postman (noauth): sent unsigned, only to a host the environment allows unsigned requests to")
        return AuthReading(unsigned=True)
    if kind != "awsv4":
        notes.append(f"auth type {kind!r} not imported (Pinpoint requests are signed with SigV4)")
        return AuthReading()
    fields: dict[str, str] = {}
    literals: dict[str, str] = {}
    for key, raw in _values(auth).items():
        target = AUTH_FIELDS.get(key)
        value = text(raw).strip()
        if key == "addAuthDataToQuery" and value == "true":
            notes.append("auth: Postman puts the signature in the query (addAuthDataToQuery); the workbench signs in the headers")
        if target is None or not value:
            continue
        if target in CREDENTIAL_FIELDS:
            bound = WHOLE_VARIABLE.match(value)
            if bound is None:
                literals[target] = value
            else:
                fields[target] = "{{" + bound.group(1) + "}}"
            continue
        if target == "region" and WHOLE_VARIABLE.match(value) and WHOLE_VARIABLE.match(value).group(1) == ENVIRONMENT_REGION:
            continue
        fields[target] = value
    bound = {f: fields[f] for f in CREDENTIAL_FIELDS if f in fields}
    if not literals and all(value == "{{" + ENVIRONMENT_BINDINGS[f] + "}}" for f, value in bound.items()):
        for field in bound:  # the environment's own credentials: the environment signs
            del fields[field]
    if literals:
        names = identities.names(literals)
        for field, name in names.items():
            fields[field] = "{{" + name + "}}"
            key = next(k for k, v in AUTH_FIELDS.items() if v == field)
            notes.append(f"auth {key}: written literally in the collection; not kept (keys never go in a file): "
                         f"this request signs with {{{{{name}}}}}: set it in the environment (a secret goes to "
                         "the keyring), or the send is refused rather than signed as another identity")
    _check_service(fields, variables, notes, host)
    return AuthReading(AwsV4Auth(**fields) if fields else None)


def _check_service(fields: dict, variables: dict, notes: list, host: str) -> None:
    service = resolve(fields.get("signing_name", ""), variables)
    if "signing_name" in fields and "{{" not in fields["signing_name"]:
        notes.append(f"auth service is the literal {fields['signing_name']!r}")
    if "region" in fields and "{{" not in fields["region"]:
        notes.append(f"auth region is pinned to {fields['region']!r}")
    if not service or "{{" in service:
        return
    problem = check_signing_name(service)
    if problem:
        notes.append(f"auth service: {problem} It is refused when sent until corrected")
        return
    region = global_signing_region(service, host)
    if region and not fields.get("region"):
        fields["region"] = region
        notes.append(f"auth region left empty for the global service {service}: signed for {region}, as AWS and Postman sign it")
