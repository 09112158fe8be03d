"""The one way environments change, whoever asks (the command line, the window, a save
from a response): add, edit, rename, duplicate, remove, trust a host, set and unset
variables, import a Postman export, store and clear credentials.

Every change is checked by the same rules (rules.py, plus the CA bundle, the region and
the profile when they are entered or changed), applied to the environment as it is on disk
at that moment (the store locks and re-reads), and keeps what it was not asked to change:
an edit names only the fields that changed. Secrets go to the OS keyring, never to
environments.json: a variable whose name says it is a secret, or that the environment
declares secret, is kept in the keyring with only its name in the file; the keyring
entries an environment owns follow it through a rename or a duplicate and go with it.

Front ends read the answers (`Saved`, `Removed`, their `notes`) and present them; the
window calls this from its workers, never on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Mapping

from workbench.core.common.errors import Note
from workbench.core.environments.credentials import Credentials, CredentialsError, check_access_key_id
from workbench.core.environments.destination import unconfirmed_hosts
from workbench.core.environments.environment import (
    SANDBOX_NAME,
    Environment,
    EnvironmentError_,
    EnvironmentExists,
)
from workbench.core.environments.keyring_entries import KeyringEntries
from workbench.core.environments.checks import checked_environment
from workbench.core.environments.secret_variables import (
    SecretVariableStore,
    form_variables,
    is_secret,
    is_secret_name,
    route_variables,
)
from workbench.core.environments.store import EnvironmentStore

EDITABLE = ("name", "region", "host_overrides", "account_id", "colour", "production", "credential_source",
            "ca_bundle", "set_variables", "unset_variables")


@dataclass(frozen=True)
class Saved:
    """An environment as a change left it, and what the user should hear about it."""

    environment: Environment
    notes: tuple[Note, ...] = ()
    to_keyring: tuple[str, ...] = ()  # variables whose values went to the OS keyring
    to_file: tuple[str, ...] = ()  # plain variables written to environments.json
    removed: tuple[str, ...] = ()  # variables removed
    confirmed: tuple[str, ...] = ()  # hosts confirmed as destinations by this change


@dataclass(frozen=True)
class Removed:
    name: str
    credentials_deleted: bool
    secrets_deleted: bool
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Imported:
    environment: Environment
    credentials_stored: bool
    credentials_skipped: bool  # the file held an access key that was left out on purpose
    notes: tuple[Note, ...]
    secrets_skipped: tuple[str, ...] = ()  # secret variables left out on purpose


class EnvironmentService:
    """Environment operations over one store. `environ` names the keyring service and the
    AWS config files; `session` is the window's "this session only" credential store."""

    def __init__(self, store: EnvironmentStore, environ: Mapping[str, str], *, keyring=None, session=None):
        self.store = store
        self.environ = environ
        self.session = session
        self._keyring = keyring

    @classmethod
    def at_default_location(cls, environ: Mapping[str, str], **kwargs) -> "EnvironmentService":
        return cls(EnvironmentStore.at_default_location(environ), environ, **kwargs)

    def keyring(self):
        """The keyring store: the one given, else a fresh one (the window sees changes made
        from a terminal; KeyringUnavailable comes when it is used)."""

        if self._keyring is not None:
            return self._keyring
        from workbench.core.environments.keyring_store import KeyringCredentialStore

        return KeyringCredentialStore.from_environ(self.environ)

    def _entries(self) -> KeyringEntries:
        return KeyringEntries(self.keyring(), self.session)

    # ---- reading (the store's answers)

    def list(self) -> list[Environment]:
        return self.store.list()

    def names(self) -> list[str]:
        return self.store.names()

    def get(self, name: str) -> Environment:
        return self.store.get(name)

    def report(self) -> str:
        return self.store.report()

    def poll(self) -> bool:
        return self.store.poll()

    # ---- add, edit, rename, duplicate, remove, trust

    def add(self, values: Mapping[str, Any], *, force: bool = False, trust_hosts: bool = False) -> Saved:
        """A new environment from `values` (Environment field names; its variables may hold
        secrets: they go to the keyring). `force` keeps a region botocore does not know yet
        or a profile that is not configured yet; `trust_hosts` confirms its hosts."""

        values = dict(values)
        variables = dict(values.pop("variables", {}) or {})
        secrets = {k: v for k, v in variables.items() if isinstance(k, str) and is_secret_name(k)}
        plain = {k: v for k, v in variables.items() if k not in secrets}
        env = checked_environment(None, {**values, "variables": plain, "secret_variables": tuple(secrets)}, self.environ, force)
        confirmed: tuple[str, ...] = ()
        if trust_hosts:
            confirmed = tuple(unconfirmed_hosts(env))
            env = replace(env, confirmed_hosts=env.confirmed_hosts + confirmed)
        if env.name == SANDBOX_NAME:
            raise EnvironmentError_("'sandbox' is the built-in local sandbox environment; choose another name")
        if env.name in self.store:
            raise EnvironmentExists(name=env.name)
        entries = self._entries() if secrets else None
        if entries is not None:
            entries.keyring.check()  # no keyring: refuse before writing anything
        self.store.add(env)
        if entries is not None:
            entries.variables.set(env.name, secrets)
        return Saved(env, (*_secret_notes(secrets), *_host_notes(env), *_offering_notes(env)),
                     to_keyring=tuple(sorted(secrets)), to_file=tuple(sorted(plain)), confirmed=confirmed)

    def edit(self, name: str, changes: Mapping[str, Any], *, force: bool = False) -> Saved:
        """Change only the fields in `changes` (Environment field names, plus `set_variables`
        {name: value} and `unset_variables` [names]) of `name` as it is on disk now;
        everything else (secret variables, confirmed hosts, fields a form does not show, a
        change made meanwhile from a terminal) is kept. A new `name` renames it (its
        keyring entries follow). `form_changes` turns a form into these changes."""

        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        changes = dict(changes)
        values = dict(changes.pop("set_variables", None) or {})
        unset = list(changes.pop("unset_variables", None) or ())
        notes: list[Note] = []

        def change(current: Environment) -> Environment:
            if current.is_sandbox and changes:
                raise EnvironmentError_("'sandbox' is the built-in local sandbox environment; only its variables change")
            env = checked_environment(current, {**_field_values(current), **changes}, self.environ, force) if changes else current
            if env.name != current.name:
                if env.name in self.store or env.name == SANDBOX_NAME:
                    raise EnvironmentExists(name=env.name)
                notes.extend(self._entries().move(current, env.name))
            have = set(env.variables) | set(env.secret_variables)
            if values or unset:
                env = route_variables(env, values, [k for k in unset if k in have], self.keyring())
            return env

        env = self.store.change(name, change)
        to_keyring = tuple(sorted(k for k in values if k in env.secret_variables))
        return Saved(env, (*notes, *_secret_notes(to_keyring), *_host_notes(env),
                           *(_offering_notes(env) if "region" in changes else ())),
                     to_keyring=to_keyring, to_file=tuple(sorted(k for k in values if k not in to_keyring)),
                     removed=tuple(sorted(unset)))

    def rename(self, name: str, new_name: str) -> Saved:
        return self.edit(name, {"name": new_name})

    def duplicate(self, name: str, new_name: str, region: str) -> Saved:
        """A copy of `name` under `new_name` in `region`, with everything it has (variables,
        hosts, confirmed hosts) and a copy of its credentials and secret variables."""

        env = self.store.get(name)
        if env.is_sandbox:
            raise EnvironmentError_("the sandbox environment is built in; duplicate an AWS environment")
        copy = checked_environment(env, {**_field_values(env), "name": new_name, "region": region}, self.environ, force=False)
        if copy.name in self.store or copy.name == SANDBOX_NAME:
            raise EnvironmentExists(name=copy.name)
        entries = self._entries()
        owned, notes = entries.read(env)  # before writing: secrets that cannot be read stop the copy
        self.store.add(copy)
        entries.write(copy.name, owned)
        return Saved(copy, (*notes, *_host_notes(copy), *_offering_notes(copy)))

    def remove(self, name: str) -> Removed:
        """Remove `name` and the keyring entries it owns (credentials, secret variables)."""

        env = self.store.remove(name)
        credentials, secrets, notes = self._entries().clear(env)
        return Removed(env.name, credentials, secrets, tuple(notes))

    def trust(self, name: str) -> Saved:
        """Confirm the hosts of `name` that are neither AWS hosts nor this machine."""

        confirmed: list[str] = []

        def change(current: Environment) -> Environment:
            confirmed.extend(unconfirmed_hosts(current))
            return replace(current, confirmed_hosts=current.confirmed_hosts + tuple(confirmed))

        env = self.store.change(name, change) if unconfirmed_hosts(self.store.get(name)) else self.store.get(name)
        return Saved(env, confirmed=tuple(confirmed))

    # ---- variables

    def set_variables(self, name: str, values: Mapping[str, str]) -> Saved:
        """Set variables of `name` (the sandbox's too): secret ones (by name, or declared by
        the environment) to the keyring, the others to environments.json. `Saved` says
        which went where. The sandbox keeps no secret."""

        def change(current: Environment) -> Environment:
            return route_variables(current, dict(values), (), self.keyring())

        env = self.store.change(name, change)
        to_keyring = tuple(sorted(k for k in values if is_secret(k, env.secret_variables)))
        to_file = tuple(sorted(k for k in values if k not in to_keyring))
        return Saved(env, _secret_notes(to_keyring), to_keyring=to_keyring, to_file=to_file)

    def unset_variables(self, name: str, names) -> Saved:
        """Remove variables (plain or secret); a name it does not have is an error that says
        which it has."""

        names = list(names)

        def change(current: Environment) -> Environment:
            have = set(current.variables) | set(current.secret_variables)
            unknown = [k for k in names if k not in have]
            if unknown:
                raise EnvironmentError_(
                    f"environment {current.name!r} has no variable {', '.join(map(repr, unknown))}; "
                    f"it has: {', '.join(sorted(have)) or 'none'}", environment=current.name, variables=unknown)
            return route_variables(current, {}, names, self.keyring())

        return Saved(self.store.change(name, change), removed=tuple(names))

    # ---- import

    def import_postman(self, path, *, name: str | None = None, skip_secrets: bool = False,
                       trust_hosts: bool = False) -> Imported:
        """A Postman environment export (postman_env.py) as a new environment, its access key
        and secret values (unless `skip_secrets`) to the keyring; an endpoint that is neither
        an AWS host nor this machine confirmed only with `trust_hosts`. Checked before
        anything is written: a taken name (remedy `choose_name`), no usable keyring for the
        secrets, a rule the environment breaks."""
        from workbench.core.environments.postman_env import load_postman_environment

        imported = load_postman_environment(path, name=name)
        credentials = None if skip_secrets else imported.credentials
        secrets = {} if skip_secrets else dict(imported.secret_values)
        env = checked_environment(None, {**_field_values(imported.environment),
                                   "secret_variables": tuple(secrets)}, self.environ, force=True)  # a file cannot say --force
        if env.name in self.store or env.name == SANDBOX_NAME:
            raise EnvironmentExists(name=env.name, remedy="choose_name")
        confirmed = tuple(unconfirmed_hosts(env)) if trust_hosts else ()
        env = replace(env, confirmed_hosts=env.confirmed_hosts + confirmed)
        keyring = self.keyring() if credentials is not None or secrets else None
        if keyring is not None:
            keyring.check()  # fail before writing anything
        self.store.add(env)
        if credentials is not None:
            keyring.set(env.name, credentials)
        if secrets:
            SecretVariableStore(keyring).set(env.name, secrets)
        skipped = tuple(sorted(imported.secret_values)) if skip_secrets else ()
        notes = (*(Note("import", text) for text in imported.notes), *_host_notes(env), *_offering_notes(env))
        return Imported(env, credentials is not None, skip_secrets and imported.credentials is not None,
                        notes, skipped)

    # ---- credentials

    def can_store_credentials(self, name: str, access_key_id: str, *, session_only: bool = False) -> Environment:
        """`name` when an access key can be stored for it (a keyring environment, a plausible
        access key ID, a usable keyring); the error that says why not otherwise. For a
        front end that asks for the secret only once this passes."""

        env = self.store.get(name)
        if env.credential_source.kind != "keyring":
            raise CredentialsError(f"environment {env.name!r} takes its credentials from the "
                                   f"{env.credential_source.describe()}; only keyring environments store an access key")
        check_access_key_id(access_key_id)
        if session_only and self.session is None:
            raise CredentialsError("this front end cannot keep credentials for the session only")
        if not session_only:
            self.keyring().check()
        return env

    def store_credentials(self, name: str, credentials: Credentials, *, session_only: bool = False) -> str:
        """Keep `credentials` for keyring environment `name`: in the keyring, or (in the
        window, when the keyring cannot be used) for this session only. Returns where."""

        if not credentials.access_key_id or not credentials.secret_access_key:
            raise CredentialsError("both an access key ID and a secret access key are needed")
        env = self.can_store_credentials(name, credentials.access_key_id, session_only=session_only)
        if session_only:
            self.session.set(env.name, credentials)
            return "for this session only"
        self.keyring().set(env.name, credentials)
        if self.session is not None:
            self.session.clear(env.name)
        return "in the keyring"

    def clear_credentials(self, name: str) -> bool:
        """Forget the stored credentials of `name` (keyring and session); True if there were any."""

        env = self.store.get(name)
        in_session = self.session.clear(env.name) if self.session is not None else False
        try:
            return self.keyring().clear(env.name) or in_session
        except CredentialsError:
            if in_session:
                return True
            raise

    def credential_status(self, env: Environment):
        """Where `env`'s credentials come from and whether they are there (never the secret)."""
        from workbench.core.environments.credential_status import CredentialStatus, credential_status

        kept = self.session.get(env.name) if self.session is not None else None
        if kept is not None:
            token = " + session token" if kept.session_token else ""
            return CredentialStatus("session memory", "stored", kept.masked_access_key_id + token)
        keyring = self.keyring() if env.credential_source.kind == "keyring" else None
        return credential_status(env, keyring, self.environ)


