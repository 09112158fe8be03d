"""Input checks that answer with a suggestion: "did you mean" for operations, regions,
environments and APIs, and the AWS CLI's spelling of operation names.

Every front end calls these before anything starts, so a typo is caught with its fix in
the message. Messages never name a command-line flag: what to do about a finding is the
front end's business (an error's `remedy`).
"""

from __future__ import annotations

import difflib
from typing import Iterable, Mapping

from workbench.core.library.apis import APIS, UnknownApi
from workbench.core.common.errors import WorkbenchError


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The choices closest to `word` (case-insensitive), best first."""
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    found = difflib.get_close_matches(word.casefold(), list(by_folded), n=n, cutoff=cutoff)
    return [by_folded[f] for f in found]


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """' Did you mean: a, b?' or '' (to append to a message)."""
    close = close_matches(word, choices, n=n)
    return f" Did you mean: {', '.join(close)}?" if close else ""


# -- operation names ---------------------------------------------------------------------

def folded_operation(name: str) -> str:
    """One spelling for every way of writing an operation: 'GetApps', 'getapps', 'get-apps'
    (the AWS CLI's, botocore's `xform_name(name, '-')`) and 'get_apps' (boto3's) all fold
    to 'getapps'. xform_name only inserts separators and lowers the case, so this is its
    exact inverse."""
    return name.replace("-", "").replace("_", "").casefold()


def cli_spelling(operation: str) -> str:
    """'SendOTPMessage' -> 'send-otp-message', as the AWS CLI names it."""
    import botocore

    return botocore.xform_name(operation, "-")


# -- APIs and regions ---------------------------------------------------------------------

class UnknownApiName(UnknownApi):
    code = "unknown_api"
    fmt = "unknown API {api!r}; the APIs are: {known}.{hint}"


class UnknownRegionName(WorkbenchError):
    """`remedy` is "keep_unknown_region" when the region fits a partition's naming."""

    code = "unknown_region"
    fmt = "unknown region {region!r}: {reason}.{hint}"


def check_api(api: str) -> str:
    """`api` when it names one of the four APIs; UnknownApiName listing them otherwise."""
    if api in APIS:
        return api
    raise UnknownApiName(api=api, known=", ".join(APIS), hint=did_you_mean(api, APIS))


def known_regions() -> tuple[str, ...]:
    """Every region botocore's endpoint data names, in any partition."""
    from workbench.core.library import regions
    named = [code for partition in regions._endpoint_data()["partitions"] for code in partition.get("regions", {})]
    return tuple(sorted(set(named) | set(regions.all_regions())))


def check_region(region: str, allow_unknown: bool = False) -> str:
    """`region` when botocore knows it. With `allow_unknown`, a region botocore does not
    know yet passes if it fits a partition's naming (eu-west-9 does, us-east1 never does)."""
    from workbench.core.library import regions
    if region in known_regions():
        return region
    try:
        regions.partition_of(region)
        fits = True
    except regions.UnknownRegion:
        fits = False
    if allow_unknown and fits:
        return region
    reason = "botocore knows no such region" if fits else "it matches no AWS partition"
    raise UnknownRegionName(region=region, reason=reason, hint=did_you_mean(region, known_regions()),
                            remedy="keep_unknown_region" if fits else None)


# -- profiles -------------------------------------------------------------------------------

def check_profile(profile: str, environ: Mapping[str, str]) -> str:
    """`profile` when the AWS config or credentials file defines it; ProfileError otherwise."""
    from workbench.core.environments.credentials import ProfileError, aws_config_paths, list_profiles

    names = [info.name for info in list_profiles(environ)]
    if profile in names:
        return profile
    config, shared = aws_config_paths(environ)
    detail = f"no such profile in {config} or {shared}"
    if names:
        detail += f" (profiles there: {', '.join(names)}).{did_you_mean(profile, names)}"
    raise ProfileError(profile=profile, detail=detail)


# -- where a request can go -------------------------------------------------------------

def check_api_offered(api: str, env, request_variables: Mapping[str, str]) -> None:
    """ApiNotOffered when `env`'s region has no host for `api` and the request does not
    bring its own (a variable naming the host): said before rendering, instead of a
    missing host variable."""
    info = APIS.get(api)
    if info is None or env.is_sandbox or info.variable in request_variables:
        return
    env.host_for(api)
