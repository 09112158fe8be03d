"""The environment manager's and credentials dialog's calls into core: each one a call of
the environment service (core/environments/service.py) in a worker (files, keyring, AWS
config, network), answered by signals. The dialogs own no data and decide nothing: they
show what these signals carry and call these intents."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workbench.core.environments.credentials import Credentials, KeyringUnavailable, mask_access_key_id


class EnvironmentActions(QObject):
    changed = Signal(str)  # what changed (with its notes), for the status line; the list reloads through the controller
    created = Signal(str)  # the name of an environment just added, imported, duplicated or renamed
    failed = Signal(str)  # a located, user-facing message about an environment change
    profiles_loaded = Signal(object)  # [ProfileInfo]
    stored_status = Signal(str, str)  # environment name, "stored in the keyring, AKIA****MPLE" | "nothing stored" | ...
    keyring_unavailable = Signal(str, str)  # environment name, why
    credentials_saved = Signal(str, str)  # environment name, what was saved where
    credentials_failed = Signal(str, str)  # environment name, why nothing was saved or cleared
    tested = Signal(str, object)  # environment name, credentials_check report (+ identity where known)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller

    # ---- helpers

    def _run(self, fn, on_result, on_error=None):
        from workbench.ui.owned_work import run_for

        return run_for(self, self.controller, fn, on_result, on_error or (lambda exc: self.failed.emit(str(exc))))

    def _service(self, use):
        """use(EnvironmentService), in the worker, one change at a time."""
        return self.controller.with_environments(use)

    def _saved(self, message: str, created: str | None = None):
        def done(result):
            notes = "".join(f"\n{note}" for note in getattr(result, "notes", ()))
            if created:
                self.created.emit(created)
            self.controller.reload_environments()
            self.changed.emit(message + notes)
        return done

    # ---- environments

    def add(self, values: dict) -> None:
        name = values.get("name", "")
        self._run(lambda: self._service(lambda service: service.add(values)),
                  self._saved(self.tr("environment {name} added").format(name=name), name))

    def edit(self, name: str, changes: dict) -> None:
        """Change only `changes` (what the form changed); everything else is kept."""
        new_name = changes.get("name", name)
        self._run(lambda: self._service(lambda service: service.edit(name, changes)),
                  self._saved(self.tr("environment {name} saved").format(name=new_name) if changes
                              else self.tr("environment {name}: nothing changed").format(name=name),
                              new_name if new_name != name else None))

    def remove(self, name: str) -> None:
        def done(removed):
            self._saved(self.tr("environment {name} deleted with its keyring entries").format(name=name)
                        if removed.credentials_deleted or removed.secrets_deleted
                        else self.tr("environment {name} deleted").format(name=name))(removed)
        self._run(lambda: self._service(lambda service: service.remove(name)), done)

    def duplicate(self, name: str, new_name: str, region: str) -> None:
        """A copy of `name` under `new_name` in `region` (its credentials and secrets copied too)."""
        self._run(lambda: self._service(lambda service: service.duplicate(name, new_name, region)),
                  self._saved(self.tr("environment {name} duplicated as {copy} ({region})").format(
                      name=name, copy=new_name, region=region), new_name))

    def import_postman(self, path: str) -> None:
        def done(imported):
            said = (self.tr("imported {name}, its access key in the keyring") if imported.credentials_stored
                    else self.tr("imported {name}")).format(name=imported.environment.name)
            self._saved(said, imported.environment.name)(imported)
        self._run(lambda: self._service(lambda service: service.import_postman(path)), done)

    def load_profiles(self) -> None:
        from workbench.core.environments.aws_profiles import list_profiles

        self._run(lambda: list_profiles(self.controller.context.environ), self.profiles_loaded.emit)

    # ---- credentials

    def stored(self, name: str) -> None:
        """What is stored for `name`: only the masked key id, never the secret."""
        known = self.controller.environments.get(name)

        def work():
            return name, self._service(lambda service: service.credential_status(known or service.get(name)))
        self._run(work, self._stored_result,
                  lambda exc: self.stored_status.emit(name, self.tr("cannot tell: {error}").format(error=exc)))

    def _stored_result(self, result) -> None:
        name, status = result
        if status.state == "unavailable":
            self.keyring_unavailable.emit(name, status.detail)
            self.stored_status.emit(name, self.tr("no usable keyring"))
        elif status.state == "stored":
            stored = (self.tr("stored for this session only, {detail}") if status.source == "session memory"
                      else self.tr("stored in the keyring, {detail}"))
            self.stored_status.emit(name, stored.format(detail=status.detail))
        elif status.state == "not stored":
            self.stored_status.emit(name, self.tr("nothing stored"))
        else:
            self.stored_status.emit(name, status.describe())

    def store(self, name: str, key_id: str, secret: str, token: str, session_only: bool = False) -> None:
        credentials = Credentials(key_id.strip(), secret.strip(), token.strip() or None)
        masked = mask_access_key_id(credentials.access_key_id)

        def done(where):
            where = {"for this session only": self.tr("for this session only"),
                     "in the keyring": self.tr("in the keyring")}.get(where, where)
            self.credentials_saved.emit(name, self.tr("saved: {key} stored {where}").format(key=masked, where=where))
            self.stored(name)
            self.controller.select_environment(self.controller.current_env_name)  # refresh the credential line

        def failed(exc):
            if isinstance(exc, KeyringUnavailable):
                reason = exc.fields.get("reason") or str(exc)
                self.keyring_unavailable.emit(name, reason)
                self.credentials_failed.emit(name, self.tr("not saved: the OS keyring is not usable ({reason}); "
                                                           "choose one of the ways below").format(reason=reason))
            else:
                self.credentials_failed.emit(name, self.tr("not saved: {error}").format(error=exc))

        self._run(lambda: self._service(lambda service: service.store_credentials(name, credentials,
                                                                                  session_only=session_only)),
                  done, failed)

    def clear(self, name: str) -> None:
        def done(existed):
            self.credentials_saved.emit(name, (self.tr("credentials of {name} cleared") if existed
                                               else self.tr("nothing was stored for {name}")).format(name=name))
            self.stored(name)
        self._run(lambda: self._service(lambda service: service.clear_credentials(name)), done,
                  lambda exc: self.credentials_failed.emit(name, self.tr("not cleared: {error}").format(error=exc)))

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
