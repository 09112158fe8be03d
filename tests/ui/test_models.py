"""Every item model passes Qt's model tester, and shows what the pane promises."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from workbench.core.send.history import HistoryEntry
from workbench.core.request.drafts import RequestDraft
from workbench.core.library.templates import default_library
from workbench.core.library.index import build_entries, search_keys
from workbench.ui.models.history_model import HistoryFilter, HistoryModel
from workbench.ui.models.json_tree_model import BATCH, PATH_ROLE, JsonTreeModel
from workbench.ui.models.key_value_model import KeyValueModel
from workbench.ui.models.library_tree_model import ENTRY_ROLE, LibraryTreeModel

ENTRIES = build_entries(default_library(), frozenset({("pinpoint", "GetApps")}))


def test_library_tree_and_its_search(qtmodeltester):
    model = LibraryTreeModel()
    model.set_entries(ENTRIES)
    qtmodeltester.check(model)
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {
        "pinpoint", "pinpoint-email", "pinpoint-sms-voice", "pinpoint-sms-voice-v2"}

    for query, expected in (("get-apps", "pinpoint:GetApps"),  # the AWS CLI name
                            ("/v1/apps/{{ projectId }}/campaigns", "pinpoint:GetCampaigns"),  # the path
                            ("phone number pools", "pinpoint-sms-voice-v2:DescribePools")):  # the description
        keys = search_keys(ENTRIES, query)
        assert model.show_only(keys)
        qtmodeltester.check(model)
        assert expected in _leaf_keys(model), query
        assert _leaf_keys(model) == keys  # the operations found, and only those
        assert not model.show_only(set(keys))  # the same matches again: the tree is left as it is

    assert model.show_only(set()) and model.rowCount() == 0  # nothing found: no folders either
    assert model.show_only(None) and _leaf_keys(model) == {e.key for e in ENTRIES}
    assert not model.set_entries(ENTRIES)  # the same library: not filled again


def _leaf_keys(model, parent=QModelIndex()) -> set[str]:
    keys = set()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        entry = index.data(ENTRY_ROLE)
        keys |= {entry.key} if entry else _leaf_keys(model, index)
    return keys


def test_library_badges_say_why():
    by_key = {e.key: e for e in ENTRIES}
    assert by_key["pinpoint:GetApps"].badges() == [("sandbox", "served by the local sandbox"),
                                                   ("pages", "paginated: Fetch all pages follows the next-page token")]
    assert "pages" not in dict(by_key["pinpoint:CreateApp"].badges())
    unclear = next(e for e in ENTRIES if e.lifecycle == "unclear")
    assert unclear.badges()[0][0] == "?" and unclear.lifecycle_reason in unclear.badges()[0][1]
    ended = next(e for e in ENTRIES if e.end_of_support)
    assert ended.badges()[0][0] == "EOS" and "2026-10-30" in ended.badges()[0][1]


def test_key_value_model_adds_a_row_when_the_blank_one_is_filled(qtmodeltester):
    model = KeyValueModel()
    model.set_pairs([("projectId", "abc")])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.index(1, 0).data() == "(add)"
    assert model.setData(model.index(1, 0), "token")
    model.setData(model.index(1, 1), "t-1")
    assert model.pairs() == (("projectId", "abc"), ("token", "t-1")) and model.rowCount() == 3
    qtmodeltester.check(model)


def test_json_tree_fetches_children_lazily_in_batches(qtmodeltester):
    model = JsonTreeModel()
    value = {"Item": [{"Id": str(i), "tags": {"a b": 1}} for i in range(BATCH + 20)], "NextToken": None}
    model.set_value(value)
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    items = model.index(0, 0)
    assert model.rowCount(items) == 0 and model.hasChildren(items)
    model.fetchMore(items)
    assert model.rowCount(items) == BATCH and model.canFetchMore(items)
    model.fetchMore(items)
    assert model.rowCount(items) == BATCH + 20 and not model.canFetchMore(items)
    first = model.index(0, 0, items)
    model.fetchMore(first)
    tags = model.index(1, 0, first)
    model.fetchMore(tags)
    assert model.index(0, 0, tags).data(PATH_ROLE) == '$.Item[0].tags["a b"]'
    assert model.index(0, 1, items).data() == "{2 members}" and model.index(1, 1).data() == "null"
    qtmodeltester.check(model)


def _entry(i, environment, operation, status):
    return HistoryEntry(i, 0.0, environment, "us-east-1", operation, "GET", "http://x", RequestDraft(), True, status,
                        None, 1.0, 0, 0, {})


def test_history_model_and_filter(qtmodeltester):
    model = HistoryModel()
    model.set_rows([_entry(1, "dev", "pinpoint:GetApps", 200), _entry(2, "prod", "pinpoint:DeleteApp", 403),
                    _entry(3, "dev", "pinpoint:GetApp", None)])
    qtmodeltester.check(model)
    proxy = HistoryFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter("dev", "")  # the class's code: "" any status (the words are translated)
    assert proxy.rowCount() == 2
    proxy.set_filter("", "4xx")
    assert [proxy.index(r, 2).data() for r in range(proxy.rowCount())] == ["DeleteApp"]
    proxy.set_filter("", "no response")
    assert proxy.index(0, 3).data() == "no response"
    qtmodeltester.check(proxy)


def test_library_pane_keeps_search_and_selection_when_badges_arrive(qtbot):
    from workbench.ui.panes.library_pane import LibraryPane

    pane = LibraryPane()
    qtbot.addWidget(pane)
    plain = build_entries(default_library())
    pane.set_entries(plain)
    qtbot.keyClicks(pane.search, "get apps")
    assert pane.select("pinpoint:GetApps")
    pane.set_entries(ENTRIES)  # the same operations, now with their sandbox badges
    assert pane.search.text() == "get apps"
    current = pane.tree.currentIndex()
    assert current.data(ENTRY_ROLE).key == "pinpoint:GetApps" and current.siblingAtColumn(2).data() == "sandbox pages"


def test_key_value_model_with_inherited_and_implied_rows(qtmodeltester):
    from workbench.ui.models.key_value_model import INHERITED_ROLE

    model = KeyValueModel(("Header", "Value"))
    model.set_pairs([("x-one", "1"), ("projectId", "")])
    model.inherited = lambda name: ("abc", "environment") if name == "projectId" else None
    model.set_implied([("Host", "set when signed", "SigV4 signing")])
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.index(3, 0).data() == "(add)"
    assert model.index(1, 1).data(INHERITED_ROLE) == "environment"
    assert not model.setData(model.index(2, 1), "typed")  # implied rows are read-only
    assert model.setData(model.index(3, 0), "x-two")  # the add row: a new row before the implied ones
    assert model.pairs() == (("x-one", "1"), ("projectId", ""), ("x-two", ""))
    assert model.index(3, 0).data() == "Host" and model.index(4, 0).data() == "(add)"
    qtmodeltester.check(model)


def test_the_views_that_showed_data_are_models_over_core_objects(qtmodeltester):
    from workbench.core.common.errors import Problem
    from workbench.core.diagnose import catalogue
    from workbench.core.send.compare import Row
    from workbench.ui.models.compare_model import CompareRowsModel
    from workbench.ui.models.rows_model import OBJECT_ROLE, RowsModel

    guide = RowsModel(("Known problem",), lambda entry: (entry["title"],))
    guide.set_rows(catalogue())
    qtmodeltester.check(guide)
    assert guide.index(0, 0).data(OBJECT_ROLE) == catalogue()[0]

    problems = RowsModel(("Problem",), lambda p: (f"{p.path}: {p.message}",))
    problems.set_rows([Problem("$.Name", "placeholder left in $.Name")])
    qtmodeltester.check(problems)
    assert problems.index(0, 0).data() == "$.Name: placeholder left in $.Name"

    sheet = RowsModel(("menu", "action", "keys"), lambda row: row)
    sheet.set_rows([("Request", "Send", "Ctrl+Return")])
    qtmodeltester.check(sheet)

    compared = CompareRowsModel()
    compared.set_rows([Row("region", "us-east-1", "eu-west-1"), Row("x-amzn-requestid", "a", "b", True),
                       Row("host", "h", "h")], "dev", "prod")
    qtmodeltester.check(compared)
    assert [compared.index(r, 0).data() for r in range(3)] == ["≠", "~", ""]
    assert compared.headerData(2, Qt.Orientation.Horizontal) == "dev"


def test_a_fix_the_window_cannot_do_shows_its_command_with_copy(qtbot):
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

    from workbench.core.diagnose.model import Diagnosis
    from workbench.ui.panes.diagnosis_pane import DiagnosisPane

    pane = DiagnosisPane()
    qtbot.addWidget(pane)
    pane.show_diagnoses("tab1", [Diagnosis(id="sso", title="SSO session expired", summary="The token expired.",
                                           cause="", evidence=(), steps=(),
                                           fixes=({"action": "sso_login", "profile": "dev"},))])
    assert pane.findChild(QPlainTextEdit, "fixContent0_0").toPlainText() == "aws sso login --profile dev"
    qtbot.mouseClick(pane.findChild(QPushButton, "copyFix0_0"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "aws sso login --profile dev"
    assert pane.fix_buttons() == []  # nothing the window would do: no button pretending to


def test_the_search_pattern_matches_exactly_the_rows_found():
    import random
    import re

    from workbench.ui.models.library_tree_model import numbers_pattern

    codes = [f"{n:03d}" for n in range(278)]
    chooser = random.Random(7)
    for size in (0, 1, 2, 9, 10, 11, 100, 277, 278):
        chosen = set(chooser.sample(codes, size))
        pattern = re.compile(numbers_pattern(sorted(chosen)))
        assert {code for code in codes if pattern.search(code)} == chosen, size
        assert not pattern.search("") and not pattern.search(f"{next(iter(chosen), '000')}0")  # folders, longer codes
