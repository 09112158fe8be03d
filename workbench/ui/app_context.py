"""Everything the window gets from outside, built once by app.py and injected: the process
environment, where files live, and how to reach the sandbox and the credentials. Tests
build their own (temporary dirs, a sandbox they started)."""

from __future__ import annotations

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

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "AppContext":
        from workbench.core.paths import config_dir, data_dir

        return cls(dict(environ), config_dir(environ), data_dir(environ))

    def start_sandbox(self, cancel=None, progress=None) -> str:
        """The URL of the kept background sandbox the command line uses too (the running one,
        else one started now; it stays up, with what it holds, after the window closes).
        Called in a worker; `cancel` stops a start half-way (Cancelled(phase="sandbox"))."""
        if self.sandbox_url is not None:
            return self.sandbox_url()
        from workbench.core.sandbox.background import ensure_running

        return ensure_running(self.environ, cancel=cancel, progress=progress).url

    @property
    def collections_dir(self) -> Path:
        return self.config_dir / "collections"

    @property
    def session_path(self) -> Path:
        from workbench.core.window_session import FILE_NAME

        return self.config_dir / FILE_NAME

    def close(self) -> None:
        closers, self.closers = self.closers, []
        for close in closers:
            close()
