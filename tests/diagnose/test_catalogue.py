"""The catalogue: every entry exercised by a test on a real or recorded response; the guide's
API (catalogue, entry, search); a broken catalogue is refused with the entry named."""

from __future__ import annotations

import re

import pytest
import test_credential_sources
import test_sandbox_auth
import test_sandbox_messaging
import test_transport_and_setup
from fixture_cases import load, names

from workbench.core import diagnose as diag
from workbench.core.diagnose.catalogue import CatalogueError, load_entries


def test_every_catalogue_entry_is_exercised_by_a_test():
    exercised = set(test_credential_sources.COVERED) | set(test_sandbox_auth.COVERED) | set(test_sandbox_messaging.COVERED) | set(test_transport_and_setup.COVERED)
    for name in names():
        exercised |= set(load(name)["expect"])
    catalogue_ids = {item["id"] for item in diag.catalogue()}
    assert catalogue_ids - exercised == set(), "entries no test feeds a response"
    assert exercised - catalogue_ids == set(), "tests name entries that do not exist"


def test_guide_entries_are_plain_data_with_symptoms_causes_and_steps():
    items = diag.catalogue()
    assert len(items) >= 60
    for item in items:
        assert item["title"] and item["cause"] and item["steps"] and item["symptoms"] and item["source"], item["id"]
        assert set(item) == {"id", "title", "area", "summary", "symptoms", "cause", "steps", "fixes", "severity", "source"}


def test_search_finds_the_postman_rows_by_their_error_text():
    assert diag.search("security token invalid")[0]["id"] == "invalid-security-token"
    assert diag.search("not authorized")[0]["id"].startswith("iam-")
    assert diag.search("ACCOUNT_IN_SANDBOX")[0]["id"] == "sms-sandbox-unverified-destination"
    assert diag.search("no such words anywhere zzz") == []


def test_entry_by_id_and_unknown_id():
    assert diag.entry("clock-skew")["area"] == "auth"
    with pytest.raises(diag.UnknownEntry, match="no troubleshooting entry 'nope'"):
        diag.entry("nope")


@pytest.mark.parametrize("broken, message", [
    ({"entries": [{"id": "x", "title": "t", "area": "a", "summary": "s", "cause": "c", "steps": []}]}, "needs a 'match' or a 'check'"),
    ({"entries": [{"id": "x", "title": "t", "area": "a", "summary": "s", "cause": "c", "steps": [], "match": [{"colour": 1}]}]}, "unknown match condition"),
    ({"entries": [{"id": "x", "title": "t", "area": "a", "summary": "s", "cause": "c", "steps": [], "check": "nope"}]}, "unknown check"),
    ({"entries": [{"id": "x", "title": "t", "area": "a", "summary": "s", "cause": "c", "steps": [], "match": [{"message": "("}]}]}, "bad message pattern"),
    ({"entries": [{"id": "x", "title": "t", "area": "a", "summary": "s", "cause": "c", "steps": [], "match": [{"ok": False}], "fixes": [{"action": "explode"}]}]}, "unknown fix action"),
    ({"entries": [{"id": "x", "title": "t"}]}, "missing 'area'"),
])
def test_a_broken_catalogue_is_refused_with_the_entry_named(broken, message):
    with pytest.raises(CatalogueError, match=message) as raised:
        load_entries(broken)
    assert "entry x" in str(raised.value)


def test_a_saved_exchange_that_is_not_one_is_a_located_error():
    with pytest.raises(diag.SavedExchangeError, match="saved.json: 'status' must be a number"):
        diag.from_saved({"status": "teapot"}, where="saved.json")


def test_guide_texts_have_no_raw_placeholders():
    item = diag.entry("invalid-security-token")
    assert item["summary"] == "AWS does not know the access key, or the session token does not belong to it."


def test_every_fix_of_the_catalogue_has_a_button_label():
    labels = {diag.fix_label(fix) for item in diag.catalogue() for fix in item["fixes"]}
    assert all(label and "{" not in label for label in labels)
    assert "Open the credentials of the environment" in labels
    assert diag.fix_label({"action": "resign", "region": "eu-west-1"}) == "Re-sign for eu-west-1"
    assert diag.fix_label({"action": "resign", "signing_name": "sms-voice"}) == "Re-sign as sms-voice"
    assert diag.fix_label({"action": "list_projects", "environments": ["dev", "prod-eu"]}) == "List projects in dev, prod-eu"
    assert diag.fix_label({"action": "set_variable", "name": "projectId"}) == "Set projectId"


PLACEHOLDER_LEFT = re.compile(r"[{}<>]")


def test_the_guide_reads_as_plain_sentences_without_placeholders():
    for item in diag.catalogue():
        texts = [item["title"], item["summary"], item["cause"], *item["steps"]]
        texts += [diag.fix_label(fix) for fix in item["fixes"]]
        for text in texts:
            assert not PLACEHOLDER_LEFT.search(text), (item["id"], text)
    assert diag.entry("iam-not-authorized")["title"] == "Not authorized: the IAM policy lacks the action"
    assert diag.entry("signature-mismatch")["cause"].startswith("Most likely a wrong secret access key")


def test_troubleshoot_list_and_show_print_no_template_placeholders(run_cli):
    listing = run_cli("troubleshoot", "list")
    assert listing.status == 0
    assert not PLACEHOLDER_LEFT.search(listing.stdout), [line for line in listing.stdout.splitlines() if PLACEHOLDER_LEFT.search(line)]
    shown = run_cli("troubleshoot", "show", "signature-mismatch")
    assert "cause: Most likely a wrong secret access key" in shown.stdout
    assert not PLACEHOLDER_LEFT.search(shown.stdout.split("source:")[0])
