"""The state an exchange shares with the threads that may stop it: the phase it is in (for
progress and for the message), and `abort()`, called from another thread (a cancel, the
deadline), which wakes whatever the exchange blocks on -- a socket, a pending connect, a
DNS lookup -- so that it raises `Cancelled` or `DeadlineExceeded` at once."""

from __future__ import annotations

import socket
import threading

from workbench.core.common.progress import Progress
from workbench.core.send.transport.errors import Cancelled, DeadlineExceeded, TransportError
from workbench.core.send.transport.options import SendOptions

DOING = {
    "dns": "resolving the host name", "connect": "connecting", "tls": "in the TLS handshake",
    "sending": "sending the request", "waiting": "waiting for the answer",
    "downloading": "still receiving the answer", "done": "finishing",
}


class Abortable:
    """`host` is host[:port] for messages; `report` the caller's progress callback."""

    def __init__(self, host: str, options: SendOptions, report=None):
        self.host = host
        self.options = options
        self.report = report
        self.lock = threading.Lock()
        self.phase = "dns"  # the progress phase the exchange is in
        self.aborted = False
        self.expired = False  # aborted by the deadline rather than by a cancel
        self.finished = False  # send() returned: the deadline no longer applies
        self.sock: socket.socket | None = None
        self.wake: socket.socket | None = None  # written to by abort() while a connect is pending
        self.dns_done: threading.Event | None = None  # set by abort() while a lookup is pending

    def _progress(self, phase: str, detail: str = "", done: int | None = None, total: int | None = None) -> None:
        self._check_aborted()  # nothing is reported after a cancel
        self.phase = phase
        if self.report is not None:
            self.report(Progress(phase, detail, done, total))

    def abort(self, expired: bool = False) -> None:
        with self.lock:
            if self.finished or self.aborted:
                return
            self.aborted, self.expired = True, expired
            sock, wake, dns_done = self.sock, self.wake, self.dns_done
        if dns_done is not None:
            dns_done.set()
        if wake is not None:
            try:
                wake.send(b"x")
            except OSError:
                pass
        if sock is not None:
            try:  # the base-class shutdown wakes a recv or send blocked in another thread, TLS or not
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass

    def stopped(self) -> TransportError:
        """What an aborted exchange raises: DeadlineExceeded or Cancelled, naming the phase."""
        if self.expired:
            return DeadlineExceeded(host=self.host, seconds=self.options.deadline, phase="total",
                                    doing=DOING[self.phase])
        return Cancelled(host=self.host, phase=self.phase)

    def _check_aborted(self) -> None:
        if self.aborted:
            raise self.stopped()

    def _set_sock(self, sock: socket.socket | None) -> None:
        with self.lock:
            self.sock = sock
            aborted = self.aborted
        if aborted and sock is not None:
            sock.close()
            raise self.stopped()
