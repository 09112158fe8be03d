"""Which variables are secret, the one way every output masks them, and where their
values live (the OS keyring, never a file).

A variable is secret when its name says so (`is_secret_name`: secret, password, token,
api key, credential, private key, authorization...) or when its environment declares it
secret (`Environment.secret_variables`: a Postman value typed "secret"). Every front end
shows a secret's value as `mask(value)` and passes text it prints, logs or saves through
`redact(text, values)` (values from `secret_values`), so a secret that landed in a header,
a URL or a body never reaches a screen, a history row or a file.

The values of an environment's declared secret variables are kept in the OS keyring
(`SecretVariableStore`), one entry per environment next to its access key.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping  # not typing: the command line imports this for --help
from urllib.parse import quote, quote_plus

from workbench.core.common.secret_names import SECRET_NAME, is_secret_name  # noqa: F401 (the rule, here for its users)

MASK = "********"
MIN_REDACTED_LENGTH = 4  # shorter values would mask ordinary text everywhere


def is_secret(name: str, declared: Iterable[str] = ()) -> bool:
    return name in set(declared) or is_secret_name(name)


def mask(value) -> str:
    """How a secret value is shown: never its length or any of its characters."""

    return MASK if value not in (None, "") else ""


def mask_variables(variables: Mapping[str, object], declared: Iterable[str] = ()) -> dict:
    """A copy of `variables` with every secret one masked."""

    declared = set(declared)
    return {name: mask(value) if is_secret(name, declared) else value for name, value in variables.items()}


def secret_values(variables: Mapping[str, object], declared: Iterable[str] = ()) -> set[str]:
    """The values of the secret variables among `variables` (what `redact` must hide)."""

    declared = set(declared)
    return {
        str(value)
        for name, value in variables.items()
        if is_secret(name, declared) and value is not None and len(str(value)) >= MIN_REDACTED_LENGTH
    }


@functools.lru_cache(maxsize=4096)
def _forms(value: str) -> frozenset[str]:
    """The ways a value shows up once rendered: as is, JSON-escaped, percent-encoded (worked
    out once per value: every output of a session redacts against the same few)."""

    forms = {value, json.dumps(value, ensure_ascii=False)[1:-1], json.dumps(value)[1:-1], quote(value, safe=""),
             quote_plus(value, safe="")}
    forms.add(json.dumps(json.dumps(value, ensure_ascii=False)[1:-1], ensure_ascii=False)[1:-1])  # JSON of JSON
    return frozenset(form for form in forms if len(form) >= MIN_REDACTED_LENGTH)


def redact(text: str, values: Iterable[str]) -> str:
    """`text` with every form of every value in `values` replaced by MASK."""

    forms: set[str] = set()
    for value in values:
        forms |= _forms(value)
    for form in sorted(forms, key=len, reverse=True):  # a secret containing another goes whole
        text = text.replace(form, MASK)
    return text


# --------------------------------------------------------------------------- the keyring


class SecretVariableStore:
    """Declared secret variables of each environment, in the OS keyring: one entry per
    environment (username = environment name) under the service `<keyring service>:variables`,
    holding a JSON object {name: value}. Uses the same backend and refusals as the
    credential store (no keyring: KeyringUnavailable with the choices, never a file)."""

    def __init__(self, keyring_store):
        self.keyring = keyring_store  # a keyring_store.KeyringCredentialStore
        self.service = f"{keyring_store.service}:variables"

    def set(self, name: str, values: Mapping[str, str]) -> None:
        self.keyring._call("set_password", self.service, name, json.dumps(dict(values), sort_keys=True))

    def get(self, name: str) -> dict[str, str]:
        raw = self.keyring._call("get_password", self.service, name)
        if raw is None:
            return {}
        try:
            values = json.loads(raw)
        except ValueError:
            values = None
        if not isinstance(values, dict):
            from workbench.core.environments.credentials import CredentialsError

            # never echo `raw`: it holds secrets
            raise CredentialsError(f"the keyring entry of the secret variables of {name!r} is not in Pinpoint Workbench's format")
        return {str(k): str(v) for k, v in values.items()}

    def clear(self, name: str) -> bool:
        from keyring.errors import PasswordDeleteError

        try:
            self.keyring._call("delete_password", self.service, name, passthrough=(PasswordDeleteError,))
        except PasswordDeleteError:
            return False
        return True


def form_variables(env) -> dict[str, str]:
    """The variables of `env` as a form shows them: plain ones with their values, secret
    ones (declared, or a plain one whose name says secret) as MASK."""

    shown = {k: MASK if is_secret_name(k) else v for k, v in env.variables.items()}
    shown.update({name: MASK for name in env.secret_variables})
    return shown


def route_variables(env, values: Mapping[str, str], gone: Iterable[str], keyring_store):
    """`env` with `values` set and the variables `gone` removed: a secret value (by name or
    declared) into its keyring entry with only its name in the environment (a plain
    variable of the same name leaves the file), a plain one into the environment. The
    sandbox keeps no secret. Returns the new environment (not saved: the caller saves it)."""
    from dataclasses import replace

    from workbench.core.common.errors import WorkbenchError

    gone = list(gone)
    secrets = {k: v for k, v in values.items() if is_secret(k, env.secret_variables) and v != MASK}  # the mask is no value
    values = {k: v for k, v in values.items() if k in secrets or not is_secret(k, env.secret_variables)}
    dropped = [k for k in gone if k in env.secret_variables]
    if secrets and env.is_sandbox:
        raise WorkbenchError(f"{', '.join(sorted(secrets))}: secret values are kept per saved environment, "
                             "and the sandbox keeps none; pass them for one send instead", variables=sorted(secrets))
    plain = {k: v for k, v in {**env.variables, **values}.items() if k not in secrets and k not in gone}
    declared = tuple(k for k in (*env.secret_variables, *secrets) if k not in dropped)
    updated = replace(env, variables=plain, secret_variables=declared)  # checks every rule first
    if secrets or dropped:
        store = SecretVariableStore(keyring_store)
        kept = {k: v for k, v in store.get(env.name).items() if k not in dropped}
        kept.update(secrets)
        if kept:
            store.set(env.name, kept)
        else:
            store.clear(env.name)
    return updated


def resolve_secret_variables(env, environ: Mapping[str, str]) -> dict[str, str]:
    """The values of `env`'s declared secret variables, from the keyring ({} if it declares
    none; a name with no stored value is simply absent, so rendering names it as missing)."""

    if not getattr(env, "secret_variables", ()):
        return {}
    from workbench.core.environments.keyring_store import KeyringCredentialStore

    stored = SecretVariableStore(KeyringCredentialStore.from_environ(environ)).get(env.name)
    return {name: stored[name] for name in env.secret_variables if name in stored}
