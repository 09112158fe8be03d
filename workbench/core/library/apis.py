"""The four APIs of the Pinpoint family, described once: name (botocore's), title, short
label, signing name, protocol, the template variable holding its host, and the endpoint
prefix botocore resolves hosts with. The catalog, regions, the sandbox router and the
library all read this table; a test checks it against botocore's models.

What other parts need about the APIs is derived from this table (and the models), so adding
an API is one row:
- `path_prefixes()`: each REST API's request path prefix (the router's first cut), most
  specific first;
- `event_sources()`: the CloudTrail `eventSource` names of each API (its signing name's
  and its endpoint prefix's `NAME.amazonaws.com`);
- `host_patterns()`: the host shapes a foreign request (Postman, curl) uses for each API:
  its AWS host in any region (or `{{region}}`), and the official Postman collection's
  `sms-voice.{{endpoint}}`, an API whose host is another API's host with a label in front.

Also the one cache of botocore service models.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from workbench.core.common.errors import WorkbenchError
from workbench.core.common.suggest import did_you_mean


@dataclass(frozen=True)
class ApiInfo:
    name: str  # botocore service name
    title: str
    label: str  # short, for tables
    signing_name: str
    protocol: str  # "rest-json" | "json"
    variable: str  # template variable holding its host
    endpoint_prefix: str
    regions_from: str | None = None  # take the offered regions from another API


APIS: dict[str, ApiInfo] = {
    api.name: api
    for api in (
        ApiInfo("pinpoint", "Amazon Pinpoint", "Pinpoint", "mobiletargeting", "rest-json", "endpoint", "pinpoint"),
        ApiInfo("pinpoint-sms-voice-v2", "AWS End User Messaging SMS and Voice v2", "SMS and Voice v2", "sms-voice",
                "json", "smsVoiceV2Endpoint", "sms-voice"),
        # endpoints.json has no entry for the v1 API's prefix: offered wherever Pinpoint is
        ApiInfo("pinpoint-sms-voice", "Amazon Pinpoint SMS and Voice v1", "SMS and Voice v1", "sms-voice", "rest-json",
                "smsVoiceEndpoint", "sms-voice.pinpoint", regions_from="pinpoint"),
        ApiInfo("pinpoint-email", "Amazon Pinpoint Email", "Pinpoint Email", "ses", "rest-json", "emailEndpoint", "email"),
    )
}

NAMES = tuple(APIS)

# api -> the template variable holding its host (`endpoint`, as in the guide's Postman tutorial...)
HOST_VARIABLES = {api.name: api.variable for api in APIS.values()}


class UnknownApi(WorkbenchError):
    fmt = "unknown API {api!r}; known: {known}"


def api_info(api: str) -> ApiInfo:
    try:
        return APIS[api]
    except KeyError:
        raise UnknownApi(api=api, known=", ".join(APIS)) from None


@functools.lru_cache(maxsize=None)
def service_model(api: str):
    """botocore's service model of `api`, loaded once per process: what
    `botocore.session.get_session().get_service_model(api)` returns (same loader search
    path, AWS_DATA_PATH included), without building a session and its clients' machinery."""
    import os

    import botocore.loaders
    import botocore.model

    class _Loader(botocore.loaders.Loader):
        def list_available_services(self, type_name):
            # botocore lists every service folder (~400 of them, every search path) to check
            # that the name exists: a fifth of a command-line send. Ours are the APIs above;
            # a missing model still fails, in determine_latest_version (DataNotFoundError).
            return list(APIS)

    search = os.environ.get("AWS_DATA_PATH")  # as botocore.loaders.create_loader reads it
    extra = [os.path.expanduser(os.path.expandvars(path)) for path in search.split(os.pathsep)] if search else []
    loader = _Loader(extra_search_paths=extra)
    return botocore.model.ServiceModel(loader.load_service_model(api_info(api).name, "service-2"), service_name=api)


# -- tables derived from the one above ----------------------------------------------------

@functools.lru_cache(maxsize=None)
def path_prefixes() -> tuple[tuple[str, str], ...]:
    """(api, prefix) for each REST API: the path segments every one of its operations'
    requestUri starts with ("/v1/email/"), longest first."""
    found = []
    for api in APIS.values():
        if api.protocol != "rest-json":
            continue
        model = service_model(api.name)
        paths = [model.operation_model(op).http["requestUri"].split("?", 1)[0].split("/") for op in model.operation_names]
        common = []
        for segments in zip(*paths):
            if len(set(segments)) != 1 or "{" in segments[0]:
                break
            common.append(segments[0])
        found.append((api.name, "/".join(common) + "/"))
    return tuple(sorted(found, key=lambda pair: -len(pair[1])))


@functools.lru_cache(maxsize=None)
def event_sources() -> dict[str, tuple[str, ...]]:
    """CloudTrail eventSource -> the APIs it names, the table's order (current API first)."""
    sources: dict[str, list[str]] = {}
    for api in APIS.values():
        for name in (api.signing_name, api.endpoint_prefix.split(".")[0]):
            apis = sources.setdefault(f"{name}.amazonaws.com", [])
            if api.name not in apis:
                apis.append(api.name)
    return {source: tuple(apis) for source, apis in sources.items()}


_REGION = r"(?:\{\{\s*region\s*\}\}|[a-z0-9-]+)"


@functools.lru_cache(maxsize=None)
def host_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, api): the host shapes of each API, in any region, a variable or not."""
    patterns = []
    for api in APIS.values():
        for other in APIS.values():  # sms-voice.{{endpoint}}: v1's host is Pinpoint's with a label in front
            head, dot, tail = api.endpoint_prefix.partition(".")
            if dot and tail == other.endpoint_prefix:
                patterns.append((re.compile(rf"^{re.escape(head)}\.\{{\{{\s*{re.escape(other.variable)}\s*\}}\}}$"), api.name))
    for api in APIS.values():
        patterns.append((re.compile(rf"^{re.escape(api.endpoint_prefix)}\.{_REGION}\.amazonaws\.com(?:\.cn)?$"), api.name))
    return tuple(patterns)


# -- names as people type them ------------------------------------------------------------

def folded_operation(name: str) -> str:
    """One spelling for every way of writing an operation: 'GetApps', 'getapps', 'get-apps'
    (the AWS CLI's, botocore's `xform_name(name, '-')`) and 'get_apps' (boto3's) all fold
    to 'getapps'. xform_name only inserts separators and lowers the case, so this is its
    exact inverse."""
    return name.replace("-", "").replace("_", "").casefold()


class UnknownApiName(UnknownApi):
    code = "unknown_api"
    fmt = "unknown API {api!r}; the APIs are: {known}.{hint}"


def check_api(api: str) -> str:
    """`api` when it names one of the four APIs; UnknownApiName listing them otherwise."""
    if api in APIS:
        return api
    raise UnknownApiName(api=api, known=", ".join(APIS), hint=did_you_mean(api, APIS))
