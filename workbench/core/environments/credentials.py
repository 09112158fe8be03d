"""AWS credentials, held in memory only (never persisted, never in a repr).

Where they come from is an environment's `CredentialSource`:

- ``keyring``: an access key (and optional session token) the user typed, kept in the OS
  keyring (keyring_store.py: `KeyringCredentialStore`), one entry per environment. No
  keyring, no silent fallback: `KeyringUnavailable` tells the user the choices.
- ``profile``: a named AWS profile (aws_profiles.py), resolved by botocore, so static keys,
  SSO, assume-role and credential_process all work as they do in the AWS CLI.
- ``process``: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN of the process
  environment (injected, so tests and the CLI pass their own).
- ``sandbox``: the fixed, harmless identity of the local sandbox.

This module resolves an environment's credentials from its source; it also hands on the
names of the modules it builds on (credential_types.py, keyring_store.py, aws_profiles.py),
so callers import them from here.
"""

from __future__ import annotations

from typing import Mapping

from workbench.core.environments.aws_profiles import (
    ProfileInfo,
    aws_config_paths,
    botocore_session,
    check_profile,
    list_profiles,
    profile_credentials,
)
from workbench.core.environments.credential_types import (
    CREDENTIAL_KINDS,
    PROBE_NAME,
    SANDBOX_CREDENTIALS,
    Credentials,
    CredentialsError,
    CredentialSource,
    CredentialsMissing,
    CredentialStore,
    KeyringUnavailable,
    ProfileError,
    check_access_key_id,
    mask_access_key_id,
)
from workbench.core.environments.keyring_store import (
    DEFAULT_KEYRING_SERVICE,
    KEYRING_BACKEND_ENV,
    KEYRING_SERVICE_ENV,
    KeyringCredentialStore,
    SessionCredentialStore,
    backend_from_environ,
    select_backend,
)
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID

__all__ = [
    "CREDENTIAL_KINDS", "DEFAULT_KEYRING_SERVICE", "KEYRING_BACKEND_ENV", "KEYRING_SERVICE_ENV", "PROBE_NAME",
    "SANDBOX_ACCESS_KEY_ID", "SANDBOX_CREDENTIALS", "CredentialSource", "CredentialStore", "Credentials", "CredentialsError",
    "CredentialsMissing", "KeyringCredentialStore", "KeyringUnavailable", "ProfileError", "ProfileInfo",
    "SessionCredentialStore", "aws_config_paths", "backend_from_environ", "botocore_session", "check_access_key_id",
    "check_profile", "fetch_credentials", "list_profiles", "mask_access_key_id", "resolve_credentials",
    "select_backend",
]


# --------------------------------------------------------------------------- resolution


def resolve_credentials(env, store: CredentialStore | None, environ: Mapping[str, str]) -> Credentials:
    """The Credentials for an environment (anything with `.name` and `.credential_source`).

    Raises CredentialsMissing / ProfileError / KeyringUnavailable with a message a user can act on.
    """

    source: CredentialSource = env.credential_source
    if source.kind == "sandbox":
        return SANDBOX_CREDENTIALS
    if source.kind == "profile":
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
        store = KeyringCredentialStore.from_environ(environ)
    if source.kind in ("sandbox", "process"):  # nothing here can block
        return resolve_credentials(env, store, environ)
    return run_cancellable(lambda: resolve_credentials(env, store, environ), cancel, phase)

