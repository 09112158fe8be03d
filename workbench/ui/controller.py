"""The controller between the panes and core: panes call its intents (send, cancel, check,
save...), it runs core in QThreadPool workers and answers with events (signals). It holds
the window's state that is not a widget's: library, environments, globals, history."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QThreadPool, Signal

from workbench.core.cancel import Cancelled
from workbench.core.errors import Problem, WorkbenchError
from workbench.core.progress import Progress
from workbench.core.template_vars import variable_uses
from workbench.ui.workers import ExclusiveRunner, Worker

SANDBOX = "sandbox"


@dataclass(frozen=True)
class HistoryEntry:
    """One send shown in the History list (kept in memory for this window)."""

    time_text: str
    environment: str
    operation: str
    status: int | None
    elapsed_ms: float | None
    url: str
    draft: object  # the RequestDraft as sent, {{variables}} kept as templates
    exchange: object

    @property
    def status_text(self) -> str:
        if self.status is None:
            return "no response"
        return str(self.status)


class Controller(QObject):
    library_loaded = Signal(object)  # [LibraryEntry]
    environments_loaded = Signal(object)  # [Environment]
    environment_changed = Signal(object)  # the current Environment
    credential_status = Signal(str, str)  # environment name, status text
    session_loaded = Signal(object)  # WindowSession
    send_started = Signal(str)  # tab id
    send_progress = Signal(str, object)  # tab id, Progress
    exchange_received = Signal(str, object)  # tab id, Exchange
    send_failed = Signal(str, object)  # tab id, WorkbenchError
    send_cancelled = Signal(str, str)  # tab id, phase
    body_loaded = Signal(str, object)  # tab id, ResponseBody
    checked = Signal(str, object)  # tab id, [Problem]
    history_added = Signal(object)  # HistoryEntry
    globals_changed = Signal(object)  # dict
    draft_saved = Signal(str, str)  # tab id, path
    draft_loaded = Signal(str, object)  # path, RequestDraft
    rest_loaded = Signal(str, object)  # tab id, [text chunks] after the head
    notice = Signal(str)  # a message for the status bar

    def __init__(self, context, pool: QThreadPool | None = None, parent=None):
        super().__init__(parent)
        self.context = context
        self.pool = pool or QThreadPool.globalInstance()
        self.library = None
        self.entries: list = []
        self.environments: dict = {}
        self.current_env_name = SANDBOX
        self.globals_: dict[str, str] = {}
        self.history: list[HistoryEntry] = []
        self._runners: dict[str, ExclusiveRunner] = {}
        self._phase: dict[str, str] = {}

    # ------------------------------------------------------------------ start

    def start(self) -> None:
        self._run(self._load_library, self._library_ready)
        self._run(self._load_environments, self._environments_ready)
        self._run(self._load_session, self.session_loaded.emit)

    def _run(self, fn, on_result, on_error=None) -> Worker:
        worker = Worker(lambda cancel: fn(), progress=False)
        worker.signals.returned.connect(on_result)
        worker.signals.errored.connect(on_error or (lambda exc: self.notice.emit(str(exc))))
        return worker.start(self.pool)

    def _load_library(self):
        from workbench.core.library import default_library
        from workbench.core.library_index import build_entries
        from workbench.core.sandbox.emulation import emulated_operations

        library = default_library()
        return library, build_entries(library, emulated_operations())

    def _library_ready(self, result) -> None:
        self.library, self.entries = result
        self.library_loaded.emit(self.entries)
        if self.library.problems:
            self.notice.emit(f"{len(self.library.problems)} library file(s) could not be read")

    def _load_environments(self):
        from workbench.core.environments import EnvironmentStore

        store = EnvironmentStore(self.context.config_dir / "environments.json")
        return store.list(), store.report()

    def _environments_ready(self, result) -> None:
        environments, report = result
        self.environments = {env.name: env for env in environments} | {
            n: e for n, e in self.environments.items() if n == SANDBOX and e.hosts}
        if report:
            self.notice.emit(report.splitlines()[0])
        self.environments_loaded.emit(list(self.environments.values()))
        self.select_environment(self.current_env_name if self.current_env_name in self.environments else SANDBOX)

    def _load_session(self):
        from workbench.core.window_session import load_session

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
            self._run(self._sandbox_environment, self._sandbox_ready, self._sandbox_failed)
        else:
            self._run(lambda: (name, self._credential_text(env)), lambda r: self.credential_status.emit(*r))

    def _sandbox_environment(self):
        from workbench.core.environments import sandbox_environment

        return sandbox_environment(self.context.sandbox_url())

    def _sandbox_ready(self, env) -> None:
        self.environments[SANDBOX] = env
        self.credential_status.emit(SANDBOX, f"local sandbox at {env.base_url('pinpoint')}")
        if self.current_env_name == SANDBOX:
            self.environment_changed.emit(env)

    def _sandbox_failed(self, error) -> None:
        self.credential_status.emit(SANDBOX, f"local sandbox not running: {error}")

    def _credential_text(self, env) -> str:
        source = env.credential_source
        if source.kind != "keyring":
            return f"credentials: {source.describe()}"
        try:
            found = self.context.credentials_for(env)
        except WorkbenchError as exc:
            return f"credentials missing: {str(exc).splitlines()[0]}"
        return f"credentials: stored, {found.masked_access_key_id}"

    def scopes(self, request_variables: dict) -> list:
        env = self.current_env
        return [("request", request_variables), ("environment", env.template_variables() if env else {}),
                ("global", self.globals_)]

    def variable_uses(self, text: str, request_variables: dict):
        return variable_uses(text, self.scopes(request_variables))

    def set_global(self, name: str, value: str) -> None:
        self.globals_[name] = value
        self.globals_changed.emit(dict(self.globals_))
        self.notice.emit(f"global variable {name} = {value}")

    def needs_confirmation(self, draft) -> bool:
        from workbench.core.environments import needs_confirmation

        env = self.current_env
        return bool(env and draft.operation and needs_confirmation(env, draft.operation.split(":")[-1]))

    # ------------------------------------------------------------------ send

    def template(self, key: str):
        api, _, operation = key.partition(":")
        return self.library.get(api, operation)

    def _runner(self, tab_id: str) -> ExclusiveRunner:
        if tab_id not in self._runners:
            self._runners[tab_id] = ExclusiveRunner(self, self.pool)
        return self._runners[tab_id]

    def is_busy(self, tab_id: str) -> bool:
        return tab_id in self._runners and self._runners[tab_id].busy

    def send(self, tab_id: str, draft) -> None:
        from workbench.core.draft_send import send_draft

        env_name, globals_, library = self.current_env_name, dict(self.globals_), self.library
        context = self.context
        self._phase[tab_id] = "starting"

        def work(cancel, progress):
            env = self.environments[env_name]
            if env.is_sandbox and not env.hosts:
                progress(Progress("sandbox", "starting the local sandbox"))
                env = self._sandbox_environment()
            return env, send_draft(draft, env, library=library, credentials_for=context.credentials_for,
                                   globals_=globals_, cancel=cancel, progress=progress)

        self.send_started.emit(tab_id)
        self._runner(tab_id).run(
            work,
            on_result=lambda result: self._sent(tab_id, draft, *result),
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

    def _sent(self, tab_id: str, draft, env, exchange) -> None:
        if env.is_sandbox:
            self.environments[SANDBOX] = env
        self.exchange_received.emit(tab_id, exchange)
        response = exchange.response
        entry = HistoryEntry(time.strftime("%H:%M:%S"), env.name, (draft.operation or draft.url).split(":")[-1],
                             response.status if response else None, response.elapsed_ms if response else None,
                             exchange.inspection.url, draft, exchange)
        self.history.insert(0, entry)
        self.history_added.emit(entry)
        if response is not None:
            self.load_body(tab_id, response)

    def load_body(self, tab_id: str, response) -> None:
        from workbench.core.response_body import load_body

        worker = Worker(lambda cancel: load_body(response, cancel), progress=False)
        worker.signals.returned.connect(lambda body: self.body_loaded.emit(tab_id, body))
        worker.signals.errored.connect(lambda exc: self.notice.emit(f"could not read the response body: {exc}"))
        worker.start(self.pool)

    # ------------------------------------------------------------------ check, save

    def check(self, tab_id: str, draft) -> None:
        """Render and validate without sending; problems come back by `checked`."""
        from workbench.core.draft_send import prepare_draft

        env, globals_, library = self.current_env, dict(self.globals_), self.library
        if env is None or library is None or not draft.operation:
            return

        def work():
            try:
                _, prepared = prepare_draft(draft, env, library, globals_)
            except WorkbenchError as exc:
                return [Problem("render", str(exc))]
            problems = list(prepared.problems)
            body_problem = prepared.rendered.body_problem
            if body_problem and body_problem not in problems:
                problems.insert(0, body_problem)
            return problems

        self._run(work, lambda problems: self.checked.emit(tab_id, problems))

    def save_draft(self, tab_id: str, draft) -> None:
        from workbench.core.window_session import save_draft

        folder = self.context.collections_dir / "My requests"
        self._run(lambda: str(save_draft(folder, draft)), lambda path: self.draft_saved.emit(tab_id, path))

    def load_draft(self, path: str) -> None:
        import json

        from workbench.core.drafts import RequestDraft

        def work():
            with open(path, encoding="utf-8") as handle:
                return RequestDraft.from_dict(json.load(handle), where=path)

        def failed(error):
            self.notice.emit(f"cannot open {path}: {error}")

        self._run(work, lambda draft: self.draft_loaded.emit(path, draft), failed)

    def load_rest(self, tab_id: str, response) -> None:
        from workbench.core.response_body import text_chunks

        self._run(lambda: list(text_chunks(response)), lambda chunks: self.rest_loaded.emit(tab_id, chunks))

    def save_body(self, response, path: str) -> None:
        from workbench.core.response_body import response_bytes

        def work():
            data = response_bytes(response)
            with open(path, "wb") as handle:
                handle.write(data)
            return len(data)

        self._run(work, lambda size: self.notice.emit(f"saved {size} bytes to {path}"))

    def save_session(self, session, wait: bool = False) -> None:
        from workbench.core.window_session import save_session

        session = replace(session, environment=self.current_env_name, globals_=dict(self.globals_))
        worker = self._run(lambda: save_session(self.context.session_path, session), lambda _: None)
        if wait:
            self.pool.waitForDone(5000)
        return worker

    def shutdown(self) -> None:
        for runner in self._runners.values():
            runner.cancel()
        self.pool.waitForDone(10000)
        self.context.close()
