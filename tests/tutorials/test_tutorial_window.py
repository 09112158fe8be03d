"""The lesson view in the window, driven by objectName like a learner (pytest-qt, offscreen,
against a real sandbox): Help → Tutorials, open a step's request, check a failing step, fix
it, check again, progress kept after a restart; asking before AWS; the welcome page as the
door; every tutorial end to end through the window's controller."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QListView, QPushButton, QTextBrowser

from workbench.core.tutorials import load_tutorials
from workbench.ui.panes.tutorial_list import PROGRESS_ROLE, TUTORIAL_ROLE, TutorialListModel


def widget(window, cls, name):
    found = window.findChild(cls, name)
    assert found is not None, name
    return found


def click(qtbot, window, name):
    qtbot.mouseClick(widget(window, QPushButton, name), Qt.MouseButton.LeftButton)


def result_text(window) -> str:
    return widget(window, QTextBrowser, "tutorialResult").toPlainText()


def open_tutorials(qtbot, window):
    window.findChild(QAction, "tutorialsAction").trigger()
    view = widget(window, QListView, "tutorialList")
    qtbot.waitUntil(lambda: view.model().rowCount() >= 6, timeout=20000)
    return view


def choose(qtbot, window, view, name):
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(TUTORIAL_ROLE).id == name)
    view.setCurrentIndex(model.index(row, 0))
    return model.index(row, 0)


def open_request(qtbot, window):
    lessons = window.extras.tutorials.lessons
    with qtbot.waitSignal(lessons.request_opened, timeout=20000):
        click(qtbot, window, "tutorialOpenRequest")
    return lessons.tab


def send(qtbot, window, tab):
    with qtbot.waitSignal(window.controller.exchange_received, timeout=30000):
        tab.editor.url.setFocus()
        qtbot.keyClick(tab.editor.url, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def check(qtbot, window):
    with qtbot.waitSignal(window.extras.tutorials.lessons.checked, timeout=20000) as blocker:
        click(qtbot, window, "tutorialCheck")
    return blocker.args[0]


def answer_dialog(qtbot, button: str):
    """Answer the next modal dialog with `button`; the list gets its objectName and text."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append((dialog.objectName(), dialog.findChild(QLabel, f"{dialog.objectName()}Text").text()))
        dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)
    return seen


def test_the_list_model_presents_core_rows(qtmodeltester):
    model = TutorialListModel()
    tutorials = load_tutorials().tutorials
    model.set_rows([(t, {"passed": 1, "steps": len(t.steps), "done": False, "step": ""}) for t in tutorials])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == f"{tutorials[0].title}\n15 min · 1 of 8 steps"
    assert model.index(0, 0).data(PROGRESS_ROLE)["passed"] == 1


