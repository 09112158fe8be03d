"""Global variables: the last scope a template looks in (request < environment < globals),
in `globals.json` beside environments.json. Written like the environment store: locked,
re-read, changed, saved atomically.

A secret global (its name says so: apiToken, password, x_api_key...) is kept like an
environment's secret variables: its value in the OS keyring (one entry for the globals),
only its name in the file (`secret_variables`). The send service resolves it at send time
and masks it from then on. The secrets of saved drafts live here too (`keep_draft_secrets`):
a draft file keeps `{{x_api_key}}`, every environment finds its value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping

from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common.paths import config_dir
from workbench.core.common.storage import atomic_write_json, file_lock, load_json_versioned
from workbench.core.environments.secret_variables import SecretVariableStore, is_secret

FILE_NAME = "globals.json"
SCHEMA_VERSION = 1
KEYRING_ENTRY = ".globals"  # the secret variables' keyring entry of the globals (no environment name starts with ".")


class GlobalsInvalid(WorkbenchError):
    fmt = "{path}: {detail}"


class SecretGlobalRefused(WorkbenchError):
    """A secret global with no keyring to keep it in (never written to the file instead)."""

    fmt = "{names}: a secret global is kept only in the OS keyring, and this store has none"


class GlobalsStore:
    def __init__(self, path: Path | str, keyring: Callable[[], object] | None = None):
        """`keyring()`: the user's KeyringCredentialStore, opened when a secret is read or
        kept; None: secret globals are refused (SecretGlobalRefused)."""
        self.path = Path(path)
        self.keyring = keyring
        self.problems: list[Problem] = []
        self.variables: dict[str, str] = {}  # the plain ones
        self.secret_variables: tuple[str, ...] = ()  # names whose values are in the keyring
        self.reload()

    @classmethod
    def at_default_location(cls, environ: Mapping[str, str] | None = None) -> "GlobalsStore":
        from workbench.core.environments.credentials import KeyringCredentialStore

        environ = dict(environ or {})
        return cls(config_dir(environ) / FILE_NAME, keyring=lambda: KeyringCredentialStore.from_environ(environ))

    def reload(self) -> None:
        self.problems, self.variables, self.secret_variables = [], {}, ()
        result = load_json_versioned(self.path, SCHEMA_VERSION, {})
        if result.error is not None:
            self.problems.append(Problem(str(self.path), f"{result.error.detail}; starting with no globals"))
            return
        data = result.data or {}
        names = data.get("secret_variables", [])
        if isinstance(names, list) and all(isinstance(n, str) for n in names):
            self.secret_variables = tuple(names)
        else:
            self.problems.append(Problem(f"{self.path}: $.secret_variables", "must be a list of names; ignored"))
        variables = data.get("variables", {})
        if not isinstance(variables, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in variables.items()):
            self.problems.append(Problem(f"{self.path}: $.variables", "must be an object of strings; ignored"))
            return
        self.variables = dict(variables)

    def is_secret(self, name: str) -> bool:
        return is_secret(name, self.secret_variables)

    def set_variables(self, values: Mapping[str, str]) -> dict[str, str]:
        """Keep `values`: a secret one in the keyring (its name in the file, a plain value of
        that name dropped), the others in the file. The keyring is written first: when it
        cannot be, nothing is written at all. Returns the plain globals."""
        values = {str(k): str(v) for k, v in values.items()}
        secrets = {k: v for k, v in values.items() if self.is_secret(k)}
        if secrets:
            self._keep_secrets(secrets)
        self._save({k: v for k, v in values.items() if k not in secrets}, secrets)
        return dict(self.variables)

    def _save(self, plain: Mapping[str, str], secret_names) -> None:
        with file_lock(self.path):
            self.reload()
            self.variables.update(plain)
            for name in secret_names:
                self.variables.pop(name, None)
            self.secret_variables += tuple(n for n in secret_names if n not in self.secret_variables)
            data: dict = {"schema_version": SCHEMA_VERSION, "variables": self.variables}
            if self.secret_variables:
                data["secret_variables"] = list(self.secret_variables)
            atomic_write_json(self.path, data, private=True)

    def _secret_store(self, names) -> SecretVariableStore:
        if self.keyring is None:
            raise SecretGlobalRefused(names=", ".join(sorted(names)))
        return SecretVariableStore(self.keyring())

    def _keep_secrets(self, secrets: Mapping[str, str]) -> None:
        store = self._secret_store(secrets)
        store.set(KEYRING_ENTRY, {**store.get(KEYRING_ENTRY), **secrets})

    def secret_values(self) -> dict[str, str]:
        """The secret globals' values, from the keyring ({} when there are none; a name with
        no stored value is absent, so a request that uses it names it as missing)."""
        if not self.secret_variables:
            return {}
        stored = self._secret_store(self.secret_variables).get(KEYRING_ENTRY)
        return {name: stored[name] for name in self.secret_variables if name in stored}

    def keep_draft_secrets(self, draft):
        """(`draft` as it may be written, [DraftSecret]): the secrets it held (an x-api-key
        header, a password variable...) kept here as secret globals, the draft referring to
        them (request.draft_secrets). A draft without secrets costs no keyring call."""
        from workbench.core.request.draft_secrets import literal_secrets, without_secrets

        if not literal_secrets(draft):
            return draft, ()
        kept = self.secret_values()
        written, secrets = without_secrets(draft, kept, taken=self.variables)
        new = {s.name: s.value for s in secrets if kept.get(s.name) != s.value}
        if new:
            self._keep_secrets(new)
            self._save({}, new)
        return written, secrets
