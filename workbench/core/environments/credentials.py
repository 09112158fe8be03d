"""AWS credentials, held in memory only (never persisted, never in a repr).

Where they come from is an environment's `CredentialSource`:

- ``keyring``: an access key (and optional session token) the user typed, kept in the OS
  keyring (`KeyringCredentialStore`), one entry per environment. No keyring, no silent
  fallback: `KeyringUnavailable` tells the user the choices.
- ``profile``: a named AWS profile, resolved by botocore, so static keys, SSO, assume-role
  and credential_process all work as they do in the AWS CLI.
- ``process``: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN of the process
  environment (injected, so tests and the CLI pass their own).
- ``sandbox``: the fixed, harmless identity of the local sandbox.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Protocol

from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.suggest import did_you_mean

DEFAULT_KEYRING_SERVICE = "pinpoint-workbench"
KEYRING_SERVICE_ENV = "PINPOINT_WORKBENCH_KEYRING_SERVICE"
KEYRING_BACKEND_ENV = "PYTHON_KEYRING_BACKEND"  # keyring's own variable, honoured from the injected environ

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


# --------------------------------------------------------------------------- stores


class CredentialStore(Protocol):
    """What the keyring store and the session-only store share."""

    def set(self, name: str, credentials: Credentials) -> None: ...

    def get(self, name: str) -> Credentials | None: ...

    def clear(self, name: str) -> bool: ...


class SessionCredentialStore:
    """Secrets kept in this process's memory only: forgotten when it exits."""

    source = "session memory"

    def __init__(self) -> None:
        self._items: dict[str, Credentials] = {}

    def set(self, name: str, credentials: Credentials) -> None:
        self._items[name] = _with_source(credentials, self.source)

    def get(self, name: str) -> Credentials | None:
        return self._items.get(name)

    def clear(self, name: str) -> bool:
        return self._items.pop(name, None) is not None


def _with_source(credentials: Credentials, source: str) -> Credentials:
    return Credentials(
        credentials.access_key_id, credentials.secret_access_key, credentials.session_token or None, source
    )


def _refused_reason(backend) -> str | None:
    """Why a keyring backend may not hold our secrets (None if it may)."""

    from keyring.backends import fail

    module = type(backend).__module__
    name = type(backend).__name__
    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available (keyring chose keyring.backends.fail.Keyring)"
    if module.startswith("keyring.backends.null"):
        return "the keyring is disabled (keyring.backends.null)"
    if module.startswith(("keyrings.alt", "keyrings.cryptfile")) or "plaintext" in name.lower():
        return f"{module}.{name} stores secrets in a file, which Pinpoint Workbench refuses"
    return None


def select_backend(backend=None):
    """The keyring backend to use, or KeyringUnavailable.

    A chainer is reduced to its first acceptable member, so a locked Secret Service never
    falls through to a file backend.
    """

    import keyring
    from keyring.backends import chainer

    backend = backend if backend is not None else keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        for member in members:
            if _refused_reason(member) is None:
                return member
        if not members:
            raise KeyringUnavailable(reason="no keyring backend is available (the keyring chain is empty)")
        raise KeyringUnavailable(reason="; ".join(filter(None, map(_refused_reason, members))))
    reason = _refused_reason(backend)
    if reason:
        raise KeyringUnavailable(reason=reason)
    return backend


