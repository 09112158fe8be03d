"""The in-process sandbox: moto + our front, with a start/stop lifecycle."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from workbench.core.sandbox.errors import SandboxError
from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION
from workbench.core.sandbox.front import Front, FrontConfig
from workbench.core.sandbox.moto_server import MotoServer
from workbench.core.sandbox.events import EVENTS_MAX_BYTES, EventLog
from workbench.core.sandbox.store import SandboxStore


@dataclass(frozen=True)
class SandboxInfo:
    url: str
    region: str
    account_id: str
    tutorial_policy: bool
    started_at: float
    data_dir: str | None = None  # None: nothing is kept
    events: str | None = None  # the event log file (lessons read what a send published)

    def to_dict(self) -> dict:
        return {"url": self.url, "region": self.region, "account_id": self.account_id,
                "tutorial_policy": self.tutorial_policy, "started_at": self.started_at,
                "data_dir": self.data_dir, "events": self.events}


class SandboxServer:
    """`with SandboxServer() as sandbox: sandbox.url` -> http://127.0.0.1:PORT.

    `port` 0 picks a free port; a taken port raises SandboxError.
    `data_dir`: where the state is kept across restarts (moto's backends too: they are
    process-wide, so give it only to the one sandbox of a process). None: a temporary
    directory, removed at stop; nothing is kept.
    `events_max_bytes`: the event log rotates past this size (events.py).
    """

    def __init__(self, tutorial_policy: bool = False, port: int = 0,
                 data_dir: Path | None = None, events_max_bytes: int = EVENTS_MAX_BYTES):
        self.tutorial_policy = tutorial_policy
        self._events_max_bytes = events_max_bytes
        self._port = port
        self._kept = data_dir is not None
        self._data_dir = Path(data_dir) if data_dir is not None else None
        self._moto: MotoServer | None = None
        self._front: Front | None = None
        self._started_at = 0.0
        self.store: SandboxStore | None = None
        self.events: EventLog | None = None

    @property
    def data_dir(self) -> Path:
        if self.store is None:
            raise SandboxError("not started")
        return self.store.directory

    def start(self) -> "SandboxServer":
        if self._front is not None:
            return self
        directory = self._data_dir or Path(tempfile.mkdtemp(prefix="workbench-sandbox-"))
        self.store = SandboxStore(directory)
        if self._kept:
            self.store.restore_moto()
        from workbench.core.sandbox.emulator import Emulator

        self.events = EventLog(self.store.events_path, self._events_max_bytes)
        emulator = Emulator(self.store, self.events)
        moto = MotoServer()
        moto.start()
        try:
            config = FrontConfig(moto.call, tutorial_policy=self.tutorial_policy,
                                 status=lambda: self.info().to_dict(), store=self.store,
                                 keep_moto=self._kept, emulator=emulator)
            front = Front(config, port=self._port)
        except OSError as exc:
            moto.stop()
            raise SandboxError(f"cannot listen on 127.0.0.1:{self._port}: {exc.strerror}") from None
        front.start()
        from workbench.core.sandbox.emulation import warm_up

        threading.Thread(target=warm_up, name="sandbox-warm-up", daemon=True).start()
        self._moto, self._front, self._started_at = moto, front, time.time()
        return self

    def stop(self) -> None:
        if self._front is not None:
            self._front.stop()
            self._front = None
        if self._moto is not None:
            self._moto.stop()
            self._moto = None
        if self.store is not None:
            self.store.close()
            if not self._kept:
                shutil.rmtree(self.store.directory, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self._front is not None

    @property
    def url(self) -> str:
        if self._front is None:
            raise SandboxError("not started")
        return self._front.url

    @property
    def port(self) -> int:
        return self._front.port if self._front else 0

    def info(self) -> SandboxInfo:
        return SandboxInfo(self.url, SANDBOX_REGION, SANDBOX_ACCOUNT_ID, self.tutorial_policy,
                           self._started_at, str(self.data_dir) if self._kept else None,
                           str(self.store.events_path))

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox's clock ahead (codes and one-time passwords expire by it)."""
        self.store.clock_offset += seconds

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
