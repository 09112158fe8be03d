"""Fetch all pages against a real sandbox holding over a thousand items of each kind (phone
numbers, opt-out entries, apps): every item comes once, in order, whatever the page size;
--max-items stops exactly there and keeps the token to go on; a cancel keeps what came; the
fetch is one history entry with its pages."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from workbench.core.common.cancel import CancelToken
from workbench.core.library.paginators import compute, paginator_for, paginators
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox.server import SandboxServer
from workbench.core.send.pages import NotPaginated, PagingInputError, fetch_all_pages, merge
from workbench.core.send.service import SendService
from workbench.core.send.workspace import Workspace
from tests.helpers.sandbox_state import client, forget_moto_apps

NUMBERS, OPTED_OUT, APPS = 1030, 1010, 1003
COUNTRIES = ("GB", "DE", "FR", "AU")


@pytest.fixture(scope="module")
def sandbox():
    """A sandbox with 1,030 phone numbers, 1,010 opted-out numbers and 1,003 apps (made through
    its API by botocore clients, several at a time)."""
    forget_moto_apps()
    with SandboxServer() as server:
        sms = client(server.url, "pinpoint-sms-voice-v2")
        pinpoint = client(server.url, "pinpoint")
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda i: sms.request_phone_number(
                IsoCountryCode=COUNTRIES[i % 4], MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                NumberType="LONG_CODE"), range(NUMBERS)))
            list(pool.map(lambda i: sms.put_opted_out_number(OptOutListName="Default",
                                                             OptedOutNumber=f"+4477009{i:05d}"), range(OPTED_OUT)))
            list(pool.map(lambda i: pinpoint.create_app(CreateApplicationRequest={"Name": f"app-{i:04d}"}),
                          range(APPS)))
        yield server
    forget_moto_apps()  # moto's apps are process-wide: later tests list their own


@pytest.fixture
def session(sandbox, tmp_path):
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: sandbox.url)
    with SendService(workspace).open("sandbox") as opened:
        yield opened
    workspace.close()


NUMBERS_DRAFT = RequestDraft(operation="pinpoint-sms-voice-v2:DescribePhoneNumbers")
OPT_OUTS_DRAFT = RequestDraft(operation="pinpoint-sms-voice-v2:DescribeOptedOutNumbers",
                              body='{"OptOutListName": "Default"}')
APPS_DRAFT = RequestDraft(operation="pinpoint:GetApps")


def _ids(items, key):
    return [item[key] for item in items]


@pytest.mark.parametrize("draft, key, field, total, page_size", [
    (NUMBERS_DRAFT, "PhoneNumbers", "PhoneNumberId", NUMBERS, 10),   # divides 1,030
    (NUMBERS_DRAFT, "PhoneNumbers", "PhoneNumberId", NUMBERS, 47),   # does not
    (OPT_OUTS_DRAFT, "OptedOutNumbers", "OptedOutNumber", OPTED_OUT, 10),  # divides 1,010
    (OPT_OUTS_DRAFT, "OptedOutNumbers", "OptedOutNumber", OPTED_OUT, 64),
    (APPS_DRAFT, "Item", "Id", APPS, 17),   # 1,003 = 59 x 17
    (APPS_DRAFT, "Item", "Id", APPS, 250),
])
def test_every_item_comes_once_in_order_whatever_the_page_size(session, draft, key, field, total, page_size):
    result = fetch_all_pages(session, draft, page_size=page_size)
    assert result.complete and result.stopped is None
    assert len(result.pages) == -(-total // page_size)
    assert [p.items for p in result.pages[:-1]] == [page_size] * (len(result.pages) - 1)
    ids = _ids(result.merged[key], field)
    assert len(ids) == total == result.items and len(set(ids)) == total
    assert "NextToken" not in result.merged
    if draft is OPT_OUTS_DRAFT:  # a non-aggregate key comes from the first page, as the AWS CLI shows it
        assert result.merged["OptOutListName"] == "Default"
    # each page was its own signed send, with the token the page before it gave
    tokens = [p.asked_with for p in result.pages]
    assert tokens[0] is None and tokens[1:] == [p.next_token for p in result.pages[:-1]]
    assert result.pages[0].outcome.exchange.inspection.to_dict()["url"]  # what was signed, kept per page
    assert result.pages[-1].next_token is None


def test_pages_go_the_same_way_as_botocore_s_own_paginator(session, sandbox):
    theirs = client(sandbox.url, "pinpoint-sms-voice-v2").get_paginator("describe_phone_numbers") \
        .paginate(PaginationConfig={"PageSize": 47}).build_full_result()
    ours = fetch_all_pages(session, NUMBERS_DRAFT, page_size=47)
    assert _ids(ours.merged["PhoneNumbers"], "PhoneNumberId") == _ids(theirs["PhoneNumbers"], "PhoneNumberId")


@pytest.mark.parametrize("max_items, page_size, pages", [(150, 50, 3), (130, 50, 3), (7, None, 1), (1030, 100, 11)])
def test_max_items_stops_there_and_the_kept_token_goes_on_from_there(session, max_items, page_size, pages):
    result = fetch_all_pages(session, NUMBERS_DRAFT, page_size=page_size, max_items=max_items)
    assert result.items == max_items == len(result.merged["PhoneNumbers"])
    assert len(result.pages) == pages
    everything = fetch_all_pages(session, NUMBERS_DRAFT, page_size=100)
    expected = _ids(everything.merged["PhoneNumbers"], "PhoneNumberId")
    if max_items < NUMBERS:
        assert result.stopped == "max-items" and result.merged["NextToken"] == result.next_token
        rest = fetch_all_pages(session, RequestDraft(operation=NUMBERS_DRAFT.operation,
                                                     body=json.dumps({"NextToken": result.next_token})), page_size=100)
        assert _ids(result.merged["PhoneNumbers"] + rest.merged["PhoneNumbers"], "PhoneNumberId") == expected
    else:
        assert result.stopped in (None, "max-items") and len(expected) == NUMBERS


def test_a_rest_api_s_token_goes_in_the_query_and_the_rest_of_the_apps_follow_it(session):
    first = fetch_all_pages(session, APPS_DRAFT, page_size=100, max_items=300)
    assert first.stopped == "max-items" and first.items == 300
    assert "token=" in first.pages[1].outcome.exchange.inspection.url
    assert "page-size=100" in first.pages[0].outcome.exchange.inspection.url
    rest = fetch_all_pages(session, RequestDraft(operation="pinpoint:GetApps", query=(("token", first.next_token),)),
                           page_size=100)
    names = [a["Name"] for a in first.merged["Item"] + rest.merged["Item"]]
    assert len(names) == APPS and len(set(names)) == APPS


def test_a_cancel_mid_way_keeps_the_pages_that_came_and_where_to_go_on(session):
    cancel = CancelToken()
    seen = []

    def on_page(progress):
        seen.append((progress.pages, progress.items))
        if progress.pages == 4:
            cancel.cancel()

    result = fetch_all_pages(session, NUMBERS_DRAFT, page_size=25, cancel=cancel, on_page=on_page)
    assert result.stopped == "cancelled"
    assert len(result.pages) == 4 and result.items == 100 and seen[-1] == (4, 100)
    assert result.merged["NextToken"] == result.pages[-1].next_token
    with session.workspace.using("history") as history:
        kept = history.get(result.history_id)
        assert len(history.pages(result.history_id)) == 4
    assert len(json.loads(kept.response_body)["PhoneNumbers"]) == 100


def test_the_fetch_is_one_history_entry_with_its_pages(session):
    with session.workspace.using("history") as history:
        before = len(history.list(1000))
    result = fetch_all_pages(session, OPT_OUTS_DRAFT, page_size=100)
    with session.workspace.using("history") as history:
        entries = history.list(1000)
        pages = history.pages(result.history_id)
        counts = history.page_counts([e.id for e in entries])
    assert len(entries) == before + 1 and entries[0].id == result.history_id
    assert counts[result.history_id] == 11
    assert [(p.number, p.items, p.status) for p in pages] == [(n, 100, 200) for n in range(1, 11)] + [(11, 10, 200)]
    assert pages[0].next_token and pages[-1].next_token is None
    assert pages[0].inspection["method"] == "POST" and pages[0].response_body  # each page inspectable
    with session.workspace.using("history") as history:
        kept = history.get(entries[0].id)
    assert len(json.loads(kept.response_body)["OptedOutNumbers"]) == OPTED_OUT


def test_a_page_that_fails_stops_the_fetch_and_is_kept_with_its_diagnosis(session):
    draft = RequestDraft(operation="pinpoint-sms-voice-v2:DescribeOptedOutNumbers", body='{"OptOutListName": "Nope"}')
    result = fetch_all_pages(session, draft)
    assert result.stopped == "failed" and len(result.pages) == 1
    failed = result.failed_page.outcome
    assert failed.exchange.response.status == 400 and failed.diagnoses
    with session.workspace.using("history") as history:
        assert history.get(result.history_id).status == 400


def test_bad_input_is_refused_before_anything_is_sent(session):
    with pytest.raises(NotPaginated, match="pinpoint:CreateApp is not paginated"):
        fetch_all_pages(session, RequestDraft(operation="pinpoint:CreateApp", body='{"Name": "x"}'))
    with pytest.raises(PagingInputError, match="the page size must be 1 or more"):
        fetch_all_pages(session, NUMBERS_DRAFT, page_size=0)
    with pytest.raises(PagingInputError, match="MaxResults is at most 100"):
        fetch_all_pages(session, NUMBERS_DRAFT, page_size=1000)


def test_merging_follows_botocore_build_full_result():
    paginator = paginator_for("pinpoint-sms-voice-v2", "DescribeOptedOutNumbers")
    pages = [{"OptOutListName": "A", "OptedOutNumbers": [1, 2], "NextToken": "t", "Other": 1},
             {"OptOutListName": "B", "OptedOutNumbers": [3]}]
    assert merge(pages, paginator) == {"OptedOutNumbers": [1, 2, 3], "OptOutListName": "A"}


def test_the_kept_paginator_facts_are_botocore_s():
    for api in ("pinpoint", "pinpoint-sms-voice-v2", "pinpoint-sms-voice", "pinpoint-email"):
        assert {name: p.to_dict() for name, p in compute(api).items()} == \
               {name: p.to_dict() for name, p in paginators(api).items()}, "regenerate resources/paginators.json"
    assert paginator_for("pinpoint", "GetApps").derived and not paginator_for("pinpoint", "CreateApp")
    assert paginator_for("pinpoint-email", "ListEmailIdentities").limit_key == "PageSize"


def test_many_fetches_at_once_each_get_their_own_pages(session):
    results = {}

    def fetch(size):
        results[size] = fetch_all_pages(session, NUMBERS_DRAFT, page_size=size, record=False)

    threads = [threading.Thread(target=fetch, args=(size,)) for size in (30, 70, 100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {size: r.items for size, r in results.items()} == {30: NUMBERS, 70: NUMBERS, 100: NUMBERS}
