"""What makes an environment valid: every rule, in one place, whoever builds it (the
command line, the window, an import, a file being loaded).

`environment_problems(env)` is what `Environment.problems()` returns: the rules that need
nothing but the environment's own data (name, region, hosts and their ports, variable
names, account id, colour, scheme...), so an environment is valid by construction,
whoever builds it. The rules that look outside (the CA bundle file, the regions botocore
knows, the AWS profiles configured) apply when a value is entered: checks.py.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from workbench.core.common.addresses import forbidden_reason, split_host_port
from workbench.core.common.colours import colour_problem
from workbench.core.common.errors import Problem
from workbench.core.common.storage import json_type
from workbench.core.library import regions

# Template variable names the environment itself provides; free variables cannot shadow them.
BUILTIN_VARIABLES = ("region", "accountId") + tuple(api.variable for api in regions.APIS.values())

NAME_MAX = 100
VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
_ACCOUNT = re.compile(r"^[0-9]{12}$")
_SURROGATE = re.compile("[\ud800-\udfff]")
NOT_UNICODE = "not valid Unicode text (bytes that are not UTF-8, or a lone surrogate)"
_BAD_VARIABLE_NAME = "a variable name is letters, digits, _ . - (not first)"


def environment_problems(env) -> list[Problem]:
    """Every problem of `env` (an Environment), located by field."""

    found: list[Problem] = []
    found.extend(name_problems(env.name))
    found.extend(_region_problems(env.region))
    for api, host in env.host_overrides.items():
        if api not in regions.APIS:
            found.append(Problem(f"hosts.{api}", f"unknown API; known: {', '.join(regions.APIS)}"))
        else:
            found.extend(host_problems(f"hosts.{api}", host))
    for index, host in enumerate(env.confirmed_hosts):
        found.extend(host_problems(f"confirmed_hosts[{index}]", host))
    for name in env.secret_variables:
        if not isinstance(name, str) or not VARIABLE_NAME.match(name):
            found.append(Problem(f"secret_variables.{name}", _BAD_VARIABLE_NAME))
        elif name in env.variables or name in BUILTIN_VARIABLES:
            found.append(Problem(f"secret_variables.{name}", "also a plain or built-in variable"))
    if env.scheme not in ("https", "http"):
        found.append(Problem("scheme", f"must be https, found {env.scheme!r}"))
    elif env.scheme == "http" and not env.is_sandbox:
        found.append(Problem("scheme", "http is only for the local sandbox; AWS endpoints need https"))
    if env.account_id and not (isinstance(env.account_id, str) and _ACCOUNT.match(env.account_id)):
        found.append(Problem("account_id", f"an AWS account ID is 12 digits, found {env.account_id!r}"))
    found.extend(_variable_problems(env.variables))
    found.extend(_colour_problems(env.colour))
    if not isinstance(env.ca_bundle, str):
        found.append(Problem("ca_bundle", "a CA bundle is the path of a PEM file"))
    elif env.ca_bundle and not os.path.isabs(env.ca_bundle):
        found.append(Problem("ca_bundle", f"a CA bundle is an absolute path, found {env.ca_bundle!r}"))
    for where, text in (("region", env.region), ("ca_bundle", env.ca_bundle),
                        ("credential_source.profile", env.credential_source.profile)):
        if isinstance(text, str) and _SURROGATE.search(text):
            found.append(Problem(where, NOT_UNICODE))
    if not isinstance(env.production, bool):
        found.append(Problem("production", "production is true or false"))
    return found


def name_problems(name: Any) -> list[Problem]:
    if not isinstance(name, str):
        return [Problem("name", _not_a_string("a string", name))]
    if not name.strip():
        return [Problem("name", "a name is required")]
    if len(name) > NAME_MAX:
        return [Problem("name", f"at most {NAME_MAX} characters")]
    if name != name.strip():
        return [Problem("name", "no leading or trailing spaces")]
    if name.startswith("."):
        return [Problem("name", "cannot start with '.'")]
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return [Problem("name", "no control characters")]
    if _SURROGATE.search(name):
        return [Problem("name", NOT_UNICODE)]
    return []


def host_problems(where: str, host: Any) -> list[Problem]:
    """A host name with an optional port from 1 to 65535, never a link-local or instance
    metadata address."""

    if not isinstance(host, str) or not _HOST.match(host):
        return [Problem(where, f"not a host name (no scheme, no path): {host!r}")]
    try:
        name, _port = split_host_port(host)
    except ValueError as exc:
        return [Problem(where, f"{host}: {exc}")]
    reason = forbidden_reason(name)
    return [Problem(where, f"{reason}; credentials are never signed for it")] if reason else []


def _region_problems(region: Any) -> list[Problem]:
    if not isinstance(region, str):
        return [Problem("region", _not_a_string("a string such as us-east-1", region))]
    if not region:
        return [Problem("region", "a region is required, e.g. us-east-1")]
    try:
        regions.partition_of(region)
    except regions.UnknownRegion as exc:
        return [Problem("region", str(exc))]
    return []


def _variable_problems(variables) -> list[Problem]:
    found = []
    for key, value in variables.items():
        if not isinstance(key, str) or not VARIABLE_NAME.match(key):
            shown = key.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace") if isinstance(key, str) else key
            found.append(Problem(f"variables.{shown}", _BAD_VARIABLE_NAME))
        elif key in BUILTIN_VARIABLES:
            found.append(Problem(f"variables.{key}", f"{key} comes from the environment itself (region, account, hosts)"))
        if not isinstance(value, str):
            found.append(Problem(f"variables.{key}", f"a variable's value is a string, found {json.dumps(value)}"))
        elif _SURROGATE.search(value):
            found.append(Problem(f"variables.{key}", NOT_UNICODE))
    return found


def _colour_problems(colour: Any) -> list[Problem]:
    if not isinstance(colour, str):
        return [Problem("colour", "a colour is a string such as #c62828")]
    if _SURROGATE.search(colour):
        return [Problem("colour", NOT_UNICODE)]
    problem = colour_problem(colour) if colour else None
    return [Problem("colour", problem)] if problem else []


def _not_a_string(expected: str, value: Any) -> str:
    return f"expected {expected}, found {json_type(value)}: {json.dumps(value, default=repr)}"
