"""Fixtures for environment and credential tests: a real Secret Service, isolated.

`secret_service` starts gnome-keyring-daemon inside the private D-Bus session that
`tools/run-tests` provides (dbus-run-session), with a throwaway HOME / XDG_DATA_HOME so it
never touches a real keyring, creates and unlocks its login collection from stdin, and
hands out keyring's SecretService backend, selected explicitly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbench.core.environments.credentials import KeyringCredentialStore

SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"


@dataclass
class SecretServiceHandle:
    backend: object  # keyring.backends.SecretService.Keyring
    data_dir: Path  # where this gnome-keyring keeps its (encrypted) files


def _name_has_owner(name: str) -> bool:
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(bus="SESSION") as conn:
        reply = conn.send_and_get_reply(message_bus.NameHasOwner(name), timeout=5)
    return bool(reply.body[0])


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory):
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip("needs a private D-Bus session: run the tests with tools/run-tests (dbus-run-session)")
    daemon = shutil.which("gnome-keyring-daemon")
    if daemon is None:
        pytest.skip("gnome-keyring-daemon is not installed (tools/run-tests installs it)")
    if _name_has_owner("org.freedesktop.secrets"):
        pytest.skip("a Secret Service already runs on this D-Bus session; refusing to use a real keyring")

    base = tmp_path_factory.mktemp("gnome-keyring")
    runtime = base / "run"
    runtime.mkdir(mode=0o700)
    env = dict(
        os.environ,
        HOME=str(base / "home"),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    proc = subprocess.Popen(
        [daemon, "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        proc.stdin.write(b"workbench-test-login-password")  # creates + unlocks "login"
        proc.stdin.close()
        deadline = time.monotonic() + 15
        while not _name_has_owner("org.freedesktop.secrets"):
            if proc.poll() is not None:
                pytest.fail(f"gnome-keyring-daemon exited with {proc.returncode}")
            if time.monotonic() > deadline:
                pytest.fail("gnome-keyring-daemon did not register org.freedesktop.secrets in 15 s")
            time.sleep(0.05)

        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        yield SecretServiceHandle(backend, base / "data")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def keyring_service_name():
    return f"pinpoint-workbench-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def keyring_store(secret_service, keyring_service_name):
    """A KeyringCredentialStore on the real (private) Secret Service, own service name."""

    return KeyringCredentialStore(keyring_service_name, backend=secret_service.backend)


@pytest.fixture
def keyring_env(secret_service, keyring_service_name):
    """Environment variables that point the CLI at the private Secret Service."""

    return {
        "PYTHON_KEYRING_BACKEND": SECRET_SERVICE_BACKEND,
        "PINPOINT_WORKBENCH_KEYRING_SERVICE": keyring_service_name,
    }


@pytest.fixture
def no_keyring_env():
    """Environment variables that give the CLI keyring's 'fail' backend (no keyring at all)."""

    return {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


class CountingKeyring:
    """An in-memory keyring backend that counts reads (for unit tests of the cache)."""

    priority = 1

    def __init__(self):
        self.items: dict[tuple[str, str], str] = {}
        self.reads = 0

    def get_password(self, service, username):
        self.reads += 1
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@pytest.fixture
def memory_keyring():
    return CountingKeyring()
