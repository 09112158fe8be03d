"""AWS credentials, held in memory only (never persisted, never in a repr).

Where they come from is an environment's `CredentialSource`:

- ``keyring``: an access key (and optional session token) the user typed, kept in the OS
  keyring (keyring_store.py: `KeyringCredentialStore`), one entry per environment. No keyring, no silent
  fallback: `KeyringUnavailable` tells the user the choices.
- ``profile``: a named AWS profile (aws_profiles.py), resolved by botocore, so static keys, SSO, assume-role
  and credential_process all work as they do in the AWS CLI.
- ``process``: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN of the process
  environment (injected, so tests and the CLI pass their own).
- ``sandbox``: the fixed, harmless identity of the local sandbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol

from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY

CREDENTIAL_KINDS = ("keyring", "profile", "process", "sandbox")
PROBE_NAME = ".workbench-probe"  # environment names cannot start with "."


@dataclass(frozen=True)
class Credentials:
    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)
    source: str = ""  # where they came from, for display: "keyring", "profile dev", "sandbox"...

    @property
    def masked_access_key_id(self) -> str:
        return mask_access_key_id(self.access_key_id)


# The local sandbox's fixed, harmless identity (no AWS account needed).
SANDBOX_CREDENTIALS = Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, source="sandbox")


def mask_access_key_id(key_id: str) -> str:
    """AKIA************MPLE: enough to recognise a key, not enough to use it."""

    if len(key_id) <= 8:
        return "*" * len(key_id)
    return key_id[:4] + "*" * (len(key_id) - 8) + key_id[-4:]


@dataclass(frozen=True)
class CredentialSource:
    """Where an environment's credentials come from (never the credentials themselves)."""

    kind: str = "keyring"
    profile: str | None = None  # only for kind "profile"

    def __post_init__(self):
        if self.kind not in CREDENTIAL_KINDS:
            raise CredentialsError(
                f"unknown credential source {self.kind!r}; expected one of {', '.join(CREDENTIAL_KINDS)}"
            )
        if self.kind == "profile" and not self.profile:
            raise CredentialsError("a 'profile' credential source needs a profile name")
        if self.kind != "profile" and self.profile:
            raise CredentialsError(f"a {self.kind!r} credential source takes no profile name")

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"kind": self.kind}
        if self.profile:
            data["profile"] = self.profile
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "CredentialSource":
        if not isinstance(data, Mapping):
            raise CredentialsError("credential_source must be an object like {\"kind\": \"keyring\"}")
        unknown = set(data) - {"kind", "profile"}
        if unknown:
            raise CredentialsError(f"credential_source has unknown keys: {', '.join(sorted(unknown))}")
        return cls(kind=data.get("kind", "keyring"), profile=data.get("profile"))

    def describe(self) -> str:
        if self.kind == "profile":
            return f"AWS profile {self.profile}"
        return {
            "keyring": "OS keyring",
            "process": "process environment (AWS_ACCESS_KEY_ID...)",
            "sandbox": "local sandbox identity",
        }[self.kind]


# --------------------------------------------------------------------------- errors


class CredentialsError(WorkbenchError):
    fmt = "{message}"


_ACCESS_KEY_ID = re.compile(r"^[A-Z0-9]{16,128}$")


def check_access_key_id(key_id: str) -> None:
    """Refuse what cannot be an access key ID (16 to 128 upper-case letters and digits, AKIA...
    or ASIA... for AWS's own). The value is not repeated: it may be a secret pasted by mistake."""

    if _ACCESS_KEY_ID.match(key_id):
        return
    looks_secret = " (that looks like a secret access key: the secret is prompted for, or read from stdin)" \
        if len(key_id) == 40 and re.search(r"[a-z/+]", key_id) else ""
    raise CredentialsError(
        f"not an access key ID ({len(key_id)} characters): an access key ID is 16 to 128 upper-case letters "
        f"and digits, such as AKIAIOSFODNN7EXAMPLE{looks_secret}", length=len(key_id))


class CredentialsMissing(CredentialsError):
    fmt = "{message}"


class ProfileError(CredentialsError):
    fmt = "AWS profile {profile!r} cannot be used: {detail}"


