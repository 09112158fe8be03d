"""Fetch all pages per item against botocore's own paginator, same sandbox, same run.

    .venv/bin/python benchmarks/bench_pages.py [ROUNDS]

One in-process `SandboxServer` holding 500 phone numbers and 300 apps (made through its API).
Each round fetches every item once per way, in a rotated order:

  botocore   a botocore client's paginator (`get_paginator("describe_phone_numbers")`,
             `build_full_result()`): serialize, sign, send over a pooled connection, parse,
             follow NextToken, merge;
  workbench  `core.send.pages.fetch_all_pages` through the send service: per page plan
             (render + validate), sign, send, diagnose; the merge; the fetch kept in the
             history as one entry with its pages.

For GetApps, which botocore gives no paginator, the botocore side is botocore's own
`Paginator` class built from the facts the workbench derives (resources/paginators.json).
Printed: median / p95 per item for each way and the ratio to botocore. Nothing is asserted.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import botocore.session
from botocore.paginate import Paginator

from workbench.core.environments.sandbox_identity import (SANDBOX_ACCESS_KEY_ID, SANDBOX_REGION,
                                                          SANDBOX_SECRET_ACCESS_KEY)
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox.server import SandboxServer
from workbench.core.send.pages import fetch_all_pages
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
NUMBERS, APPS, PAGE = 500, 300, 50


def clients(url: str):
    session = botocore.session.get_session()
    make = lambda api: session.create_client(api, endpoint_url=url, region_name=SANDBOX_REGION,  # noqa: E731
                                             aws_access_key_id=SANDBOX_ACCESS_KEY_ID,
                                             aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY)
    return make("pinpoint-sms-voice-v2"), make("pinpoint")


def seed(sms, pinpoint) -> None:
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: sms.request_phone_number(IsoCountryCode=("GB", "DE", "FR", "AU")[i % 4],
                                                         MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                                         NumberType="LONG_CODE"), range(NUMBERS)))
        list(pool.map(lambda i: pinpoint.create_app(CreateApplicationRequest={"Name": f"bench-{i}"}), range(APPS)))


def apps_paginator(pinpoint) -> Paginator:
    config = {"input_token": "Token", "output_token": "ApplicationsResponse.NextToken",
              "result_key": "ApplicationsResponse.Item", "limit_key": "PageSize"}
    return Paginator(pinpoint.get_apps, config, pinpoint.meta.service_model.operation_model("GetApps"))


def timed(work) -> float:
    gc.disable()
    try:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started
    finally:
        gc.enable()


def report(name: str, items: int, times: dict) -> None:
    floor = statistics.median(times["botocore"]) / items
    print(f"\n{name}: {items} items, pages of {PAGE}, {ROUNDS} rounds")
    for way, values in times.items():
        per_item = sorted(v / items * 1e6 for v in values)
        median, p95 = statistics.median(per_item), per_item[int(0.95 * (len(per_item) - 1))]
        print(f"  {way:<10} median {median:8.1f} us/item   p95 {p95:8.1f} us/item   "
              f"{median / (floor * 1e6):5.2f}x botocore")


def main() -> None:
    with SandboxServer() as server, tempfile.TemporaryDirectory() as home:
        sms, pinpoint = clients(server.url)
        seed(sms, pinpoint)
        apps_total = len(pinpoint.get_apps()["ApplicationsResponse"]["Item"])
        environ = {"XDG_CONFIG_HOME": f"{home}/c", "XDG_DATA_HOME": f"{home}/d", "HOME": home,
                   "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        workspace = Workspace.from_environ(environ, sandbox_url=lambda: server.url)
        service = SendService(workspace)

        def fetch(draft):  # one session per fetch, as `send --all-pages` opens one per command
            with service.open("sandbox") as session:
                return fetch_all_pages(session, draft, page_size=PAGE)

        numbers_draft = RequestDraft(operation="pinpoint-sms-voice-v2:DescribePhoneNumbers")
        apps_draft = RequestDraft(operation="pinpoint:GetApps")
        cases = {
            "DescribePhoneNumbers": (NUMBERS, {
                "botocore": lambda: sms.get_paginator("describe_phone_numbers").paginate(
                    PaginationConfig={"PageSize": PAGE}).build_full_result(),
                "workbench": lambda: fetch(numbers_draft)}),
            "GetApps": (apps_total, {
                "botocore": lambda: apps_paginator(pinpoint).paginate(PaginationConfig={"PageSize": PAGE}).build_full_result(),
                "workbench": lambda: fetch(apps_draft)}),
        }
        for name, (items, ways) in cases.items():
            for work in ways.values():  # warm up: connections, models, templates
                work()
            times = {way: [] for way in ways}
            order = list(ways)
            for round_ in range(ROUNDS):
                for way in order[round_ % 2:] + order[:round_ % 2]:
                    times[way].append(timed(ways[way]))
            report(name, items, times)
        workspace.close()


if __name__ == "__main__":
    main()
