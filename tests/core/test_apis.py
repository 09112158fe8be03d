"""The one registry of the four APIs agrees with botocore's models and with the library."""

from workbench.core import catalog, regions
from workbench.core.apis import APIS, service_model
from workbench.core.library import default_library
from workbench.core.sandbox import routing


def test_the_registry_agrees_with_botocore():
    for name, api in APIS.items():
        meta = service_model(name).metadata
        assert (meta.get("signingName") or meta["endpointPrefix"], meta["protocol"], meta["endpointPrefix"]) == (
            api.signing_name, api.protocol, api.endpoint_prefix), name


def test_every_template_signs_and_speaks_as_its_api_says():
    for template in default_library().templates:
        api = APIS[template.api]
        assert (template.signing_name, template.protocol) == (api.signing_name, api.protocol), template.key
        assert template.url.startswith(f"https://{{{{ {api.variable} }}}}"), template.key


def test_catalog_regions_and_the_sandbox_router_read_the_same_table():
    assert catalog.APIS == tuple(APIS)
    assert regions.APIS is APIS
    assert set(routing.API_NAMES) == set(APIS)
    assert routing.service_model is service_model is catalog.service_model