def backend_from_environ(environ: Mapping[str, str]):
    """The backend named by PYTHON_KEYRING_BACKEND in `environ`, or None for keyring's choice."""

    name = environ.get(KEYRING_BACKEND_ENV)
    if not name:
        return None
    from keyring.core import load_keyring

    try:
        return load_keyring(name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise KeyringUnavailable(reason=f"{KEYRING_BACKEND_ENV}={name} cannot be loaded ({exc})") from None


class KeyringCredentialStore:
    """One keyring entry per environment: username = environment name, password = a JSON
    object {access_key_id, secret_access_key[, session_token]}.

    Each environment is read from the keyring at most once per store (cached in memory,
    misses included); `set` and `clear` update the cache.
    """

    source = "keyring"

    def __init__(self, service: str = DEFAULT_KEYRING_SERVICE, backend=None):
        self.service = service
        self._requested_backend = backend
        self._backend = None
        self._cache: dict[str, Credentials | None] = {}

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "KeyringCredentialStore":
        return cls(environ.get(KEYRING_SERVICE_ENV) or DEFAULT_KEYRING_SERVICE, backend_from_environ(environ))

    @property
    def backend(self):
        if self._backend is None:
            self._backend = select_backend(self._requested_backend)
        return self._backend

    def check(self) -> None:
        """KeyringUnavailable now, rather than halfway through an import."""

        self.get(PROBE_NAME)

    def set(self, name: str, credentials: Credentials) -> None:
        if not credentials.access_key_id or not credentials.secret_access_key:
            raise CredentialsError("both an access key ID and a secret access key are needed")
        blob = {
            "access_key_id": credentials.access_key_id,
            "secret_access_key": credentials.secret_access_key,
        }
        if credentials.session_token:
            blob["session_token"] = credentials.session_token
        self._call("set_password", self.service, name, json.dumps(blob, sort_keys=True))
        self._cache[name] = _with_source(credentials, self.source)

    def get(self, name: str) -> Credentials | None:
        if name in self._cache:
            return self._cache[name]
        raw = self._call("get_password", self.service, name)
        credentials = None if raw is None else self._parse(name, raw)
        self._cache[name] = credentials
        return credentials

    def clear(self, name: str) -> bool:
        """Delete the entry; True if there was one."""

        from keyring.errors import PasswordDeleteError

        try:
            self._call("delete_password", self.service, name, passthrough=(PasswordDeleteError,))
            existed = True
        except PasswordDeleteError:
            existed = False
        self._cache[name] = None
        return existed

    def _parse(self, name: str, raw: str) -> Credentials:
        try:
            blob = json.loads(raw)
            return Credentials(
                str(blob["access_key_id"]),
                str(blob["secret_access_key"]),
                blob.get("session_token") or None,
                self.source,
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            # Never echo `raw`: it may be a secret.
            raise CredentialsError(
                f"the keyring entry for environment {name!r} (service {self.service!r}) is not in "
                "Pinpoint Workbench's format; store the credentials again",
                environment=name, remedy=f"store_credentials:{name}",
            ) from None

    def _call(self, method: str, *args, passthrough: tuple = ()):
        from keyring.errors import KeyringError

        backend = self.backend
        try:
            return getattr(backend, method)(*args)
        except passthrough:
            raise
        except KeyringError as exc:
            raise KeyringUnavailable(reason=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__) from None
        except Exception as exc:  # secretstorage / jeepney / D-Bus failures surface as assorted types
            if _is_backend_failure(exc):
                raise KeyringUnavailable(reason=f"{type(exc).__name__}: {exc}") from None
            raise


def _is_backend_failure(exc: Exception) -> bool:
    module = type(exc).__module__ or ""
    return module.startswith(("secretstorage", "jeepney", "dbus")) or isinstance(exc, (OSError, RuntimeError))


# --------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class ProfileInfo:
    name: str
    kind: str  # "static", "assume-role", "sso", "process", "web-identity", "other"

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


def aws_config_paths(environ: Mapping[str, str]) -> tuple[Path, Path]:
    """(config file, shared credentials file) as the AWS CLI would pick them from `environ`."""

    home = environ.get("HOME") or os.path.expanduser("~")
    config = environ.get("AWS_CONFIG_FILE") or os.path.join(home, ".aws", "config")
    shared = environ.get("AWS_SHARED_CREDENTIALS_FILE") or os.path.join(home, ".aws", "credentials")
    return Path(os.path.expanduser(config)), Path(os.path.expanduser(shared))


def botocore_session(environ: Mapping[str, str], profile: str | None = None):
    """A botocore session reading the AWS config files named by `environ`."""

    import botocore.session

    session = botocore.session.Session(profile=profile)
    config, shared = aws_config_paths(environ)
    session.set_config_variable("config_file", str(config))
    session.set_config_variable("credentials_file", str(shared))
    return session


def _profile_kind(config: Mapping) -> str:
    if "role_arn" in config and "web_identity_token_file" in config:
        return "web-identity"
    if "role_arn" in config:
        return "assume-role"
    if "sso_session" in config or "sso_start_url" in config or "sso_account_id" in config:
        return "sso"
    if "credential_process" in config:
        return "process"
    if "aws_access_key_id" in config:
        return "static"
    return "other"


def list_profiles(environ: Mapping[str, str]) -> list[ProfileInfo]:
    """Every profile of the AWS config and credentials files, sorted, with what kind it is."""

    import botocore.exceptions

    session = botocore_session(environ)
    try:
        profiles = session.full_config.get("profiles", {})
    except botocore.exceptions.ConfigParseError as exc:
        raise CredentialsError(f"cannot read the AWS config: {exc}") from None
    return [ProfileInfo(name, _profile_kind(profiles[name])) for name in sorted(profiles)]


def _profile_credentials(profile: str, environ: Mapping[str, str], region: str | None = None) -> Credentials:
    import botocore.exceptions

    session = botocore_session(environ, profile)
    try:
        known = session.full_config.get("profiles", {})
    except botocore.exceptions.ConfigParseError as exc:
        raise ProfileError(profile=profile, detail=f"the AWS config cannot be parsed: {exc}") from None
    if profile not in known:
        config, shared = aws_config_paths(environ)
        raise ProfileError(profile=profile, detail=f"no such profile in {config} or {shared}")
    if region and not known[profile].get("region"):
        # assume-role / SSO calls go to STS / SSO in the environment's region
        session.set_config_variable("region", region)
    resolver = session.get_component("credential_provider")
    # A named profile must not quietly turn into the machine's instance or container role.
    for method in ("env", "container-role", "iam-role", "boto-config"):
        try:
            resolver.remove(method)
        except (ValueError, KeyError):
            pass
    try:
        found = session.get_credentials()
        frozen = found.get_frozen_credentials() if found is not None else None
    except botocore.exceptions.ProfileNotFound as exc:
        raise ProfileError(profile=profile, detail=str(exc)) from None
    except botocore.exceptions.BotoCoreError as exc:
        raise ProfileError(profile=profile, detail=_describe_botocore_error(exc)) from None
    except botocore.exceptions.ClientError as exc:
        raise ProfileError(profile=profile, detail=f"AWS refused: {exc}") from None
    if frozen is None or not frozen.access_key or not frozen.secret_key:
        raise ProfileError(profile=profile, detail="it defines no credentials (no keys, SSO, role or credential_process)")
    return Credentials(frozen.access_key, frozen.secret_key, frozen.token or None, f"profile {profile}")


def _describe_botocore_error(exc: Exception) -> str:
    import botocore.exceptions

    if isinstance(exc, botocore.exceptions.EndpointConnectionError):
        return f"could not reach the credentials endpoint ({exc})"
    return str(exc)


# --------------------------------------------------------------------------- resolution


def resolve_credentials(env, store: CredentialStore | None, environ: Mapping[str, str]) -> Credentials:
    """The Credentials for an environment (anything with `.name` and `.credential_source`).

    Raises CredentialsMissing / ProfileError / KeyringUnavailable with a message a user can act on.
    """

    source: CredentialSource = env.credential_source
    if source.kind == "sandbox":
        return SANDBOX_CREDENTIALS
    if source.kind == "profile":
        return _profile_credentials(source.profile or "", environ, getattr(env, "region", None))
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
        store = KeyringCredentialStore.from_environ(environ)
    if source.kind in ("sandbox", "process"):  # nothing here can block
        return resolve_credentials(env, store, environ)
    return run_cancellable(lambda: resolve_credentials(env, store, environ), cancel, phase)


def check_profile(profile: str, environ: Mapping[str, str]) -> str:
    """`profile` when the AWS config or credentials file defines it; ProfileError otherwise."""
    names = [info.name for info in list_profiles(environ)]
    if profile in names:
        return profile
    config, shared = aws_config_paths(environ)
    detail = f"no such profile in {config} or {shared}"
    if names:
        detail += f" (profiles there: {', '.join(names)}).{did_you_mean(profile, names)}"
    raise ProfileError(profile=profile, detail=detail)
