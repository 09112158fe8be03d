"""`tutorial list | show | run | reset` in-process, against the kept background sandbox the
command line starts (stopped by the run_cli fixture)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET


def test_list_shows_every_lesson_with_progress(run_cli):
    listed = run_cli("tutorial", "list")
    assert listed.status == 0, listed.stderr
    first = listed.stdout.splitlines()[0]
    assert first.startswith("first-contact") and "8 steps" in first and "new" in first
    data = run_cli("tutorial", "list", "--json").json
    rows = {row["id"]: row for row in data["tutorials"]}
    assert {"first-contact", "sms-sandbox", "otp", "phone-validation", "signing-explained", "end-of-support"} <= set(rows)
    assert rows["signing-explained"]["sandbox_only"] and not rows["otp"]["sandbox_only"]
    assert rows["otp"]["progress"] == {"passed": 0, "steps": 10, "done": False, "step": ""}
    assert data["problems"] == []


def test_show_gives_the_steps_requests_carries_and_checks(run_cli):
    shown = run_cli("tutorial", "show", "first-contact")
    assert shown.status == 0
    text = shown.stdout
    assert "3. Create a project with CreateApp [create-app]" in text
    assert "   carries: projectId = ApplicationResponse.Id" in text
    assert '   check: matches Id "^[0-9a-f]{32}$"' in text
    assert "   signing on purpose: identity=tutorial-user" in text
    assert "   request: drafts/first-contact-send-email.request.json" in text
    data = run_cli("tutorial", "show", "phone-validation", "--json").json
    assert data["id"] == "phone-validation" and data["steps"][5]["other_service"]["service"].startswith("AWS Identity")
    assert {"operation": "pinpoint:CreateApp", "kind": "write"} in data["would_change"]
    assert {"operation": "pinpoint:DeleteApp", "kind": "destructive"} in data["would_change"]


def test_an_unknown_lesson_is_said_with_what_is_close(run_cli):
    result = run_cli("tutorial", "show", "first-contac")
    assert result.status == 1 and "no tutorial 'first-contac'. Did you mean: first-contact?" in result.stderr
    as_json = run_cli("tutorial", "run", "otpp", "--json")
    assert as_json.status == 1 and as_json.json["error"]["code"] == "unknown_tutorial"


def test_run_sends_every_step_one_line_each_and_writes_junit(run_cli, tmp_path):
    report = tmp_path / "otp.xml"
    result = run_cli("tutorial", "run", "otp", "--env", "sandbox", "--junit", str(report))
    assert result.status == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 11 and lines[-1] == "otp: 10 of 10 steps sent passed"
    assert lines[4].startswith("ok    5/10 wrong-code") and "pinpoint:VerifyOTPMessage  HTTP 200" in lines[4]
    suite = ET.parse(report).getroot()
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("10", "0", "0")
    assert [case.get("name") for case in suite.iter("testcase")][:2] == ["create-app", "enable-sms"]


def test_run_as_json_carries_values_and_marks_reading_steps(run_cli):
    result = run_cli("tutorial", "run", "phone-validation", "--json")
    assert result.status == 0, result.stdout
    data = result.json
    assert data["ok"] and data["sent"] == data["passed"] == 14  # 17 steps, 3 of them on other services
    steps = {s["step"]: s for s in data["steps"]}
    assert steps["iam-policy"] == {"step": "iam-policy", "title": "On IAM: a policy and a role for the functions",
                                   "sent": False, "passed": True}
    assert steps["validate"]["carried"] == {"e164": "+14254147755"}
    assert steps["not-yet"]["diagnoses"] == ["sms-opted-out"]


def test_every_tutorial_passes_from_the_command_line(run_cli):
    for name in ("first-contact", "sms-sandbox", "signing-explained", "end-of-support"):
        result = run_cli("tutorial", "run", name)
        assert result.status == 0, f"{name}\n{result.stdout}{result.stderr}"


def test_a_failing_step_exits_1_and_says_why(run_cli, tmp_path):
    assert run_cli("sandbox", "start").status == 0
    # a verified-destination quota the lesson cannot get past: ten numbers already waiting
    for number in range(10):
        body = json.dumps({"DestinationPhoneNumber": f"+1206555017{number}"})
        assert run_cli("send", "pinpoint-sms-voice-v2:CreateVerifiedDestinationNumber", "--body", "-", stdin=body).status == 0
    report = tmp_path / "sms.xml"
    result = run_cli("tutorial", "run", "sms-sandbox", "--junit", str(report))
    assert result.status == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert failed[0].startswith("FAIL  5/15 add-destination") and "HTTP 400" in failed[0]
    assert "Hint: A ServiceQuotaExceededException means ten numbers are verified already" in result.stdout
    # without the number to verify, the steps that need it stop too, each naming what is missing
    assert [line.split()[2] for line in failed] == ["add-destination", "send-code", "verify-destination",
                                                    "remove-destination"]
    assert "verifiedId" in result.stdout.split("send-code")[1].split("\n")[1]
    assert result.stdout.splitlines()[-1] == "sms-sandbox: 11 of 15 steps sent passed; the lesson did not pass"
    suite = ET.parse(report).getroot()
    assert (suite.get("failures"), suite.get("errors")) == ("1", "3")


def test_an_aws_environment_is_asked_about_first(run_cli):
    assert run_cli("env", "add", "dev", "--region", "us-east-1").status == 0
    result = run_cli("tutorial", "run", "otp", "--env", "dev")
    assert result.status == 1
    assert ("otp would run against 'dev', which is not the local sandbox, and would create CreateApp, VerifyOTPMessage; "
            "overwrite or delete UpdateSmsChannel, ReleasePhoneNumber, DeleteApp; send or pay for RequestPhoneNumber, "
            "SendOTPMessage.") in result.stderr
    assert "Nothing was sent." in result.stderr and "hint: confirm with --yes" in result.stderr
    signing = run_cli("tutorial", "run", "signing-explained", "--env", "dev", "--yes", "--json")
    assert signing.status == 1
    assert signing.json["error"]["code"] == "lesson_needs_sandbox" and signing.json["error"]["remedy"] == "use_sandbox"
    assert run_cli("history", "list", "--json").json == []  # nothing was sent for either


def test_reset_forgets_progress(run_cli, tmp_path):
    from workbench.core.common.paths import config_dir
    from workbench.core.tutorials import LessonProgress, ProgressStore, load_tutorials

    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}
    store = ProgressStore.in_config_dir(config_dir(environ))
    otp = load_tutorials().get("otp")
    store.save("otp", LessonProgress(revision=otp.revision, step="send-otp", passed=("create-app", "enable-sms")))
    assert "2/10" in [line for line in run_cli("tutorial", "list").stdout.splitlines() if line.startswith("otp")][0]
    assert run_cli("tutorial", "reset", "otp").stdout == "progress forgotten: otp\n"
    assert run_cli("tutorial", "list", "--json").json["tutorials"][2]["progress"]["passed"] == 0
    assert run_cli("tutorial", "reset", "nope").status == 1
