"""Every template renders the request botocore's own serializer makes for the same
parameters (method, path, query string, X-Amz-Target), and its minimal body validates."""

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from botocore.serialize import create_serializer

from workbench.core.library import catalog

from workbench.core.library import libgen
from workbench.core.library.apis import HOST_VARIABLES
from workbench.core.library.templates import default_library
from workbench.core.request.render import render
from workbench.core.request.validation import validate

TEMPLATES = default_library().templates


def placeholder_value(variable):
    """A value for each variable, with characters that need encoding in paths and queries."""
    if variable.enum:
        return variable.enum[0]
    return {
        "integer": "7",
        "long": "7",
        "boolean": "true",
        "double": "1.5",
        "timestamp": "2026-01-02T03:04:05Z",
        "list": "first value,second:value",
    }.get(variable.type, f"{variable.name} a/b:c@d+e")


def botocore_value(variable, text):
    if variable.type in ("integer", "long"):
        return int(text)
    if variable.type == "double":
        return float(text)
    if variable.type == "boolean":
        return text == "true"
    if variable.type == "list":
        return text.split(",")
    return text


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_rendered_request_matches_botocore_serializer(template):
    values = {v.name: placeholder_value(v) for v in template.variables}
    values[HOST_VARIABLES[template.api]] = "api.example.com"
    rendered = render(template, values, template.body_text("minimal"))

    op_model = catalog.service_model(template.api).operation_model(template.operation)
    params = {v.member: botocore_value(v, values[v.name]) for v in template.variables if v.location != "body"}
    body = json.loads(template.body_text("minimal")) if template.has_body else None
    if body is not None:
        body = json.loads(rendered.body_text)
        payload = op_model.input_shape.serialization.get("payload")
        params.update({payload: body} if payload else body)
    expected = create_serializer(op_model.metadata["protocol"]).serialize_to_request(params, op_model)

    url = urlsplit(rendered.request.url)
    assert rendered.request.method == expected["method"]
    assert url.netloc == "api.example.com"
    assert url.path == expected["url_path"]
    query = expected["query_string"] or {}  # the JSON protocol gives "" (no query)
    expected_query = sorted((k, str(item)) for k, v in query.items() for item in (v if isinstance(v, list) else [v]))
    assert sorted(parse_qsl(url.query, keep_blank_values=True)) == expected_query
    assert rendered.request.header("X-Amz-Target") == expected["headers"].get("X-Amz-Target")
    for name, value in expected["headers"].items():
        if name.lower() not in ("content-type", "user-agent"):
            assert rendered.request.header(name) == value, name


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_minimal_body_passes_the_validator(template):
    shape = catalog.service_model(template.api).operation_model(template.operation).input_shape
    values = {v.name: placeholder_value(v) for v in template.variables}
    # body variables (JSON protocol) get values within their member's length limits
    values.update({v.name: libgen.placeholder(shape.members[v.member], v.member, False) for v in template.variables if v.location == "body"})
    values[HOST_VARIABLES[template.api]] = "api.example.com"
    rendered = render(template, values, template.body_text("minimal"))
    # the skeleton's own placeholders ("<Name>") are reported, and nothing else
    assert [p for p in validate(rendered) if not p.message.startswith("placeholder left in ")] == []


def test_an_arn_in_the_path_is_one_encoded_segment():
    template = default_library().find("pinpoint:ListTagsForResource")
    arn = "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123abcd"
    rendered = render(template, {"endpoint": "pinpoint.us-east-1.amazonaws.com", "resourceArn": arn})
    assert rendered.request.url == (
        "https://pinpoint.us-east-1.amazonaws.com/v1/tags/"
        "arn%3Aaws%3Amobiletargeting%3Aus-east-1%3A123456789012%3Aapps%2F0123abcd"
    )
