"""Import a Postman environment export into the environment store, its access key into the
keyring: checked before anything is written, so a refusal leaves nothing half-done."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.credentials import CredentialStore
from workbench.core.environments import Environment, EnvironmentExists, EnvironmentStore
from workbench.core.errors import Note
from workbench.core.postman_env import load_postman_environment


@dataclass(frozen=True)
class ImportedEnvironment:
    environment: Environment
    credentials_stored: bool
    credentials_skipped: bool  # the file held an access key that was left out on purpose
    notes: tuple[Note, ...]


def import_postman_environment(path: Path | str, store: EnvironmentStore, credential_store: CredentialStore | None,
                               *, name: str | None = None, skip_secrets: bool = False) -> ImportedEnvironment:
    """Add the file's environment to `store` and its access key (unless `skip_secrets`) to
    `credential_store`. EnvironmentExists (remedy `choose_name`) if the name is taken;
    KeyringUnavailable before anything is written if the keyring cannot take the key."""
    imported = load_postman_environment(path, name=name)
    env = imported.environment
    if env.name in store:
        raise EnvironmentExists(name=env.name, remedy="choose_name")
    creds = None if skip_secrets else imported.credentials
    if creds is not None:
        if credential_store is None:
            raise ValueError("a credential store is needed to import an access key")
        if hasattr(credential_store, "check"):
            credential_store.check()  # fail before writing anything
    store.add(env)
    if creds is not None:
        credential_store.set(env.name, creds)
    notes = tuple(Note("import", text) for text in imported.notes)
    return ImportedEnvironment(env, creds is not None, skip_secrets and imported.credentials is not None, notes)
