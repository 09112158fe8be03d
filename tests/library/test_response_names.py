"""Which variable a response value feeds: the names the library's templates use for it."""

from __future__ import annotations

import pytest

from workbench.core.library.response_names import member_candidates, path_keys, variable_names_for
from workbench.core.library.templates import default_library


@pytest.fixture(scope="module")
def library():
    return default_library()


@pytest.mark.parametrize("operation, path, names", [
    ("pinpoint:CreateApp", "$.Id", ["projectId"]),  # the body is the ApplicationResponse
    ("pinpoint:CreateApp", "ApplicationResponse.Id", ["projectId"]),  # botocore's spelling, as the CLI's --save takes
    ("pinpoint:GetApps", "$.Item[0].Id", ["projectId"]),
    ("pinpoint:CreateSegment", "$.Id", ["segmentId"]),
    ("pinpoint:CreateCampaign", "$.Id", ["campaignId"]),
    ("pinpoint-sms-voice-v2:CreatePool", "$.PoolId", ["poolId"]),
    ("pinpoint-sms-voice-v2:DescribePools", "$.Pools[3].PoolId", ["poolId"]),
])
def test_a_response_field_gets_the_name_templates_use_for_it(library, operation, path, names):
    assert variable_names_for(library, operation, path)[:1] == names


@pytest.mark.parametrize("operation, path", [
    ("pinpoint:CreateApp", "$.Arn"),  # no template takes an application ARN
    ("pinpoint:CreateApp", "$"),  # the whole body
    ("pinpoint:NoSuchOperation", "$.Id"),
    ("nosuchapi:CreateApp", "$.Id"),
    ("pinpoint:CreateApp", "$..Id["),  # not a path
    ("pinpoint:CreateApp", ""),
])
def test_nothing_is_proposed_where_no_template_reads_the_value(library, operation, path):
    assert variable_names_for(library, operation, path) == []


def test_paths_as_the_tree_writes_them():
    assert path_keys("$.Item[0].Id") == ["Item", 0, "Id"]
    assert path_keys('$["odd key"].x') == ["odd key", "x"]
    assert path_keys("ApplicationResponse.Id") == ["ApplicationResponse", "Id"]
    assert path_keys("$.a[") == []


def test_a_generic_leaf_is_named_after_the_structure_holding_it():
    assert member_candidates("pinpoint", "CreateApp", "$.Id") == ["ApplicationId", "Id"]
    assert member_candidates("pinpoint-sms-voice-v2", "CreatePool", "$.PoolId") == ["PoolId"]
