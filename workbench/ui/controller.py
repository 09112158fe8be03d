"""The controller between the panes and core: panes call its intents (send, cancel, check,
save...), it runs core in QThreadPool workers and answers with events (signals). It holds
the window's state that is not a widget's: library, environments, globals, history.

Every send, check and save of variables goes through core's send service (one SendService
over the AppContext's Workspace: the same stores, keyring and sandbox the command line
uses), so the window takes the same steps as every other front end. Every file, keyring,
network and sandbox call happens in a worker; the UI thread only reads what the workers
handed back. Panes and dialogs use only the public API: `run_in_worker`, `runner(name)`,
`using(kind, use)`, and the intents below."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QThreadPool, Signal

from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.secret_variables import MASK, is_secret, mask_variables, redact
from workbench.core.request.template_vars import variable_uses
from workbench.ui.controller_files import FileIntents, shown_globals
from workbench.ui.controller_sending import SendIntents
from workbench.ui.credential_words import line, source_words
from workbench.ui.first_start import SANDBOX, FirstStart
from workbench.ui.workers import ExclusiveRunner, Worker

MIN_THREADS = 8


class Controller(QObject, FileIntents, FirstStart, SendIntents):
    library_loaded = Signal(object)  # [LibraryEntry]: first without, then with the sandbox badges
    environments_loaded = Signal(object)  # [Environment]
    environment_changed = Signal(object)  # the current Environment
    credential_status = Signal(str, str)  # environment name, status text
    session_loaded = Signal(object)  # WindowSession
    history_loaded = Signal(object)  # [history.HistoryEntry], newest first
    history_added = Signal(object)  # history.HistoryEntry
    history_opened = Signal(object, object)  # history.HistoryEntry, Exchange
    history_more_loaded = Signal(object)  # [history.HistoryEntry], older than asked, newest first
    send_started = Signal(str)  # tab id
    busy_changed = Signal(str, bool)  # tab id, a send is running
    send_progress = Signal(str, object)  # tab id, Progress
    exchange_received = Signal(str, object)  # tab id, Exchange
    send_failed = Signal(str, object)  # tab id, WorkbenchError
    send_cancelled = Signal(str, str)  # tab id, phase
    diagnosed = Signal(str, object)  # tab id, [Diagnosis] of its last send (or of what stopped it)
    body_loaded = Signal(str, object)  # tab id, ResponseBody
    rest_loaded = Signal(str, object)  # tab id, [text chunks] after the head
    checked = Signal(str, object, object)  # tab id, [Problem], the WorkbenchError that would stop a send (or None)
    globals_changed = Signal(object)  # dict
    draft_saved = Signal(str, str, object)  # tab id, path, the draft as written (its secrets kept in the keyring)
    draft_loaded = Signal(str, object)  # path, RequestDraft
    notice = Signal(str)  # a message for the status bar
    sandbox_starting = Signal(bool)  # the kept sandbox is being started (cancel_sandbox_start stops it)
    _sandbox_seen = Signal(str)  # from a worker: the kept sandbox answers at this URL

    def __init__(self, context, pool: QThreadPool | None = None, parent=None):
        from workbench.core.send.service import SendService

        super().__init__(parent)
        self.context = context
        self.pool = pool or QThreadPool.globalInstance()
        # Workers mostly wait (a sandbox starting, a network answer): with one thread per
        # core (2 here) a waiting start held back the welcome page and the first send.
        self.pool.setMaxThreadCount(max(self.pool.maxThreadCount(), MIN_THREADS))
        self.workspace = context.workspace
        self.service = SendService(self.workspace, language=context.language)  # its library is set once loaded
        self.library = None
        self.entries: list = []
        self.environments: dict = {}
        self.current_env_name = SANDBOX
        self.sandbox_url: str | None = None
        self.globals_: dict[str, str] = {}  # as shown: a secret global's value is MASK
        self._runners: dict[str, ExclusiveRunner] = {}
        self._phase: dict[str, str] = {}
        self.send_options = None  # transport.SendOptions from the preferences (None: the defaults)
        self._hidden: set[str] = set()  # secret values a send saw: never shown
        self.sandbox_stopped = False  # stopped from the window: not started again until asked
        # a worker that found or started the kept sandbox tells the window (queued to this thread)
        self._sandbox_seen.connect(self.sandbox_found)
        self._sandbox_listener = self._sandbox_seen.emit
        context.sandbox_listeners.append(self._sandbox_listener)
        self._badges_due = False  # the library's sandbox badges wait for a quiet moment
        self._library_settled = False  # the library's load has ended (loaded, or failed)
        self._sandbox_start_due = False  # the sandbox was chosen before that
        self._warmed = False  # the first send's modules and service model, loaded ahead
        self._warm_up_modules: tuple[str, ...] = ()  # start(warm_up=...): imported by _warm_up_send
        self._signatures: dict[str, str] = {}  # tab id -> the signature of its last send (masked in its answer)
        # tab id -> core.tutorials.engine.StepSigning: a lesson's tab signs as its step says
        # (another identity, a wrong secret, a skewed clock), in the sandbox only
        self.signing_overrides: dict = {}

    @property
    def session_credentials(self):
        """Credentials kept for this session only (typed when no keyring is usable): the
        send service reads them first."""
        return self.workspace.session_credentials

    # ------------------------------------------------------------------ for panes and workers

    def run_in_worker(self, fn, on_result, on_error=None) -> Worker:
        """`fn()` in the pool; `on_result(value)` or `on_error(WorkbenchError)` back on the UI
        thread (default: the error as a notice)."""
        worker = Worker(lambda cancel: fn(), progress=False)
        worker.signals.returned.connect(on_result)
        worker.signals.errored.connect(on_error or (lambda exc: self.notice.emit(str(exc))))
        return worker.start(self.pool)

    def runner(self, name: str) -> ExclusiveRunner:
        """The one exclusive worker named `name` (a tab id, "compare"...): a new run cancels the running one."""
        if name not in self._runners:
            runner = self._runners[name] = ExclusiveRunner(self, self.pool)
            runner.busy_changed.connect(lambda busy: self.busy_changed.emit(name, busy))
            runner.busy_changed.connect(lambda busy: None if busy else self._badges_when_quiet())
        return self._runners[name]

    def using(self, kind: str, use):
        """`use(store)` for the environment, globals or history store the send service uses,
        one worker at a time (in a worker: it may read or write files)."""
        with self.workspace.using(kind) as store:
            return use(store)

    def with_environments(self, use):
        """`use(EnvironmentService)` over the same environment store: every environment change
        (the environment manager's, the credentials dialog's) goes through the one service."""
        from workbench.core.environments.service import EnvironmentService

        return self.using("environments", lambda store: use(
            EnvironmentService(store, self.workspace.environ, session=self.session_credentials)))

    # ------------------------------------------------------------------ start

    def start(self, warm_up: tuple[str, ...] = ()) -> None:
        """Load everything in workers; `warm_up` names modules to import once the library and
        the environments are in (_warm_up_send): imported meanwhile, they held the interpreter
        lock the loads need, and the window was usable a third later."""
        self._warm_up_modules = warm_up
        self.run_in_worker(self._load_library, self._library_ready, self._library_failed)
        self.run_in_worker(self._load_environments, self._environments_ready)
        self.run_in_worker(self._load_session, self.session_loaded.emit)

    def _load_library(self):
        from workbench.core.library.templates import default_library
        from workbench.core.library.index import build_entries

        library = default_library()
        return library, build_entries(library)

    def _library_ready(self, result) -> None:
        self.library, self.entries = result
        self.service.library = self.library
        self.library_loaded.emit(self.entries)
        self._after_library()
        if self.library.problems:
            self.notice.emit(self.tr("%n library file(s) could not be read", "", len(self.library.problems)))
        self._badges_due = True
        self._warm_up_send()
        self._badges_when_quiet()

    def _library_failed(self, error) -> None:
        self.notice.emit(str(error))
        self._after_library()

    def _after_library(self) -> None:
        """What the window is not ready without (library, environments, saved tabs) loads
        first; the history, and the kept sandbox's check, once the library is in (meanwhile
        they held the interpreter lock its load needs: the window was usable ~25 ms later)."""
        self._library_settled = True
        self.reload_history()
        if self._sandbox_start_due:
            self._sandbox_start_due = False
            self.start_sandbox()

    def _entries_with_sandbox_badges(self):
        """What the sandbox serves comes from moto (a second's import): after the tree is up."""
        from workbench.core.library.index import build_entries
        from workbench.core.sandbox.emulation import emulated_operations

        return build_entries(self.library, emulated_operations())

    def _badges_ready(self, entries) -> None:
        self.entries = entries
        # What start-up loaded (botocore's models, moto, the library) lives as long as the
        # window: keep the cyclic collector from re-walking it, a 200 ms pause every time.
        gc.freeze()
        self.library_loaded.emit(entries)

    def _load_environments(self):
        environments, report = self.using("environments", lambda store: (store.list(), store.report()))
        return (environments, self.using("globals", shown_globals)) + (report,)

    def _environments_ready(self, result) -> None:
        environments, (globals_, problems), report = result
        self.environments = {env.name: self._with_sandbox(env) for env in environments}
        self.globals_ = globals_
        reports = [r for r in [report, *problems] if r]
        if reports:
            self.notice.emit(reports[0].splitlines()[0])
        self.environments_loaded.emit(list(self.environments.values()))
        self.globals_changed.emit(dict(self.globals_))
        self.select_environment(self.current_env_name if self.current_env_name in self.environments else SANDBOX)
        self._warm_up_send()
        self._badges_when_quiet()

    def reload_environments(self) -> None:
        """Re-read the environments (after the environment manager changed them)."""
        self.run_in_worker(self._load_environments, self._environments_ready)

    def load_more_history(self, before: int) -> None:
        """The page of history entries older than the entry `before` (history_more_loaded)."""
        from workbench.ui.models.history_model import PAGE

        self.run_in_worker(lambda: self.using("history", lambda store: store.list(PAGE, before=before)),
                           self.history_more_loaded.emit)

    def reload_history(self) -> None:
        """Re-read the history (sends from a terminal appear too)."""
        self.run_in_worker(lambda: self.using("history", lambda store: store.list(200)), self.history_loaded.emit)

    def poll_environments(self) -> None:
        """Pick up environments changed from a terminal (the window calls this on a timer)."""
        if not self.environments:
            return

        def work():
            changed = self.using("environments", lambda store: (store.list(), store.report()) if store.poll() else None)
            return (changed[0], (dict(self.globals_), []), changed[1]) if changed else None

        self.run_in_worker(work, lambda result: self._environments_ready(result) if result else None)

    def _with_sandbox(self, env):
        return env.with_sandbox_url(self.sandbox_url) if env.is_sandbox and self.sandbox_url else env

    # ------------------------------------------------------------------ environments

    @property
    def current_env(self):
        return self.environments.get(self.current_env_name)

    def select_environment(self, name: str) -> None:
        if name not in self.environments:
            return
        self.current_env_name = name
        env = self.environments[name]
        self.environment_changed.emit(env)
        if env.is_sandbox and not env.hosts:
            if self.sandbox_stopped:  # stopped on purpose: a send, or Start, starts it again
                self.credential_status.emit(name, line("sandbox_stopped"))
            elif not self._library_settled:  # starting up: after the library (its load would wait for this)
                self._sandbox_start_due = True
                self.credential_status.emit(name, line("sandbox_starting"))
            else:
                self.start_sandbox()
        elif env.is_sandbox:
            self.credential_status.emit(name, line("sandbox_identity", address=self.sandbox_url.split('://')[-1]))
        else:
            self.run_in_worker(lambda: (name, self._credential_text(env)), lambda r: self.credential_status.emit(*r))

    def _credential_text(self, env) -> str:
        """One line for the toolbar (the label elides it; the whole text is its tooltip)."""
        from workbench.core.environments.credentials import CredentialsMissing, KeyringUnavailable, fetch_credentials

        kept = self.session_credentials.get(env.name)
        if kept is not None:
            return line("session_only", key=kept.masked_access_key_id)
        try:
            found = fetch_credentials(env, self.context.environ)
        except KeyringUnavailable as exc:
            return line("keyring_unavailable", reason=exc.fields.get('reason') or str(exc).splitlines()[0])
        except CredentialsMissing as exc:
            return line("missing", reason=str(exc).splitlines()[0])
        except WorkbenchError as exc:
            return line("not_usable", reason=str(exc).splitlines()[0])
        return line("found", source=source_words(env.credential_source), key=found.masked_access_key_id)

    def scopes(self, request_variables: dict) -> list:
        """The variables by scope, as the window may show them: secret ones masked (an
        environment's declared secrets and the secret globals live in the keyring: shown as
        set, never read here)."""
        env = self.current_env
        declared = env.secret_variables if env else ()
        environment = env.template_variables() if env else {}
        environment.update({name: MASK for name in declared if name not in environment})
        return [("request", mask_variables(request_variables, declared)),
                ("environment", mask_variables(environment, declared)),
                ("global", mask_variables(self.globals_, declared))]

    def variable_uses(self, text: str, request_variables: dict):
        return variable_uses(text, self.scopes(request_variables))

    def is_secret(self, name: str) -> bool:
        env = self.current_env
        return is_secret(name, env.secret_variables if env else ())

    def redact(self, text: str) -> str:
        """`text` without any secret value a send saw (secret variables, the secret key and
        session token of its credentials)."""
        return redact(text, self._hidden) if self._hidden and text else text

    def hidden_for(self, tab_id: str) -> frozenset:
        """What must not show in a tab's answer: every secret seen, and the tab's own signature."""
        signature = self._signatures.get(tab_id)
        return frozenset(self._hidden | ({signature} if signature else set()))

    def set_variable(self, scope: str, name: str, value: str) -> None:
        """Keep a value as a global or as a variable of the current environment, where core's
        rule puts it: a secret one (by its name, or declared) in the keyring, never a file."""
        env_name = None if scope == "global" else self.current_env_name

        def work():
            warnings = self.service.save_variables({name: value}, environment=env_name)[1]
            if env_name is None:
                return self.using("globals", shown_globals)[0], None, warnings
            return None, self.using("environments", lambda store: store.get(env_name)), warnings

        def saved(result) -> None:
            globals_, env, warnings = result
            if globals_ is not None:
                self.globals_ = globals_
                self.globals_changed.emit(dict(globals_))
            elif env is not None:
                self.environments[env_name] = self._with_sandbox(env)
                if env_name == self.current_env_name:
                    self.environment_changed.emit(self.environments[env_name])
            saved_as = (self.tr("variable {name} saved as a global variable").format(name=name) if env_name is None
                        else self.tr("variable {name} saved in environment {environment}").format(
                            name=name, environment=env_name))
            self.notice.emit("; ".join(warnings) if warnings else saved_as)

        self.run_in_worker(work, saved)

    def needs_confirmation(self, draft) -> bool:
        """Whether a send of `draft` here asks first (production: destructive or sending); no
        file, keyring or network call."""
        env = self.current_env
        if env is None or not env.production or self.library is None:
            return False
        return self.service.needs_confirmation(draft, env)

    def body_saved_notice(self, size: int, path: str) -> None:
        # Here, not in the FileIntents mixin: PySide's tr() finds a mixin's context only for
        # texts without a count.
        self.notice.emit(self.tr("saved %Ln byte(s) to {path}", "", size).format(path=path))

    def shutdown(self) -> None:
        for runner in self._runners.values():
            runner.cancel()
        self.pool.waitForDone(10000)
        if self._sandbox_listener in self.context.sandbox_listeners:
            self.context.sandbox_listeners.remove(self._sandbox_listener)
        self.context.close()  # the workspace's stores (and a sandbox started for a screenshot)
