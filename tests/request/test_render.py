"""Rendering: values are escaped for where they land; missing variables are all named."""

import re
import json
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.library.templates import default_library
from workbench.core.request.render import TemplateSyntaxProblem, UnresolvedVariables, UnsafeValue, merge_scopes, render

LIBRARY = default_library()
CREATE_APP = LIBRARY.find("CreateApp")
HOST = {"endpoint": "pinpoint.us-east-1.amazonaws.com"}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_in_a_json_string_stays_valid_json_and_round_trips(value):
    rendered = render(CREATE_APP, {**HOST, "name": value}, '{"Name": "{{ name }}"}')
    assert json.loads(rendered.body_text) == {"Name": value}


@pytest.mark.parametrize("value", ['He said "hi"', "back\\slash", "two\nlines", "tab\there", "ünïcødé ✓ 🚀", "</script>"])
def test_awkward_values_in_bodies(value):
    rendered = render(CREATE_APP, {**HOST, "name": value}, '{"Name": "prefix {{ name }} suffix"}')
    assert json.loads(rendered.body_text)["Name"] == f"prefix {value} suffix"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1).filter(lambda s: s not in (".", "..")))
def test_any_text_in_a_path_is_one_segment(value):
    template = LIBRARY.find("pinpoint:GetApp")
    rendered = render(template, {**HOST, "projectId": value})
    path = urlsplit(rendered.request.url).path
    prefix, segment = path.rsplit("/", 1)
    assert prefix == "/v1/apps"
    assert unquote(segment) == value


def test_at_sign_and_arn_in_paths():
    identity = LIBRARY.find("pinpoint-email:GetEmailIdentity")
    rendered = render(identity, {"emailEndpoint": "email.us-east-1.amazonaws.com", "emailIdentity": "sender@example.com"})
    assert rendered.request.url.endswith("/v1/email/identities/sender%40example.com")


def test_typed_placeholders_outside_strings():
    body = '{"Count": {{ n }}, "Ratio": {{ r }}, "On": {{ on }}, "Off": {{ off }}, "Nothing": {{ none }}, "Word": {{ word }}, "List": {{ items }}}'
    values = {**HOST, "n": "42", "r": 0.5, "on": True, "off": "false", "none": "null", "word": 'a "b"', "items": '["x", 1]'}
    rendered = render(CREATE_APP, values, body)
    assert json.loads(rendered.body_text) == {
        "Count": 42, "Ratio": 0.5, "On": True, "Off": False, "Nothing": None, "Word": 'a "b"', "List": ["x", 1]
    }


def test_every_missing_variable_is_named_with_where_it_is_used():
    template = LIBRARY.find("pinpoint:UpdateCampaign")
    body = '{"Name": "{{ campaignName }}", "Description": "{{ campaignName }} {{ owner }}"}'
    with pytest.raises(UnresolvedVariables) as caught:
        render(template, {}, body)
    assert caught.value.missing == {
        "endpoint": ["url host"],
        "projectId": ["url path"],
        "campaignId": ["url path"],
        "campaignName": ["body"],
        "owner": ["body"],
    }
    assert str(caught.value).startswith("missing variables: endpoint (used in url host); projectId (used in url path)")


def test_a_required_query_variable_is_missing_an_optional_one_is_left_out():
    untag = LIBRARY.find("pinpoint:UntagResource")
    with pytest.raises(UnresolvedVariables) as caught:
        render(untag, {**HOST, "resourceArn": "arn:x"})
    assert caught.value.missing == {"tagKeys": ["query tagKeys"]}
    journeys = LIBRARY.find("pinpoint:ListJourneys")
    assert render(journeys, {**HOST, "projectId": "p"}).request.url.endswith("/v1/apps/p/journeys")
    paged = render(journeys, {**HOST, "projectId": "p", "pageSize": 5, "token": "a b&c"})
    assert paged.request.url.endswith("/v1/apps/p/journeys?page-size=5&token=a%20b%26c")


def test_list_query_variables_repeat_the_parameter():
    untag = LIBRARY.find("pinpoint:UntagResource")
    rendered = render(untag, {**HOST, "resourceArn": "arn:x", "tagKeys": "tag1, tag2"})
    assert rendered.request.url.endswith("?tagKeys=tag1&tagKeys=tag2")


@pytest.mark.parametrize("evil", ["x\r\nX-Injected: 1", "x\nHost: evil.example", "x\rY"])
def test_line_breaks_in_header_values_stop_the_render(evil):
    template = LIBRARY.find("pinpoint:GetApps")
    with pytest.raises(UnsafeValue) as caught:
        render(template, {**HOST, "v": evil}, extra_headers=(("X-Custom", "{{ v }}"),))
    assert str(caught.value) == "header X-Custom: the value holds a line break (CR/LF), which would inject headers; remove it"


@pytest.mark.parametrize("host", ["evil.example/path", "a b", "user@host", "x\r\n"])
def test_host_values_must_be_hosts(host):
    with pytest.raises(UnsafeValue, match="url host"):
        render(LIBRARY.find("GetApps"), {"endpoint": host})


def test_sandboxed_templates_cannot_reach_python():
    with pytest.raises(TemplateSyntaxProblem, match="body: template error: access to attribute '__class__' of 'str' object is unsafe"):
        render(CREATE_APP, HOST, '{"Name": "{{ name.__class__.__mro__[1].__subclasses__() }}"}'.replace("name", "''"))


def test_scopes_request_then_environment_then_globals():
    merged = merge_scopes(
        request={"projectId": "from-request"},
        environment={"projectId": "from-env", "region": "eu-west-1"},
        globals_={"projectId": "global", "region": "us-east-1", "accountId": "1"},
    )
    assert merged == {"projectId": "from-request", "region": "eu-west-1", "accountId": "1"}


def test_http_scheme_only_when_asked():
    template = LIBRARY.find("GetApps")
    assert render(template, {"endpoint": "127.0.0.1:5000"}, scheme="http").request.url == "http://127.0.0.1:5000/v1/apps"


def test_plain_substitution_renders_exactly_like_jinja_for_every_library_text():
    """Plain {{ name }} templates skip jinja; for every URL, header and body of the library,
    with values full of characters that need escaping, the output is jinja's."""
    from workbench.core.library.templates import default_library
    from workbench.core.request.render import ENV, _substitution, annotate

    tricky = 'a "quoted"\\ value/with:colons, ünïcode\n & 3'
    checked = 0
    for template in default_library().templates:
        texts = [(template.url.split("://", 1)[1].partition("/")[2], "path"), *((v, "text") for _, v in template.headers)]
        texts += [(template.body_text(which), "json") for which in ("minimal", "full") if template.body_text(which)]
        for text, context in texts:
            substitute = _substitution(text, context)
            if substitute is None or "{{" not in text:
                continue
            values = {name: tricky for name in re.findall(r"\{\{\s*(\w+)\s*\}\}", text)}
            assert substitute(values) == ENV.from_string(annotate(text, context)).render(values), (template.key, text)
            checked += 1
    assert checked > 278
