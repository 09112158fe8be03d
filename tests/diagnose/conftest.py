"""Diagnosis fixtures: the real sandbox front (as tests/sandbox starts it) and a helper that
sends one signed request to it, optionally tampering with it after signing."""

from __future__ import annotations

import os

import pytest

from workbench.core.sandbox.server import SandboxServer


@pytest.fixture
def no_sandbox_left_behind(run_cli):
    """A CLI send to the sandbox may start the kept background sandbox: stop it after the test
    (run_cli's isolated directories are in os.environ until its teardown)."""
    yield
    from workbench.core.sandbox.background import stop_background

    stop_background(dict(os.environ))


@pytest.fixture(scope="session")
def sandbox():
    with SandboxServer() as server:
        yield server


@pytest.fixture(scope="session")
def tutorial_sandbox():
    with SandboxServer(tutorial_policy=True) as server:
        yield server
