"""Sandbox fixtures: real servers on 127.0.0.1, boto3 clients pointed at them."""

from __future__ import annotations

import pytest
from sandbox_helpers import make_client

from workbench.core.sandbox.server import SandboxServer


@pytest.fixture(scope="session")
def sandbox():
    with SandboxServer() as server:
        yield server


@pytest.fixture(scope="session")
def tutorial_sandbox():
    with SandboxServer(tutorial_policy=True) as server:
        yield server


@pytest.fixture
def client(sandbox):
    return make_client(sandbox.url)


@pytest.fixture
def app(client):
    created = client.create_app(CreateApplicationRequest={"Name": "workbench-test"})
    return created["ApplicationResponse"]
