"""The one registry of the four APIs agrees with botocore's models and with the library."""

from workbench.core.library import catalog

from workbench.core.library import regions
from workbench.core.library.apis import APIS, service_model
from workbench.core.library.templates import default_library
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


def test_a_template_file_that_contradicts_the_registry_is_a_located_problem(tmp_path):
    import json
    import shutil

    from workbench.core.library.templates import load_library
    from workbench.core.common.resources import LIBRARY_DIR

    source = next(LIBRARY_DIR.rglob("GetApps.json"))
    shutil.copy(source, tmp_path / "GetApps.json")
    data = json.loads(source.read_text())
    (tmp_path / "Wrong.json").write_text(json.dumps(data | {"operation": "Wrong", "signing_name": "ses"}))
    (tmp_path / "Alien.json").write_text(json.dumps(data | {"operation": "Alien", "api": "pinpoint-v9"}))
    library = load_library(tmp_path)
    assert [t.operation for t in library.templates] == ["GetApps"]
    assert sorted(str(p) for p in library.problems) == [
        "Alien.json: not a request template: unknown API 'pinpoint-v9' (known: pinpoint, pinpoint-sms-voice-v2, "
        "pinpoint-sms-voice, pinpoint-email)",
        "Wrong.json: not a request template: pinpoint signs as mobiletargeting and speaks rest-json, not ses / rest-json",
    ]
