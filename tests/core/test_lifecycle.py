"""What a user is told before sending an operation affected by Pinpoint's end of support."""

from workbench.core.library import default_library
from workbench.core.lifecycle import lifecycle_notes

LIBRARY = default_library()


def test_an_ended_operation_says_so_and_where_it_went():
    assert lifecycle_notes(LIBRARY.find("pinpoint:CreateJourney")) == (
        "CreateJourney belongs to an Amazon Pinpoint feature that reached end of support on 2026-10-30 "
        "(engagement: journeys); AWS may refuse it.",
        "Where it went: " + LIBRARY.find("pinpoint:CreateJourney").lifecycle["migration"],
    )


def test_continuing_operations_get_no_note():
    for name in ("pinpoint:SendOTPMessage", "pinpoint:PhoneNumberValidate", "pinpoint-sms-voice-v2:SendTextMessage"):
        assert lifecycle_notes(LIBRARY.find(name)) == ()


def test_unclear_operations_say_it_is_unclear():
    (note,) = lifecycle_notes(LIBRARY.find("pinpoint:UpdateEndpoint"))
    assert note.startswith("AWS has not said clearly whether UpdateEndpoint continues after Pinpoint's end of support")