def form_changes(shown: Environment, values: Mapping[str, Any]) -> dict[str, Any]:
    """What `EnvironmentService.edit` should change, from a form: the fields of `values`
    (Environment field names; `variables` as the form shows them, `form_variables`) that
    differ from the environment the form showed. A variable the user did not touch, a
    secret left masked, a field the form does not show: not a change, so kept as it is on
    disk."""

    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key != "variables":
            if value != getattr(shown, key):
                changes[key] = value
            continue
        before = form_variables(shown)
        changed = {k: v for k, v in value.items() if before.get(k) != v}
        gone = [k for k in before if k not in value]
        if changed:
            changes["set_variables"] = changed
        if gone:
            changes["unset_variables"] = gone
    return changes


def _field_values(env: Environment) -> dict[str, Any]:
    return {f.name: getattr(env, f.name) for f in fields(env)}


def _secret_notes(names) -> tuple[Note, ...]:
    if not names:
        return ()
    return (Note("secret_to_keyring", f"{', '.join(sorted(names))}: secret; the value went to the OS keyring, "
                                      "not the environments file"),)


def _host_notes(env: Environment) -> tuple[Note, ...]:
    return tuple(Note("unconfirmed_host", f"{host} is neither an AWS host nor this machine: sends with this "
                                          "environment's credentials are refused until you confirm it",
                      remedy=f"confirm_host:{env.name}") for host in unconfirmed_hosts(env))


def _offering_notes(env: Environment) -> tuple[Note, ...]:
    from workbench.core.library import regions

    missing = env.missing_apis
    if not missing or env.is_sandbox:
        return ()
    return (Note("not_offered", f"not offered in {env.region}: {', '.join(regions.APIS[a].label for a in missing)}"),)
