"""credentials.py without a Secret Service: store rules, profiles, resolution."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from workbench.core.environments.credentials import (
    Credentials,
    CredentialSource,
    CredentialsMissing,
    KeyringCredentialStore,
    KeyringUnavailable,
    ProfileError,
    SessionCredentialStore,
    list_profiles,
    mask_access_key_id,
    resolve_credentials,
    select_backend,
)
from workbench.core.environments.model import Environment, sandbox_environment
from workbench.core.environments.credentials import SANDBOX_CREDENTIALS

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def test_credentials_repr_hides_secrets():
    creds = Credentials(KEY_ID, SECRET, "token-123", "keyring")
    assert SECRET not in repr(creds) and "token-123" not in repr(creds)
    assert mask_access_key_id(KEY_ID) == "AKIA************MPLE"


def test_keyring_store_caches_reads(memory_keyring):
    store = KeyringCredentialStore("svc", backend=memory_keyring)
    assert store.get("dev") is None
    assert store.get("dev") is None
    assert memory_keyring.reads == 1  # misses are cached too
    store.set("dev", Credentials(KEY_ID, SECRET, "tok"))
    assert json.loads(memory_keyring.items[("svc", "dev")]) == {
        "access_key_id": KEY_ID,
        "secret_access_key": SECRET,
        "session_token": "tok",
    }
    fresh = KeyringCredentialStore("svc", backend=memory_keyring)
    for _ in range(3):
        assert fresh.get("dev") == Credentials(KEY_ID, SECRET, "tok", "keyring")
    assert memory_keyring.reads == 2
    assert fresh.clear("dev") is True
    assert fresh.clear("dev") is False
    assert fresh.get("dev") is None


def test_keyring_entry_in_a_foreign_format(memory_keyring):
    memory_keyring.items[("svc", "dev")] = "just-a-password"
    with pytest.raises(Exception) as excinfo:
        KeyringCredentialStore("svc", backend=memory_keyring).get("dev")
    assert "just-a-password" not in str(excinfo.value)
    assert excinfo.value.remedy == "store_credentials:dev"


def test_no_keyring_backend_gives_the_choices():
    from keyring.backends import fail

    with pytest.raises(KeyringUnavailable) as excinfo:
        KeyringCredentialStore("svc", backend=fail.Keyring()).get("dev")
    message = str(excinfo.value)
    assert message.startswith("The OS keyring is not usable: no keyring backend is available")
    assert "gnome-keyring" in message
    assert "use an AWS profile instead" in message
    assert "pinpoint-workbench" not in message and "--" not in message  # no command-line wording in core
    assert "memory for this session only" in message
    assert "never falls back to storing secrets in a file" in message


def test_file_backends_are_refused():
    class PlaintextKeyring:  # what keyrings.alt.file.PlaintextKeyring looks like
        priority = 0.5

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    with pytest.raises(KeyringUnavailable, match="stores secrets in a file"):
        select_backend(PlaintextKeyring())


def test_chainer_never_falls_through_to_a_file(monkeypatch, memory_keyring):
    from keyring.backends import chainer

    class EncryptedKeyring:
        priority = 0.6

    EncryptedKeyring.__module__ = "keyrings.alt.file"
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [EncryptedKeyring(), memory_keyring])
    assert select_backend(chainer.ChainerBackend()) is memory_keyring
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [EncryptedKeyring()])
    with pytest.raises(KeyringUnavailable, match="stores secrets in a file"):
        select_backend(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    with pytest.raises(KeyringUnavailable, match="the keyring chain is empty"):
        select_backend(chainer.ChainerBackend())


def test_locked_keyring_is_unavailable(memory_keyring):
    from keyring.errors import KeyringLocked

    def locked(*args):
        raise KeyringLocked("Failed to unlock the collection!")

    memory_keyring.get_password = locked
    with pytest.raises(KeyringUnavailable, match="KeyringLocked: Failed to unlock the collection!"):
        KeyringCredentialStore("svc", backend=memory_keyring).get("dev")


def test_session_store_is_memory_only():
    store = SessionCredentialStore()
    store.set("dev", Credentials(KEY_ID, SECRET))
    assert store.get("dev").source == "session memory"
    assert resolve_credentials(Environment("dev", "us-east-1"), store, {}).secret_access_key == SECRET
    assert store.clear("dev") and store.get("dev") is None


def test_resolve_keyring_missing(memory_keyring):
    store = KeyringCredentialStore("svc", backend=memory_keyring)
    with pytest.raises(CredentialsMissing, match="no credentials stored for environment 'dev'") as excinfo:
        resolve_credentials(Environment("dev", "us-east-1"), store, {})
    assert excinfo.value.remedy == "store_credentials:dev"
    assert excinfo.value.to_dict()["fields"] == {"environment": "dev"}


def test_resolve_process_environment():
    env = Environment("ci", "us-east-1", credential_source=CredentialSource("process"))
    creds = resolve_credentials(
        env, None, {"AWS_ACCESS_KEY_ID": KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET, "AWS_SESSION_TOKEN": "t"}
    )
    assert creds == Credentials(KEY_ID, SECRET, "t", "process environment")
    with pytest.raises(CredentialsMissing, match="but AWS_SECRET_ACCESS_KEY is not set"):
        resolve_credentials(env, None, {"AWS_ACCESS_KEY_ID": KEY_ID})


def test_resolve_sandbox():
    assert resolve_credentials(sandbox_environment(), None, {}) is SANDBOX_CREDENTIALS


# --------------------------------------------------------------------------- profiles


@pytest.fixture
def aws_environ(tmp_path):
    """A private AWS config with static, assume-role, process and broken profiles."""

    script = tmp_path / "cred_process.py"
    script.write_text(
        textwrap.dedent(
            """\
            import json
            print(json.dumps({"Version": 1, "AccessKeyId": "AKIAPROCESSEXAMPLE01",
                              "SecretAccessKey": "process-secret", "SessionToken": "process-token"}))
            """
        )
    )
    failing = tmp_path / "cred_fail.py"
    failing.write_text("import sys\nsys.stderr.write('token expired\\n')\nsys.exit(3)\n")
    config = tmp_path / "aws" / "config"
    config.parent.mkdir()
    config.write_text(
        textwrap.dedent(
            f"""\
            [default]
            region = us-east-1

            [profile static]
            aws_access_key_id = AKIASTATICEXAMPLE001
            aws_secret_access_key = static-secret

            [profile role]
            role_arn = arn:aws:iam::123456789012:role/PinpointTester
            source_profile = static
            # an unreachable STS, so the test never leaves this machine
            endpoint_url = http://127.0.0.1:9
            max_attempts = 1
            connect_timeout = 1

            [profile process]
            credential_process = {sys.executable} {script}

            [profile process-broken]
            credential_process = {sys.executable} {failing}

            [profile half]
            aws_access_key_id = AKIAHALFEXAMPLE00001

            [profile sso]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Dev

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            """
        )
    )
    shared = tmp_path / "aws" / "credentials"
    shared.write_text("[shared]\naws_access_key_id = AKIASHAREDEXAMPLE001\naws_secret_access_key = shared-secret\n")
    return {
        "HOME": str(tmp_path / "home"),
        "AWS_CONFIG_FILE": str(config),
        "AWS_SHARED_CREDENTIALS_FILE": str(shared),
    }


def profile_env(name: str) -> Environment:
    return Environment("p", "us-east-1", credential_source=CredentialSource("profile", name))


def test_list_profiles(aws_environ):
    assert [str(p) for p in list_profiles(aws_environ)] == [
        "default (other)",
        "half (static)",
        "process (process)",
        "process-broken (process)",
        "role (assume-role)",
        "shared (static)",
        "sso (sso)",
        "static (static)",
    ]


def test_static_profiles(aws_environ):
    assert resolve_credentials(profile_env("static"), None, aws_environ) == Credentials(
        "AKIASTATICEXAMPLE001", "static-secret", None, "profile static"
    )
    assert resolve_credentials(profile_env("shared"), None, aws_environ).secret_access_key == "shared-secret"


def test_credential_process_profile(aws_environ):
    creds = resolve_credentials(profile_env("process"), None, aws_environ)
    assert creds == Credentials("AKIAPROCESSEXAMPLE01", "process-secret", "process-token", "profile process")


def test_assume_role_profile_needs_sts_and_says_so(aws_environ):
    with pytest.raises(ProfileError) as excinfo:
        resolve_credentials(profile_env("role"), None, aws_environ)
    message = str(excinfo.value)
    assert message.startswith("AWS profile 'role' cannot be used: could not reach the credentials endpoint")
    assert "127.0.0.1:9" in message


@pytest.mark.parametrize(
    "profile, detail",
    [
        ("nope", "no such profile in "),
        ("half", "Partial credentials found in config-file, missing: aws_secret_access_key"),
        ("process-broken", "token expired"),
        ("default", "it defines no credentials"),
    ],
)
def test_broken_profiles_name_the_profile(aws_environ, profile, detail):
    with pytest.raises(ProfileError) as excinfo:
        resolve_credentials(profile_env(profile), None, aws_environ)
    assert str(excinfo.value).startswith(f"AWS profile {profile!r} cannot be used: ")
    assert detail in str(excinfo.value)


@pytest.fixture
def container_credentials_server(monkeypatch):
    """A loopback server answering like the ECS container credentials endpoint, announced to
    botocore through the process environment, where an instance/container role would be."""
    import http.server
    import json
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({"AccessKeyId": "AKIACONTAINEREXAMPLE", "SecretAccessKey": "container-secret",
                               "Token": "container-token", "Expiration": "2099-01-01T00:00:00Z"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"http://127.0.0.1:{server.server_port}/creds")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAENVEXAMPLE000001")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "env-secret")
    yield
    server.shutdown()
    server.server_close()


def test_a_profile_without_credentials_never_becomes_the_machines_role_or_keys(aws_environ, container_credentials_server):
    # botocore would find the container role (or the process's keys) here; a named profile must not
    with pytest.raises(ProfileError, match="it defines no credentials"):
        resolve_credentials(profile_env("default"), None, aws_environ)
    assert resolve_credentials(profile_env("static"), None, aws_environ).access_key_id == "AKIASTATICEXAMPLE001"
