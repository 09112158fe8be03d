"""Where typed secrets are kept: the OS keyring (`KeyringCredentialStore`, one entry per
environment), or this process's memory when the user chose "keep for this session only"
(`SessionCredentialStore`). Never a file: a keyring backend that writes one is refused
(`select_backend`), and no usable keyring is `KeyringUnavailable` with the choices."""

from __future__ import annotations

import json
from typing import Mapping

from workbench.core.environments.credential_types import (
    PROBE_NAME,
    Credentials,
    CredentialsError,
    KeyringUnavailable,
)

DEFAULT_KEYRING_SERVICE = "pinpoint-workbench"
KEYRING_SERVICE_ENV = "PINPOINT_WORKBENCH_KEYRING_SERVICE"
KEYRING_BACKEND_ENV = "PYTHON_KEYRING_BACKEND"  # keyring's own variable, honoured from the injected environ



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
