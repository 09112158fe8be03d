"""The one send service. The command line, the window, compare, the runner, bundles, the
tutorials and the health check all send through it, so the steps around a send happen once,
the same way:

    open the environment        the kept sandbox started (or a one-off for a dry run)
    variables from every scope  request < environment < globals; secret ones (an environment's,
                                the globals') from the keyring, their values masked from then on
    plan                        render, validate, destination, confirmation (core.send.plan)
    (the front end looks)       `on_plan(plan)`: show problems and notes, ask to confirm
    credentials, sign, send     session-only credentials first, fetched once per session (their
                                secret key and token masked too); cancel and progress throughout
    keep what was asked         saves: secret values to the keyring, never a file (`save_variables`)
    history, diagnoses          every send recorded, secrets masked; what went wrong explained

    service = SendService(Workspace.from_environ(environ))
    with service.open("dev", cancel=token) as session:     # one environment, many sends
        outcome = session.send(draft, on_plan=ask)
    outcome.exchange, outcome.error, outcome.diagnoses, outcome.saved, outcome.hidden...

A problem with the draft itself (an unknown operation, a raw draft with no URL) and a cancel
raise; anything that stops a planned send (a missing variable, an untrusted host, no
credentials, a declined confirmation...) comes back as `outcome.error` with its diagnoses.
`outcome.hidden` holds every secret value the send saw: whatever shows or keeps the outcome
masks them (secret_variables.redact).
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Iterator

from workbench.core.common.cancel import Cancelled, CancelToken
from workbench.core.common.errors import Note, WorkbenchError
from workbench.core.environments.secret_variables import MIN_REDACTED_LENGTH, is_secret, secret_values
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
    saved: SavedValues = NOTHING_SAVED  # into the environment (or, with keep_saves=False, for the caller)
    saved_globally: SavedValues = NOTHING_SAVED
    warnings: tuple[str, ...] = ()  # what went wrong around the send (a save, the history): the send stands
    history_id: int | None = None
    hidden: frozenset = frozenset()  # secret values this send saw: never show them
    diagnose: Callable[[], tuple] = field(default=tuple, repr=False, compare=False)

    @property
    def sent(self) -> bool:
        return self.exchange is not None and self.exchange.sent

    @functools.cached_property
    def diagnoses(self) -> tuple:
        """What went wrong and how to fix it (worked out when first asked: a run does not)."""
        return self.diagnose()


class SendSession:
    """One environment opened for sending: its variables and secrets resolved once, its
    credentials fetched on the first signed send. Made by `SendService.open`."""

    def __init__(self, service: "SendService", environment: "Environment", notes=()):
        self.service = service
        self.workspace = service.workspace
        self.environment = environment
        self.notes = tuple(notes)  # e.g. "started the local sandbox at ..."
        self.warnings: list[str] = []  # e.g. a keyring that could not be read
        self.secrets = self._from_keyring(f"the secret variables of {environment.name!r}", environment.secret_variables,
                                          self._environment_secrets)
        with self.workspace.using("globals") as globals_store:
            self.globals_ = dict(globals_store.variables)
            self.global_secrets = self._from_keyring("the secret globals", globals_store.secret_variables,
                                                     globals_store.secret_values)
        self.hidden = set(secret_values({**environment.template_variables(), **self.globals_}, environment.secret_variables))
        self.hidden |= secret_values(self.secrets, self.secrets) | secret_values(self.global_secrets, self.global_secrets)
        self._credentials = None

    def _environment_secrets(self) -> dict[str, str]:
        from workbench.core.environments.secret_variables import resolve_secret_variables

        return resolve_secret_variables(self.environment, self.workspace.environ)

    def _from_keyring(self, what: str, names, read) -> dict[str, str]:
        """Secret values from the keyring. One that cannot be read costs a warning: a request
        that needs one of them then names it as missing."""
        if not names:
            return {}
        try:
            return read()
        except Cancelled:
            raise
        except WorkbenchError as exc:
            self.warnings.append(f"{what} ({', '.join(names)}) could not be read from the keyring: {str(exc).splitlines()[0]}")
            return {}

    def credentials(self, cancel: CancelToken | None = None, progress=None):
        """This environment's credentials: kept for this session only, else fetched (keyring,
        profile, process, the sandbox's) once per session. Their secret key and session token
        are hidden from then on, wherever a server echoes them."""
        if self._credentials is None:
            from workbench.core.environments.credentials import fetch_credentials

            self._credentials = (self.workspace.session_credentials.get(self.environment.name)
                                 or fetch_credentials(self.environment, self.workspace.environ, cancel=cancel, progress=progress))
        self._hide_credentials(self._credentials)
        return self._credentials

    def _hide_credentials(self, credentials) -> None:
        self.hidden |= {v for v in (credentials.secret_access_key, credentials.session_token)
                        if v and len(v) >= MIN_REDACTED_LENGTH}

    # ------------------------------------------------------------------ plan

    def plan(self, draft: "RequestDraft", variables=(), collection=()) -> "SendPlan":
        """The plan of `draft` here; `variables` (a run's or a lesson's values) win over the draft's
        own; `collection`: the variables of the draft's collection (below the environment's)."""
        from workbench.core.send.plan import build_plan

        if variables:
            draft = replace(draft, variables=tuple((draft.variables_dict() | dict(variables)).items()))
        self.hidden |= secret_values(dict(draft.variables), self.environment.secret_variables)
        # the environment's secret variables are its scope: a collection's value never hides one
        collection = {k: v for k, v in dict(collection).items() if k not in self.secrets}
        return build_plan(draft, self.environment, globals_={**self.globals_, **self.global_secrets, **self.secrets},
                          library=self.service.library, notes=self.notes, collection=collection)

    # ------------------------------------------------------------------ send

    def send(
        self,
        draft: "RequestDraft",
        *,
        variables=(),
        collection=(),
        global_saves=(),
        dry_run: bool = False,
        confirmed: bool = False,
        allow_any_host: bool = False,
        options=None,
        keep_saves: bool = True,
        record: bool = True,
        credentials=None,
        signed_at=None,
        on_plan: Callable[["SendPlan"], bool] | None = None,
        cancel: CancelToken | None = None,
        progress=None,
    ) -> SendOutcome:
        """Plan, sign and send `draft` (a dry run signs only), then keep its saves (`draft.saves`
        into the environment, `global_saves` into the globals; with `keep_saves=False` they are
        only read out, for the caller's own scope) and record it in the history. `credentials`
        and `signed_at` (a datetime) sign with other credentials or clock than the environment's:
        a lesson that breaks a signature on purpose."""
        from workbench.core.send.plan import check_sendable, run_plan

        compile_saves(tuple(draft.saves) + tuple(global_saves))  # a bad expression stops before anything is sent
        plan = self.plan(draft, variables, collection)
        if on_plan is not None:
            confirmed = bool(on_plan(plan)) or confirmed
        try:
            check_sendable(plan, dry_run=dry_run, confirmed=confirmed, allow_any_host=allow_any_host)
            if credentials is not None:
                self._hide_credentials(credentials)
            if plan.identity is not None:  # the request's own credentials: hidden like the environment's
                self.hidden |= plan.identity.secret_values()
            # unsigned, or signed as the request's own identity: the environment's credentials are not needed
            needs_environment = not plan.unsigned and (plan.identity is None or plan.identity.uses_environment)
            exchange = run_plan(plan, credentials=credentials or (self.credentials(cancel, progress) if needs_environment else None),
                                environ=self.workspace.environ, options=options, dry_run=dry_run, cancel=cancel,
                                progress=progress, confirmed=confirmed, allow_any_host=allow_any_host, signed_at=signed_at)
        except Cancelled:
            raise
        except WorkbenchError as exc:  # nothing was sent: say why, and how to fix it
            return SendOutcome(plan, error=exc, warnings=tuple(self.warnings), hidden=frozenset(self.hidden),
                               diagnose=functools.partial(self.service.diagnose, exc, plan))
        warnings = list(self.warnings)
        # a server may echo the request back: its signature is hidden in this exchange (kept
        # out of the session's set, which every later send would otherwise redact against)
        hidden = self.hidden | ({exchange.signature} if exchange.signature else set())
        history_id = self._record(plan, exchange, warnings, hidden) if record and exchange.sent else None
        saved = values_from_response(exchange, draft.saves)
        saved_globally = values_from_response(exchange, global_saves)
        if keep_saves:
            saved_globally = self._keep(saved, saved_globally, warnings)
        kept = secret_values({**saved.values, **saved_globally.values}, self.environment.secret_variables)
        self.hidden |= kept
        return SendOutcome(plan, exchange, saved=saved, saved_globally=saved_globally, warnings=tuple(warnings),
                           history_id=history_id, hidden=frozenset(hidden | kept),
                           diagnose=functools.partial(self.service.diagnose, exchange, plan) if exchange.sent else tuple)

    def _record(self, plan, exchange, warnings: list, hidden) -> int | None:
        """Keep the send in the history, every secret it saw masked; a history that cannot be
        written costs a warning, not the send."""
        try:
            with self.workspace.using("history") as history:
                entry_id = history.record(plan, exchange, hidden=hidden)
                warnings.extend(history.notes)  # what opening or writing it recovered from, said once
                history.notes.clear()
                return entry_id
        except WorkbenchError as exc:
            warnings.append(f"not kept in the history: {exc}")
            return None

    def _keep(self, saved: SavedValues, saved_globally: SavedValues, warnings: list) -> SavedValues:
        """Keep saved values where the rules put them (SendService.save_variables); this
        session sees them from now on. Returns the global saves as kept."""
        if saved.values:
            kept, said = self.service.save_variables(saved.values, environment=self.environment.name)
            warnings += said
            plain = {k: v for k, v in kept.items() if not is_secret(k, self.environment.secret_variables)}
            self.secrets.update({k: v for k, v in kept.items() if k not in plain})
            self.environment = replace(self.environment, variables={**self.environment.variables, **plain})
        if not saved_globally.values:
            return saved_globally
        kept, said = self.service.save_variables(saved_globally.values)
        warnings += said
        with self.workspace.using("globals") as globals_store:
            self.globals_ = dict(globals_store.variables)
            self.global_secrets.update({k: v for k, v in kept.items() if k not in self.globals_})
        return replace(saved_globally, values=kept)


@dataclass
class SendService:
    """Sends for one front end, over one workspace (see the module's docstring)."""

    workspace: Workspace
    library: object = None  # a loaded Library (the window's); None reads templates as needed
    language: str = "en"  # diagnoses explained in this language (core.common.i18n.LANGUAGES)

    @contextlib.contextmanager
    def open(self, environment: str, *, cancel: CancelToken | None = None, progress=None,
             start_sandbox: bool = True) -> Iterator[SendSession]:
        """`environment` opened for sending. For the sandbox: the kept one (started now if it
        is not running: it stays up), or with `start_sandbox=False` (a dry run, a probe) the
        running one or a one-off stopped after the block. Cancellable while the sandbox starts."""
        with self._environment(environment, cancel, progress, start_sandbox) as (opened, notes):
            yield SendSession(self, opened, notes)

    @contextlib.contextmanager
    def _environment(self, name: str, cancel, progress, start_sandbox: bool):
        """The environment, an environment of the sandbox's identity with no hosts of its own
        (the sandbox, or a copy of it) pointed at the sandbox."""
        with self.workspace.using("environments") as store:
            environment = store.get(name)
        if not environment.is_sandbox or environment.hosts:
            yield environment, ()
            return
        if start_sandbox:
            url, started = self.workspace.start_sandbox(cancel, progress)
            notes = (Note("sandbox_started", f"started the local sandbox at {url}; it keeps running, and keeps "
                                             "what you create, until it is stopped", remedy="stop_sandbox"),) if started else ()
            yield environment.with_sandbox_url(url), notes
            return
        url = self.workspace.running_sandbox()
        if url is not None:
            yield environment.with_sandbox_url(url), ()
            return
        from workbench.core.common.progress import Progress
        from workbench.core.sandbox.background import ensure_sandbox

        if progress is not None:
            progress(Progress("sandbox", "starting a one-off sandbox"))
        with ensure_sandbox(self.workspace.environ) as handle:
            yield environment.with_sandbox_url(handle.url), ()

    def send(self, environment: str, draft: "RequestDraft", *, cancel: CancelToken | None = None, progress=None,
             **options) -> SendOutcome:
        """Open `environment` and send `draft` there (see SendSession.send for the options)."""
        with self.open(environment, cancel=cancel, progress=progress,
                       start_sandbox=not options.get("dry_run", False)) as session:
            return session.send(draft, cancel=cancel, progress=progress, **options)

    def plan(self, environment: str, draft: "RequestDraft", collection=()) -> "SendPlan":
        """What sending `draft` in `environment` would do, nothing signed (a window's check);
        `collection`: the variables of the draft's collection."""
        with self.open(environment) as session:
            return session.plan(draft, collection=collection)

    def needs_confirmation(self, draft: "RequestDraft", environment: "Environment") -> bool:
        """Whether a send of `draft` in `environment` asks first: no file, keyring or network."""
        from workbench.core.send.plan import confirmation_needed

        return confirmation_needed(draft, environment, self.library)

    # ------------------------------------------------------------------ around a send

    def diagnose(self, subject, plan=None) -> tuple:
        """What went wrong with an exchange or an error, and how to fix it."""
        from workbench.core.send.diagnosis_gate import may_need_diagnosis

        if not isinstance(subject, BaseException) and not may_need_diagnosis(subject):
            return ()  # an answer the catalogue cannot flag: not loaded at all
        from workbench.core.diagnose import diagnose

        with self.workspace.using("environments") as store:
            environments = store.list()
        return tuple(diagnose(subject, plan_or_context=plan, environments=environments, language=self.language))

    def save_variables(self, values: dict, *, environment: str | None = None) -> tuple[dict, list[str]]:
        """Keep `values` as variables of `environment`, or (None) as globals, each where the
        rules put it: a secret one (by name, or declared) in the keyring, never in a file; the
        sandbox keeps no secret values. Returns (what was kept, warnings about the rest)."""

        warnings: list[str] = []
        if environment is None:
            with self.workspace.using("globals") as globals_store:
                secrets = {k: v for k, v in values.items() if globals_store.is_secret(k)}
                try:
                    if secrets:
                        globals_store.set_variables(secrets)
                except WorkbenchError as exc:
                    warnings.append(f"{', '.join(sorted(secrets))} not saved in the globals: {str(exc).splitlines()[0]}")
                    values = {k: v for k, v in values.items() if k not in secrets}
                plain = {k: v for k, v in values.items() if k not in secrets}
                if plain:
                    globals_store.set_variables(plain)
            return values, warnings
        from workbench.core.environments.service import EnvironmentService

        with self.workspace.using("environments") as store:
            environments = EnvironmentService(store, self.workspace.environ, session=self.workspace.session_credentials)
            env = store.get(environment)
            secrets = sorted(k for k in values if is_secret(k, env.secret_variables))
            if secrets and env.is_sandbox:
                warnings.append(f"{', '.join(secrets)} not saved: the sandbox keeps no secret values")
                values = {k: v for k, v in values.items() if k not in secrets}
            try:
                if values:
                    environments.set_variables(environment, values)  # the rule: secrets to the keyring
            except WorkbenchError as exc:
                if not secrets:
                    raise
                warnings.append(f"{', '.join(secrets)} not saved: {str(exc).splitlines()[0]}")
                values = {k: v for k, v in values.items() if k not in secrets}
                if values:
                    environments.set_variables(environment, values)
        return values, warnings

    def keep_draft_secrets(self, draft: "RequestDraft"):
        """(`draft` as it may be written to a file, [DraftSecret]): its secrets (an x-api-key
        header, a password variable...) kept as secret globals it refers to. Raises when the
        keyring cannot take them (nothing is to be written then)."""
        with self.workspace.using("globals") as globals_store:
            return globals_store.keep_draft_secrets(draft)

    def store_warnings(self) -> list[str]:
        """What is wrong with the environments or globals file (said once, before a send)."""
        with self.workspace.using("environments") as store:
            warnings = [store.report()] if store.report() else []
        with self.workspace.using("globals") as globals_store:
            return warnings + [str(problem) for problem in globals_store.problems]
