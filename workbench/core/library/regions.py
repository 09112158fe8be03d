"""Where each Pinpoint-family API is offered, and its host there, from botocore's data.

Offered regions come from botocore's `endpoints.json` (the same data as
`botocore.session.get_session().get_available_regions(api)`), across every partition;
hosts come from botocore's `EndpointResolver.construct_endpoint`, which applies the
per-region hostname overrides and each partition's DNS suffix (amazonaws.com.cn, ...).

One exception, stated rather than hidden: endpoints.json has no service entry for the SMS
and Voice v1 API (endpoint prefix `sms-voice.pinpoint`), so botocore lists no regions for
it. That API lives beside Pinpoint, so it is treated as offered wherever Pinpoint is; its
host still comes from the resolver (the partition's default template).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.library.apis import APIS, api_info
from workbench.core.common.errors import WorkbenchError
from workbench.core.common.suggest import did_you_mean

if TYPE_CHECKING:  # botocore is imported when region data is first needed, not with this module
    import botocore.regions


# The six regions of the developer guide's Postman tutorial, in the guide's table order.
TUTORIAL_REGIONS = ("us-east-1", "us-west-2", "ap-south-1", "ap-southeast-2", "eu-central-1", "eu-west-1")


class RegionError(WorkbenchError):
    fmt = "{message}"


class UnknownRegion(RegionError):
    fmt = "unknown region {region!r}: it matches no AWS partition (e.g. us-east-1, eu-west-1)"


class ApiNotOffered(RegionError):
    fmt = "{label} ({api}) is not offered in {region}; it is offered in: {offered}"


@dataclass(frozen=True)
class RegionInfo:
    code: str
    description: str
    partition: str
    hosts: dict  # api -> host, only for APIs offered here
    tutorial: bool

    @property
    def missing_apis(self) -> tuple[str, ...]:
        """The APIs not offered in this region (the UI greys them out)."""

        return tuple(api for api in APIS if api not in self.hosts)

    def offers(self, api: str) -> bool:
        return api in self.hosts


@functools.lru_cache(maxsize=1)
def _endpoint_data() -> dict:
    import botocore.loaders

    return botocore.loaders.create_loader().load_data("endpoints")


@functools.lru_cache(maxsize=1)
def _resolver() -> botocore.regions.EndpointResolver:
    import botocore.regions

    return botocore.regions.EndpointResolver(_endpoint_data())


def dns_suffix(partition: str) -> str:
    """amazonaws.com for aws, amazonaws.com.cn for aws-cn... (from partitions.json, as the
    region check: the destination check of every send needs no endpoints.json)"""

    for entry in _partitions():
        if entry["id"] == partition:
            return entry["outputs"]["dnsSuffix"]
    return _resolver().get_partition_dns_suffix(partition)


def partitions() -> tuple[str, ...]:
    return tuple(_resolver().get_available_partitions())


@functools.lru_cache(maxsize=1)
def _partitions() -> list[dict]:
    # botocore's partitions.json (7 KB): the same regions and region patterns as endpoints.json
    # (1.2 MB), which every environment would otherwise parse just to check its region. Read
    # where botocore's loader finds it, without importing the loader (urllib3, logging...:
    # 0.1 s of the window's start, the environments wait for it).
    import json
    import os
    from importlib.util import find_spec

    builtin = os.path.join(find_spec("botocore").submodule_search_locations[0], "data")
    extra = [p for p in os.environ.get("AWS_DATA_PATH", "").split(os.pathsep) if p]
    for folder in [os.path.expanduser(os.path.join("~", ".aws", "models")), builtin, *extra]:
        try:
            with open(os.path.join(folder, "partitions.json"), "rb") as file:
                return json.loads(file.read())["partitions"]
        except FileNotFoundError:
            continue
    import botocore.loaders  # elsewhere (compressed, say): as botocore finds it

    return botocore.loaders.create_loader().load_data("partitions")["partitions"]


def partition_of(region: str) -> str:
    """The partition (aws, aws-cn, aws-us-gov, ...) of a region; UnknownRegion if none:
    a region a partition lists, else the first partition whose region pattern it fits."""

    if not isinstance(region, str) or not region:
        raise UnknownRegion(region=region)
    for partition in _partitions():
        if region in partition.get("regions", {}):
            return partition["id"]
    for partition in _partitions():
        if re.match(partition["regionRegex"], region):
            return partition["id"]
    raise UnknownRegion(region=region)


def region_description(region: str) -> str:
    for partition in _endpoint_data()["partitions"]:
        info = partition.get("regions", {}).get(region)
        if info is not None:
            return info.get("description", region)
    return region


@functools.lru_cache(maxsize=None)
def regions_for(api: str) -> tuple[str, ...]:
    """Every region, in every partition, where `api` is offered (tutorial regions first)."""

    info = api_info(api)
    if info.regions_from:
        return regions_for(info.regions_from)
    resolver = _resolver()
    found: list[str] = []
    for partition in resolver.get_available_partitions():
        found.extend(resolver.get_available_endpoints(info.endpoint_prefix, partition))
    return _tutorial_first(found)


def is_offered(api: str, region: str) -> bool:
    return region in regions_for(api)


@functools.lru_cache(maxsize=None)
def resolve_host(api: str, region: str) -> str:
    """The hostname botocore resolves for `api` in `region` (whether or not it is offered)."""

    info = api_info(api)
    partition_of(region)  # UnknownRegion for nonsense
    endpoint = _resolver().construct_endpoint(info.endpoint_prefix, region)
    if not endpoint or not endpoint.get("hostname"):
        raise UnknownRegion(region=region)
    return endpoint["hostname"]


def host_for(api: str, region: str) -> str:
    """The host of `api` in `region`; ApiNotOffered if the API is not offered there."""

    if not is_offered(api, region):
        info = api_info(api)
        raise ApiNotOffered(
            api=api, label=info.label, region=region, offered=", ".join(regions_for(api)) or "nowhere"
        )
    return resolve_host(api, region)


def hosts_for_region(region: str) -> dict[str, str]:
    """api -> host for every API offered in `region` (APIs not offered are absent)."""

    return {api: resolve_host(api, region) for api in APIS if is_offered(api, region)}


def all_regions() -> tuple[str, ...]:
    """Every region where at least one of the APIs is offered, tutorial regions first."""

    seen: list[str] = []
    for api in APIS:
        seen.extend(regions_for(api))
    return _tutorial_first(seen)


def region_table() -> list[RegionInfo]:
    """One row per region of `all_regions()`, with its hosts and missing APIs."""

    return [region_info(code) for code in all_regions()]


def region_info(region: str) -> RegionInfo:
    return RegionInfo(
        code=region,
        description=region_description(region),
        partition=partition_of(region),
        hosts=hosts_for_region(region),
        tutorial=region in TUTORIAL_REGIONS,
    )


def api_region_from_host(host: str) -> tuple[str, str] | None:
    """(api, region) whose resolved host is `host`, e.g. for a Postman `endpoint` value."""

    wanted = host.strip().lower().rstrip(".")
    for api in APIS:
        for region in regions_for(api):
            if resolve_host(api, region) == wanted:
                return api, region
    return None


def _tutorial_first(regions) -> tuple[str, ...]:
    unique = sorted(set(regions))
    first = [r for r in TUTORIAL_REGIONS if r in unique]
    return tuple(first + [r for r in unique if r not in TUTORIAL_REGIONS])


# -- regions as people type them ----------------------------------------------------------

class UnknownRegionName(WorkbenchError):
    """`remedy` is "keep_unknown_region" when the region fits a partition's naming."""

    code = "unknown_region"
    fmt = "unknown region {region!r}: {reason}.{hint}"


def known_regions() -> tuple[str, ...]:
    """Every region botocore's endpoint data names, in any partition."""
    named = [code for partition in _endpoint_data()["partitions"] for code in partition.get("regions", {})]
    return tuple(sorted(set(named) | set(all_regions())))


def check_region(region: str, allow_unknown: bool = False) -> str:
    """`region` when botocore knows it. With `allow_unknown`, a region botocore does not
    know yet passes if it fits a partition's naming (eu-west-9 does, us-east1 never does)."""
    if region in known_regions():
        return region
    try:
        partition_of(region)
        fits = True
    except UnknownRegion:
        fits = False
    if allow_unknown and fits:
        return region
    reason = "botocore knows no such region" if fits else "it matches no AWS partition"
    raise UnknownRegionName(region=region, reason=reason, hint=did_you_mean(region, known_regions()),
                            remedy="keep_unknown_region" if fits else None)
