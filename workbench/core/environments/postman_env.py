"""Import a Postman environment export (the developer guide's tutorial setup).

The tutorial's six variables map like this:

- ``region`` -> Environment.region (or, if absent, derived from ``endpoint``'s host);
- ``endpoint`` -> checked against botocore's Pinpoint host for the region; a different host
  becomes a host override (stray spaces, as in the guide's table, are removed, with a note);
- ``accountId`` -> Environment.account_id;
- ``accessKey`` / ``secretAccessKey`` (and ``sessionToken``) -> a `Credentials` for the
  keyring, never the environment file;
- ``serviceName`` -> ignored with a note (the workbench knows each API's signing name);
- any other value typed ``secret`` in Postman, or whose name says it is one (apiSecret,
  password, x-api-key: `secret_variables.is_secret_name`) -> a secret variable: its value
  for the keyring, only its name in the environment;
- anything else -> a free variable (projectId, campaignId...).

An ``endpoint`` on a link-local or instance metadata address is refused; one that is
neither an AWS host of the region's partition nor loopback is kept as an override that
the user must confirm before credentials are signed for it (destination.py).

Pure data in, data out: nothing here writes files or touches the keyring.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.library import regions

from workbench.core.common import safe_json
from workbench.core.environments.credentials import Credentials
from workbench.core.environments.environment import BUILTIN_VARIABLES, Environment, EnvironmentInvalid
from workbench.core.common.addresses import forbidden_reason, split_host_port
from workbench.core.environments.destination import needs_confirmation
from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.secret_variables import MASK, is_secret_name

MAX_FILE_BYTES = 16 * 2**20  # an environment export is a few KB
SECRET_KEYS = {"accessKey", "secretAccessKey", "sessionToken"}


class PostmanEnvError(WorkbenchError):
    fmt = "{source}: {detail}"


@dataclass(frozen=True)
class PostmanEnvImport:
    environment: Environment
    credentials: Credentials | None = field(default=None, repr=False)
    notes: tuple[str, ...] = ()
    secret_values: dict[str, str] = field(default_factory=dict, repr=False)  # for the keyring only


def load_postman_environment(path: Path | str, name: str | None = None) -> PostmanEnvImport:
    path = Path(path)
    try:
        with open(path, "rb") as handle:  # bounded: a device or a runaway file must not eat the memory
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PostmanEnvError(source=str(path), detail=f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise PostmanEnvError(source=str(path), detail=f"larger than {MAX_FILE_BYTES // 2**20} MiB: not a Postman environment export")
    try:
        text = safe_json.decode_utf8(raw, str(path))
    except safe_json.JsonInputError as exc:
        raise PostmanEnvError(source=str(path), detail=safe_json.describe(exc)) from None
    return parse_postman_environment(text, source=str(path), name=name)


def parse_postman_environment(text: str, source: str = "<input>", name: str | None = None) -> PostmanEnvImport:
    def fail(detail: str) -> PostmanEnvError:
        return PostmanEnvError(source=source, detail=detail)

    try:
        data = safe_json.loads(text, source)
    except safe_json.JsonInputError as exc:
        raise fail(f"not a Postman environment: {safe_json.describe(exc)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        if isinstance(data, dict) and ("item" in data or "info" in data):
            raise fail("this is a Postman collection, not an environment (export the environment instead)")
        raise fail('not a Postman environment: expected an object with "name" and a "values" array')
    scope = data.get("_postman_variable_scope")
    if scope not in (None, "environment"):
        raise fail(f"not a Postman environment: its variable scope is {scope!r}")

    notes: list[str] = []
    values: dict[str, str] = {}
    typed_secret: set[str] = set()
    for index, item in enumerate(data["values"]):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            raise fail(f"$.values[{index}] is not a {{key, value}} object")
        key = item["key"].strip()
        if item.get("enabled", True) is False:
            notes.append(f"{key}: disabled in Postman; not imported")
            continue
        value = item.get("value", "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            value = json.dumps(value) if not isinstance(value, (int, float)) else str(value)
        values[key] = value
        if item.get("type") == "secret":
            typed_secret.add(key)

    def shown(key: str, text: str) -> str:
        """What a note may say of a value: never one typed secret (or named like one)."""
        return MASK if key in typed_secret or is_secret_name(key) else text

    # ---- region and endpoint
    endpoint = values.pop("endpoint", "").strip()
    host = ""
    if endpoint:
        host = _host_of(endpoint)
        if host != endpoint:
            notes.append(f"endpoint: {shown('endpoint', repr(endpoint))} read as host {shown('endpoint', repr(host))}")
    region = values.pop("region", "").strip()
    if not region and host:
        found = regions.api_region_from_host(host)
        if found:
            region = found[1]
            notes.append(f"region: {region}, from the endpoint {shown('endpoint', host)}")
        else:
            match = re.search(r"\.([a-z]{2}(?:-[a-z]+)+-\d+)\.", host)
            if match:
                region = match.group(1)
                notes.append(f"region: {region}, from the endpoint {shown('endpoint', host)}")
    if not region:
        raise fail('no region: set the "region" variable (e.g. us-east-1) or an "endpoint" such as pinpoint.us-east-1.amazonaws.com')

    host_overrides: dict[str, str] = {}
    if host:
        try:
            reason = forbidden_reason(split_host_port(host)[0])
        except ValueError as exc:
            raise fail(f"endpoint {shown('endpoint', repr(host))}: {exc}") from None
        if reason:
            raise fail(f"endpoint {shown('endpoint', repr(host))} refused: {reason}; credentials are never signed for it")
        try:
            expected = regions.resolve_host("pinpoint", region)
        except regions.RegionError as exc:
            raise fail(f"region {shown('region', repr(region))}: {exc}") from None
        if host != expected:
            host_overrides["pinpoint"] = host
            notes.append(f"endpoint: {shown('endpoint', host)} differs from {expected} for {region}; "
                         "kept as the Pinpoint host override")
            if needs_confirmation(host, regions.partition_of(region)):
                notes.append(f"endpoint: {shown('endpoint', host)} is neither an AWS host nor this machine; credentials "
                             "are not signed for it until you confirm it as a destination")

    # ---- service name, account, secrets
    service = values.pop("serviceName", None)
    if service is not None:
        notes.append(
            f"serviceName ({shown('serviceName', service) if service else 'empty'}): ignored; the workbench signs "
            "each API with its own service name (mobiletargeting, sms-voice, ses)"
        )
    account_id = values.pop("accountId", "").strip()
    if account_id and not re.fullmatch(r"[0-9]{12}", account_id):
        notes.append(f"accountId: {shown('accountId', repr(account_id))} is not a 12-digit AWS account ID; not imported")
        account_id = ""

    access_key = values.pop("accessKey", "").strip()
    secret = values.pop("secretAccessKey", "").strip()
    token = values.pop("sessionToken", "").strip()
    credentials = None
    if access_key and secret:
        credentials = Credentials(access_key, secret, token or None, "postman import")
        notes.append("accessKey/secretAccessKey: go to the OS keyring, never to the environments file")
    elif access_key or secret:
        notes.append("accessKey/secretAccessKey: only one of the two is set; no credentials imported")

    variables: dict[str, str] = {}
    secret_values: dict[str, str] = {}
    for key, value in values.items():
        if key in BUILTIN_VARIABLES:
            notes.append(f"{key}: provided by the environment itself; the Postman value is not imported")
        elif not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", key):
            notes.append(f"{key!r}: not a usable variable name; not imported")
        elif key in typed_secret or is_secret_name(key):
            secret_values[key] = value
        else:
            variables[key] = value
    if secret_values:
        notes.append(f"{', '.join(sorted(secret_values))}: secret; the value goes to the OS keyring, never to the environments file")

    env_name = (name or str(data.get("name") or "")).strip() or f"Amazon Pinpoint - {region}"
    try:
        environment = Environment(
            name=env_name, region=region, host_overrides=host_overrides, account_id=account_id, variables=variables,
            secret_variables=tuple(secret_values),
        )
    except EnvironmentInvalid as exc:
        raise fail(f"cannot make an environment: {exc.summary}") from None
    return PostmanEnvImport(environment, credentials, tuple(notes), secret_values)


def _host_of(endpoint: str) -> str:
    value = re.sub(r"\s+", "", endpoint)  # the guide's table shows "pinpoint.us-east-1 .amazonaws.com"
    value = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", value)
    return value.split("/", 1)[0].lower()
