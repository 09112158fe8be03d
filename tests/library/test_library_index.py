"""The library's index (what the window's tree and search read): each operation's AWS CLI
name is botocore's, for every operation the library holds, though the index builds it
without botocore; a search finds what every word of it names."""

from __future__ import annotations

from botocore import xform_name

from workbench.core.library.index import build_entries, cli_name, search_keys
from workbench.core.library.templates import default_library


def test_every_operations_cli_name_is_botocores():
    operations = {t.operation for t in default_library().templates}
    assert len(operations) > 200
    assert {op: cli_name(op) for op in operations} == {op: xform_name(op, "-") for op in operations}
    for tricky in ("ListTagsForResource", "GetEndpointACLs", "DescribeARNs", "PutV2Thing", "already-dashed"):
        assert cli_name(tricky) == xform_name(tricky, "-")


def test_search_needs_every_word_in_any_order_and_case():
    entries = build_entries(default_library())
    found = search_keys(entries, "PHONE send")
    assert found == search_keys(entries, "send phone") and "pinpoint-sms-voice-v2:SendTextMessage" in found
    assert all(all(w in e.haystack for w in ("send", "phone")) for e in entries if e.key in found)
    assert search_keys(entries, "   ") is None and search_keys(entries, "no-such-words-here") == set()
