"""The controller's intents about files and bodies (a mixin of ui.controller.Controller):
open and save request drafts, keep the window's session, read and save response bodies,
reopen a history entry. Each runs in a worker and answers with the controller's signals.

A saved draft, like the session file, never holds a secret: core's rule (request.
draft_secrets) sends its values to the keyring first, as secret globals it refers to."""

from __future__ import annotations

from dataclasses import replace

from workbench.core.common.cancel import Cancelled
from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.secret_variables import MASK
from workbench.ui.workers import collector_paused


SMALL_BODY = 256 * 1024  # answers up to this size are read in the send's own worker (small_body)


class FileIntents:
    def _load_session(self):
        from workbench.core.settings.window_session import load_session

        return load_session(self.context.session_path)

    def load_body(self, tab_id: str, response) -> None:
        from workbench.core.send.response_body import load_body

        hidden = self.hidden_for(tab_id)  # an echoed secret is masked here as everywhere

        def work(cancel):
            with collector_paused():
                return load_body(response, cancel, hidden=hidden)

        def failed(error) -> None:
            if not isinstance(error, Cancelled):  # a newer response took its place
                self.notice.emit(self.tr("could not read the response body: {error}").format(error=error))

        self.runner(f"{tab_id}:body").run(work, on_result=lambda body: self.body_loaded.emit(tab_id, body),
                                          on_error=failed)

    def small_body(self, outcome, seen: frozenset, cancel):
        """In the send's worker: a small answer's body ready to show, with the values hidden
        from it, so the window shows the status and the body in one turn (one repaint, not
        two, while the next send may already need the interpreter); None for a big one, which
        is loaded after its status shows (load_body)."""
        from workbench.core.send.response_body import load_body

        response = outcome.exchange.response if outcome.exchange is not None else None
        if response is None or response.size_bytes > SMALL_BODY:
            return None
        signature = outcome.exchange.signature
        hidden = seen | outcome.hidden | ({signature} if signature else set())
        return load_body(response, cancel, hidden=hidden), hidden

    def show_body(self, tab_id: str, response, loaded) -> None:
        """`loaded` (from small_body) shown at once if it hides all this tab's answer must hide
        (a secret another send saw meanwhile: loaded again); else loaded in a worker."""
        if loaded is not None and self.hidden_for(tab_id) <= loaded[1]:
            if f"{tab_id}:body" in self._runners:  # an older answer's body still loading: not shown now
                self._runners[f"{tab_id}:body"].cancel()
            self.body_loaded.emit(tab_id, loaded[0])
        else:
            self.load_body(tab_id, response)

    def open_history(self, entry) -> None:
        """Reopen `entry` (a listed one: the history list holds no bodies) with its answer, read
        again by its id (an entry trimmed meanwhile is said in a notice)."""
        from workbench.core.send.history_exchange import exchange_from_entry

        def work():
            whole = self.using("history", lambda store: store.get(entry.id))
            return whole, exchange_from_entry(whole)

        self.run_in_worker(work, lambda result: self.history_opened.emit(*result))

    def load_draft(self, path: str) -> None:
        from workbench.core.request.drafts import load_draft

        self.run_in_worker(lambda: load_draft(path), lambda draft: self.draft_loaded.emit(path, draft),
                           lambda error: self.notice.emit(self.tr("cannot open {path}: {error}").format(path=path,
                                                                                                       error=error)))

    def save_draft(self, tab_id: str, draft, saved_path: str = "") -> None:
        """Save over the tab's file, or as a new request in the "My requests" collection folder.
        Its secrets (an x-api-key header, a password variable...) go to the keyring first, as
        secret globals the saved draft refers to (core's rule: request.draft_secrets); with no
        usable keyring nothing is written and the notice says why."""
        from workbench.core.request.collections import add_request
        from workbench.core.request.drafts import save_draft

        def work():
            written, secrets = self.service.keep_draft_secrets(draft)
            if saved_path:
                save_draft(saved_path, written)
                path = saved_path
            else:
                path = str(add_request(self.context.collections_dir / "My requests", written))
            if not secrets:
                return path, None, [], None
            return path, written, [secret.describe() for secret in secrets], self.using("globals", shown_globals)[0]

        def saved(result) -> None:
            path, written, notes, globals_ = result
            self.draft_saved.emit(tab_id, path, written)
            if notes:
                self.globals_ = globals_
                self.globals_changed.emit(dict(globals_))
                self.notice.emit("; ".join(notes))

        self.run_in_worker(work, saved, lambda error: self.notice.emit(self.tr("not saved: {error}").format(error=error)))

    def load_rest(self, tab_id: str, response) -> None:
        from workbench.core.send.response_body import text_chunks

        hidden = self.hidden_for(tab_id)
        self.run_in_worker(lambda: list(text_chunks(response, hidden=hidden)), lambda chunks: self.rest_loaded.emit(tab_id, chunks))

    def save_body(self, response, path: str) -> None:
        def work():  # a spooled body (up to 1 GiB) is copied file to file, never read into memory
            import os

            response.save_body(path)
            return os.path.getsize(path)

        self.run_in_worker(work, lambda size: self.notice.emit(self.tr("saved %Ln byte(s) to {path}", "", size)
                                                               .format(path=path)))

    def save_session(self, session, wait: bool = False) -> None:
        """Keep the open tabs for the next start. A tab's secrets are kept as a saved draft's
        are (secret globals in the keyring): the session file never holds one."""
        from workbench.core.settings.window_session import save_session

        session = replace(session, environment=self.current_env_name)

        def work():
            tabs = tuple(replace(tab, draft=self._without_secrets(tab.draft)) for tab in session.tabs)
            save_session(self.context.session_path, replace(session, tabs=tabs))

        self.run_in_worker(work, lambda _: None)
        if wait:
            self.pool.waitForDone(5000)

    def _without_secrets(self, draft):
        from workbench.core.request.draft_secrets import literal_secrets, without_secrets

        if not literal_secrets(draft):
            return draft
        try:
            return self.service.keep_draft_secrets(draft)[0]
        except WorkbenchError:  # no keyring: the unsaved tab comes back without those values
            return without_secrets(draft)[0]


def shown_globals(store) -> tuple[dict, list[str]]:
    """The globals as the window shows them (a secret one's value masked: it lives in the
    keyring), and what is wrong with the file."""
    return {**store.variables, **{name: MASK for name in store.secret_variables}}, [str(p) for p in store.problems]
