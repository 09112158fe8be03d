"""Everything the window gets from outside, built once by app.py and injected: the process
environment, where files live, and how to reach the sandbox and the credentials. Tests
build their own (temporary dirs, a sandbox they started)."""

from __future__ import annotations

import os
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

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "AppContext":
        from workbench.core.common.paths import config_dir, data_dir

        from workbench.core.settings.preferences import load_preferences

        context = cls(dict(environ), config_dir(environ), data_dir(environ))
        chosen = load_preferences(context.config_dir).preferences.collections_dir  # problems: reported by the window
        if chosen:
            context.collections_override = Path(chosen).expanduser()
        return context

    def start_sandbox(self, cancel=None, progress=None) -> str:
        """The URL of the kept background sandbox the command line uses too (the running one,
        else one started now; it stays up, with what it holds, after the window closes).
        Called in a worker; `cancel` stops a start half-way (Cancelled(phase="sandbox"))."""
        if self.sandbox_url is not None:
            return self.sandbox_url()
        from workbench.core.sandbox.background import ensure_running

        # one it starts for itself only (keep_sandbox off) stops with it, even when it is killed
        status = ensure_running(self.environ, cancel=cancel, progress=progress,
                                owner_pid=None if self.keep_sandbox else os.getpid())
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
