"""The user's kept things a send reads and writes, opened once per front end and shared by
its threads: the environments, the globals, the history, the credentials kept for this
session only, the keyring, and how to reach the sandbox.

The command line builds one per command (`Workspace.from_environ`), the window one for its
life (its AppContext's; tests build theirs with temporary folders and a sandbox they
started). A store is opened on first use; `using(kind)` hands it to one caller at a time
(the stores keep state in memory between calls)."""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping

from workbench.core.environments.credentials import SessionCredentialStore

STORES = ("environments", "globals", "history")


@dataclass
class Workspace:
    environ: Mapping[str, str]
    config_dir: Path
    data_dir: Path
    # A sandbox to use instead of the kept background one: returns its URL (tests, screenshots
    # of a fixed server).
    sandbox_url: Callable[[], str] | None = None
    # False (a screenshot run): a kept sandbox started through this workspace stops when it closes
    keep_sandbox: bool = True
    # "keep for this session only": credentials typed when no keyring is usable, never written
    session_credentials: SessionCredentialStore = field(default_factory=SessionCredentialStore)
    _stores: dict = field(default_factory=dict, repr=False)
    _locks: dict = field(default_factory=lambda: {kind: threading.RLock() for kind in STORES}, repr=False)
    _started_sandbox: bool = field(default=False, repr=False)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str], **kwargs) -> "Workspace":
        from workbench.core.common.paths import config_dir, data_dir

        return cls(dict(environ), config_dir(environ), data_dir(environ), **kwargs)

    @contextlib.contextmanager
    def using(self, kind: str) -> Iterator:
        """The environment, globals or history store, for one caller at a time."""
        with self._locks[kind]:
            if kind not in self._stores:
                self._stores[kind] = self._open(kind)
            yield self._stores[kind]

    def _open(self, kind: str):
        if kind == "environments":
            from workbench.core.environments.model import FILE_NAME, EnvironmentStore

            return EnvironmentStore(self.config_dir / FILE_NAME)
        if kind == "globals":
            from workbench.core.environments.globals_store import FILE_NAME, GlobalsStore

            return GlobalsStore(self.config_dir / FILE_NAME, keyring=self.keyring)
        from workbench.core.send.history import FILE_NAME, HistoryStore

        return HistoryStore(self.data_dir / FILE_NAME)

    def keyring(self):
        """The OS keyring store of this user (opened per call: it may block on D-Bus)."""
        from workbench.core.environments.credentials import KeyringCredentialStore

        return KeyringCredentialStore.from_environ(self.environ)

    # ------------------------------------------------------------------ the sandbox

    def start_sandbox(self, cancel=None, progress=None) -> tuple[str, bool]:
        """(URL, started now) of the sandbox to send to: the fixed one, else the kept background
        sandbox (the running one, else one started now: it keeps running, with what it holds,
        unless `keep_sandbox` is off). Cancellable while it starts (Cancelled(phase="sandbox"))."""
        if self.sandbox_url is not None:
            return self.sandbox_url(), False
        from workbench.core.sandbox.background import ensure_running

        # one started for this process only (keep_sandbox off) stops with it, even when it is killed
        status = ensure_running(self.environ, cancel=cancel, progress=progress,
                                owner_pid=None if self.keep_sandbox else os.getpid())
        if not status.already_running:
            self._started_sandbox = True
        return status.url, not status.already_running

    def running_sandbox(self) -> str | None:
        """The URL of the fixed or the running kept sandbox; None when none runs (nothing started)."""
        if self.sandbox_url is not None:
            return self.sandbox_url()
        from workbench.core.sandbox.background import read_status

        status = read_status(self.environ)
        return status.url if status.running else None

    def close(self) -> None:
        for kind in STORES:
            with self._locks[kind]:
                store = self._stores.pop(kind, None)
                if store is not None and hasattr(store, "close"):
                    store.close()
        if self._started_sandbox and not self.keep_sandbox:
            from workbench.core.sandbox.background import stop_background

            self._started_sandbox = False
            stop_background(self.environ)  # its state stays on disk
