"""Idle keep-alive connections, reused across sends in one process.

Keyed by everything that makes a connection what it is: scheme, host, port, proxy and CA
bundle. A connection goes back only after a complete response that did not ask to close;
one that was idle too long, or that the server closed (readable while idle), is dropped
instead of being handed out.
"""

from __future__ import annotations

import select
import threading
import time


class ConnectionPool:
    def __init__(self, max_idle_per_key: int = 4, idle_seconds: float = 30.0):
        self.max_idle_per_key = max_idle_per_key
        self.idle_seconds = idle_seconds
        self._idle: dict = {}  # key -> [(since, connection)], most recent last
        self._lock = threading.Lock()

    def take(self, key):
        """A live idle connection for `key`, or None."""
        now = time.monotonic()
        while True:
            with self._lock:
                entries = self._idle.get(key)
                if not entries:
                    return None
                since, connection = entries.pop()
            if now - since <= self.idle_seconds and _alive(connection):
                return connection
            connection.close()

    def put(self, key, connection) -> None:
        with self._lock:
            entries = self._idle.setdefault(key, [])
            entries.append((time.monotonic(), connection))
            extra = entries[: -self.max_idle_per_key] if len(entries) > self.max_idle_per_key else []
            del entries[: len(extra)]
        for _since, old in extra:
            old.close()

    def clear(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, {}
        for entries in idle.values():
            for _since, connection in entries:
                connection.close()


def _alive(connection) -> bool:
    """An idle connection has nothing to read: readable means closed (or garbage)."""
    sock = connection.sock
    if sock is None:
        return False
    try:
        if getattr(sock, "pending", lambda: 0)():
            return False
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable
