"""The four APIs of the Pinpoint family, described once: name (botocore's), title, short
label, signing name, protocol, the template variable holding its host, and the endpoint
prefix botocore resolves hosts with. The catalog, regions, the sandbox router and the
library all read this table; a test checks it against botocore's models.

Also the one cache of botocore service models.
"""

from __future__ import annotations

import functools
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

    loader = botocore.loaders.create_loader(os.environ.get("AWS_DATA_PATH"))
    return botocore.model.ServiceModel(loader.load_service_model(api, "service-2"), service_name=api)


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
