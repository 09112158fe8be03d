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
    service = _aws_partition()["services"].get(name)
    if not service or not service.get("partitionEndpoint"):
        return None
    endpoint = service.get("endpoints", {}).get(service["partitionEndpoint"], {})
    region = endpoint.get("credentialScope", {}).get("region")
    host = host.lower().split(":", 1)[0]
    if service.get("isRegionalized") is False or "{{" in host or host == endpoint.get("hostname"):
        return region
    return None


def check_signing_name(name: str) -> str | None:
    """None when AWS signs for `name`; else why not, with the closest names."""
    if name in known_signing_names():
        return None
    hint = did_you_mean(name.lower(), known_signing_names()) or did_you_mean(name, known_signing_names())
    lowered = f" Did you mean: {name.lower()}?" if name.lower() in known_signing_names() else hint
    return f"{name!r} is not a signing name AWS knows (signing names are lowercase: mobiletargeting, sms-voice, ses...).{lowered}"
