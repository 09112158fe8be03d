"""The one rule for secrets in a request draft: which values are secrets, the draft as it may
be written (references instead of values), names that never collide, and the refusal to
write a draft that still holds one."""

from __future__ import annotations

import json

import pytest

from workbench.core.request.draft_secrets import SecretInDraft, literal_secrets, variable_name_for, without_secrets
from workbench.core.request.drafts import RequestDraft, load_draft, save_draft
from workbench.core.request.collections import add_request

KEY = "k-8f3b1c2d9e"


def test_secret_headers_query_values_and_variables_are_found_templated_and_plain_ones_are_not():
    draft = RequestDraft(operation="pinpoint:GetApps", headers=(("x-api-key", KEY), ("Accept", "json"),
                                                                 ("Authorization", "{{ auth }}")),
                         query=(("api_key", KEY), ("page", "2")),
                         variables=(("apiSecret", KEY), ("projectId", "p1"), ("password", "")))
    assert literal_secrets(draft) == [("header", "x-api-key"), ("query", "api_key"), ("variable", "apiSecret")]


def test_a_name_the_operation_declares_is_the_models_not_a_secret_by_its_name():
    # GetApps' pagination `token` says "token" but is no secret: the model declares it
    draft = RequestDraft(operation="pinpoint:GetApps", variables=(("token", "page-2"),))
    assert literal_secrets(draft) == []
    raw = RequestDraft(method="GET", url="https://h/x", variables=(("token", "abcd1234"),))
    assert literal_secrets(raw) == [("variable", "token")]


def test_the_written_draft_refers_to_each_secret_and_the_secrets_come_out():
    draft = RequestDraft(operation="pinpoint:GetApps", headers=(("X-Api-Key", KEY),), query=(("api_key", "q-1234"),),
                         variables=(("apiSecret", "s-5678"), ("projectId", "p1")), body='{"a": "{{ apiSecret }}"}')
    written, secrets = without_secrets(draft)
    assert written.headers == (("X-Api-Key", "{{x_api_key}}"),)
    assert written.query == (("api_key", "{{api_key}}"),)
    assert written.variables == (("projectId", "p1"),)
    assert written.body == draft.body  # the reference to apiSecret stays as written
    assert [(s.place, s.name, s.value) for s in secrets] == [
        ("header X-Api-Key", "x_api_key", KEY), ("query api_key", "api_key", "q-1234"), ("variable apiSecret", "apiSecret", "s-5678")]
    assert literal_secrets(written) == []
    assert KEY not in json.dumps(written.to_dict())


def test_a_name_holding_another_value_is_never_reused_and_references_follow_a_renamed_variable():
    draft = RequestDraft(method="POST", url="https://h/{{ apiSecret }}", headers=(("x-api-key", KEY), ("X-API-KEY", "other")),
                         variables=(("apiSecret", "new-value"), ("x_api_key_3", "{{ mine }}")),
                         body='{"s": "{{apiSecret}}", "t": "{{ apiSecret|upper }}", "u": "{{ apiSecretary }}"}')
    kept = {"apiSecret": "old-value", "x_api_key": KEY}
    written, secrets = without_secrets(draft, kept, taken={"x_api_key_2"})
    names = {s.place: s.name for s in secrets}
    assert names == {"header x-api-key": "x_api_key",  # the same value: reused
                     "header X-API-KEY": "x_api_key_4",  # _2 is a plain global, _3 the draft's own variable
                     "variable apiSecret": "apiSecret_2"}  # apiSecret holds another value
    assert written.url == "https://h/{{ apiSecret_2 }}"
    assert written.body == '{"s": "{{apiSecret_2}}", "t": "{{ apiSecret_2|upper }}", "u": "{{ apiSecretary }}"}'
    assert dict(written.variables) == {"x_api_key_3": "{{ mine }}"}  # templated: no secret written out


def test_variable_names_for_headers():
    assert [variable_name_for(n) for n in ("x-api-key", "Authorization", "X-Amz-Security-Token", "2fa-token")] == [
        "x_api_key", "authorization", "x_amz_security_token", "_2fa_token"]


def test_a_draft_with_a_secret_is_never_written_and_nothing_is_left_behind(tmp_path):
    draft = RequestDraft(name="keyed", operation="pinpoint:GetApps", headers=(("x-api-key", KEY),))
    with pytest.raises(SecretInDraft) as refused:
        save_draft(tmp_path / "keyed.request.json", draft)
    assert str(refused.value) == (f"{tmp_path / 'keyed.request.json'}: header x-api-key would be written in plain text; "
                                  "a secret goes only to the keyring")
    with pytest.raises(SecretInDraft):
        add_request(tmp_path / "My requests", draft)
    assert not any(KEY in p.read_text() for p in tmp_path.rglob("*") if p.is_file())
    written, _ = without_secrets(draft)
    save_draft(tmp_path / "keyed.request.json", written)
    assert load_draft(tmp_path / "keyed.request.json") == written