class KeyringUnavailable(CredentialsError):
    remedy = "use_profile"
    fmt = (
        "The OS keyring is not usable: {reason}.\n"
        "Choose one:\n"
        "  - unlock or install a keyring (a Secret Service such as gnome-keyring or KWallet on Linux;\n"
        "    macOS Keychain and Windows Credential Locker work out of the box), then retry;\n"
        "  - use an AWS profile instead (an environment whose credentials come from a named profile);\n"
        "  - keep the secret in memory for this session only (the desktop app offers this; it is\n"
        "    forgotten when the app closes).\n"
        "Pinpoint Workbench never falls back to storing secrets in a file."
    )


class CredentialStore(Protocol):
    """What the keyring store and the session-only store share."""

    def set(self, name: str, credentials: Credentials) -> None: ...

    def get(self, name: str) -> Credentials | None: ...

    def clear(self, name: str) -> bool: ...


# --------------------------------------------------------------------------- resolution


def resolve_credentials(env, store: CredentialStore | None, environ: Mapping[str, str]) -> Credentials:
    """The Credentials for an environment (anything with `.name` and `.credential_source`).

    Raises CredentialsMissing / ProfileError / KeyringUnavailable with a message a user can act on.
    """

    source: CredentialSource = env.credential_source
    if source.kind == "sandbox":
        return SANDBOX_CREDENTIALS
    if source.kind == "profile":
        from workbench.core.environments.aws_profiles import profile_credentials

        return profile_credentials(source.profile or "", environ, getattr(env, "region", None))
    if source.kind == "process":
        key_id = environ.get("AWS_ACCESS_KEY_ID", "")
        secret = environ.get("AWS_SECRET_ACCESS_KEY", "")
        if not key_id or not secret:
            missing = [n for n, v in (("AWS_ACCESS_KEY_ID", key_id), ("AWS_SECRET_ACCESS_KEY", secret)) if not v]
            raise CredentialsMissing(
                f"environment {env.name!r} takes its credentials from the process environment, "
                f"but {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set",
                environment=env.name, missing=missing,
            )
        return Credentials(key_id, secret, environ.get("AWS_SESSION_TOKEN") or None, "process environment")
    if store is None:
        raise CredentialsMissing(f"environment {env.name!r} keeps its credentials in the keyring, but no store was given",
                                 environment=env.name)
    found = store.get(env.name)
    if found is None:
        raise CredentialsMissing(
            f"no credentials stored for environment {env.name!r}",
            environment=env.name, remedy=f"store_credentials:{env.name}",
        )
    return found


def fetch_credentials(env, environ: Mapping[str, str], *, store: CredentialStore | None = None,
                      cancel=None, progress=None) -> Credentials:
    """`resolve_credentials` for a send: reports its phase ("keyring" for the OS keyring,
    "credentials" otherwise) and returns at once with Cancelled(phase) on cancel, even while
    botocore waits on SSO, STS or a credential_process, or the keyring waits on D-Bus."""
    from workbench.core.common.cancel import run_cancellable
    from workbench.core.common.progress import Progress

    source: CredentialSource = env.credential_source
    phase = "keyring" if source.kind == "keyring" else "credentials"
    if progress is not None:
        progress(Progress(phase, source.describe()))
    if source.kind == "keyring" and store is None:
        from workbench.core.environments.keyring_store import KeyringCredentialStore

        store = KeyringCredentialStore.from_environ(environ)
    if source.kind in ("sandbox", "process"):  # nothing here can block
        return resolve_credentials(env, store, environ)
    return run_cancellable(lambda: resolve_credentials(env, store, environ), cancel, phase)


# Moved to keyring_store.py and aws_profiles.py; still importable from here.
_MOVED = {
    "keyring_store": ("DEFAULT_KEYRING_SERVICE", "KEYRING_BACKEND_ENV", "KEYRING_SERVICE_ENV", "KeyringCredentialStore",
                      "SessionCredentialStore", "backend_from_environ", "select_backend"),
    "aws_profiles": ("ProfileInfo", "aws_config_paths", "botocore_session", "check_profile", "list_profiles"),
}


def __getattr__(name: str):
    import importlib

    for module, names in _MOVED.items():
        if name in names:
            return getattr(importlib.import_module(f"workbench.core.environments.{module}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
