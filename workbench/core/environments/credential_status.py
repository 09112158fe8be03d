"""Whether an environment's credentials are there, said without using them: a keyring
read, a look at the AWS config files or the process environment, never a network call
(no SSO, no assume-role) and never the secret."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from workbench.core.environments.aws_profiles import list_profiles
from workbench.core.environments.credentials import CredentialsError, CredentialStore, KeyringUnavailable, mask_access_key_id


@dataclass(frozen=True)
class CredentialStatus:
    source: str  # CredentialSource.describe(): "OS keyring", "AWS profile dev"...
    state: str  # stored | not stored | defined | not defined | set | not set | unavailable | unreadable | built in
    detail: str = ""  # a masked key id, the profile's kind, why the keyring cannot be read...

    @property
    def usable(self) -> bool:
        return self.state in ("stored", "defined", "set", "built in")

    def describe(self) -> str:
        return f"{self.source}: {self.state}" + (f" ({self.detail})" if self.detail else "")

    def to_dict(self) -> dict:
        return {"source": self.source, "state": self.state, "usable": self.usable, "detail": self.detail}


def credential_status(env, store: CredentialStore | None, environ: Mapping[str, str]) -> CredentialStatus:
    """Where `env`'s credentials come from and whether they are there right now."""
    source = env.credential_source
    described = source.describe()
    if source.kind == "sandbox":
        return CredentialStatus(described, "built in")
    if source.kind == "process":
        key_id = environ.get("AWS_ACCESS_KEY_ID", "")
        if key_id and environ.get("AWS_SECRET_ACCESS_KEY"):
            token = " + session token" if environ.get("AWS_SESSION_TOKEN") else ""
            return CredentialStatus(described, "set", mask_access_key_id(key_id) + token)
        return CredentialStatus(described, "not set", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    if source.kind == "profile":
        try:
            kinds = {info.name: info.kind for info in list_profiles(environ)}
        except CredentialsError as exc:
            return CredentialStatus(described, "unavailable", str(exc))
        if source.profile in kinds:
            return CredentialStatus(described, "defined", kinds[source.profile])
        return CredentialStatus(described, "not defined", "no such profile in the AWS config files")
    if store is None:
        return CredentialStatus(described, "unavailable", "no keyring store")
    try:
        found = store.get(env.name)
    except KeyringUnavailable as exc:
        return CredentialStatus(described, "unavailable", exc.reason)
    except CredentialsError as exc:  # an entry not in our format (its text is never shown)
        return CredentialStatus(described, "unreadable", str(exc))
    if found is None:
        return CredentialStatus(described, "not stored")
    token = " + session token" if found.session_token else ""
    return CredentialStatus(described, "stored", found.masked_access_key_id + token)
