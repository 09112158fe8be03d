"""core.compare on real sends to the sandbox: the same GetApps in two environments."""

from __future__ import annotations

import pytest

from workbench.core.send.compare import compare
from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import sandbox_environment
from workbench.core.library.templates import default_library
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.sandbox.server import SandboxServer


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer() as server:
        yield server


def send(draft, env, environ):
    return run_plan(build_plan(draft, env, library=default_library()), environ=environ)


def test_the_same_request_in_two_environments_marks_what_differs(sandbox, tmp_path):
    environ = {"HOME": str(tmp_path)}
    env = sandbox_environment(sandbox.url)
    ok = send(RequestDraft(name="GetApps", operation="pinpoint:GetApps"), env, environ)
    missing = send(RequestDraft(name="GetApp", operation="pinpoint:GetApp", variables={"projectId": "nope"}), env, environ)
    result = compare(ok, missing)
    assert (result.status.left, result.status.right) == ("200 OK", "404 Not Found")
    assert result.status.differs
    signing = {row.name: row for row in result.signing}
    assert not signing["region"].differs and not signing["credential scope"].differs
    assert signing["path"].differs and signing["path"].right == "/v1/apps/nope"
    assert any(line.differs for line in result.body)
    assert result.differences >= 3
    date = [row for row in result.headers if row.name == "date"]
    assert not date or date[0].expected_to_differ


def test_an_exchange_compared_with_itself_has_no_difference(sandbox, tmp_path):
    env = sandbox_environment(sandbox.url)
    exchange = send(RequestDraft(name="GetApps", operation="pinpoint:GetApps"), env, {"HOME": str(tmp_path)})
    result = compare(exchange, exchange)
    assert result.differences == 0
    assert result.notes == ("both sides used the same environment",)