def test_open_check_a_failing_step_fix_it_check_again_and_progress_survives_a_restart(
        qtbot, make_window, open_sandbox, tmp_path):
    window = make_window(tmp_path, open_sandbox.url)
    view = open_tutorials(qtbot, window)
    choose(qtbot, window, view, "first-contact")
    assert widget(window, QPushButton, "tutorialStart").text() == "Start"
    click(qtbot, window, "tutorialStart")
    panel = widget(window, type(window.extras.tutorials.panel), "tutorialPanel")
    assert panel.isVisible() and panel.count.text() == "Step 1 of 8"
    assert not widget(window, QPushButton, "tutorialOpenRequest").isEnabled()  # a step to read
    assert "local sandbox" in panel.where.text()

    click(qtbot, window, "tutorialNext")
    assert "Send GetApps, the smoke test" in widget(window, QTextBrowser, "tutorialStepText").toPlainText()
    outcome = check(qtbot, window)  # nothing sent yet
    assert outcome.nothing_sent == "not_sent"
    assert result_text(window).startswith("Nothing was sent from the lesson's tab for this step yet.")

    tab = open_request(qtbot, window)
    assert window.tabs.currentWidget() is tab and tab.editor.template.operation == "GetApps"
    assert tab.exchange is None  # opened, not sent
    send(qtbot, window, tab)
    assert check(qtbot, window).passed
    assert "Step passed." in result_text(window) and "The answer was HTTP 200, as expected." in result_text(window)

    click(qtbot, window, "tutorialNext")  # create-app: break it, check, fix it, check again
    tab = open_request(qtbot, window)
    assert tab is window.extras.tutorials.lessons.tab and window.tabs.count() == 1  # the lesson's tab, refilled
    tab.editor.body.setPlainText('{"Nam": "MySampleProject"}')
    send(qtbot, window, tab)
    failed = check(qtbot, window)
    assert not failed.passed and failed.status == 400
    text = result_text(window)
    assert "Not yet: see what differs below." in text
    assert "Expected HTTP 201; the answer was HTTP 400." in text
    assert "CreateApp needs a body with a Name; a 400 names the member that is wrong." in text
    tab = open_request(qtbot, window)  # "Open the request" again puts the step's request back
    assert '"Name": "MySampleProject-' in tab.editor.body.toPlainText()
    send(qtbot, window, tab)
    fixed = check(qtbot, window)
    assert fixed.passed and list(fixed.carried) == ["projectId"]
    assert f"Kept for the next steps: projectId = {fixed.carried['projectId']}" in result_text(window)
    project = fixed.carried["projectId"]
    qtbot.waitUntil(lambda: (tmp_path / "config" / "tutorial-progress.json").exists())
    window.extras.tutorials.lessons.controller.pool.waitForDone(5000)
    window.close()

    again = make_window(tmp_path, open_sandbox.url)  # a restart: the progress is the learner's
    view = open_tutorials(qtbot, again)
    index = choose(qtbot, again, view, "first-contact")
    assert index.data(PROGRESS_ROLE)["passed"] == 3  # the step to read, GetApps, CreateApp
    assert "3 of 8 steps" in index.data()
    assert widget(again, QPushButton, "tutorialStart").text() == "Continue"
    click(qtbot, again, "tutorialStart")
    panel = again.extras.tutorials.panel
    assert panel.count.text() == "Step 3 of 8"
    assert result_text(again) == "You passed this step already. Open the request to do it again."
    click(qtbot, again, "tutorialNext")
    tab = open_request(qtbot, again)  # GetApp needs the project the first window created
    assert tab.to_model().variables_dict()["projectId"] == project
    send(qtbot, again, tab)
    assert check(qtbot, again).passed

    click(qtbot, again, "tutorialAll")
    choose(qtbot, again, view, "first-contact")
    click(qtbot, again, "tutorialReset")
    qtbot.waitUntil(lambda: choose(qtbot, again, view, "first-contact").data(PROGRESS_ROLE)["passed"] == 0)
    assert "not started" in choose(qtbot, again, view, "first-contact").data()


def test_lessons_run_in_the_sandbox_and_ask_before_an_aws_environment(qtbot, make_window, open_sandbox, tmp_path):
    from workbench.core.environments.model import Environment, EnvironmentStore

    EnvironmentStore(tmp_path / "config" / "environments.json").add(Environment(name="dev", region="eu-west-1"))
    window = make_window(tmp_path, open_sandbox.url)
    controller = window.controller
    qtbot.waitUntil(lambda: "dev" in controller.environments)
    controller.select_environment("dev")
    view = open_tutorials(qtbot, window)
    choose(qtbot, window, view, "otp")
    click(qtbot, window, "tutorialStart")
    assert controller.current_env_name == "sandbox"  # a lesson starts in the sandbox
    panel = window.extras.tutorials.panel
    assert panel.where.text() == "This lesson runs in the local sandbox environment: nothing reaches AWS."

    controller.select_environment("dev")  # the learner chooses AWS on purpose
    assert "runs in dev, an AWS environment" in panel.where.text()
    seen = answer_dialog(qtbot, "confirmNo")
    click(qtbot, window, "tutorialOpenRequest")
    [(name, text)] = seen
    assert name == "tutorialAwsConfirmation"
    assert text.startswith("dev is an AWS environment (eu-west-1), not the local sandbox.")
    assert "• create: CreateApp, VerifyOTPMessage" in text
    assert "• send or pay for: RequestPhoneNumber, SendOTPMessage" in text
    assert "• overwrite or delete: UpdateSmsChannel, ReleasePhoneNumber, DeleteApp" in text
    assert window.tabs.count() == 0  # declined: nothing opened, nothing sent

    click(qtbot, window, "tutorialAll")
    choose(qtbot, window, view, "signing-explained")
    click(qtbot, window, "tutorialStart")
    click(qtbot, window, "tutorialNext")
    controller.select_environment("dev")
    seen = answer_dialog(qtbot, "confirmYes")
    lessons = window.extras.tutorials.lessons
    with qtbot.waitSignal(lessons.request_opened, timeout=20000):
        click(qtbot, window, "tutorialOpenRequest")
    assert seen[0][0] == "tutorialSandboxOnly"
    assert controller.current_env_name == "sandbox" and window.tabs.count() == 1


