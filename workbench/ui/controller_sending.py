"""The controller's send and check intents (a mixin of ui.controller.Controller): a send of a
tab's draft through core's send service in the tab's own worker, its progress, cancel and
answer (secrets seen masked in what the window shows), and a check that plans without
sending. Each answers with the controller's signals."""

from __future__ import annotations

from dataclasses import replace

from workbench.core.common.cancel import Cancelled
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.progress import Progress
from workbench.core.environments.secret_variables import redact


class SendIntents:
    # ------------------------------------------------------------------ send

    def template(self, key: str):
        api, _, operation = key.partition(":")
        return self.library.get(api, operation)

    def is_busy(self, tab_id: str) -> bool:
        return tab_id in self._runners and self._runners[tab_id].busy

    def send(self, tab_id: str, draft, confirmed: bool = False, allow_any_host: bool = False,
             saved_path: str = "") -> None:
        """Send `draft` in the current environment through the send service, in the tab's
        worker: the answer comes back as exchange_received (or send_failed), diagnosed,
        history_added. A draft saved in a collection (`saved_path`) sees its collection's
        variables, as `run` gives them."""
        env_name, options = self.current_env_name, self.send_options
        if env_name not in self.environments or self.library is None:
            self.send_failed.emit(tab_id, WorkbenchError(self.tr("the environments and the library are still "
                                                                 "loading; send again in a moment")))
            return
        self._phase[tab_id] = "starting"
        seen = frozenset(self._hidden)  # read here, not from the worker: _sent adds to it
        signing = self.signing_overrides.get(tab_id)
        if signing is not None and not self.environments[env_name].is_sandbox:
            signing = None  # a lesson breaks signatures on purpose only in the sandbox

        def work(cancel, progress):
            try:
                outcome = self.service.send(env_name, draft, confirmed=confirmed, allow_any_host=allow_any_host,
                                            collection=_collection_of(saved_path),
                                            options=options, cancel=cancel, progress=progress,
                                            credentials=signing.credentials if signing is not None else None,
                                            signed_at=signing.signed_at() if signing is not None else None)
            except Cancelled:
                raise
            except WorkbenchError as exc:  # the draft itself, or the environment could not be opened
                return None, exc, self.service.diagnose(exc), None, None
            entry = None
            if outcome.history_id is not None:  # for the history list: no body (opening it reads that)
                entry = self.using("history", lambda store: store.get(outcome.history_id, body=False))
            return outcome, outcome.error, outcome.diagnoses, entry, self.small_body(outcome, seen, cancel)

        self.send_started.emit(tab_id)
        if self.environments[env_name].is_sandbox and self.sandbox_starting_now:
            self._progress(tab_id, Progress("sandbox", ""))  # it waits for the window's start of the sandbox
        self.runner(tab_id).run(
            work,
            on_result=lambda result: self._sent(tab_id, *result),
            on_error=lambda error: self._send_error(tab_id, error),
            on_progress=lambda p: self._progress(tab_id, p),
        )

    def _shown(self, tab_id: str, exchange):
        """`exchange` as the window may show it: secret values echoed in response headers masked
        (the body is masked as it is loaded)."""
        response = exchange.response
        hidden = self.hidden_for(tab_id)
        if response is None or not hidden:
            return exchange
        return replace(exchange, response=replace(response, headers=tuple((k, redact(v, hidden) if v else v)
                                                                          for k, v in response.headers)))

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

    def _sent(self, tab_id: str, outcome, error, diagnoses, entry, body) -> None:
        if outcome is not None:
            signature = outcome.exchange.signature if outcome.exchange is not None else None
            self._hidden |= outcome.hidden - {signature}
            if signature:
                self._signatures[tab_id] = signature
            for warning in outcome.warnings:
                self.notice.emit(warning)
        if error is not None:
            self.send_failed.emit(tab_id, error)
            self.diagnosed.emit(tab_id, list(diagnoses))
            return
        exchange = self._shown(tab_id, outcome.exchange)
        self.exchange_received.emit(tab_id, exchange)
        self.diagnosed.emit(tab_id, list(diagnoses))
        if entry is not None:
            self.history_added.emit(entry)
        elif exchange.sent and outcome.history_id is None:
            self.notice.emit(self.tr("this send could not be kept in the history (see the history file's "
                                     "permissions)"))
        if exchange.response is not None:
            self.show_body(tab_id, exchange.response, body)

    # ------------------------------------------------------------------ check

    def check(self, tab_id: str, draft, saved_path: str = "") -> None:
        """Plan without sending (through the send service); what stops the send and the
        problems come back by `checked`."""
        env, env_name = self.current_env, self.current_env_name
        if env is None or self.library is None or (env.is_sandbox and not env.hosts):
            return  # the sandbox's hosts are not known until it runs: checked again then

        def work():
            try:
                collection = _collection_of(saved_path)
            except WorkbenchError as exc:  # a damaged collection.json: said where the send would say it
                return [], exc
            plan = self.service.plan(env_name, draft, collection=collection)
            if plan.error is not None:
                return [], plan.error
            problems = list(plan.problems)
            body_problem = plan.prepared.rendered.body_problem
            if body_problem and body_problem not in problems:
                problems.insert(0, body_problem)
            return problems, None

        self.run_in_worker(work, lambda result: self.checked.emit(tab_id, *result))


def _collection_of(saved_path: str) -> dict:
    """The collection variables of a saved draft (none for an unsaved one)."""
    if not saved_path:
        return {}
    from workbench.core.interop.draft_files import collection_variables_of

    return collection_variables_of(saved_path)
