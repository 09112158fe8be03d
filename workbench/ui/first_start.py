"""The first start and the kept sandbox, as the controller does them (a part of it, kept
apart to stay legible): one start of the kept sandbox at a time, whose state the
environment bar and the status bar both show (through `credential_status` for "sandbox");
the first send's modules loaded ahead; the library's sandbox badges (which import moto, a
second or more under the interpreter lock) only once the first start is quiet.

Profiled on a 2-core machine, the first start lost its time to: the click on "Try it"
cancelling the start under way and starting another; two pool threads both held by
waiting workers (the start polling, the badges importing), so the welcome check and the
send queued behind them; half a second of first-plan loading after the click."""

from __future__ import annotations

from workbench.core.common.cancel import Cancelled
from workbench.ui.credential_words import line
from workbench.ui.workers import ExclusiveRunner

SANDBOX = "sandbox"


class FirstStart:
    """Mixed into the Controller (a QObject with `credential_status`, `sandbox_starting`,
    `environment_changed`, `_runners`, `run_in_worker`, `environments`, `library`, `context`)."""

    # One state for the whole window: the environment bar (top right) and the sandbox
    # button (status bar) both show what `credential_status` says for "sandbox".

    def start_sandbox(self) -> None:
        """Start the kept sandbox (or find the running one) in a worker. A start already
        under way is kept, not restarted: choosing the sandbox again, or "Try it with the
        local sandbox", waits for it instead of throwing its progress away."""
        runner = self._sandbox_runner()
        if runner.busy:
            return
        self.sandbox_stopped = False
        self.credential_status.emit(SANDBOX, line("sandbox_starting"))
        runner.run(lambda cancel, progress: self.context.start_sandbox(cancel, progress),
                   on_result=self.sandbox_ready, on_error=self._sandbox_failed,
                   on_progress=lambda p: self.credential_status.emit(SANDBOX, line("sandbox_starting")))

    @property
    def sandbox_starting_now(self) -> bool:
        runner = self._runners.get(SANDBOX)
        return runner is not None and runner.busy

    def _sandbox_runner(self) -> ExclusiveRunner:
        if SANDBOX not in self._runners:
            runner = self._runners[SANDBOX] = ExclusiveRunner(self, self.pool)
            runner.busy_changed.connect(self.sandbox_starting.emit)
            runner.busy_changed.connect(lambda busy: None if busy else self._badges_when_quiet())
        return self._runners[SANDBOX]

    def cancel_sandbox_start(self) -> None:
        """Stop starting the kept sandbox (a half-started one is killed); choose it again to retry."""
        runner = self._runners.get(SANDBOX)
        if runner is not None and runner.busy:
            runner.cancel()
            self.credential_status.emit(SANDBOX, line("sandbox_cancelled"))

    def sandbox_found(self, url: str, announce: bool = False) -> None:
        """The kept sandbox answers at `url` (started here, by a send, or from the status bar);
        `announce`: say so even if it is the one already known (after a restart on the same port)."""
        known = url == self.sandbox_url and bool(getattr(self.environments.get(SANDBOX), "hosts", None))
        if known and not announce:
            return
        self.sandbox_ready(url)

    def sandbox_gone(self) -> None:
        """The kept sandbox was stopped from the window: the next send (or Start) starts it again."""
        self.sandbox_url = None
        self.sandbox_stopped = True
        self.reload_environments()

    def sandbox_ready(self, url: str) -> None:
        self.sandbox_url = url
        self.sandbox_stopped = False
        if SANDBOX in self.environments:
            self.environments[SANDBOX] = self._with_sandbox(self.environments[SANDBOX])
        self.credential_status.emit(SANDBOX, line("sandbox_identity", address=url.split('://')[-1]))
        if self.current_env_name == SANDBOX:
            self.environment_changed.emit(self.environments[SANDBOX])

    def _sandbox_failed(self, error) -> None:
        if not isinstance(error, Cancelled):  # cancelled: already said
            self.credential_status.emit(SANDBOX, line("sandbox_not_running", reason=error))

    def _warm_up_send(self) -> None:
        """Once the library and the environments are in: build (never send) a GetApps plan
        in a worker, so the first send finds the service model read and its modules loaded
        (half a second that would otherwise come after the user's first click)."""
        env = self.environments.get(SANDBOX)
        if self._warmed or self.library is None or env is None:
            return
        self._warmed = True
        from workbench.core.request.drafts import RequestDraft

        library, env = self.library, env.with_sandbox_url("http://127.0.0.1:9")  # a placeholder: nothing is sent

        modules = self._warm_up_modules

        def work():
            import importlib

            for name in modules:
                importlib.import_module(name)
            from workbench.core.send.plan import build_plan

            build_plan(RequestDraft(operation="pinpoint:GetApps"), env, library=library)

        self.run_in_worker(work, lambda _: None, lambda _: None)

    def _badges_when_quiet(self) -> None:
        """The badges import moto (a second or more of CPU under the interpreter lock): not
        while the first start runs (the sandbox starting, a send), which they would slow."""
        if not self._badges_due or not self.environments or any(r.busy for r in self._runners.values()):
            return
        self._badges_due = False
        self.run_in_worker(self._entries_with_sandbox_badges, self._badges_ready)
