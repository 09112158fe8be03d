"""The controller between the panes and core: panes call its intents (send, cancel, check,
save...), it runs core in QThreadPool workers and answers with events (signals). It holds
the window's state that is not a widget's: library, environments, globals, history.

Every file, keyring, network and sandbox call happens in a worker; the UI thread only
reads what the workers handed back."""

from __future__ import annotations

import gc
import threading
from dataclasses import replace

from PySide6.QtCore import QObject, QThreadPool, Signal

from workbench.core.common.cancel import Cancelled
from workbench.core.environments.credentials import SessionCredentialStore
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.progress import Progress
from workbench.core.environments.secret_variables import MASK, is_secret, mask_variables, redact, secret_values
from workbench.core.request.template_vars import variable_uses
from workbench.ui.workers import ExclusiveRunner, Worker, collector_paused

SANDBOX = "sandbox"


class Controller(QObject):
    library_loaded = Signal(object)  # [LibraryEntry]: first without, then with the sandbox badges
    environments_loaded = Signal(object)  # [Environment]
    environment_changed = Signal(object)  # the current Environment
    credential_status = Signal(str, str)  # environment name, status text
    session_loaded = Signal(object)  # WindowSession
    history_loaded = Signal(object)  # [history.HistoryEntry], newest first
    history_added = Signal(object)  # history.HistoryEntry
    history_opened = Signal(object, object)  # history.HistoryEntry, Exchange
    send_started = Signal(str)  # tab id
    busy_changed = Signal(str, bool)  # tab id, a send is running
    send_progress = Signal(str, object)  # tab id, Progress
    exchange_received = Signal(str, object)  # tab id, Exchange
    send_failed = Signal(str, object)  # tab id, WorkbenchError
    send_cancelled = Signal(str, str)  # tab id, phase
    body_loaded = Signal(str, object)  # tab id, ResponseBody
    rest_loaded = Signal(str, object)  # tab id, [text chunks] after the head
    checked = Signal(str, object, object)  # tab id, [Problem], the WorkbenchError that would stop a send (or None)
    globals_changed = Signal(object)  # dict
    draft_saved = Signal(str, str)  # tab id, path
    draft_loaded = Signal(str, object)  # path, RequestDraft
    notice = Signal(str)  # a message for the status bar
    sandbox_starting = Signal(bool)  # the kept sandbox is being started (cancel_sandbox_start stops it)

    def __init__(self, context, pool: QThreadPool | None = None, parent=None):
        super().__init__(parent)
        self.context = context
        self.pool = pool or QThreadPool.globalInstance()
        self.library = None
        self.entries: list = []
        self.environments: dict = {}
        self.current_env_name = SANDBOX
        self.sandbox_url: str | None = None
        self.globals_: dict[str, str] = {}
        self._stores: dict = {}
        self._store_locks = {kind: threading.Lock() for kind in ("environments", "globals", "history")}
        self._runners: dict[str, ExclusiveRunner] = {}
        self._phase: dict[str, str] = {}
        # "keep for this session only": secrets typed when no keyring is usable, never written
        self.session_credentials = SessionCredentialStore()
        self.send_options = None  # transport.SendOptions from the preferences (None: the defaults)
        self._hidden: set[str] = set()  # values of secret variables seen by a send: never shown

    # ------------------------------------------------------------------ start

    def start(self, warm_up: tuple[str, ...] = ()) -> None:
        """Load everything in workers; `warm_up` names modules to import meanwhile."""
        import importlib

        self._run(lambda: [importlib.import_module(name) for name in warm_up] and None, lambda _: None)
        self._run(self._load_library, self._library_ready)
        self._run(self._load_environments, self._environments_ready)
        self._run(self._load_session, self.session_loaded.emit)
        self._run(lambda: self._with("history", lambda store: store.list(200)), self.history_loaded.emit)

    def _run(self, fn, on_result, on_error=None) -> Worker:
        worker = Worker(lambda cancel: fn(), progress=False)
        worker.signals.returned.connect(on_result)
        worker.signals.errored.connect(on_error or (lambda exc: self.notice.emit(str(exc))))
        return worker.start(self.pool)

    def _with(self, kind: str, use):
        """`use(store)` for the environment, globals or history store, opened on first use;
        one worker at a time per store (they keep state in memory between calls)."""
        with self._store_locks[kind]:
            return use(self._open_store(kind))

    def with_environments(self, use):
        """`use(EnvironmentService)`: every environment change goes through the one service
        (in a worker; one at a time)."""
        return self._with("environments", use)

    def _open_store(self, kind: str):
        if kind not in self._stores:
            from workbench.core.environments.model import FILE_NAME, EnvironmentStore
            from workbench.core.environments.globals_store import FILE_NAME as GLOBALS_FILE, GlobalsStore
            from workbench.core.environments.service import EnvironmentService
            from workbench.core.send.history import FILE_NAME as HISTORY_FILE, HistoryStore

            opener = {"environments": lambda: EnvironmentService(EnvironmentStore(self.context.config_dir / FILE_NAME),
                                                                 self.context.environ, session=self.session_credentials),
                      "globals": lambda: GlobalsStore(self.context.config_dir / GLOBALS_FILE),
                      "history": lambda: HistoryStore(self.context.data_dir / HISTORY_FILE)}[kind]
            self._stores[kind] = opener()
        return self._stores[kind]

    def _load_library(self):
        from workbench.core.library.templates import default_library
        from workbench.core.library.index import build_entries

        library = default_library()
        return library, build_entries(library)

    def _library_ready(self, result) -> None:
        self.library, self.entries = result
        self.library_loaded.emit(self.entries)
        if self.library.problems:
            self.notice.emit(f"{len(self.library.problems)} library file(s) could not be read")
        self._run(self._entries_with_sandbox_badges, self._badges_ready)

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
        environments, report = self._with("environments", lambda store: (store.list(), store.report()))
        globals_, problems = self._with("globals", lambda store: (dict(store.variables), list(store.problems)))
        reports = [report] + [str(p) for p in problems]
        return environments, globals_, "\n".join(r for r in reports if r)

    def _environments_ready(self, result) -> None:
        environments, globals_, report = result
        self.environments = {env.name: self._with_sandbox(env) for env in environments}
        self.globals_.update(globals_)
        if report:
            self.notice.emit(report.splitlines()[0])
        self.environments_loaded.emit(list(self.environments.values()))
        self.globals_changed.emit(dict(self.globals_))
        self.select_environment(self.current_env_name if self.current_env_name in self.environments else SANDBOX)

    def reload_environments(self) -> None:
        """Re-read the environments (after the environment manager changed them)."""
        self._run(self._load_environments, self._environments_ready)

    def reload_history(self) -> None:
        """Re-read the history (sends from a terminal appear too)."""
        self._run(lambda: self._with("history", lambda store: store.list(200)), self.history_loaded.emit)

    def poll_environments(self) -> None:
        """Pick up environments changed from a terminal (the window calls this on a timer)."""
        if "environments" not in self._stores:
            return

        def work():
            def changed(store):
                return (store.list(), dict(self.globals_), store.report()) if store.poll() else None

            return self._with("environments", changed)

        self._run(work, lambda result: self._environments_ready(result) if result else None)

    def _with_sandbox(self, env):
        return env.with_sandbox_url(self.sandbox_url) if env.is_sandbox and self.sandbox_url else env

    def _load_session(self):
        from workbench.core.settings.window_session import load_session

        return load_session(self.context.session_path)

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
            self.credential_status.emit(name, "local sandbox: starting…")
            self._sandbox_runner().run(lambda cancel, progress: self.context.start_sandbox(cancel, progress),
                                       on_result=self._sandbox_ready, on_error=self._sandbox_failed,
                                       on_progress=lambda p: self.credential_status.emit(SANDBOX, f"local sandbox: {p.detail}"))
        elif env.is_sandbox:
            self.credential_status.emit(name, f"sandbox identity, {self.sandbox_url.split('://')[-1]}")
        else:
            self._run(lambda: (name, self._credential_text(env)), lambda r: self.credential_status.emit(*r))

    def _sandbox_runner(self) -> ExclusiveRunner:
        if SANDBOX not in self._runners:
            runner = self._runners[SANDBOX] = ExclusiveRunner(self, self.pool)
            runner.busy_changed.connect(self.sandbox_starting.emit)
        return self._runners[SANDBOX]

    def cancel_sandbox_start(self) -> None:
        """Stop starting the kept sandbox (a half-started one is killed); choose it again to retry."""
        runner = self._runners.get(SANDBOX)
        if runner is not None and runner.busy:
            runner.cancel()
            self.credential_status.emit(SANDBOX, "local sandbox: not started (cancelled)")

    def _sandbox_ready(self, url: str) -> None:
        self.sandbox_url = url
        if SANDBOX in self.environments:
            self.environments[SANDBOX] = self._with_sandbox(self.environments[SANDBOX])
        self.credential_status.emit(SANDBOX, f"sandbox identity, {url.split('://')[-1]}")
        if self.current_env_name == SANDBOX:
            self.environment_changed.emit(self.environments[SANDBOX])

    def _sandbox_failed(self, error) -> None:
        if not isinstance(error, Cancelled):  # cancelled: already said
            self.credential_status.emit(SANDBOX, f"local sandbox not running: {error}")

    def _credential_text(self, env) -> str:
        """One line for the toolbar (the label elides it; the whole text is its tooltip)."""
        from workbench.core.environments.credentials import CredentialsMissing, KeyringUnavailable, fetch_credentials

        kept = self.session_credentials.get(env.name)
        if kept is not None:
            return f"credentials: kept for this session only, {kept.masked_access_key_id}"
        try:
            found = fetch_credentials(env, self.context.environ)
        except KeyringUnavailable as exc:
            return f"keyring unavailable: {exc.fields.get('reason') or str(exc).splitlines()[0]}"
        except CredentialsMissing as exc:
            return f"credentials missing: {str(exc).splitlines()[0]}"
        except WorkbenchError as exc:
            return f"credentials not usable: {str(exc).splitlines()[0]}"
        return f"credentials: {env.credential_source.describe()}, {found.masked_access_key_id}"

    def scopes(self, request_variables: dict) -> list:
        """The variables by scope, as the window may show them: secret ones masked (an
        environment's declared secrets live in the keyring: shown as set, never read here)."""
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
        """`text` without the value of any secret variable a send used."""
        return redact(text, self._hidden) if self._hidden and text else text

    def _secret_variables(self, env) -> dict:
        """The environment's declared secret variables from the keyring (in a worker); none
        when the keyring cannot be read (the send then names them as missing)."""
        from workbench.core.environments.secret_variables import resolve_secret_variables

        try:
            return resolve_secret_variables(env, self.context.environ)
        except WorkbenchError:
            return {}

    def set_variable(self, scope: str, name: str, value: str) -> None:
        """Keep a value as a global or as a variable of the current environment (saved to disk)."""
        if scope == "global":
            self.globals_[name] = value
            self.globals_changed.emit(dict(self.globals_))
            self._run(lambda: self._with("globals", lambda store: store.set_variables({name: value})),
                      lambda _: self.notice.emit(f"global variable {name} saved"))
            return
        env_name = self.current_env_name

        def saved(env) -> None:
            self.environments[env_name] = self._with_sandbox(env)
            if env_name == self.current_env_name:
                self.environment_changed.emit(self.environments[env_name])
            self.notice.emit(f"variable {name} saved in environment {env_name}")

        self._run(lambda: self._with("environments", lambda service: service.set_variables(env_name, {name: value}).environment),
                  saved)

    def needs_confirmation(self, draft) -> bool:
        from workbench.core.send.plan import build_plan

        env = self.current_env
        if env is None or not env.production or self.library is None:
            return False
        return build_plan(draft, env, globals_=self.globals_, library=self.library).needs_confirmation

    # ------------------------------------------------------------------ send

    def template(self, key: str):
        api, _, operation = key.partition(":")
        return self.library.get(api, operation)

    def _runner(self, tab_id: str) -> ExclusiveRunner:
        if tab_id not in self._runners:
            runner = self._runners[tab_id] = ExclusiveRunner(self, self.pool)
            runner.busy_changed.connect(lambda busy: self.busy_changed.emit(tab_id, busy))
        return self._runners[tab_id]

    def is_busy(self, tab_id: str) -> bool:
        return tab_id in self._runners and self._runners[tab_id].busy

    def send(self, tab_id: str, draft, confirmed: bool = False, allow_any_host: bool = False) -> None:
        from workbench.core.send.plan import build_plan, run_plan

        env_name, globals_, library = self.current_env_name, dict(self.globals_), self.library
        environ = self.context.environ
        if env_name not in self.environments or library is None:
            self.send_failed.emit(tab_id, WorkbenchError("the environments and the library are still loading; "
                                                         "send again in a moment"))
            return
        self._phase[tab_id] = "starting"
        chosen = self.environments[env_name]

        def work(cancel, progress):
            env = chosen
            if env.is_sandbox:  # the kept one, started again if it was stopped meanwhile
                env = env.with_sandbox_url(self.context.start_sandbox(cancel, progress))
            secrets = self._secret_variables(env)
            hidden = secret_values({**env.template_variables(), **globals_, **secrets, **dict(draft.variables)},
                                   env.secret_variables)
            plan = build_plan(draft, env, globals_={**globals_, **secrets}, library=library)
            exchange = run_plan(plan, environ=environ, cancel=cancel, progress=progress, confirmed=confirmed,
                                allow_any_host=allow_any_host, credentials=self.session_credentials.get(env_name),
                                options=self.send_options)
            try:
                entry = self._with("history", lambda store: store.get(store.record(plan, exchange)))
            except WorkbenchError:  # the send happened; a history that cannot be written must not hide it
                entry = None
            return exchange, entry, hidden

        self.send_started.emit(tab_id)
        self._runner(tab_id).run(
            work,
            on_result=lambda result: self._sent(tab_id, *result),
            on_error=lambda error: self._send_error(tab_id, error),
            on_progress=lambda p: self._progress(tab_id, p),
        )

    def _progress(self, tab_id: str, progress: Progress) -> None:
        self._phase[tab_id] = progress.phase
        self.send_progress.emit(tab_id, progress)

    def cancel(self, tab_id: str) -> None:
        runner = self._runners.get(tab_id)
        if runner is not None and runner.busy:
            runner.cancel()
            self.send_cancelled.emit(tab_id, self._phase.get(tab_id, "running"))

    def _send_error(self, tab_id: str, error) -> None:
        if isinstance(error, Cancelled):
            return  # already reported by cancel()
        self.send_failed.emit(tab_id, error)

    def _sent(self, tab_id: str, exchange, entry, hidden=frozenset()) -> None:
        self._hidden |= hidden
        self.exchange_received.emit(tab_id, exchange)
        if entry is not None:
            self.history_added.emit(entry)
        else:
            self.notice.emit("this send could not be kept in the history (see the history file's permissions)")
        if exchange.response is not None:
            self.load_body(tab_id, exchange.response)

    def load_body(self, tab_id: str, response) -> None:
        from workbench.core.send.response_body import load_body

        def work(cancel):
            with collector_paused():
                return load_body(response, cancel)

        def failed(error) -> None:
            if not isinstance(error, Cancelled):  # a newer response took its place
                self.notice.emit(f"could not read the response body: {error}")

        if f"{tab_id}:body" not in self._runners:
            self._runners[f"{tab_id}:body"] = ExclusiveRunner(self, self.pool)
        self._runners[f"{tab_id}:body"].run(work, on_result=lambda body: self.body_loaded.emit(tab_id, body),
                                            on_error=failed)

    def open_history(self, entry) -> None:
        from workbench.core.send.history_exchange import exchange_from_entry

        self._run(lambda: exchange_from_entry(entry), lambda exchange: self.history_opened.emit(entry, exchange))

    # ------------------------------------------------------------------ check, save

    def check(self, tab_id: str, draft) -> None:
        """Plan without sending; what stops the send and the problems come back by `checked`."""
        from workbench.core.send.plan import build_plan

        env, globals_, library = self.current_env, dict(self.globals_), self.library
        if env is None or library is None or (env.is_sandbox and not env.hosts):
            return  # the sandbox's hosts are not known until it runs: checked again then

        def work():
            plan = build_plan(draft, env, globals_={**globals_, **self._secret_variables(env)}, library=library)
            if plan.error is not None:
                return [], plan.error
            problems = list(plan.problems)
            body_problem = plan.prepared.rendered.body_problem
            if body_problem and body_problem not in problems:
                problems.insert(0, body_problem)
            return problems, None

        self._run(work, lambda result: self.checked.emit(tab_id, *result))

    def load_draft(self, path: str) -> None:
        from workbench.core.request.drafts import load_draft

        self._run(lambda: load_draft(path), lambda draft: self.draft_loaded.emit(path, draft),
                  lambda error: self.notice.emit(f"cannot open {path}: {error}"))

    def save_draft(self, tab_id: str, draft, saved_path: str = "") -> None:
        """Save over the tab's file, or as a new request in the "My requests" collection folder."""
        from workbench.core.request.drafts import save_draft
        from workbench.core.request.collections import add_request

        def work():
            if saved_path:
                save_draft(saved_path, draft)
                return saved_path
            return str(add_request(self.context.collections_dir / "My requests", draft))

        self._run(work, lambda path: self.draft_saved.emit(tab_id, path))

    def load_rest(self, tab_id: str, response) -> None:
        from workbench.core.send.response_body import text_chunks

        self._run(lambda: list(text_chunks(response)), lambda chunks: self.rest_loaded.emit(tab_id, chunks))

    def save_body(self, response, path: str) -> None:
        from workbench.core.send.response_body import response_bytes

        def work():
            data = response_bytes(response)
            with open(path, "wb") as handle:
                handle.write(data)
            return len(data)

        self._run(work, lambda size: self.notice.emit(f"saved {size} bytes to {path}"))

    def save_session(self, session, wait: bool = False) -> None:
        from workbench.core.settings.window_session import save_session

        session = replace(session, environment=self.current_env_name)
        self._run(lambda: save_session(self.context.session_path, session), lambda _: None)
        if wait:
            self.pool.waitForDone(5000)

    def shutdown(self) -> None:
        for runner in self._runners.values():
            runner.cancel()
        self.pool.waitForDone(10000)
        for store in self._stores.values():
            if hasattr(store, "close"):
                store.close()
        self._stores.clear()
        self.context.close()
