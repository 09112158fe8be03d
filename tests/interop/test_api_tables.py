"""The tables derived from library.apis (one row per API) agree with botocore's models and
endpoint rules: the sandbox's routes, CloudTrail's event sources, the link host patterns."""

from __future__ import annotations

import re

import boto3
import pytest

from workbench.core.interop.cloudtrail import SOURCES
from workbench.core.interop.linking import api_for_host
from workbench.core.library.apis import APIS, path_prefixes, service_model
from workbench.core.sandbox.routing import identify

LABEL = re.compile(r"\{([^}]+?)\+?\}")


@pytest.mark.parametrize("api", list(APIS))
def test_every_operation_of_every_api_routes_to_itself(api):
    model = service_model(api)
    wrong = []
    for name in model.operation_names:
        http = model.operation_model(name).http
        path = LABEL.sub("sample", http["requestUri"].split("?", 1)[0])
        target = f"{model.metadata['targetPrefix']}.{name}" if model.metadata.get("targetPrefix") else None
        route = identify(http["method"], path, target)
        if (route.api, route.operation) != (api, name):
            wrong.append((name, route.api, route.operation))
    assert wrong == []


def test_each_rest_apis_prefix_starts_every_one_of_its_paths_and_no_other_apis():
    prefixes = dict(path_prefixes())
    assert set(prefixes) == {api for api, info in APIS.items() if info.protocol == "rest-json"}
    for api, prefix in prefixes.items():
        model = service_model(api)
        assert all(model.operation_model(op).http["requestUri"].startswith(prefix) for op in model.operation_names)
        longer = [p for other, p in prefixes.items() if other != api and len(p) > len(prefix)]
        # a more specific prefix of another API never takes one of this API's paths
        assert not any(model.operation_model(op).http["requestUri"].startswith(p)
                       for op in model.operation_names for p in longer)


@pytest.mark.parametrize("api", list(APIS))
def test_cloudtrail_event_sources_name_the_api_as_its_model_does(api):
    metadata = service_model(api).metadata
    for name in (metadata.get("signingName") or metadata["endpointPrefix"], metadata["endpointPrefix"].split(".")[0]):
        assert api in SOURCES[f"{name}.amazonaws.com"]


@pytest.mark.parametrize("api", list(APIS))
@pytest.mark.parametrize("region", ["us-east-1", "eu-west-1", "ap-southeast-2"])
def test_the_host_botocore_resolves_links_to_its_api(api, region):
    client = boto3.client(api, region_name=region, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="EXAMPLE")
    host = client.meta.endpoint_url.split("://", 1)[1]
    assert api_for_host(host) == api
    assert api_for_host(host.replace(region, "{{region}}")) == api
