"""The environment service itself (core/environments/service.py): what a change keeps, where
secrets go, what it refuses before writing anything; the public `set_variables` the send
service calls. On the real keyring (gnome-keyring in the test's D-Bus session)."""

from __future__ import annotations

import json

import pytest

from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.credentials import Credentials, CredentialsError, CredentialSource, KeyringUnavailable
from workbench.core.environments.environment import EnvironmentError_, EnvironmentExists, EnvironmentInvalid
from workbench.core.environments.secret_variables import MASK, SecretVariableStore, form_variables
from workbench.core.environments.service import EnvironmentService, form_changes
from workbench.core.environments.store import EnvironmentStore

CANARY = "canary-SERVICE-secret-7e3a"
FAIL = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.fixture
def service(tmp_path, keyring_store):
    yield EnvironmentService(EnvironmentStore(tmp_path / "environments.json"), {"HOME": str(tmp_path)},
                             keyring=keyring_store)
    for path in tmp_path.rglob("*"):
        assert not (path.is_file() and CANARY.encode() in path.read_bytes()), path


def on_disk(service) -> dict:
    return {e["name"]: e for e in json.loads(service.store.path.read_text())["environments"]}


pytestmark = pytest.mark.keyring


def test_set_variables_says_where_each_value_went(service, keyring_store):
    service.add({"name": "dev", "region": "us-east-1", "credential_source": CredentialSource("process")})
    saved = service.set_variables("dev", {"apiKey": CANARY, "projectId": "p1"})
    assert (saved.to_keyring, saved.to_file) == (("apiKey",), ("projectId",))
    assert [str(note) for note in saved.notes] == [
        "apiKey: secret; the value went to the OS keyring, not the environments file"]
    assert saved.environment.secret_variables == ("apiKey",) and saved.environment.variables == {"projectId": "p1"}
    assert SecretVariableStore(keyring_store).get("dev") == {"apiKey": CANARY}
    again = service.set_variables("dev", {"apiKey": CANARY + "-2"})  # a declared secret stays one
    assert again.to_keyring == ("apiKey",)
    assert SecretVariableStore(keyring_store).get("dev") == {"apiKey": CANARY + "-2"}
    with pytest.raises(WorkbenchError, match="the sandbox keeps none"):
        service.set_variables("sandbox", {"password": CANARY})
    assert service.set_variables("sandbox", {"projectId": "s1"}).to_file == ("projectId",)


def test_an_edit_from_a_stale_form_keeps_what_a_terminal_changed_meanwhile(service):
    shown = service.add({"name": "dev", "region": "us-east-1", "variables": {"projectId": "p1"}}).environment
    terminal = EnvironmentService(EnvironmentStore(service.store.path), {}, keyring=service.keyring())
    terminal.set_variables("dev", {"campaignId": "c1"})
    terminal.edit("dev", {"colour": "teal"})
    form = {"name": "dev", "region": "us-east-1", "account_id": "123456789012", "colour": "",
            "variables": {**form_variables(shown), "segmentId": "s1"}}
    service.edit("dev", form_changes(shown, form))
    assert on_disk(service)["dev"] == {"name": "dev", "region": "us-east-1", "account_id": "123456789012",
                                      "colour": "teal", "variables": {"campaignId": "c1", "projectId": "p1", "segmentId": "s1"}}


