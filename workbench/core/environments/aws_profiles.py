"""Named AWS profiles, resolved by botocore so static keys, SSO, assume-role and
credential_process work as in the AWS CLI; the config files are the ones `environ` names
(AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, HOME)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from workbench.core.common.suggest import did_you_mean
from workbench.core.environments.credential_types import Credentials, CredentialsError, ProfileError



@dataclass(frozen=True)
class ProfileInfo:
    name: str
    kind: str  # "static", "assume-role", "sso", "process", "web-identity", "other"

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


def aws_config_paths(environ: Mapping[str, str]) -> tuple[Path, Path]:
    """(config file, shared credentials file) as the AWS CLI would pick them from `environ`."""

    home = environ.get("HOME") or os.path.expanduser("~")
    config = environ.get("AWS_CONFIG_FILE") or os.path.join(home, ".aws", "config")
    shared = environ.get("AWS_SHARED_CREDENTIALS_FILE") or os.path.join(home, ".aws", "credentials")
    return Path(os.path.expanduser(config)), Path(os.path.expanduser(shared))


def botocore_session(environ: Mapping[str, str], profile: str | None = None):
    """A botocore session reading the AWS config files named by `environ`."""

    import botocore.session

    session = botocore.session.Session(profile=profile)
    config, shared = aws_config_paths(environ)
    session.set_config_variable("config_file", str(config))
    session.set_config_variable("credentials_file", str(shared))
    return session


def _profile_kind(config: Mapping) -> str:
    if "role_arn" in config and "web_identity_token_file" in config:
        return "web-identity"
    if "role_arn" in config:
        return "assume-role"
    if "sso_session" in config or "sso_start_url" in config or "sso_account_id" in config:
        return "sso"
    if "credential_process" in config:
        return "process"
    if "aws_access_key_id" in config:
        return "static"
    return "other"


def list_profiles(environ: Mapping[str, str]) -> list[ProfileInfo]:
    """Every profile of the AWS config and credentials files, sorted, with what kind it is."""

    import botocore.exceptions

    session = botocore_session(environ)
    try:
        profiles = session.full_config.get("profiles", {})
    except botocore.exceptions.ConfigParseError as exc:
        raise CredentialsError(f"cannot read the AWS config: {exc}") from None
    return [ProfileInfo(name, _profile_kind(profiles[name])) for name in sorted(profiles)]


def profile_credentials(profile: str, environ: Mapping[str, str], region: str | None = None) -> Credentials:
    import botocore.exceptions

    session = botocore_session(environ, profile)
    try:
        known = session.full_config.get("profiles", {})
    except botocore.exceptions.ConfigParseError as exc:
        raise ProfileError(profile=profile, detail=f"the AWS config cannot be parsed: {exc}") from None
    if profile not in known:
        config, shared = aws_config_paths(environ)
        raise ProfileError(profile=profile, detail=f"no such profile in {config} or {shared}")
    if region and not known[profile].get("region"):
        # assume-role / SSO calls go to STS / SSO in the environment's region
        session.set_config_variable("region", region)
    resolver = session.get_component("credential_provider")
    # A named profile must not quietly turn into the machine's instance or container role.
    for method in ("env", "container-role", "iam-role", "boto-config"):
        try:
            resolver.remove(method)
        except (ValueError, KeyError):
            pass
    try:
        found = session.get_credentials()
        frozen = found.get_frozen_credentials() if found is not None else None
    except botocore.exceptions.ProfileNotFound as exc:
        raise ProfileError(profile=profile, detail=str(exc)) from None
    except botocore.exceptions.BotoCoreError as exc:
        raise ProfileError(profile=profile, detail=_describe_botocore_error(exc)) from None
    except botocore.exceptions.ClientError as exc:
        raise ProfileError(profile=profile, detail=f"AWS refused: {exc}") from None
    if frozen is None or not frozen.access_key or not frozen.secret_key:
        raise ProfileError(profile=profile, detail="it defines no credentials (no keys, SSO, role or credential_process)")
    return Credentials(frozen.access_key, frozen.secret_key, frozen.token or None, f"profile {profile}")


def _describe_botocore_error(exc: Exception) -> str:
    import botocore.exceptions

    if isinstance(exc, botocore.exceptions.EndpointConnectionError):
        return f"could not reach the credentials endpoint ({exc})"
    return str(exc)


def check_profile(profile: str, environ: Mapping[str, str]) -> str:
    """`profile` when the AWS config or credentials file defines it; ProfileError otherwise."""
    names = [info.name for info in list_profiles(environ)]
    if profile in names:
        return profile
    config, shared = aws_config_paths(environ)
    detail = f"no such profile in {config} or {shared}"
    if names:
        detail += f" (profiles there: {', '.join(names)}).{did_you_mean(profile, names)}"
    raise ProfileError(profile=profile, detail=detail)
