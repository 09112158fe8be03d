"""Everything the window gets from outside, built once by app.py and injected: the process
environment, where files live, and how to reach the sandbox and the credentials. Tests
build their own (temporary dirs, a sandbox they started)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping


@dataclass
class AppContext:
    environ: Mapping[str, str]
    config_dir: Path
    data_dir: Path
    # The URL of a sandbox to use instead of the kept one (tests, screenshots of a fixed server).
    sandbox_url: Callable[[], str] | None = None
    closers: list = field(default_factory=list)  # run when the window closes
    collections_override: Path | None = None  # the preferences' collections folder, if set
    keep_sandbox: bool = True  # False (a screenshot run): a sandbox this window started stops with it
    theme: str = "system"  # the preferences' theme (light, dark, system), applied before the first paint
    # called (in the worker) with the URL whenever a start found or started the sandbox
    sandbox_listeners: list = field(default_factory=list)
    _start_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "AppContext":
        from workbench.core.common.paths import config_dir, data_dir

        from workbench.core.settings.preferences import load_preferences

        context = cls(dict(environ), config_dir(environ), data_dir(environ))
        prefs = load_preferences(context.config_dir).preferences  # problems: reported by the window
        context.theme = prefs.theme
        chosen = prefs.collections_dir
        if chosen:
            context.collections_override = Path(chosen).expanduser()
        return context

    def start_sandbox(self, cancel=None, progress=None, tutorial_policy: bool = False) -> str:
        """The URL of the kept background sandbox the command line uses too (the running one,
        else one started now; it stays up, with what it holds, after the window closes).
        Called in a worker; `cancel` stops a start half-way (Cancelled(phase="sandbox")).
        One start at a time: a send that comes while the window is starting the sandbox
        says so (phase "sandbox") and waits for that start instead of racing it."""
        if self.sandbox_url is not None:
            url = self.sandbox_url()
        else:
            url = self._start_kept(cancel, progress, tutorial_policy)
        for listener in list(self.sandbox_listeners):
            listener(url)
        return url

    def _start_kept(self, cancel, progress, tutorial_policy: bool) -> str:
        from workbench.core.common.cancel import Cancelled
        from workbench.core.common.progress import Progress
        from workbench.core.sandbox.background import ensure_running

        if not self._start_lock.acquire(blocking=False):
            if progress is not None:
                progress(Progress("sandbox", ""))
            while not self._start_lock.acquire(timeout=0.05):
                if cancel is not None and cancel.cancelled:
                    raise Cancelled(phase="sandbox")
        try:
            status = ensure_running(self.environ, cancel=cancel, progress=progress, tutorial_policy=tutorial_policy)
        finally:
            self._start_lock.release()
        if not status.already_running and not self.keep_sandbox:
            from workbench.core.sandbox.background import stop_background

            self.closers.append(lambda: stop_background(self.environ))  # its state stays on disk
        return status.url

    @property
    def collections_dir(self) -> Path:
        return self.collections_override or self.config_dir / "collections"

    @property
    def session_path(self) -> Path:
        from workbench.core.settings.window_session import FILE_NAME

        return self.config_dir / FILE_NAME

    def close(self) -> None:
        closers, self.closers = self.closers, []
        for close in closers:
            close()
