"""An environment: a region, an account, a credential source, hosts and free variables;
a frozen value that is valid by construction (every rule in rules.py).

An environment never holds a secret: it names where the credentials come from
(`CredentialSource`), and `credentials.resolve_credentials` fetches them in memory; the
values of its secret variables live in the OS keyring (secret_variables.py), only their
names here. Stored by `store.EnvironmentStore`, changed through `service.EnvironmentService`.

The ``sandbox`` environment is built in (never stored): region us-east-1, the sandbox's
fixed identity, plain http, hosts filled in from the running sandbox's URL.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import Any, Mapping
from urllib.parse import urlsplit

from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.environments.credential_types import CredentialSource, CredentialsError
from workbench.core.environments.rules import BUILTIN_VARIABLES, environment_problems
from workbench.core.environments.sandbox_identity import SANDBOX_NAME
from workbench.core.library import regions

__all__ = ["BUILTIN_VARIABLES", "SANDBOX_NAME", "Environment", "EnvironmentError_", "EnvironmentExists",
           "EnvironmentInvalid", "EnvironmentNotFound", "sandbox_environment"]


class EnvironmentError_(WorkbenchError):  # noqa: N801 - avoid shadowing the builtin EnvironmentError
    fmt = "{message}"


class EnvironmentInvalid(EnvironmentError_):
    """Problems with one environment's data (all of them, not just the first)."""

    fmt = "environment {name}: {summary}"

    def __init__(self, name: str, problems: list[Problem]):
        summary = "; ".join(str(p) for p in problems)
        super().__init__(name=name, problems=list(problems), summary=summary)


class EnvironmentNotFound(EnvironmentError_):
    fmt = "no environment named {name!r}; known: {known}{hint}"
    remedy = "add_environment"


