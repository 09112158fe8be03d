"""A request that names its own credentials (an imported Postman request's `awsv4` auth:
`{{AccessKeyId}}`, `{{SecretKey}}`, `{{SessionToken}}`) signs as that identity, or not at
all: never as the environment's.

Each binding is rendered from the request's variables, every scope (an environment's secret
variables come from the keyring). A binding to `{{accessKey}}`, `{{secretAccessKey}}` or
`{{sessionToken}}` that no variable answers is the environment's credential of that name
(a Postman environment export's convention). A binding nothing answers stops the send,
naming it. The values live in memory only (not in any repr or dict).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Mapping

from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.credentials import Credentials
from workbench.core.request.drafts import AwsV4Auth
from workbench.core.request.render import UnresolvedVariables, render_text

FIELDS = {"access_key": "access key", "secret_key": "secret key", "session_token": "session token"}
ENVIRONMENT_NAMES = {"access_key": "accessKey", "secret_key": "secretAccessKey", "session_token": "sessionToken"}
WHOLE_VARIABLE = re.compile(r"^\{\{\s*([\w.-]+)\s*\}\}$")
FROM_ENVIRONMENT = object()


class IncompleteIdentity(WorkbenchError):
    code = "incomplete_credentials"
    fmt = ("the request signs with its own credentials but its auth has no {absent} ({bindings}); "
           "it is not sent with the environment's instead: give its auth both an access key and a secret key")


@dataclass(frozen=True)
class RequestIdentity:
    """The credentials a request names, resolved (`values`: field -> text or FROM_ENVIRONMENT)."""

    bindings: tuple[tuple[str, str], ...]  # (field, as written), for messages and the plan's dict
    values: Mapping = field(repr=False, compare=False)

    def credentials(self, environment_credentials: Callable[[], Credentials]) -> Credentials:
        """The request's credentials; `environment_credentials()` is called only when a
        binding is the environment's own."""
        resolved = {}
        for name, value in self.values.items():
            if value is FROM_ENVIRONMENT:
                env = environment_credentials()
                value = {"access_key": env.access_key_id, "secret_key": env.secret_access_key,
                         "session_token": env.session_token}[name]
            resolved[name] = value
        return Credentials(resolved["access_key"], resolved["secret_key"], resolved.get("session_token") or None)

    @property
    def uses_environment(self) -> bool:
        """Whether a binding is the environment's own credential."""
        return any(value is FROM_ENVIRONMENT for value in self.values.values())

    def secret_values(self) -> set[str]:
        """The secret key and session token it resolved (never to be shown)."""
        return {v for name, v in self.values.items()
                if name != "access_key" and isinstance(v, str) and len(v) >= 4}

    def to_dict(self) -> dict:
        return {FIELDS[name]: written for name, written in self.bindings}


def request_identity(auth: AwsV4Auth | None, variables: Mapping) -> RequestIdentity | None:
    """None when the request signs as the environment; else its identity, resolved; raises
    UnresolvedVariables (naming each missing binding) or IncompleteIdentity."""
    written = {name: getattr(auth, name) for name in FIELDS if auth is not None and getattr(auth, name)}
    if not written:
        return None
    bindings = tuple(written.items())
    absent = [FIELDS[name] for name in ("access_key", "secret_key") if name not in written]
    if absent:
        raise IncompleteIdentity(absent=" and ".join(absent), bindings=", ".join(v for _, v in bindings))
    values, missing = {}, {}
    for name, text in written.items():
        bound = WHOLE_VARIABLE.match(text.strip())
        if bound and bound.group(1) not in variables and bound.group(1) == ENVIRONMENT_NAMES[name]:
            values[name] = FROM_ENVIRONMENT
            continue
        try:
            values[name] = render_text(text, variables, f"auth {FIELDS[name]} {text}")
        except UnresolvedVariables as exc:
            for variable, places in exc.fields["missing"].items():
                missing.setdefault(variable, []).extend(places)
    if missing:
        raise UnresolvedVariables(missing)
    return RequestIdentity(bindings, values)
