"""Import a Postman environment export into the environment store, its access key and its
other secret values (secret_variables.py) into the keyring: checked before anything is
written, so a refusal leaves nothing half-done."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.environments.credentials import CredentialsError, CredentialStore, KeyringCredentialStore
from workbench.core.environments.destination import unconfirmed_hosts
from workbench.core.environments.model import Environment, EnvironmentExists, EnvironmentStore
from workbench.core.common.errors import Note
from workbench.core.environments.postman_env import load_postman_environment
from workbench.core.environments.secret_variables import SecretVariableStore


@dataclass(frozen=True)
class ImportedEnvironment:
    environment: Environment
    credentials_stored: bool
    credentials_skipped: bool  # the file held an access key that was left out on purpose
    notes: tuple[Note, ...]
    secrets_skipped: tuple[str, ...] = ()  # secret variables left out on purpose


def import_postman_environment(path: Path | str, store: EnvironmentStore, credential_store: CredentialStore | None,
                               *, name: str | None = None, skip_secrets: bool = False,
                               trust_hosts: bool = False) -> ImportedEnvironment:
    """Add the file's environment to `store`, its access key and secret values (unless
    `skip_secrets`) to `credential_store` (secret values need the OS keyring). An endpoint
    that is neither an AWS host nor loopback is recorded as confirmed only with
    `trust_hosts`. EnvironmentExists (remedy `choose_name`) if the name is taken;
    KeyringUnavailable before anything is written if the keyring cannot take the secrets."""
    imported = load_postman_environment(path, name=name)
    env = imported.environment
    if env.name in store:
        raise EnvironmentExists(name=env.name, remedy="choose_name")
    creds = None if skip_secrets else imported.credentials
    secrets = {} if skip_secrets else imported.secret_values
    if skip_secrets:
        env = replace(env, secret_variables=())
    if trust_hosts:
        env = replace(env, confirmed_hosts=env.confirmed_hosts + tuple(unconfirmed_hosts(env)))
    if creds is not None or secrets:
        if credential_store is None:
            raise ValueError("a credential store is needed to import an access key or secret values")
        if secrets and not isinstance(credential_store, KeyringCredentialStore):
            raise CredentialsError("secret variables are kept in the OS keyring; this import has no keyring to put them in")
        if hasattr(credential_store, "check"):
            credential_store.check()  # fail before writing anything
    store.add(env)
    if creds is not None:
        credential_store.set(env.name, creds)
    if secrets:
        SecretVariableStore(credential_store).set(env.name, secrets)
    notes = tuple(Note("import", text) for text in imported.notes)
    skipped = tuple(sorted(imported.secret_values)) if skip_secrets else ()
    return ImportedEnvironment(env, creds is not None, skip_secrets and imported.credentials is not None, notes, skipped)
