"""regions.py: offered regions and hosts come from botocore's endpoint data."""

from __future__ import annotations

import pytest

from workbench.core.library import regions
TUTORIAL = {
    "us-east-1": "pinpoint.us-east-1.amazonaws.com",
    "us-west-2": "pinpoint.us-west-2.amazonaws.com",
    "ap-south-1": "pinpoint.ap-south-1.amazonaws.com",
    "ap-southeast-2": "pinpoint.ap-southeast-2.amazonaws.com",
    "eu-central-1": "pinpoint.eu-central-1.amazonaws.com",
    "eu-west-1": "pinpoint.eu-west-1.amazonaws.com",
}


def test_tutorial_regions_come_first():
    assert regions.all_regions()[:6] == regions.TUTORIAL_REGIONS
    assert set(regions.TUTORIAL_REGIONS) == set(TUTORIAL)
    assert regions.regions_for("pinpoint")[:6] == regions.TUTORIAL_REGIONS


@pytest.mark.parametrize("region", sorted(TUTORIAL))
def test_every_tutorial_region_has_every_host(region):
    hosts = regions.hosts_for_region(region)
    assert hosts == {
        "pinpoint": TUTORIAL[region],
        "pinpoint-sms-voice-v2": f"sms-voice.{region}.amazonaws.com",
        "pinpoint-sms-voice": f"sms-voice.pinpoint.{region}.amazonaws.com",
        "pinpoint-email": f"email.{region}.amazonaws.com",
    }
    assert regions.region_info(region).tutorial


def test_sms_voice_v2_us_east_1():
    assert regions.host_for("pinpoint-sms-voice-v2", "us-east-1") == "sms-voice.us-east-1.amazonaws.com"


def test_signing_names():
    assert {name: api.signing_name for name, api in regions.APIS.items()} == {
        "pinpoint": "mobiletargeting",
        "pinpoint-sms-voice-v2": "sms-voice",
        "pinpoint-sms-voice": "sms-voice",
        "pinpoint-email": "ses",
    }


def test_signing_names_match_botocore_models():
    import botocore.session

    session = botocore.session.get_session()
    for name, api in regions.APIS.items():
        model = session.get_service_model(name)
        assert (model.signing_name, model.endpoint_prefix) == (api.signing_name, api.endpoint_prefix)


def test_a_region_without_pinpoint_is_marked():
    info = regions.region_info("me-south-1")
    assert not info.offers("pinpoint")
    assert info.missing_apis == ("pinpoint", "pinpoint-sms-voice")
    assert info.hosts["pinpoint-sms-voice-v2"] == "sms-voice.me-south-1.amazonaws.com"
    with pytest.raises(regions.ApiNotOffered) as excinfo:
        regions.host_for("pinpoint", "me-south-1")
    assert str(excinfo.value).startswith(
        "Pinpoint (pinpoint) is not offered in me-south-1; it is offered in: us-east-1, us-west-2,"
    )


def test_offered_regions_match_botocore_session():
    import botocore.session

    session = botocore.session.get_session()
    for api in ("pinpoint", "pinpoint-sms-voice-v2", "pinpoint-email"):
        expected = set()
        for partition in session.get_available_partitions():
            expected |= set(session.get_available_regions(api, partition_name=partition))
        assert set(regions.regions_for(api)) == expected


def test_sms_voice_v1_follows_pinpoint():
    # endpoints.json has no entry for sms-voice.pinpoint: offered where Pinpoint is.
    assert regions.regions_for("pinpoint-sms-voice") == regions.regions_for("pinpoint")


def test_partitions_and_hosts_outside_aws():
    assert regions.partition_of("us-east-1") == "aws"
    assert regions.partition_of("us-gov-west-1") == "aws-us-gov"
    assert regions.partition_of("cn-north-1") == "aws-cn"
    assert regions.host_for("pinpoint", "us-gov-west-1") == "pinpoint.us-gov-west-1.amazonaws.com"
    assert regions.resolve_host("pinpoint-email", "cn-north-1") == "email.cn-north-1.amazonaws.com.cn"
    with pytest.raises(regions.UnknownRegion, match="unknown region 'mars-1'"):
        regions.partition_of("mars-1")


def test_api_region_from_host():
    assert regions.api_region_from_host("pinpoint.eu-west-1.amazonaws.com") == ("pinpoint", "eu-west-1")
    assert regions.api_region_from_host("sms-voice.pinpoint.ap-south-1.amazonaws.com") == (
        "pinpoint-sms-voice",
        "ap-south-1",
    )
    assert regions.api_region_from_host("example.com") is None
