"""The support engineer's kit in the window: Tools -> Account health (findings grouped by
area, evidence on click, export), Request -> Fetch all pages (pages listed and inspectable,
cancel keeps what came), Sandbox -> Scenarios (load, refuse a damaged file, unload), and a
reproduction bundle reproduced in the sandbox. Real widgets, a real sandbox, item models
checked with qtmodeltester."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QAction

from workbench.core.interop.bundle import bundle_from_exchange
from workbench.core.request.drafts import RequestDraft
from workbench.core.sandbox import scenarios
from workbench.core.sandbox.server import SandboxServer
from workbench.ui.models.health_model import FINDING_ROLE
from workbench.ui.models.pages_model import PAGE_ROLE
from tests.helpers.sandbox_state import client, forget_moto_apps
from ui_helpers import make_context, status_text


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """A kept sandbox whose folder is the one the window's environment names: scenarios
    loaded from the window reach it."""
    base = tmp_path_factory.mktemp("support-sandbox")
    with SandboxServer(data_dir=base / "sandbox") as server:
        yield server, base


@pytest.fixture
def window(open_window, tmp_path, shared):
    server, base = shared
    scenarios.clear(server.data_dir)
    forget_moto_apps()
    window = open_window(make_context(tmp_path, server.url, PINPOINT_WORKBENCH_DATA_DIR=str(base)))
    yield window
    scenarios.clear(server.data_dir)
    forget_moto_apps()


def trigger(window, name: str) -> None:
    window.findChild(QAction, name).trigger()


def test_account_health_groups_findings_and_shows_the_evidence(qtbot, qtmodeltester, window, tmp_path):
    trigger(window, "healthAction")
    view = window.extras.support.health
    assert view.isVisible() and view.environment.currentText() == "sandbox"
    qtbot.mouseClick(view.run_button, qtbot_left())
    qtbot.waitUntil(lambda: view.report is not None, timeout=60000)
    qtmodeltester.check(view.model)
    areas = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert areas[0].startswith("SMS and voice v2 (") and any(a.startswith("Pinpoint projects (") for a in areas)
    assert view.summary.text().startswith("sandbox (us-east-1): 0 errors, ")  # plural forms
    sms = view.model.index(0, 0)
    tier = next(view.model.index(r, 0, sms) for r in range(view.model.rowCount(sms))
                if view.model.index(r, 0, sms).data(FINDING_ROLE).code == "sms-tier-sandbox")
    view.tree.setCurrentIndex(tier)
    text = view.details.toPlainText()
    assert "DescribeAccountAttributes $.AccountAttributes[0].Value = SANDBOX" in text
    assert "troubleshooting guide: " in text
    with qtbot.waitSignal(view.guide_requested) as asked:
        view._follow(type("Url", (), {"toString": lambda self: "guide:sms-sandbox-unverified-destination"})())
    assert asked.args == ["sms-sandbox-unverified-destination"]
    target = tmp_path / "report.html"
    view.write("html", str(target))
    qtbot.waitUntil(lambda: "exported to" in view.summary.text(), timeout=10000)
    assert "Account health of sandbox" in target.read_text()


def test_account_health_cancel_leaves_no_report(qtbot, window, shared):
    server, _ = shared
    scenarios.load(server.data_dir, [scenarios.Scenario("slow", _rules(
        {"match": {"operation": "pinpoint:GetApps"}, "fault": {"kind": "latency", "seconds": 20}}))])
    view = window.extras.support.open_health()
    view.run()
    qtbot.waitUntil(lambda: view.progress.value() >= 3, timeout=30000)
    view.cancel()
    qtbot.waitUntil(lambda: view.run_button.isEnabled(), timeout=30000)
    assert view.summary.text() == "Cancelled: no report." and view.report is None


def test_fetch_all_pages_lists_the_pages_and_keeps_the_merged_result(qtbot, qtmodeltester, window, shared):
    server, _ = shared
    pinpoint = client(server.url, "pinpoint")
    for i in range(7):
        pinpoint.create_app(CreateApplicationRequest={"Name": f"page-app-{i}"})
    window.open_draft(RequestDraft(operation="pinpoint:GetApps"))
    trigger(window, "fetchPagesAction")
    view = window.extras.support.fetches[-1]
    qtbot.waitUntil(lambda: view.result is not None, timeout=30000)
    view.page_size.setValue(3)
    qtbot.mouseClick(view.fetch_button, qtbot_left())
    qtbot.waitUntil(lambda: view.fetch_button.isEnabled() and view.model.rowCount() == 3, timeout=30000)
    qtmodeltester.check(view.model)
    assert view.status.text().startswith("3 pages, 7 items (every page; history #")
    assert len(json.loads(view.merged.toPlainText())["Item"]) == 7
    view.pages.setCurrentIndex(view.model.index(1, 0))
    assert view.model.index(1, 0).data(PAGE_ROLE).number == 2
    assert "token=" in view.page_detail.toPlainText() and "HTTP 200" in view.page_detail.toPlainText()


def test_fetch_all_pages_cancelled_keeps_the_pages_that_came(qtbot, window, shared):
    server, _ = shared
    pinpoint = client(server.url, "pinpoint")
    for i in range(4):
        pinpoint.create_app(CreateApplicationRequest={"Name": f"slow-app-{i}"})
    scenarios.load(server.data_dir, [scenarios.Scenario("slow-pages", _rules(
        {"match": {"operation": "pinpoint:GetApps", "query": {"token": "*"}}, "fault": {"kind": "latency", "seconds": 20}}))])
    window.open_draft(RequestDraft(operation="pinpoint:GetApps", variables=(("pageSize", "2"),)))
    view = window.extras.support.fetch_all_pages()
    qtbot.waitUntil(lambda: "1 page" in view.status.text(), timeout=30000)
    qtbot.mouseClick(view.cancel_button, qtbot_left())
    qtbot.waitUntil(lambda: view.result is not None, timeout=30000)
    assert view.result.stopped == "cancelled" and view.model.rowCount() == 1
    assert "cancelled: the pages that came are kept" in view.status.text()


def test_a_request_that_does_not_page_is_said_so(window):
    window.open_draft(RequestDraft(operation="pinpoint:CreateApp"))
    assert window.extras.support.fetch_all_pages() is None
    assert "is not paginated" in window.statusBar().currentMessage()


def test_scenarios_load_refuse_and_unload(qtbot, qtmodeltester, window, tmp_path):
    trigger(window, "sandboxScenariosAction")
    dialog = window.extras.support.scenarios
    qtbot.waitUntil(lambda: dialog.shipped.count() >= 6, timeout=10000)
    dialog.shipped.setCurrentText("throttling")
    qtbot.mouseClick(dialog.load_shipped, qtbot_left())
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    qtmodeltester.check(dialog.model)
    assert dialog.message.text() == "loaded throttling"
    assert "sms-voice-v2-sends: api=pinpoint-sms-voice-v2" in dialog.rules.toPlainText()
    bad = tmp_path / "bad.json"
    bad.write_text('{"rules": [{"answer": {"status": "teapot"}}]}')
    dialog.load(str(bad))
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Not loaded"), timeout=10000)
    assert "rules[0].answer.status: expected an HTTP status" in dialog.message.text()
    assert dialog.model.rowCount() == 1
    qtbot.mouseClick(dialog.clear_all, qtbot_left())
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=10000)


def test_a_bundle_is_reproduced_in_the_sandbox(qtbot, window, shared, tmp_path):
    from workbench.core.send.service import SendService
    from workbench.core.send.workspace import Workspace

    server, _ = shared
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_DATA_HOME": str(tmp_path / "d"), "HOME": str(tmp_path / "h"),
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    workspace = Workspace.from_environ(environ, sandbox_url=lambda: server.url)
    draft = RequestDraft(operation="pinpoint-sms-voice-v2:SendTextMessage",
                         body=json.dumps({"DestinationPhoneNumber": "+12065550100", "MessageBody": "hi"}))
    outcome = SendService(workspace).send("sandbox", draft)
    workspace.close()
    assert outcome.exchange.response.status == 400  # the customer's refusal
    path = tmp_path / "customer.json"
    path.write_text(json.dumps(bundle_from_exchange(outcome.plan, outcome.exchange)))
    dialog = window.extras.support.open_bundle(str(path))
    qtbot.waitUntil(lambda: dialog.reproduce_button.isEnabled(), timeout=10000)
    assert "pinpoint-sms-voice-v2:SendTextMessage" in dialog.summary.toPlainText()
    before = window.tabs.count()
    qtbot.mouseClick(dialog.reproduce_button, qtbot_left())
    qtbot.waitUntil(lambda: window.tabs.count() == before + 1, timeout=10000)
    tab = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: status_text(tab).startswith("400"), timeout=30000)
    assert [s.name for s in scenarios.loaded(server.data_dir)] == ["customer"]


def _rules(*items):
    from workbench.core.sandbox.scenario_rules import read_rules

    return read_rules(list(items), "test")


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
