"""A host NAME that resolves, at connect time, to a link-local or instance metadata address
is refused like the literal address is (issue 17): nothing is sent there. Names get their
addresses from a resolver handed to the transport (SendOptions.resolver): no DNS, no
network, the same code path a real lookup takes."""

from __future__ import annotations

import socket

import pytest

from workbench.core.environments.credentials import CredentialSource, Credentials
from workbench.core.environments.model import Environment
from workbench.core.request.drafts import AwsV4Auth, RequestDraft
from workbench.core.request.http import HttpRequest
from workbench.core.send.plan import build_plan, run_plan
from workbench.core.send.transport import POOL, ForbiddenAddress, SendOptions, send

from tests.helpers import fault_server as fs

KEYS = Credentials("AKIAIOSFODNN7EXAMPLE", "not-a-real-secret-EXAMPLE")


def resolver(table: dict[str, list[str]]):
    """getaddrinfo's answer for the names in `table`; anything else does not resolve."""

    def resolve(host: str, port: int):
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [((socket.AF_INET6 if ":" in a else socket.AF_INET), socket.SOCK_STREAM, 6, "",
                 (a, port) if ":" not in a else (a, port, 0, 0)) for a in table[host]]

    return resolve


@pytest.fixture(autouse=True)
def empty_pool():
    POOL.clear()
    yield
    POOL.clear()


@pytest.mark.parametrize("addresses, shown, why", [
    (["169.254.169.254"], "169.254.169.254", "an instance metadata address"),
    (["169.254.170.2"], "169.254.170.2", "an instance metadata address"),
    (["169.254.3.4"], "169.254.3.4", "a link-local address"),
    (["fd00:ec2::254"], "fd00:ec2::254", "an instance metadata address"),
    (["fe80::1"], "fe80::1", "a link-local address"),
    (["127.0.0.1", "169.254.169.254"], "169.254.169.254", "an instance metadata address"),  # one bad answer is enough
])
def test_a_name_that_resolves_to_a_forbidden_address_is_refused_before_connecting(addresses, shown, why):
    phases = []
    options = SendOptions(resolver=resolver({"meta.workbench.test": addresses}))
    with pytest.raises(ForbiddenAddress) as info:
        send(HttpRequest("GET", "https://meta.workbench.test/latest/meta-data/"), options, progress=phases.append)
    assert str(info.value) == (f"Refusing to connect to meta.workbench.test: it resolves to {shown}, {why}; "
                               "credentials never go there")
    error = info.value.to_dict()
    assert (error["code"], error["fields"]["reason"], error["remedy"]) == ("untrusted_destination", "forbidden_address", None)
    assert [p.phase for p in phases] == ["dns"]  # no connect was tried


def test_a_name_that_resolves_to_an_allowed_address_is_sent_to():
    with fs.FaultServer(fs.json_ok) as server:
        options = SendOptions(resolver=resolver({"api.workbench.test": ["127.0.0.1"]}))
        response = send(HttpRequest("GET", f"http://api.workbench.test:{server.port}/v1/apps"), options)
    assert response.status == 200 and server.requests[0].header("Host") == f"api.workbench.test:{server.port}"


def test_a_signed_send_to_such_a_name_is_refused_and_nothing_arrives():
    """The whole send: the plan lets the name through (it is not a literal address, and the
    user allowed any host); the connect-time check stops it; the listener hears nothing."""
    with fs.FaultServer(fs.json_ok) as server:
        env = Environment("dev", "us-east-1", credential_source=CredentialSource("process"))
        draft = RequestDraft(method="GET", url=f"https://meta.workbench.test:{server.port}/v1/apps",
                             auth=AwsV4Auth(signing_name="mobiletargeting", region="us-east-1"))
        plan = build_plan(draft, env)
        options = SendOptions(resolver=resolver({"meta.workbench.test": ["169.254.169.254"]}))
        exchange = run_plan(plan, credentials=KEYS, environ={}, options=options, allow_any_host=True)
    assert exchange.response is None and isinstance(exchange.error, ForbiddenAddress)
    assert server.connections == 0