class EnvironmentExists(EnvironmentError_):
    fmt = "an environment named {name!r} already exists"


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Environment:
    name: str
    region: str
    # api -> host; only where the user wants something other than botocore's host.
    host_overrides: Mapping[str, str] = field(default_factory=dict)
    scheme: str = "https"  # "http" only for the local sandbox
    account_id: str = ""
    variables: Mapping[str, str] = field(default_factory=dict)  # free variables: projectId...
    colour: str = ""
    production: bool = False
    credential_source: CredentialSource = field(default_factory=CredentialSource)
    # names of variables whose values live in the OS keyring (secret_variables.py), never here
    secret_variables: tuple[str, ...] = ()
    # override hosts the user confirmed as a destination for this environment's credentials
    # (needed for any host that is neither the partition's AWS hosts nor loopback)
    confirmed_hosts: tuple[str, ...] = ()
    ca_bundle: str = ""  # a PEM file of CAs to trust for this environment (a corporate TLS-inspecting proxy)

    def __post_init__(self):
        object.__setattr__(self, "host_overrides", dict(self.host_overrides))
        object.__setattr__(self, "variables", dict(self.variables))
        object.__setattr__(self, "secret_variables", tuple(sorted(set(self.secret_variables))))
        object.__setattr__(self, "confirmed_hosts", tuple(sorted(set(self.confirmed_hosts))))
        problems = self.problems()
        if problems:
            raise EnvironmentInvalid(self.name, problems)

    # ---- derived

    @property
    def is_sandbox(self) -> bool:
        return self.credential_source.kind == "sandbox"

    @property
    def partition(self) -> str:
        return regions.partition_of(self.region)

    @functools.cached_property
    def hosts(self) -> dict[str, str]:
        """api -> host: botocore's hosts for the region (APIs offered there), then overrides.

        The sandbox derives nothing: its hosts come only from `with_sandbox_url`, so its
        credentials can never be signed for an AWS host.
        """

        derived = {} if self.is_sandbox else regions.hosts_for_region(self.region)
        derived.update(self.host_overrides)
        return derived  # computed once: an Environment never changes

    @property
    def missing_apis(self) -> tuple[str, ...]:
        hosts = self.hosts
        return tuple(api for api in regions.APIS if api not in hosts)

    def host_for(self, api: str) -> str:
        """The host for `api`; ApiNotOffered (with where it is offered) if there is none."""

        regions.api_info(api)
        host = self.hosts.get(api)
        if host is None:
            if self.is_sandbox:
                raise EnvironmentError_(
                    "the sandbox environment has no hosts until the sandbox is running",
                    api=api, remedy="start_sandbox",
                )
            return regions.host_for(api, self.region)  # raises ApiNotOffered
        return host

    def base_url(self, api: str) -> str:
        return f"{self.scheme}://{self.host_for(api)}"

    def template_variables(self) -> dict[str, str]:
        """The variables request templates use: `endpoint` (Pinpoint host, as in the guide's
        Postman tutorial), `smsVoiceV2Endpoint`, `smsVoiceEndpoint`, `emailEndpoint`,
        `region`, `accountId`, plus the free variables. Hosts of APIs not offered in the
        region are absent, so rendering stops on them by name."""

        out = dict(self.variables)
        out["region"] = self.region
        if self.account_id:
            out["accountId"] = self.account_id
        for api, host in self.hosts.items():
            out[regions.APIS[api].variable] = host
        return out

    def with_sandbox_url(self, url: str) -> "Environment":
        """This environment pointed at a running local sandbox (e.g. http://127.0.0.1:4566):
        every API's host becomes the sandbox's host:port."""

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EnvironmentError_(f"not a sandbox URL: {url!r} (expected http://HOST:PORT)")
        return replace(self, scheme=parts.scheme, host_overrides={api: parts.netloc for api in regions.APIS})

    # ---- validation

    def problems(self) -> list[Problem]:
        """Every rule an environment's own data must follow (rules.py), all problems found."""

        return environment_problems(self)

    # ---- persistence

    def to_dict(self) -> dict[str, Any]:
        """Stable, diff-friendly, defaults omitted; never a secret."""

        data: dict[str, Any] = {"name": self.name, "region": self.region}
        if self.host_overrides:
            data["hosts"] = dict(sorted(self.host_overrides.items()))
        if self.scheme != "https":
            data["scheme"] = self.scheme
        if self.account_id:
            data["account_id"] = self.account_id
        if self.variables:
            data["variables"] = dict(sorted(self.variables.items()))
        if self.colour:
            data["colour"] = self.colour
        if self.production:
            data["production"] = True
        if self.credential_source != CredentialSource():
            data["credential_source"] = self.credential_source.to_dict()
        if self.secret_variables:
            data["secret_variables"] = list(self.secret_variables)
        if self.confirmed_hosts:
            data["confirmed_hosts"] = list(self.confirmed_hosts)
        if self.ca_bundle:
            data["ca_bundle"] = self.ca_bundle
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "") -> "Environment":
        """Build from `to_dict()` output; EnvironmentInvalid lists every problem found."""

        prefix = f"{where}." if where else ""
        if not isinstance(data, Mapping):
            raise EnvironmentInvalid(where or "?", [Problem(where or "$", "an environment is a JSON object")])
        name = data.get("name")
        label = name if isinstance(name, str) and name else (where or "?")
        problems: list[Problem] = []
        unknown = set(data) - _KNOWN_KEYS
        for key in sorted(unknown):
            problems.append(Problem(f"{prefix}{key}", "unknown key"))
        for key, kind in (("hosts", dict), ("variables", dict), ("secret_variables", list), ("confirmed_hosts", list)):
            if key in data and not isinstance(data[key], kind):
                problems.append(Problem(f"{prefix}{key}", "must be an object"))
        try:
            source = CredentialSource.from_dict(data.get("credential_source", {}))
        except CredentialsError as exc:
            problems.append(Problem(f"{prefix}credential_source", str(exc)))
            source = CredentialSource()
        if problems:
            raise EnvironmentInvalid(label, problems)
        try:
            return cls(
                name=data.get("name", ""),
                region=data.get("region", ""),
                host_overrides=data.get("hosts", {}),
                scheme=data.get("scheme", "https"),
                account_id=data.get("account_id", ""),
                variables=data.get("variables", {}),
                colour=data.get("colour", ""),
                production=data.get("production", False),
                credential_source=source,
                secret_variables=tuple(data.get("secret_variables", ())),
                confirmed_hosts=tuple(data.get("confirmed_hosts", ())),
                ca_bundle=data.get("ca_bundle", ""),
            )
        except TypeError:  # an unhashable name in a list
            raise EnvironmentInvalid(label, [Problem(f"{prefix}secret_variables", "names are strings")]) from None
        except EnvironmentInvalid as exc:
            located = [Problem(f"{prefix}{p.path}", p.message, p.severity) for p in exc.problems]
            raise EnvironmentInvalid(label, located) from None


_KNOWN_KEYS = {
    "name", "region", "hosts", "scheme", "account_id", "variables", "colour", "production", "credential_source",
    "secret_variables", "confirmed_hosts", "ca_bundle",
}

def sandbox_environment(url: str | None = None) -> Environment:
    """The built-in sandbox environment; pass the running sandbox's URL to give it hosts."""

    from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION

    env = Environment(
        name=SANDBOX_NAME,
        region=SANDBOX_REGION,
        scheme="http",
        account_id=SANDBOX_ACCOUNT_ID,
        colour="#2e7d32",
        credential_source=CredentialSource("sandbox"),
    )
    return env.with_sandbox_url(url) if url else env


