"""The signing names AWS knows, and the region a global service signs in, from botocore's
endpoints data (endpoints.json, the aws partition).

- `known_signing_names()`: every endpoint prefix and every credential-scope service name
  (`mobiletargeting` for Pinpoint, `ses` for Pinpoint Email...).
- `global_signing_region(name, host)`: the region a global endpoint signs in (us-east-1):
  for a service that is not regionalized (IAM, CloudFront, Route 53...) whatever the host,
  for one with a global endpoint besides its regional ones (STS's sts.amazonaws.com, S3's
  s3.amazonaws.com) only when `host` is that endpoint (or a variable: not known yet);
  None otherwise.
- `check_signing_name(name)`: None when AWS knows it, else a sentence with a suggestion.
"""

from __future__ import annotations

import functools
import os

from workbench.core.common.derived_cache import cached, file_stamps
from workbench.core.common.suggest import did_you_mean


@functools.lru_cache(maxsize=1)
def _aws_partition() -> dict:
    import botocore.loaders

    data = botocore.loaders.create_loader().load_data("endpoints")
    return next(p for p in data["partitions"] if p["partition"] == "aws")


@functools.lru_cache(maxsize=1)
def known_signing_names() -> frozenset[str]:
    names = set()
    for prefix, service in _aws_partition()["services"].items():
        names.add(prefix)
        scopes = [service.get("defaults", {})] + list(service.get("endpoints", {}).values())
        names.update(s["credentialScope"]["service"] for s in scopes if s.get("credentialScope", {}).get("service"))
    return frozenset(names)


def global_signing_region(name: str, host: str = "") -> str | None:
    service = _global_services().get(name)
    if service is None:
        return None
    host = host.lower().split(":", 1)[0]
    if not service["regionalized"] or "{{" in host or host == service["hostname"]:
        return service["region"]
    return None


@functools.lru_cache(maxsize=1)
def _global_services() -> dict:
    """{signing name: {region, hostname, regionalized}} of the services with a partition
    (global) endpoint: a few dozen, derived from endpoints.json (1.2 MB, ~50 ms to parse, on
    every send otherwise) once per version of it and kept in the user cache."""
    return cached("global-endpoints.json", file_stamps(_endpoint_files()), _derive_global_services)


def _derive_global_services() -> dict:
    table = {}
    for name, service in _aws_partition()["services"].items():
        if service.get("partitionEndpoint"):
            endpoint = service.get("endpoints", {}).get(service["partitionEndpoint"], {})
            table[name] = {"region": endpoint.get("credentialScope", {}).get("region"),
                           "hostname": endpoint.get("hostname"), "regionalized": service.get("isRegionalized") is not False}
    return table


def _endpoint_files() -> list[str]:
    """Every place botocore's loader may find endpoints.json: a change in any of them is a new version."""
    from importlib.util import find_spec

    builtin = os.path.join(find_spec("botocore").submodule_search_locations[0], "data")
    extra = [p for p in os.environ.get("AWS_DATA_PATH", "").split(os.pathsep) if p]
    folders = [os.path.expanduser(os.path.join("~", ".aws", "models")), builtin, *extra]
    return [os.path.join(folder, f"endpoints.json{suffix}") for folder in folders for suffix in ("", ".gz")]


def check_signing_name(name: str) -> str | None:
    """None when AWS signs for `name`; else why not, with the closest names."""
    if name in known_signing_names():
        return None
    hint = did_you_mean(name.lower(), known_signing_names()) or did_you_mean(name, known_signing_names())
    lowered = f" Did you mean: {name.lower()}?" if name.lower() in known_signing_names() else hint
    return f"{name!r} is not a signing name AWS knows (signing names are lowercase: mobiletargeting, sms-voice, ses...).{lowered}"
