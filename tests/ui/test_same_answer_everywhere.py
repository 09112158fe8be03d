"""One answer whoever sends (issue 17, "Done when"): the command line, the window and the
runner send the same draft in the same environment through the one send service, and the
history entries they leave are the same request, signed the same way, with the same answer."""

from __future__ import annotations

import json
import os

from ui_helpers import open_operation, send

from workbench.core.common.paths import config_dir, data_dir
from workbench.core.interop.draft_files import write_tree
from workbench.core.request.drafts import RequestDraft
from workbench.core.send.history import FILE_NAME, HistoryStore
from workbench.ui.app_context import AppContext

VOLATILE = ("x-amz-date", "authorization")  # the time of signing, and the signature made with it


def answer(entry) -> dict:
    """What a history entry says about the request and its answer (not when, nor its id)."""
    draft = entry.draft.to_dict()
    return {
        "where": (entry.environment, entry.region, entry.operation, entry.method, entry.url),
        "outcome": (entry.sent, entry.status, entry.error),
        "draft": {k: draft.get(k) for k in ("operation", "variant", "method", "url", "query", "headers", "body")}
                 | {"variables": dict(entry.draft.variables)},
        "signed": {k: entry.inspection[k] for k in ("method", "url", "signed_headers", "payload_hash", "signing_name",
                                                    "region", "access_key_id", "session_token_used", "body_size")},
        "headers sent": sorted((k.lower(), v) for k, v in entry.inspection["headers"] if k.lower() not in VOLATILE),
        "body": json.loads(entry.response_body),
    }


def test_the_command_line_the_window_and_the_runner_give_the_same_answer(qtbot, run_cli, open_window, tmp_path):
    created = run_cli("send", "CreateApp", "--body", "-", "--save", "projectId=Id", stdin='{"Name": "same-answer"}')
    assert created.status == 0, created.stderr  # the kept sandbox runs; the sandbox environment has projectId

    assert run_cli("send", "GetApp").status == 0  # the command line
    write_tree(tmp_path / "collection", [("request", RequestDraft(name="GetApp", operation="pinpoint:GetApp"))])
    ran = run_cli("run", str(tmp_path / "collection"))  # the runner
    assert ran.status == 0, ran.stdout + ran.stderr

    environ = {key: os.environ[key] for key in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR")}
    environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    window = open_window(AppContext(environ, config_dir(environ), data_dir(environ)))  # the same kept sandbox
    assert send(qtbot, open_operation(qtbot, window, "GetApp")).startswith("200")  # the window
    qtbot.waitUntil(lambda: window.history.model.rowCount() >= 4, timeout=10000)

    with HistoryStore(data_dir(environ) / FILE_NAME) as history:
        in_window, by_runner, on_the_command_line, _create = (history.get(e.id) for e in history.list(10))
    assert answer(on_the_command_line)["body"]["Name"] == "same-answer"
    assert answer(by_runner) == answer(on_the_command_line)
    assert answer(in_window) == answer(on_the_command_line)
