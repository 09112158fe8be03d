"""Fixtures for the interop tests: a local sandbox, and no kept sandbox left after a CLI run
(collections shaped like the official one: tests/helpers/postman_shapes.py)."""

from __future__ import annotations

import pytest

from workbench.core.environments.model import sandbox_environment
from workbench.core.sandbox.server import SandboxServer

@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield sandbox_environment(server.url)


@pytest.fixture(autouse=True)
def stop_kept_sandbox(run_cli):
    """A command sent to the sandbox starts the kept background one (in this test's own data
    dir); stop it after the test so no process outlives it."""
    yield
    run_cli("sandbox", "stop")
