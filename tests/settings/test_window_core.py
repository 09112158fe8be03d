"""The Qt-free helpers the window uses: JSON parsed piecewise, JSON paths to lines, variables
resolved by scope, the library's search, the window session file, curl export."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.interop.curl_export import curl_command
from workbench.core.request.drafts import RequestDraft
from workbench.core.common.json_locate import line_of
from workbench.core.library.templates import default_library
from workbench.core.library.index import build_entries, search_keys
from workbench.core.send.response_body import break_long_lines, parse_json
from workbench.core.send.signing import InspectionRecord
from workbench.core.request.template_vars import variable_uses
from workbench.core.settings.window_session import OpenTab, WindowSession, load_session, save_session

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(JSON, st.sampled_from([None, 2]))
def test_parse_json_reads_what_json_loads_reads(value, indent):
    text = json.dumps(value, indent=indent)
    assert parse_json(text) == json.loads(text)


@pytest.mark.parametrize("text, message", [
    ('{"a": 1,}', "expected a member name at character 8"),
    ('[1, 2', "expected ',' or ']' at character 5"),
    ('{"a" 1}', "expected ':' at character 5"),
    ("[] x", "extra data at character 3"),
])
def test_parse_json_says_where_a_document_breaks(text, message):
    with pytest.raises(ValueError, match=message):
        parse_json(text)


def test_long_lines_are_broken_for_display_only_when_long():
    assert break_long_lines("short\nlines") == ("short\nlines", False)
    text, wrapped = break_long_lines("x" * 5000, width=2048)
    assert wrapped and text.split("\n") == ["x" * 2048, "x" * 2048, "x" * 904]


BODY = '{\n  "Name": "x",\n  "tags": {\n    "team a": [1,\n      2]\n  }\n}'


@pytest.mark.parametrize("path, line", [
    ("$", 1), ("$.Name", 2), ("$.tags", 3), ('$.tags["team a"]', 4), ('$.tags["team a"][1]', 5),
    ("$.tags.missing", 3),  # a member that is not there: its parent's line
    ("$: body is not valid JSON: Expecting value (line 7, column 3)", 7),
    ("{projectId}", None),
])
def test_line_of_a_json_path(path, line):
    assert line_of(BODY, path) == line


def test_variables_resolve_by_scope_request_first():
    scopes = [("request", {"a": "1"}), ("environment", {"a": "2", "endpoint": "host"}), ("global", {"g": "3"})]
    uses = variable_uses("https://{{ endpoint }}/{{a}}/{{ g }}/{{ missing }}", scopes)
    assert [(u.name, u.value, u.scope) for u in uses] == [
        ("endpoint", "host", "environment"), ("a", "1", "request"), ("g", "3", "global"), ("missing", None, None)]
    assert uses[3].describe() == "missing: not set in the request, the environment or globals"


ENTRIES = build_entries(default_library())


@pytest.mark.parametrize("query, expected", [
    ("get-apps", "pinpoint:GetApps"), ("GETAPPS", "pinpoint:GetApps"), ("send messages", "pinpoint:SendMessages"),
    ("/v1/apps/{{ projectId }}/campaigns", "pinpoint:CreateCampaign"),
])
def test_library_search_over_name_cli_name_path_and_description(query, expected):
    assert expected in search_keys(ENTRIES, query)
    assert search_keys(ENTRIES, "  ") is None
    assert search_keys(ENTRIES, "no-such-thing-anywhere") == set()


def test_window_session_round_trips_and_a_damaged_file_costs_nothing(tmp_path):
    path = tmp_path / "window-session.json"
    session = WindowSession((OpenTab(RequestDraft(name="GetApp", operation="pinpoint:GetApp",
                                                  variables=(("projectId", "abc"),)), dirty=True),), 0, "dev")
    save_session(path, session)
    loaded = load_session(path)
    assert loaded.tabs == session.tabs and loaded.environment == "dev" and not loaded.problems

    data = json.loads(path.read_text())
    data["tabs"].append({"draft": {"name": 5}})
    path.write_text(json.dumps(data))
    loaded = load_session(path)
    assert len(loaded.tabs) == 1
    assert [str(p) for p in loaded.problems] == [f"{path}: tabs[1]: {path}: tabs[1].draft.name: expected a string, got int"]

    path.write_text("{not json")
    broken = load_session(path)
    assert broken.tabs == () and "invalid JSON at line 1" in str(broken.problems[0])


def test_curl_export_lets_curl_sign_with_credentials_from_the_shell():
    record = InspectionRecord(
        method="POST", url="https://pinpoint.us-east-1.amazonaws.com/v1/apps", canonical_request="", string_to_sign="",
        credential_scope="", signed_headers=(), payload_hash="", access_key_id="AKIAEXAMPLE", region="us-east-1",
        signing_name="mobiletargeting", timestamp="", signature_redacted="<redacted>", session_token_used=True,
        headers=(("Content-Type", "application/json"), ("Authorization", "AWS4-HMAC-SHA256 <redacted>"),
                 ("X-Amz-Date", "20260101T000000Z"), ("X-Amz-Security-Token", "<redacted>")))
    assert curl_command(record, '{"Name": "it\'s"}') == (
        "curl -X POST https://pinpoint.us-east-1.amazonaws.com/v1/apps \\\n"
        "  --aws-sigv4 aws:amz:us-east-1:mobiletargeting \\\n"
        '  --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \\\n'
        '  -H "x-amz-security-token: $AWS_SESSION_TOKEN" \\\n'
        "  -H 'Content-Type: application/json' \\\n"
        "  --data-raw '{\"Name\": \"it'\"'\"'s\"}'")
