"""The secrets an environment owns outside environments.json, kept under its name: its
access key (the OS keyring, or session memory when the user chose "this session only")
and the values of its secret variables (the keyring). They follow the environment: copied
with a duplicate, moved with a rename, deleted with it."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.common.errors import Note
from workbench.core.environments.credentials import Credentials, KeyringUnavailable
from workbench.core.environments.secret_variables import SecretVariableStore


@dataclass(frozen=True)
class OwnedSecrets:
    credentials: Credentials | None = field(default=None, repr=False)
    in_session: bool = False  # the credentials are kept for this session only
    variables: dict[str, str] = field(default_factory=dict, repr=False)


class KeyringEntries:
    """Read, write and delete what environments own, in one keyring store and (in the
    window) one session store."""

    def __init__(self, keyring, session=None):
        self.keyring = keyring  # keyring_store.KeyringCredentialStore
        self.session = session  # keyring_store.SessionCredentialStore, or None
        self.variables = SecretVariableStore(keyring)

    def read(self, env) -> tuple[OwnedSecrets, list[Note]]:
        """What `env` owns. KeyringUnavailable if it declares secret variables that cannot be
        read; an unreadable keyring is only a note for its credentials (nothing can be
        stored there either)."""

        notes: list[Note] = []
        variables = self.variables.get(env.name) if env.secret_variables else {}
        kept = self.session.get(env.name) if self.session is not None else None
        if kept is not None:
            return OwnedSecrets(kept, True, variables), notes
        credentials = None
        if env.credential_source.kind == "keyring":
            try:
                credentials = self.keyring.get(env.name)
            except KeyringUnavailable as exc:
                notes.append(Note("keyring_unavailable", f"the credentials of {env.name!r} could not be read from "
                                                         f"the keyring: {exc.reason}"))
        return OwnedSecrets(credentials, False, variables), notes

    def write(self, name: str, owned: OwnedSecrets) -> None:
        if owned.credentials is not None:
            if owned.in_session:
                self.session.set(name, owned.credentials)
            else:
                self.keyring.set(name, owned.credentials)
        if owned.variables:
            self.variables.set(name, owned.variables)

    def clear(self, env) -> tuple[bool, bool, list[Note]]:
        """Delete what `env` owns: (credentials deleted, secret variables deleted, notes).
        A keyring that cannot be reached is a note when the environment keeps something
        there (keyring credentials or secret variables), silence otherwise."""

        in_session = self.session.clear(env.name) if self.session is not None else False
        try:
            in_keyring = self.keyring.clear(env.name)
            secrets = self.variables.clear(env.name)
        except KeyringUnavailable as exc:
            owns = env.credential_source.kind == "keyring" or bool(env.secret_variables)
            notes = [Note("keyring_unavailable", f"could not delete the keyring entry of {env.name!r}: {exc.reason}")]
            return in_session, False, notes if owns else []
        return in_session or in_keyring, secrets, []

    def move(self, env, new_name: str) -> list[Note]:
        """Carry `env`'s secrets over to `new_name` (a rename)."""

        owned, notes = self.read(env)
        self.write(new_name, owned)
        self.clear(env)
        return notes