def test_refusals_leave_nothing_written(service):
    service.add({"name": "dev", "region": "us-east-1"})
    before = service.store.path.read_bytes()
    with pytest.raises(EnvironmentExists):
        service.edit("dev", {"name": "sandbox"})
    service.add({"name": "ops", "region": "us-east-1"})
    before = service.store.path.read_bytes()
    with pytest.raises(EnvironmentExists):
        service.edit("dev", {"name": "ops"})
    with pytest.raises(EnvironmentExists):
        service.duplicate("dev", "ops", "eu-west-1")
    with pytest.raises(EnvironmentError_, match="only its variables change"):
        service.edit("sandbox", {"region": "eu-west-1"})
    with pytest.raises(EnvironmentInvalid) as invalid:  # every problem at once, located
        service.edit("dev", {"account_id": "12", "colour": "nope", "host_overrides": {"pinpoint": "h:99999"}})
    assert [p.path for p in invalid.value.problems] == ["hosts.pinpoint", "account_id", "colour"]
    with pytest.raises(ValueError, match="not editable: secret_variables"):
        service.edit("dev", {"secret_variables": ("x",)})
    with pytest.raises(EnvironmentError_, match="has no variable 'nope'; it has: none"):
        service.unset_variables("dev", ["nope"])
    assert service.store.path.read_bytes() == before
    unusable = EnvironmentService(EnvironmentStore(service.store.path), FAIL)
    with pytest.raises(KeyringUnavailable):  # a secret with nowhere to go: nothing written at all
        unusable.add({"name": "new", "region": "us-east-1", "variables": {"apiSecret": CANARY}})
    with pytest.raises(KeyringUnavailable):
        unusable.set_variables("dev", {"password": CANARY})
    assert service.store.path.read_bytes() == before


def test_rename_duplicate_and_remove_carry_what_the_environment_owns(service, keyring_store):
    service.add({"name": "dev", "region": "us-east-1", "variables": {"apiSecret": CANARY}})
    service.store_credentials("dev", Credentials("AKIASERVICEEXAMPLE01", CANARY))
    service.rename("dev", "ops")
    service.duplicate("ops", "ops-eu", "eu-west-1")
    secrets = SecretVariableStore(keyring_store)
    assert [secrets.get(name) for name in ("dev", "ops", "ops-eu")] == [{}, {"apiSecret": CANARY}, {"apiSecret": CANARY}]
    assert keyring_store.get("dev") is None and keyring_store.get("ops-eu").secret_access_key == CANARY
    removed = service.remove("ops")
    assert (removed.credentials_deleted, removed.secrets_deleted, removed.notes) == (True, True, ())
    assert secrets.get("ops") == {} and keyring_store.get("ops") is None
    assert secrets.get("ops-eu") == {"apiSecret": CANARY}
    service.remove("ops-eu")


def test_credentials_only_for_keyring_environments_and_checked_first(service):
    service.add({"name": "prof", "region": "us-east-1", "credential_source": CredentialSource("process")})
    with pytest.raises(CredentialsError, match="only keyring environments store an access key"):
        service.store_credentials("prof", Credentials("AKIASERVICEEXAMPLE01", CANARY))
    service.add({"name": "dev", "region": "us-east-1"})
    with pytest.raises(CredentialsError, match="not an access key ID"):
        service.store_credentials("dev", Credentials("akia-lowercase", CANARY))
    with pytest.raises(CredentialsError, match="both an access key ID and a secret access key"):
        service.store_credentials("dev", Credentials("AKIASERVICEEXAMPLE01", ""))
    with pytest.raises(CredentialsError, match="cannot keep credentials for the session only"):
        service.store_credentials("dev", Credentials("AKIASERVICEEXAMPLE01", CANARY), session_only=True)
    assert service.credential_status(service.get("dev")).state == "not stored"
    assert service.store_credentials("dev", Credentials("AKIASERVICEEXAMPLE01", CANARY)) == "in the keyring"
    status = service.credential_status(service.get("dev"))
    assert (status.state, status.detail) == ("stored", "AKIA************LE01")
    assert service.clear_credentials("dev") is True and service.clear_credentials("dev") is False


def test_a_form_that_changed_nothing_changes_nothing(service):
    env = service.add({"name": "dev", "region": "us-east-1", "variables": {"projectId": "p1", "token": CANARY}}).environment
    assert form_variables(env) == {"projectId": "p1", "token": MASK}
    shown = {"name": "dev", "region": "us-east-1", "account_id": "", "colour": "", "production": False,
             "host_overrides": {}, "credential_source": CredentialSource(), "ca_bundle": "",
             "variables": form_variables(env)}
    assert form_changes(env, shown) == {}
    service.remove("dev")
