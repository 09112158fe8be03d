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
    # Returns the URL of a running local sandbox (may start one: called in a worker).
    sandbox_url: Callable[[], str] | None = None
    closers: list = field(default_factory=list)  # run when the window closes
    collections_override: Path | None = None  # the preferences' collections folder, if set
    _sandbox_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "AppContext":
        from workbench.core.paths import config_dir, data_dir

        from workbench.core.preferences import load_preferences

        context = cls(dict(environ), config_dir(environ), data_dir(environ))
        chosen = load_preferences(context.config_dir).preferences.collections_dir  # problems: reported by the window
        if chosen:
            context.collections_override = Path(chosen).expanduser()
        context.sandbox_url = context._ensure_sandbox
        return context

    def _ensure_sandbox(self) -> str:
        from workbench.core.sandbox.background import ensure_sandbox

        with self._sandbox_lock:
            if self.sandbox_url != self._ensure_sandbox:  # another worker started it meanwhile
                return self.sandbox_url()
            handle = ensure_sandbox(self.environ, mode="in-process")
            self.closers.append(handle.close)
            self.sandbox_url = lambda: handle.url  # started once per window
            return handle.url

    @property
    def collections_dir(self) -> Path:
        return self.collections_override or self.config_dir / "collections"

    @property
    def session_path(self) -> Path:
        from workbench.core.window_session import FILE_NAME

        return self.config_dir / FILE_NAME

    def close(self) -> None:
        closers, self.closers = self.closers, []
        for close in closers:
            close()
