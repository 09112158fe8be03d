"""The one send service. The command line, the window, compare, the runner, the tutorials and
the health check all send through it, so the steps around a send happen once, the same way:

    open the environment        the kept sandbox started (or a one-off for a dry run)
    variables from every scope  request < environment < globals; an environment's secret
                                variables from the keyring, their values masked from then on
    plan                        render, validate, destination, confirmation (core.send.plan)
    (the front end looks)       `on_plan(plan)`: show problems and notes, ask to confirm
    credentials, sign, send     session-only credentials first; cancel and progress throughout
    keep what was asked         saves: secret-named values to the keyring, never a file
    history, diagnoses          every send recorded; what went wrong explained

    service = SendService(Workspace.from_environ(environ))
    with service.open("dev", cancel=token) as session:     # one environment, many sends
        outcome = session.send(draft, on_plan=ask)
    outcome.exchange, outcome.error, outcome.diagnoses, outcome.saved, outcome.hidden...

A problem with the draft itself (an unknown operation, a raw draft with no URL) and a cancel
raise; anything that stops a planned send (a missing variable, an untrusted host, no
credentials, a declined confirmation...) comes back as `outcome.error` with its diagnoses.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterator

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.secret_variables import is_secret, is_secret_name, secret_values
from workbench.core.send.saves import SavedValues, compile_saves, values_from_response
from workbench.core.send.workspace import Workspace

if TYPE_CHECKING:
    from workbench.core.environments.model import Environment
    from workbench.core.request.drafts import RequestDraft
    from workbench.core.send.plan import SendPlan
    from workbench.core.send.send_flow import Exchange

NOTHING_SAVED = SavedValues({})


@dataclass(frozen=True)
class SendOutcome:
    """One send through the service, as data every front end presents its own way."""

    plan: "SendPlan"
    exchange: "Exchange | None" = None  # None when nothing was signed
    error: WorkbenchError | None = None  # what stopped a planned send before it was signed
    diagnoses: tuple = ()
    saved: SavedValues = NOTHING_SAVED  # into the environment (or, with keep_saves=False, for the caller)
    saved_globally: SavedValues = NOTHING_SAVED
    warnings: tuple[str, ...] = ()  # what went wrong around the send (a save, the history): the send stands
    history_id: int | None = None
    hidden: frozenset = frozenset()  # secret values this send saw: never show them

    @property
    def sent(self) -> bool:
        return self.exchange is not None and self.exchange.sent


class SendSession:
    """One environment opened for sending: its variables and secrets resolved once, its
    credentials fetched on the first signed send. Made by `SendService.open`."""

    def __init__(self, service: "SendService", environment: "Environment", notes=()):
        self.service = service
        self.workspace = service.workspace
        self.environment = environment
        self.notes = tuple(notes)  # e.g. "started the local sandbox at ..."
        self.warnings: list[str] = []  # e.g. a keyring that could not be read
        self.secrets = self._secret_variables()
        with self.workspace.using("globals") as globals_store:
            self.globals_ = dict(globals_store.variables)
        self.hidden = set(secret_values({**environment.template_variables(), **self.globals_, **self.secrets},
                                        environment.secret_variables))
        self._credentials = None

    def _secret_variables(self) -> dict[str, str]:
        """The environment's declared secret variables, from the keyring. A keyring that cannot
        be read costs a warning: a request that needs one of them then names it as missing."""
        from workbench.core.environments.secret_variables import resolve_secret_variables

        try:
            return resolve_secret_variables(self.environment, self.workspace.environ)
        except Cancelled:
            raise
        except WorkbenchError as exc:
            names = ", ".join(self.environment.secret_variables)
            self.warnings.append(f"the secret variables of {self.environment.name!r} ({names}) could not be read "
                                 f"from the keyring: {str(exc).splitlines()[0]}")
            return {}

    # ------------------------------------------------------------------ plan

    def plan(self, draft: "RequestDraft", variables=()) -> "SendPlan":
        """The plan of `draft` here; `variables` (a run's or a lesson's values) win over the draft's own."""
        from workbench.core.send.plan import build_plan

        if variables:
            draft = replace(draft, variables=tuple((draft.variables_dict() | dict(variables)).items()))
        self.hidden |= secret_values(dict(draft.variables), self.environment.secret_variables)
        return build_plan(draft, self.environment, globals_={**self.globals_, **self.secrets},
                          library=self.service.library, notes=self.notes)

    # ------------------------------------------------------------------ send

    def send(
        self,
        draft: "RequestDraft",
        *,
        variables=(),
        global_saves=(),
        dry_run: bool = False,
        confirmed: bool = False,
        allow_any_host: bool = False,
        options=None,
        keep_saves: bool = True,
        record: bool = True,
        credentials=None,
        on_plan: Callable[["SendPlan"], bool] | None = None,
        cancel: CancelToken | None = None,
        progress=None,
    ) -> SendOutcome:
        """Plan, sign and send `draft` (a dry run signs only), then keep its saves (`draft.saves`
        into the environment, `global_saves` into the globals; with `keep_saves=False` they are
        only read out, for the caller's own scope) and record it in the history."""
        from workbench.core.send.plan import run_plan

        compile_saves(tuple(draft.saves) + tuple(global_saves))  # a bad expression stops before anything is sent
        plan = self.plan(draft, variables)
        if on_plan is not None:
            confirmed = bool(on_plan(plan)) or confirmed
        try:
            exchange = run_plan(plan, credentials=credentials or self._session_credentials(), environ=self.workspace.environ,
                                options=options, dry_run=dry_run, cancel=cancel, progress=progress,
                                confirmed=confirmed, allow_any_host=allow_any_host)
        except Cancelled:
            raise
        except WorkbenchError as exc:  # nothing was sent: say why, and how to fix it
            return SendOutcome(plan, error=exc, diagnoses=self._diagnose(exc, plan), warnings=tuple(self.warnings),
                               hidden=frozenset(self.hidden))
        warnings = list(self.warnings)
        history_id = self._record(plan, exchange, warnings) if record and exchange.sent else None
        saved = values_from_response(exchange, draft.saves)
        saved_globally = values_from_response(exchange, global_saves)
        if keep_saves:
            saved_globally = self._keep(saved, saved_globally, warnings)
        self.hidden |= secret_values({**saved.values, **saved_globally.values}, self.environment.secret_variables)
        return SendOutcome(plan, exchange, diagnoses=self._diagnose(exchange, plan) if exchange.sent else (),
                           saved=saved, saved_globally=saved_globally, warnings=tuple(warnings),
                           history_id=history_id, hidden=frozenset(self.hidden))

    def _session_credentials(self):
        return self.workspace.session_credentials.get(self.environment.name)

    def _record(self, plan, exchange, warnings: list) -> int | None:
        """Keep the send in the history; a history that cannot be written costs a warning, not the send."""
        try:
            with self.workspace.using("history") as history:
                return history.record(plan, exchange)
        except WorkbenchError as exc:
            warnings.append(f"not kept in the history: {exc}")
            return None

    def _diagnose(self, exchange_or_error, plan) -> tuple:
        from workbench.core.diagnose import diagnose

        with self.workspace.using("environments") as store:
            environments = store.list()
        return tuple(diagnose(exchange_or_error, plan_or_context=plan, environments=environments))

    def _keep(self, saved: SavedValues, saved_globally: SavedValues, warnings: list) -> SavedValues:
        """Keep saved values: into the environment (a secret-named or declared-secret one into
        its keyring entry, never a file), into the globals (which keep no secret). Returns
        the global saves as kept (the refused ones left out)."""
        from workbench.core.environments.secret_variables import keep_secret_values

        env = self.environment
        values = saved.values
        secrets = {k: v for k, v in values.items() if is_secret(k, env.secret_variables)}
        with self.workspace.using("environments") as store:
            if secrets and env.is_sandbox:
                warnings.append(f"{', '.join(sorted(secrets))} not saved: the sandbox keeps no secret values")
            elif secrets:
                try:
                    keep_secret_values(store, store.get(env.name), secrets, self.workspace.keyring())
                    self.secrets.update(secrets)
                except WorkbenchError as exc:
                    warnings.append(f"{', '.join(sorted(secrets))} not saved: {exc}")
            plain = {k: v for k, v in values.items() if k not in secrets}
            if plain:
                store.set_variables(env.name, plain)
        refused = sorted(k for k in saved_globally.values if is_secret_name(k))
        if refused:
            warnings.append(f"{', '.join(refused)} not saved in the globals: a secret goes only to an environment's keyring entry")
        kept = {k: v for k, v in saved_globally.values.items() if k not in refused}
        if kept:
            with self.workspace.using("globals") as globals_store:
                globals_store.set_variables(kept)
            self.globals_.update(kept)
        return replace(saved_globally, values=kept)


