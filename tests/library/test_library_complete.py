"""The library has one template per operation of the installed service models, no drift."""

import json

import pytest

from workbench.core.library import catalog

from workbench.core.library import libgen
from workbench.core.library.templates import default_library, load_library
from workbench.core.common.resources import LIBRARY_DIR


def test_every_installed_operation_has_exactly_one_template():
    installed = {(api, name) for api in catalog.APIS for name in catalog.service_model(api).operation_names}
    templates = [(t.api, t.operation) for t in default_library().templates]
    assert len(templates) == len(set(templates)), "an operation has two templates"
    assert set(templates) == installed


def test_generator_check_mode_finds_no_drift():
    assert libgen.drift() == []


def test_check_mode_reports_a_hand_edited_file(tmp_path):
    libgen.write(tmp_path)
    victim = next(tmp_path.rglob("GetApps.json"))
    victim.write_text(victim.read_text().replace("GET", "POST"))
    (tmp_path / "pinpoint" / "Stray.json").write_text("{}")
    problems = libgen.drift(tmp_path)
    assert f"changed: {victim.relative_to(tmp_path)}" in problems
    assert "not in the models: pinpoint/Stray.json" in problems


def test_files_load_cleanly_and_keep_a_stable_key_order():
    library = default_library()
    assert library.problems == ()
    for path in LIBRARY_DIR.rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert libgen.render_file(json.loads(text)) == text, path


def test_a_broken_file_is_reported_and_the_rest_loads(tmp_path):
    libgen.write(tmp_path)
    (tmp_path / "pinpoint" / "apps" / "GetApps.json").write_text('{"api": ')
    (tmp_path / "pinpoint" / "apps" / "GetApp.json").write_text('{"schema_version": 1}')
    library = load_library(tmp_path)
    assert len(library) == len(catalog.all_operations()) - 2
    messages = {p.path: p.message for p in library.problems}
    assert messages["pinpoint/apps/GetApps.json"].startswith("not valid JSON: Expecting value (line 1")
    assert messages["pinpoint/apps/GetApp.json"] == "not a request template: missing key 'api'"


@pytest.mark.parametrize(
    "operation, group, variables",
    [
        ("pinpoint:GetCampaign", "Campaigns", ["projectId", "campaignId"]),
        ("pinpoint:GetExportJob", "Export Jobs", ["projectId", "exportJobId"]),
        ("pinpoint:ListJourneys", "Journeys", ["projectId", "pageSize", "token"]),
        ("pinpoint-sms-voice-v2:CreatePool", "Pools", ["originationIdentity"]),
        ("pinpoint-email:GetDedicatedIp", "Dedicated IPs", ["ipAddress"]),
    ],
)
def test_groups_and_variable_names_follow_the_official_collection(operation, group, variables):
    template = default_library().find(operation)
    assert template.group == group
    assert [v.name for v in template.variables][: len(variables)] == variables


def test_lifecycle_labels_come_from_the_guide():
    library = default_library()
    assert library.find("pinpoint:CreateCampaign").lifecycle_status == "end-of-support-2026-10-30"
    assert library.find("pinpoint:SendOTPMessage").lifecycle_status == "supported"
