"""Everything the window gets from outside, built once by app.py and injected: the process
environment, where files live, and how to reach the sandbox and the credentials (its
`workspace`, which core's send service works over). Tests build their own (temporary dirs,
a sandbox they started)."""

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
    language_preference: str = ""  # the preferences' language ("": the system's)
    language: str = "en"  # the language the window is shown in (app.py installs its translators)
    language_note: str | None = None  # why the window is not in the language asked for, if it is not
    # called (in the worker) with the URL whenever a start found or started the sandbox
    sandbox_listeners: list = field(default_factory=list)
    _workspace: object = field(default=None, repr=False)
    _start_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "AppContext":
        from workbench.core.common.paths import config_dir, data_dir

        from workbench.core.settings.preferences import load_preferences

        context = cls(dict(environ), config_dir(environ), data_dir(environ))
        prefs = load_preferences(context.config_dir).preferences  # problems: reported by the window
        context.theme = prefs.theme
        context.language_preference = prefs.language
        chosen = prefs.collections_dir
        if chosen:
            context.collections_override = Path(chosen).expanduser()
        return context

    @property
    def workspace(self):
        """The user's stores, keyring and sandbox as core's send service uses them (core.send.
        workspace), one for the window's life: built on first use from this context."""
        if self._workspace is None:
            from workbench.core.send.workspace import Workspace

            self._workspace = Workspace(self.environ, self.config_dir, self.data_dir, sandbox_url=self.sandbox_url,
                                        keep_sandbox=self.keep_sandbox)
        return self._workspace

    def start_sandbox(self, cancel=None, progress=None) -> str:
        """The URL of the kept background sandbox the command line uses too (the running one,
        else one started now; it stays up, with what it holds, after the window closes, unless
        `keep_sandbox` is off). Called in a worker; `cancel` stops a start half-way
        (Cancelled(phase="sandbox")). One start at a time from this window: a second caller
        says it waits (phase "sandbox") and waits for the first instead of racing it."""
        from workbench.core.common.cancel import Cancelled
        from workbench.core.common.progress import Progress

        if not self._start_lock.acquire(blocking=False):
            if progress is not None:
                progress(Progress("sandbox", ""))
            while not self._start_lock.acquire(timeout=0.05):
                if cancel is not None and cancel.cancelled:
                    raise Cancelled(phase="sandbox")
        try:
            url = self.workspace.start_sandbox(cancel, progress)[0]
        finally:
            self._start_lock.release()
        for listener in list(self.sandbox_listeners):
            listener(url)
        return url

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
        if self._workspace is not None:
            self._workspace.close()  # the stores, and a sandbox it started when not kept
