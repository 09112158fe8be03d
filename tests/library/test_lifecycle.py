"""What a user is told about an operation affected by Pinpoint's end of support (2026-10-30):
the same label, reason, source and migration hint everywhere, fitted to the date."""

import datetime

from workbench.core.library.templates import default_library
from workbench.core.common.resources import load_reference
from workbench.core.library.lifecycle import lifecycle_notes, lifecycle_of

LIBRARY = default_library()
BEFORE = datetime.date(2026, 10, 1)
AFTER = datetime.date(2026, 11, 25)


def test_an_ended_operation_says_so_and_where_it_went():
    assert lifecycle_notes(LIBRARY.find("pinpoint:CreateJourney"), AFTER) == (
        "CreateJourney belongs to an Amazon Pinpoint feature that reached end of support on 2026-10-30 "
        "(engagement: journeys); AWS may refuse it.",
        "Where it went: Amazon Connect outbound campaigns journeys; the export window closed on 2026-10-30",
    )


def test_before_the_date_the_hint_still_says_export_first():
    campaign = LIBRARY.find("pinpoint:CreateCampaign")
    assert lifecycle_of(campaign, BEFORE).migration == "Amazon Connect outbound campaigns; export definitions first (GetCampaign)"
    assert lifecycle_notes(campaign, BEFORE)[0].startswith("CreateCampaign belongs to an Amazon Pinpoint feature that reaches end of support")


def test_after_the_date_no_hint_asks_to_export_an_ended_feature():
    for template in LIBRARY.templates:
        lifecycle = lifecycle_of(template, AFTER)
        if lifecycle.status.startswith("end-of-support"):
            assert "export definitions first" not in lifecycle.migration, template.key
            assert "before EOS" not in lifecycle.migration, template.key
    assert lifecycle_of(LIBRARY.find("pinpoint:CreateExportJob"), AFTER).migration == (
        "the export window closed on 2026-10-30")


def test_continuing_operations_get_no_note():
    for name in ("pinpoint:SendOTPMessage", "pinpoint:PhoneNumberValidate", "pinpoint-sms-voice-v2:SendTextMessage"):
        assert lifecycle_notes(LIBRARY.find(name)) == ()


def test_unclear_operations_say_why_and_where_that_comes_from():
    note, hint = lifecycle_notes(LIBRARY.find("pinpoint:UpdateEndpoint"), AFTER)
    assert note == (
        "AWS has not said clearly whether UpdateEndpoint continues after Pinpoint's end of support on 2026-10-30 "
        "(endpoints): EOS guide lists endpoints as ending; EUM Push docs still register device endpoints "
        "(source: https://docs.aws.amazon.com/end-user-messaging/latest/userguide/nx-overview-apis-sdks.html)."
    )
    assert hint.startswith("If it stops: push: address device tokens directly in SendMessages")


def test_every_unclear_operation_has_a_reason_and_a_source():
    unclear = [t for t in LIBRARY.templates if t.lifecycle_status == "unclear"]
    reference = load_reference("lifecycle")  # the guide's facts, read apart from the library's own copy
    assert sorted(t.key for t in unclear) == sorted(f"{r['api']}:{r['operation']}" for r in reference if r["status"] == "unclear")
    assert unclear, "the guide leaves some operations unclear"
    for template in unclear:
        lifecycle = lifecycle_of(template)
        assert lifecycle.reason and lifecycle.source.startswith("https://docs.aws.amazon.com/"), template.key
        assert lifecycle.to_dict()["source_file"] == "resources/reference/lifecycle.json"