@dataclass
class SendService:
    """Sends for one front end, over one workspace (see the module's docstring)."""

    workspace: Workspace
    library: object = None  # a loaded Library (the window's); None reads templates as needed

    @contextlib.contextmanager
    def open(self, environment: str, *, cancel: CancelToken | None = None, progress=None,
             start_sandbox: bool = True) -> Iterator[SendSession]:
        """`environment` opened for sending. For the sandbox: the kept one (started now if it
        is not running: it stays up), or with `start_sandbox=False` (a dry run) the running
        one or a one-off stopped after the block. Cancellable while the sandbox starts."""
        from workbench.core.send.plan import open_environment

        with contextlib.ExitStack() as stack:
            with self.workspace.using("environments") as store:
                opened = stack.enter_context(open_environment(
                    environment, self.workspace.environ, store=store, cancel=cancel, progress=progress,
                    start_sandbox=start_sandbox, sandbox_url=self.workspace.sandbox_url))
            yield SendSession(self, opened.environment, opened.notes)

    def store_warnings(self) -> list[str]:
        """What is wrong with the environments or globals file (said once, before a send)."""
        with self.workspace.using("environments") as store:
            warnings = [store.report()] if store.report() else []
        with self.workspace.using("globals") as globals_store:
            return warnings + [str(problem) for problem in globals_store.problems]

    def send(self, environment: str, draft: "RequestDraft", *, cancel: CancelToken | None = None, progress=None,
             **options) -> SendOutcome:
        """Open `environment` and send `draft` there (see SendSession.send for the options)."""
        with self.open(environment, cancel=cancel, progress=progress,
                       start_sandbox=not options.get("dry_run", False)) as session:
            return session.send(draft, cancel=cancel, progress=progress, **options)
