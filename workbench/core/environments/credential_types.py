"""What credentials are, where they come from and how that fails: `Credentials` (held in
memory only, never in a repr), `CredentialSource` (an environment's choice: keyring,
profile, process, sandbox), the errors, and what a credential store offers. The stores
(keyring_store.py), the profiles (aws_profiles.py) and the resolution (credentials.py)
build on these."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol

from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY

CREDENTIAL_KINDS = ("keyring", "profile", "process", "sandbox")
PROBE_NAME = ".workbench-probe"  # environment names cannot start with "."


@dataclass(frozen=True)
class Credentials:
    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)
    source: str = ""  # where they came from, for display: "keyring", "profile dev", "sandbox"...

    @property
    def masked_access_key_id(self) -> str:
        return mask_access_key_id(self.access_key_id)


# The local sandbox's fixed, harmless identity (no AWS account needed).
SANDBOX_CREDENTIALS = Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, source="sandbox")


def mask_access_key_id(key_id: str) -> str:
    """AKIA************MPLE: enough to recognise a key, not enough to use it."""

    if len(key_id) <= 8:
        return "*" * len(key_id)
    return key_id[:4] + "*" * (len(key_id) - 8) + key_id[-4:]


@dataclass(frozen=True)
class CredentialSource:
    """Where an environment's credentials come from (never the credentials themselves)."""

    kind: str = "keyring"
    profile: str | None = None  # only for kind "profile"

    def __post_init__(self):
        if self.kind not in CREDENTIAL_KINDS:
            raise CredentialsError(
                f"unknown credential source {self.kind!r}; expected one of {', '.join(CREDENTIAL_KINDS)}"
            )
        if self.kind == "profile" and not self.profile:
            raise CredentialsError("a 'profile' credential source needs a profile name")
        if self.kind != "profile" and self.profile:
            raise CredentialsError(f"a {self.kind!r} credential source takes no profile name")

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"kind": self.kind}
        if self.profile:
            data["profile"] = self.profile
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "CredentialSource":
        if not isinstance(data, Mapping):
            raise CredentialsError("credential_source must be an object like {\"kind\": \"keyring\"}")
        unknown = set(data) - {"kind", "profile"}
        if unknown:
            raise CredentialsError(f"credential_source has unknown keys: {', '.join(sorted(unknown))}")
        return cls(kind=data.get("kind", "keyring"), profile=data.get("profile"))

    def describe(self) -> str:
        if self.kind == "profile":
            return f"AWS profile {self.profile}"
        return {
            "keyring": "OS keyring",
            "process": "process environment (AWS_ACCESS_KEY_ID...)",
            "sandbox": "local sandbox identity",
        }[self.kind]


# --------------------------------------------------------------------------- errors


class CredentialsError(WorkbenchError):
    fmt = "{message}"


_ACCESS_KEY_ID = re.compile(r"^[A-Z0-9]{16,128}$")


def check_access_key_id(key_id: str) -> None:
    """Refuse what cannot be an access key ID (16 to 128 upper-case letters and digits, AKIA...
    or ASIA... for AWS's own). The value is not repeated: it may be a secret pasted by mistake."""

    if _ACCESS_KEY_ID.match(key_id):
        return
    looks_secret = " (that looks like a secret access key: the secret is prompted for, or read from stdin)" \
        if len(key_id) == 40 and re.search(r"[a-z/+]", key_id) else ""
    raise CredentialsError(
        f"not an access key ID ({len(key_id)} characters): an access key ID is 16 to 128 upper-case letters "
        f"and digits, such as AKIAIOSFODNN7EXAMPLE{looks_secret}", length=len(key_id))


class CredentialsMissing(CredentialsError):
    fmt = "{message}"


class ProfileError(CredentialsError):
    fmt = "AWS profile {profile!r} cannot be used: {detail}"


class KeyringUnavailable(CredentialsError):
    remedy = "use_profile"
    fmt = (
        "The OS keyring is not usable: {reason}.\n"
        "Choose one:\n"
        "  - unlock or install a keyring (a Secret Service such as gnome-keyring or KWallet on Linux;\n"
        "    macOS Keychain and Windows Credential Locker work out of the box), then retry;\n"
        "  - use an AWS profile instead (an environment whose credentials come from a named profile);\n"
        "  - keep the secret in memory for this session only (the desktop app offers this; it is\n"
        "    forgotten when the app closes).\n"
        "Pinpoint Workbench never falls back to storing secrets in a file."
    )


class CredentialStore(Protocol):
    """What the keyring store and the session-only store share."""

    def set(self, name: str, credentials: Credentials) -> None: ...

    def get(self, name: str) -> Credentials | None: ...

    def clear(self, name: str) -> bool: ...
