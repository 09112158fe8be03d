"""The environment manager's and credentials dialog's calls into core, each in a worker
(files, keyring, AWS config, network), answered by signals. The dialogs own no data: they
show what these signals carry and call these intents."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workbench.core.environments.credentials import Credentials, KeyringUnavailable, mask_access_key_id


class EnvironmentActions(QObject):
    changed = Signal(str)  # what changed, for the status line (the list reloads through the controller)
    created = Signal(str)  # the name of an environment just added, imported or duplicated
    failed = Signal(str)  # a located, user-facing message
    profiles_loaded = Signal(object)  # [ProfileInfo]
    stored_status = Signal(str, str)  # environment name, "stored, AKIA****MPLE" | "nothing stored" | ...
    keyring_unavailable = Signal(str, str)  # environment name, why
    tested = Signal(str, object)  # environment name, credentials_check report (+ identity where known)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller

    # ---- helpers

    def _run(self, fn, on_result, on_error=None):
        from workbench.ui.owned_work import run_for

        return run_for(self, self.controller, fn, on_result, on_error or (lambda exc: self.failed.emit(str(exc))))

    def _env_store(self, use):
        """use(EnvironmentStore): the controller's store, one worker at a time."""
        return self.controller.using("environments", use)

    def _keyring(self):
        from workbench.core.environments.credentials import KeyringCredentialStore

        return KeyringCredentialStore.from_environ(self.controller.context.environ)

    def _saved(self, message: str, created: str | None = None):
        def done(_):
            if created:
                self.created.emit(created)
            self.controller.reload_environments()
            self.changed.emit(message)
        return done

    # ---- environments

    def add(self, env) -> None:
        self._run(lambda: self._env_store(lambda store: store.add(env)), self._saved(f"environment {env.name} added", env.name))

    def update(self, env, previous_name: str) -> None:
        self._run(lambda: self._env_store(lambda store: store.update(env, previous_name=previous_name)),
                  self._saved(f"environment {env.name} saved"))

    def set_variables(self, env) -> None:
        """Make `env`'s saved variables exactly `env.variables` (the sandbox's too)."""
        def replace_variables(store):
            gone = [key for key in store.get(env.name).variables if key not in env.variables]
            if gone:
                store.unset_variables(env.name, gone)
            store.set_variables(env.name, env.variables)

        def work():
            self._env_store(replace_variables)
        self._run(work, self._saved(f"variables of {env.name} saved"))

    def remove(self, name: str) -> None:
        def work():
            self._env_store(lambda store: store.remove(name))
            self.controller.session_credentials.clear(name)
            try:
                self._keyring().clear(name)
            except KeyringUnavailable:
                pass  # nothing can be stored there either
        self._run(work, self._saved(f"environment {name} deleted"))

    def duplicate(self, env, new_name: str, region: str) -> None:
        """A copy of `env` under `new_name` in `region` (its stored keyring credentials copied too)."""
        from dataclasses import replace

        def work():
            copy = replace(env, name=new_name, region=region)
            self._env_store(lambda store: store.add(copy))
            if env.credential_source.kind == "keyring":
                found = self.controller.session_credentials.get(env.name)
                if found is not None:
                    self.controller.session_credentials.set(new_name, found)
                else:
                    keyring = self._keyring()
                    stored = keyring.get(env.name)
                    if stored is not None:
                        keyring.set(new_name, stored)
        self._run(work, self._saved(f"environment {env.name} duplicated as {new_name} ({region})", new_name))

    def import_postman(self, path: str) -> None:
        from workbench.core.environments.importing import import_postman_environment

        def work():
            keyring = self._keyring()
            return self._env_store(lambda store: import_postman_environment(path, store, keyring))

        def done(imported):
            secret = ", its access key in the keyring" if imported.credentials_stored else ""
            notes = "".join(f"\n{note.message}" for note in imported.notes)
            self._saved(f"imported {imported.environment.name}{secret}{notes}", imported.environment.name)(None)
        self._run(work, done)

    def load_profiles(self) -> None:
        from workbench.core.environments.credentials import list_profiles

        self._run(lambda: list_profiles(self.controller.context.environ), self.profiles_loaded.emit)

    # ---- credentials

    def stored(self, name: str) -> None:
        """What is stored for `name`: only the masked key id, never the secret."""
        def work():
            found = self.controller.session_credentials.get(name)
            where = "for this session only"
            if found is None:
                try:
                    found = self._keyring().get(name)
                except KeyringUnavailable as exc:
                    return name, None, exc.fields.get("reason") or str(exc)
                where = "in the keyring"
            if found is None:
                return name, "nothing stored", None
            token = " + session token" if found.session_token else ""
            return name, f"stored {where}, {found.masked_access_key_id}{token}", None
        self._run(work, self._stored_result)

    def _stored_result(self, result) -> None:
        name, text, unavailable = result
        if unavailable is not None:
            self.keyring_unavailable.emit(name, unavailable)
            self.stored_status.emit(name, "no usable keyring")
        else:
            self.stored_status.emit(name, text)

    def store(self, name: str, key_id: str, secret: str, token: str, session_only: bool = False) -> None:
        credentials = Credentials(key_id.strip(), secret.strip(), token.strip() or None)
        masked = mask_access_key_id(credentials.access_key_id)

        def work():
            if not credentials.access_key_id or not credentials.secret_access_key:
                from workbench.core.environments.credentials import CredentialsError
                raise CredentialsError("both an access key ID and a secret access key are needed")
            if session_only:
                self.controller.session_credentials.set(name, credentials)
                return name, None
            try:
                self._keyring().set(name, credentials)
            except KeyringUnavailable as exc:
                return name, exc.fields.get("reason") or str(exc)
            self.controller.session_credentials.clear(name)
            return name, None

        def done(result):
            name_, unavailable = result
            if unavailable is not None:
                self.keyring_unavailable.emit(name_, unavailable)
                return
            self.changed.emit(f"stored {masked} for {name_} " + ("for this session only" if session_only else "in the keyring"))
            self.stored(name_)
            self.controller.select_environment(self.controller.current_env_name)  # refresh the credential line
        self._run(work, done)

    def clear(self, name: str) -> None:
        def work():
            in_session = self.controller.session_credentials.clear(name)
            try:
                in_keyring = self._keyring().clear(name)
            except KeyringUnavailable:
                in_keyring = False
            return in_session or in_keyring

        def done(existed):
            self.changed.emit(f"credentials of {name} cleared" if existed else f"nothing was stored for {name}")
            self.stored(name)
        self._run(work, done)

    def test(self, name: str) -> None:
        """The signed harmless read with this environment's credentials, through the send service."""
        from workbench.core.send.credentials_probe import check_credentials

        service = self.controller.service

        def work():
            with service.open(name) as session:
                report = check_credentials(session).report
            if session.environment.is_sandbox and report.get("ok") and "identity" not in report:
                from workbench.core.sandbox.policy import principal_arn
                report["identity"] = principal_arn()  # the sandbox's one, fixed identity
            return report

        self._run(work, lambda report: self.tested.emit(name, report),
                  lambda exc: self.tested.emit(name, {"ok": False, "error": str(exc)}))
