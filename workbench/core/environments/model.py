"""Environments: a region, an account, a credential source, hosts and free variables.

An environment never holds a secret: it names where the credentials come from
(`CredentialSource`), and `credentials.resolve_credentials` fetches them in memory.

Environments persist in one JSON file (``environments.json`` under the user config dir),
schema-versioned, written atomically. A damaged file never stops the workbench and never
costs the other environments: an unreadable file is moved aside to a timestamped backup;
a bad entry is reported with its location and skipped while the rest load; the store holds
on to the entries it could not read and writes them back unchanged when it saves the others,
so a damaged entry is never lost to a save (and stays reported until it is repaired). A
hand-edited file with a bad entry is also copied to a backup, byte for byte, once.

The ``sandbox`` environment is built in (never stored): region us-east-1, the sandbox's
fixed identity, plain http, hosts filled in from the running sandbox's URL.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from workbench.core.library import regions
from workbench.core.common.addresses import forbidden_reason, split_host_port
from workbench.core.environments.credentials import CredentialSource, CredentialsError
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common.paths import CONFIG_DIR_ENV, config_dir  # noqa: F401 - re-exported: callers import it from here
from workbench.core.environments.sandbox_identity import SANDBOX_NAME  # the built-in environment's name
from workbench.core.common.storage import (
    CorruptFile,
    LoadResult,
    Migration,
    atomic_write_json,
    backup_path_for,
    dumps_stable,
    file_lock,
    json_type,
    load_json_versioned,
    sweep_stale_temps,
)

APP_NAME = "pinpoint-workbench"
FILE_NAME = "environments.json"

SCHEMA_VERSION = 1
# migrations[n] upgrades a document from schema_version n to n + 1; name them from_<n>.
MIGRATIONS: dict[int, Migration] = {}

# Template variable names the environment itself provides; free variables cannot shadow them.
BUILTIN_VARIABLES = ("region", "accountId") + tuple(api.variable for api in regions.APIS.values())

_NAME_MAX = 100
_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
_ACCOUNT = re.compile(r"^[0-9]{12}$")


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
        found: list[Problem] = []
        found.extend(_name_problems(self.name))
        if not isinstance(self.region, str):
            found.append(Problem("region", _not_a_string("a string such as us-east-1", self.region)))
        elif not self.region:
            found.append(Problem("region", "a region is required, e.g. us-east-1"))
        else:
            try:
                regions.partition_of(self.region)
            except regions.UnknownRegion as exc:
                found.append(Problem("region", str(exc)))
        for api, host in self.host_overrides.items():
            if api not in regions.APIS:
                found.append(Problem(f"hosts.{api}", f"unknown API; known: {', '.join(regions.APIS)}"))
            elif not isinstance(host, str) or not _HOST.match(host):
                found.append(Problem(f"hosts.{api}", f"not a host name (no scheme, no path): {host!r}"))
            else:
                found.extend(_host_problems(f"hosts.{api}", host))
        for index, host in enumerate(self.confirmed_hosts):
            if not isinstance(host, str) or not _HOST.match(host):
                found.append(Problem(f"confirmed_hosts[{index}]", f"not a host name (no scheme, no path): {host!r}"))
            else:
                found.extend(_host_problems(f"confirmed_hosts[{index}]", host))
        for name in self.secret_variables:
            if not isinstance(name, str) or not _VARIABLE_NAME.match(name):
                found.append(Problem(f"secret_variables.{name}", "a variable name is letters, digits, _ . - (not first)"))
            elif name in self.variables or name in BUILTIN_VARIABLES:
                found.append(Problem(f"secret_variables.{name}", "also a plain or built-in variable"))
        if self.scheme not in ("https", "http"):
            found.append(Problem("scheme", f"must be https, found {self.scheme!r}"))
        elif self.scheme == "http" and not self.is_sandbox:
            found.append(Problem("scheme", "http is only for the local sandbox; AWS endpoints need https"))
        if self.account_id and not (isinstance(self.account_id, str) and _ACCOUNT.match(self.account_id)):
            found.append(Problem("account_id", f"an AWS account ID is 12 digits, found {self.account_id!r}"))
        for key, value in self.variables.items():
            if not isinstance(key, str) or not _VARIABLE_NAME.match(key):
                shown = key.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace") if isinstance(key, str) else key
                found.append(Problem(f"variables.{shown}", "a variable name is letters, digits, _ . - (not first)"))
            elif key in BUILTIN_VARIABLES:
                found.append(
                    Problem(f"variables.{key}", f"{key} comes from the environment itself (region, account, hosts)")
                )
            if not isinstance(value, str):
                found.append(Problem(f"variables.{key}", f"a variable's value is a string, found {json.dumps(value)}"))
            elif _SURROGATE.search(value):
                found.append(Problem(f"variables.{key}", _NOT_UNICODE))
        if not isinstance(self.colour, str):
            found.append(Problem("colour", "a colour is a string such as #c62828"))
        for where, text in (("region", self.region), ("colour", self.colour), ("ca_bundle", self.ca_bundle),
                            ("credential_source.profile", self.credential_source.profile)):
            if isinstance(text, str) and _SURROGATE.search(text):
                found.append(Problem(where, _NOT_UNICODE))
        if not isinstance(self.production, bool):
            found.append(Problem("production", "production is true or false"))
        if not isinstance(self.ca_bundle, str):
            found.append(Problem("ca_bundle", "a CA bundle is the path of a PEM file"))
        return found

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
_KEPT = "skipped; kept in the file unchanged"
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_UNICODE = "not valid Unicode text (bytes that are not UTF-8, or a lone surrogate)"


def _host_problems(where: str, host: str) -> list[Problem]:
    """A port from 1 to 65535, and never a link-local or instance metadata address."""

    try:
        name, _port = split_host_port(host)
    except ValueError as exc:
        return [Problem(where, f"{host}: {exc}")]
    reason = forbidden_reason(name)
    return [Problem(where, f"{reason}; credentials are never signed for it")] if reason else []


def _not_a_string(expected: str, value: Any) -> str:
    return f"expected {expected}, found {json_type(value)}: {json.dumps(value, default=repr)}"


def _name_problems(name: Any) -> list[Problem]:
    if not isinstance(name, str):
        return [Problem("name", _not_a_string("a string", name))]
    if not name.strip():
        return [Problem("name", "a name is required")]
    if len(name) > _NAME_MAX:
        return [Problem("name", f"at most {_NAME_MAX} characters")]
    if name != name.strip():
        return [Problem("name", "no leading or trailing spaces")]
    if name.startswith("."):
        return [Problem("name", "cannot start with '.'")]
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return [Problem("name", "no control characters")]
    if _SURROGATE.search(name):
        return [Problem("name", _NOT_UNICODE)]
    return []


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


# --------------------------------------------------------------------------- operation risk

_READ_PREFIXES = ("Get", "List", "Describe")
_SENDING_PREFIXES = ("Send", "PhoneNumberValidate", "CarrierLookup", "RequestPhoneNumber", "RequestSenderId", "PutEvents")
_DESTRUCTIVE_PREFIXES = ("Delete", "Remove", "Release", "Disassociate", "Untag", "Discard", "Put", "Update", "Set", "Submit")


def classify_operation(operation_name: str) -> str:
    """"read", "send" (reaches people or costs money), "destructive" (deletes or overwrites)
    or "write" (creates or adds: Create*, Tag*, Associate*, Verify*...)."""

    if operation_name.startswith(_SENDING_PREFIXES):
        return "send"
    if operation_name.startswith(_READ_PREFIXES):
        return "read"
    if operation_name.startswith(_DESTRUCTIVE_PREFIXES):
        return "destructive"
    return "write"


def is_destructive_or_sending(operation_name: str) -> bool:
    """True when a production environment should ask before sending this operation."""

    return classify_operation(operation_name) in ("send", "destructive")


def needs_confirmation(env: Environment, operation_name: str) -> bool:
    return env.production and is_destructive_or_sending(operation_name)


# --------------------------------------------------------------------------- the store


class EnvironmentStore:
    """Environments from one JSON file, plus the built-in sandbox (whose free variables, such
    as a projectId saved from a response, are kept in the file too).

    After construction, `problems` lists what was wrong with the file (empty when all is
    well) and `backups` where the damaged original was kept.

    Two writers (the window and a terminal) are safe: every mutation locks the file
    (`storage.file_lock`), re-reads it, applies the one change and saves atomically, so
    neither loses the other's change. `poll()` tells listeners when the file changed on
    disk (call it from a timer, off the UI thread).
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.problems: list[Problem] = []
        self.backups: list[Path] = []
        self._envs: dict[str, Environment] = {}
        self._unread: list[Any] = []  # entries that could not be loaded, written back as they are
        self._sandbox_variables: dict[str, str] = {}
        self._listeners: list = []
        self._stamp = None
        self.reload()

    @classmethod
    def at_default_location(cls, environ: Mapping[str, str] | None = None) -> "EnvironmentStore":
        return cls(config_dir(environ) / FILE_NAME)

    # ---- loading

    def reload(self) -> None:
        self.problems, self.backups, self._envs, self._unread, self._sandbox_variables = [], [], {}, [], {}
        sweep_stale_temps(self.path)  # temp files of saves that were killed (kill -9, power loss)
        self._stamp = _file_stamp(self.path)
        result: LoadResult = load_json_versioned(self.path, SCHEMA_VERSION, MIGRATIONS)
        if result.error is not None:
            self._report_file_error(result.error)
            return
        if result.data is None:
            return
        self._load_sandbox_variables(result.data.get("sandbox", {}))
        entries = result.data.get("environments", [])
        if not isinstance(entries, list):
            self.problems.append(Problem(f"{self.path}: $.environments", "must be an array; nothing loaded"))
            self._keep_copy()
            return
        for index, entry in enumerate(entries):
            where = f"$.environments[{index}]"
            try:
                env = Environment.from_dict(entry, where)
            except EnvironmentInvalid as exc:
                self._unread.append(entry)
                for problem in exc.problems:
                    self.problems.append(Problem(f"{self.path}: {problem.path}",
                                                 f"{problem.message} (environment {exc.name!r} {_KEPT})"))
                continue
            if env.name in self._envs or env.name == SANDBOX_NAME:
                self._unread.append(entry)
                self.problems.append(
                    Problem(f"{self.path}: {where}.name", f"duplicate or reserved name {env.name!r}; {_KEPT}")
                )
                continue
            self._envs[env.name] = env
        if self._unread and self.path.read_bytes() != dumps_stable(result.data).encode():
            self._keep_copy()  # a file edited by hand: keep it as it was (a file we wrote holds them already)

    def _load_sandbox_variables(self, data) -> None:
        variables = data.get("variables", {}) if isinstance(data, dict) else None
        try:
            replace(sandbox_environment(), variables=variables)
        except (EnvironmentInvalid, TypeError, AttributeError):
            self.problems.append(Problem(f"{self.path}: $.sandbox.variables", "not an object of valid variables; ignored"))
            self._keep_copy()
            return
        self._sandbox_variables = dict(variables)

    def _report_file_error(self, error: CorruptFile) -> None:
        self.problems.append(Problem(str(self.path), f"{error.detail}; starting with no saved environments"))
        if error.backup:
            self.backups.append(error.backup)

    def _keep_copy(self) -> None:
        """Copy the file aside before a later save drops what could not be loaded; reuse an
        identical existing backup instead of piling up copies."""

        content = self.path.read_bytes()
        for existing in sorted(self.path.parent.glob(f"{self.path.name}.*.bak")):
            try:
                if existing.read_bytes() == content:
                    self.backups.append(existing)
                    return
            except OSError:
                continue
        target = backup_path_for(self.path)
        target.write_bytes(content)
        os.chmod(target, 0o600)
        self.backups.append(target)

    def report(self) -> str:
        """A user-facing summary of load problems ('' if none)."""

        if not self.problems:
            return ""
        lines = [f"problems in {self.path}:"]
        for problem in self.problems:  # the file is named once, above
            where = problem.path.removeprefix(str(self.path)).lstrip(": ")
            lines.append(f"  {where}: {problem.message}" if where else f"  {problem.message}")
        for backup in self.backups:
            lines.append(f"  the original file is kept as {backup}")
        return "\n".join(lines)

    # ---- watching

    def add_listener(self, callback) -> None:
        """`callback(store)` runs (in the thread that calls `poll`) after the file changed on disk."""

        self._listeners.append(callback)

    def changed_on_disk(self) -> bool:
        return _file_stamp(self.path) != self._stamp

    def poll(self) -> bool:
        """Reload and tell the listeners if another process changed the file; True if it did."""

        if not self.changed_on_disk():
            return False
        self.reload()
        for callback in list(self._listeners):
            callback(self)
        return True

    # ---- reading

    def list(self) -> list[Environment]:
        """The sandbox first, then stored environments by name."""

        stored = sorted(self._envs.values(), key=lambda e: e.name.casefold())
        return [self.get(SANDBOX_NAME), *stored]

    def names(self) -> list[str]:
        return [env.name for env in self.list()]

    def get(self, name: str) -> Environment:
        if name == SANDBOX_NAME:
            return replace(sandbox_environment(), variables=self._sandbox_variables)
        try:
            return self._envs[name]
        except KeyError:
            raise self._not_found(name) from None

    def _not_found(self, name: str) -> EnvironmentNotFound:
        from workbench.core.common.suggest import did_you_mean

        hint = did_you_mean(name, self.names())
        return EnvironmentNotFound(name=name, known=", ".join(self.names()), hint="." + hint if hint else "")

    def __contains__(self, name: object) -> bool:
        return name == SANDBOX_NAME or name in self._envs

    # ---- writing (each one: lock, re-read, change, save)

    @contextlib.contextmanager
    def _editing(self):
        with file_lock(self.path):
            self.reload()
            yield
            self._save()

    def add(self, env: Environment) -> None:
        self._refuse_sandbox(env.name)
        with self._editing():
            if env.name in self._envs:
                raise EnvironmentExists(name=env.name)
            self._envs[env.name] = env

    def update(self, env: Environment, previous_name: str | None = None) -> None:
        """Replace an environment (rename it by passing its `previous_name`)."""

        old = previous_name or env.name
        self._refuse_sandbox(old)
        self._refuse_sandbox(env.name)
        with self._editing():
            if old not in self._envs:
                raise self._not_found(old)
            if env.name != old and env.name in self._envs:
                raise EnvironmentExists(name=env.name)
            del self._envs[old]
            self._envs[env.name] = env

    def remove(self, name: str) -> Environment:
        self._refuse_sandbox(name)
        with self._editing():
            env = self.get(name)
            del self._envs[name]
        return env

    def set_variables(self, name: str, values: Mapping[str, str]) -> Environment:
        """Set free variables of an environment (the sandbox's too); returns it as saved."""

        return self._change_variables(name, lambda current: {**current, **values})

    def unset_variables(self, name: str, keys) -> Environment:
        """Remove free variables; a key it does not have is an error naming what it has."""

        def drop(current: dict) -> dict:
            unknown = [k for k in keys if k not in current]
            if unknown:
                raise EnvironmentError_(
                    f"environment {name!r} has no variable {', '.join(map(repr, unknown))}; "
                    f"it has: {', '.join(sorted(current)) or 'none'}", environment=name, variables=unknown)
            return {k: v for k, v in current.items() if k not in keys}

        return self._change_variables(name, drop)

    def _change_variables(self, name: str, change) -> Environment:
        with self._editing():
            env = self.get(name)
            updated = replace(env, variables=change(dict(env.variables)))  # validates
            if name == SANDBOX_NAME:
                self._sandbox_variables = dict(updated.variables)
            else:
                self._envs[name] = updated
        return updated

    def save(self) -> None:
        with file_lock(self.path):
            self._save()

    def _save(self) -> None:
        document = {
            "schema_version": SCHEMA_VERSION,
            "environments": [env.to_dict() for env in sorted(self._envs.values(), key=lambda e: e.name)]
            + self._unread,
        }
        if self._sandbox_variables:
            document["sandbox"] = {"variables": dict(sorted(self._sandbox_variables.items()))}
        atomic_write_json(self.path, document)
        self._stamp = _file_stamp(self.path)

    @staticmethod
    def _refuse_sandbox(name: str) -> None:
        if name == SANDBOX_NAME:
            raise EnvironmentError_("'sandbox' is the built-in local sandbox environment; it cannot be changed or removed")


def _file_stamp(path: Path):
    """What changes when another process replaces the file (atomic writes change the inode)."""

    try:
        st = os.stat(path)
    except OSError:  # missing, or not statable (a symlink loop): the load says what is wrong
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)
