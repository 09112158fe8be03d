"""The guide's worked examples validate (or carry their documented problem), and every
request of the official Postman collection lines up with a library operation."""

import json
import re
from pathlib import Path

import pytest

from workbench.core.library.apis import HOST_VARIABLES
from workbench.core.library.templates import default_library
from workbench.core.request.render import render
from workbench.core.request.validation import validate

# facts of the official Postman collection, vendored (source named inside the file)
POSTMAN_FACTS = Path(__file__).resolve().parents[1] / "data" / "postman_collection_facts.json"
VARIANTS = [(t, v) for t in default_library().templates for v in t.variants]


def test_the_guide_examples_are_all_in_the_library():
    examples = json.loads((Path(__file__).resolve().parents[2] / "resources/reference/examples.json").read_text())
    names = {v.name for _, v in VARIANTS}
    assert {e["id"] for e in examples} <= names


@pytest.mark.parametrize("template, variant", VARIANTS, ids=lambda x: getattr(x, "key", getattr(x, "name", "")))
def test_every_example_variant_validates_or_carries_its_known_problem(template, variant):
    filler = {"timestamp": "2026-01-01T00:00:00Z", "integer": "1"}
    values = {**{v.name: filler.get(v.type, "placeholder") for v in template.variables}, **variant.variables}
    values[HOST_VARIABLES[template.api]] = "api.example.com"
    rendered = render(template, values, template.body_text(variant.name))
    problems = validate(rendered)
    if variant.known_problems:
        assert problems, "a variant documented as invalid now validates: update the note"
    else:
        assert problems == []


def postman_requests():
    facts = json.loads(POSTMAN_FACTS.read_text(encoding="utf-8"))
    return [("/".join(r["folder"]), r["name"], r) for r in facts["requests"]]


def test_collection_has_the_122_requests_the_guide_mentions():
    assert len(postman_requests()) == 122


def _pattern(template):
    path = template.url.split("}}", 1)[1]  # after the host variable
    regex = re.sub(r"\\\{\\\{\\ (\w+)\\ \\\}\\\}", r"\\{\\{(?P<\1>\\w+)\\}\\}", re.escape(path))
    return re.compile("^" + regex + "$")


@pytest.mark.parametrize("folder, name, postman_request", postman_requests(), ids=lambda x: x if isinstance(x, str) else "")
def test_postman_request_matches_one_library_operation(folder, name, postman_request):
    raw_path = "/" + "/".join(postman_request["path"])
    matches = []
    for template in default_library().templates:
        if template.method != postman_request["method"]:
            continue
        found = _pattern(template).match(raw_path)
        if found:
            matches.append((template, found))
    assert len(matches) == 1, f"{folder}/{name}: {[t.key for t, _ in matches]}"
    template, found = matches[0]
    # the collection's path variables have the same names as ours (projectId, campaignId...)
    for ours, theirs in found.groupdict().items():
        assert ours == theirs


def test_every_postman_request_signs_with_the_collection_awsv4_auth():
    facts = json.loads(POSTMAN_FACTS.read_text(encoding="utf-8"))
    assert facts["collection"]["auth"]["type"] == "awsv4"
    assert {r["auth"] for r in facts["requests"]} == {"inherited:awsv4"}
