"""AWS credentials, held in memory only (never persisted, never in a repr)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Credentials:
    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)
    source: str = ""  # where they came from, for display: "keyring", "profile dev", "sandbox"...
