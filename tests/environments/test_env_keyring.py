"""KeyringCredentialStore against a real Secret Service (gnome-keyring, private D-Bus)."""

from __future__ import annotations

import pytest

from workbench.core.environments.credentials import Credentials, KeyringCredentialStore, resolve_credentials
from workbench.core.environments.model import Environment

pytestmark = pytest.mark.keyring


def test_store_read_delete(keyring_store, secret_service, keyring_service_name):
    creds = Credentials("AKIAIOSFODNN7EXAMPLE", "real-keyring-secret", "real-keyring-token")
    keyring_store.set("dev", creds)

    fresh = KeyringCredentialStore(keyring_service_name, backend=secret_service.backend)
    assert fresh.get("dev") == Credentials("AKIAIOSFODNN7EXAMPLE", "real-keyring-secret", "real-keyring-token", "keyring")
    assert resolve_credentials(Environment("dev", "us-east-1"), fresh, {}).session_token == "real-keyring-token"
    # straight through keyring: one entry, the environment's name as the user name
    assert "real-keyring-secret" in secret_service.backend.get_password(keyring_service_name, "dev")

    assert fresh.clear("dev") is True
    assert secret_service.backend.get_password(keyring_service_name, "dev") is None
    assert KeyringCredentialStore(keyring_service_name, backend=secret_service.backend).get("dev") is None
    assert fresh.clear("dev") is False


def test_environments_are_separate_entries(keyring_store):
    keyring_store.set("a", Credentials("AKIAEXAMPLEAAAAAAAAA", "secret-a"))
    keyring_store.set("Amazon Pinpoint - US East (N. Virginia)", Credentials("AKIAEXAMPLEBBBBBBBBB", "secret-b"))
    assert keyring_store.get("a").secret_access_key == "secret-a"
    assert keyring_store.get("Amazon Pinpoint - US East (N. Virginia)").secret_access_key == "secret-b"
    keyring_store.clear("a")
    assert keyring_store.get("a") is None
    assert keyring_store.get("Amazon Pinpoint - US East (N. Virginia)").access_key_id == "AKIAEXAMPLEBBBBBBBBB"
    keyring_store.clear("Amazon Pinpoint - US East (N. Virginia)")


def test_selected_from_environ(secret_service, keyring_env):
    store = KeyringCredentialStore.from_environ(keyring_env)
    assert type(store.backend).__module__ == "keyring.backends.SecretService"
    store.check()