def test_the_welcome_page_leads_to_lessons_recent_work_and_environments(qtbot, make_window, open_sandbox, tmp_path):
    window = make_window(tmp_path, open_sandbox.url)
    extras = window.extras
    qtbot.waitUntil(lambda: extras.welcome is not None and extras.welcome.isVisible(), timeout=10000)
    page = extras.welcome
    qtbot.waitUntil(lambda: page.findChild(QPushButton, "welcomeTutorial-first-contact") is not None, timeout=20000)
    buttons = [b.objectName() for b in page.learn.findChildren(QPushButton) if b.objectName().startswith("welcomeTutorial-")]
    assert buttons[0] == "welcomeTutorial-first-contact" and len(buttons) == 6
    assert page.findChild(QPushButton, "welcomeEnvironment-sandbox") is not None
    assert page.recent.empty.isVisible() and page.recent.empty.text().startswith("Nothing sent yet.")
    first = page.findChild(QPushButton, "welcomeTutorial-first-contact")
    assert first.accessibleName() == "Start the tutorial First contact: the Postman tutorial, without Postman (not started)"
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert not page.isVisible()
    panel = extras.tutorials.panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.count.text() == "Step 1 of 8" and "First contact" in panel.lesson.text()


@pytest.mark.parametrize("name", [t.id for t in load_tutorials().tutorials])
def test_every_tutorial_through_the_windows_controller(qtbot, make_window, open_sandbox, tmp_path, name):
    from workbench.ui.screenshot_tutorial import LessonDriver

    window = make_window(tmp_path, open_sandbox.url)
    open_tutorials(qtbot, window)
    window.extras.tutorials.start(name, fresh=True)
    tutorial = window.extras.tutorials.lessons.tutorial
    driver = LessonDriver(window)
    with qtbot.waitSignal(driver.finished, timeout=120000) as done:
        driver.run(0, len(tutorial.steps) - 1)
    outcomes = done.args[0]
    assert len(outcomes) == sum(1 for s in tutorial.steps if s.sends)
    assert [(o.step, o.failures()) for o in outcomes if not o.passed] == []
    progress = window.extras.tutorials.lessons.progress
    assert set(progress.passed) == {s.id for s in tutorial.steps}
    assert window.controller.signing_overrides == {}  # nothing signs wrongly once the lesson moved on


def test_the_lesson_view_renders_as_a_screenshot(tmp_path):
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environ |= {"HOME": str(tmp_path), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
                "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data"), "XDG_RUNTIME_DIR": str(tmp_path / "run")}
    (tmp_path / "run").mkdir()
    target = tmp_path / "lesson.png"
    result = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(target), "--tutorial",
                             "first-contact", "--step", "3", "--size", "1200x760"],
                            env=environ, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (tmp_path / "config" / "tutorial-progress.json").exists()  # a screenshot keeps no progress
    wrong = subprocess.run([sys.executable, "-m", "workbench", "gui", "--screenshot", str(tmp_path / "x.png"),
                            "--tutorial", "first-contact", "--step", "9"],
                           env=environ, capture_output=True, text=True, timeout=180)
    assert wrong.returncode == 1 and "first-contact has steps 1 to 8, not 9" in wrong.stdout
