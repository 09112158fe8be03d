"""Every tutorial in the repository: it loads with no problem, its links name operations of the
library and entries of the troubleshooting guide, its texts are whole sentences a translator
can take one by one, and it passes, sent step by step, against a fresh sandbox. A lesson that
stops passing fails the build."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from workbench.core.diagnose.catalogue import entries
from workbench.core.library.templates import default_library
from workbench.core.tutorials import TUTORIALS_DIR, load_tutorials, run_tutorial
from workbench.core.tutorials.model import Signing

LOADED = load_tutorials()
NAMES = [t.id for t in LOADED.tutorials]
SENTENCE_END = re.compile(r"[.!?:)”]$")


def test_every_tutorial_file_loads_without_a_problem():
    assert LOADED.problems == ()
    assert sorted(NAMES) == sorted(p.stem for p in TUTORIALS_DIR.glob("*.json"))
    assert {"first-contact", "sms-sandbox", "otp", "phone-validation", "signing-explained", "end-of-support"} <= set(NAMES)
    assert NAMES[0] == "first-contact"  # the list starts where a newcomer should


@pytest.mark.parametrize("name", NAMES)
def test_links_name_existing_operations_and_guide_entries(name):
    tutorial = LOADED.get(name)
    library, guide = default_library(), {e.id for e in entries()}
    for step in tutorial.steps:
        for link in step.links:
            if link.kind == "operation":
                library.get(*link.target.split(":"))
            elif link.kind == "guide":
                assert link.target in guide
            else:
                assert link.target.startswith("https://docs.aws.amazon.com/") and link.title
        for check in step.checks:
            assert not check.guide or check.guide in guide
    assert tutorial.guide is not None and tutorial.guide.title


@pytest.mark.parametrize("name", NAMES)
def test_every_text_is_whole_sentences_for_a_translator(name):
    tutorial = LOADED.get(name)
    texts = [tutorial.summary, tutorial.audience, *tutorial.prerequisites]
    for step in tutorial.steps:
        texts += list(step.text) + [c.hint for c in step.checks if c.hint]
        assert "{{" not in step.title and "{{" not in " ".join(step.text)  # no template in prose
    for text in texts:
        assert SENTENCE_END.search(text), f"{name}: not a whole sentence: {text!r}"
        assert text[0].isupper() or text[0].isdigit() or text[0] in "+\"“", f"{name}: {text!r}"
    assert len({s.id for s in tutorial.steps}) == len(tutorial.steps)  # translations are keyed by step id


@pytest.mark.parametrize("name", NAMES)
def test_the_tutorial_passes_against_a_fresh_sandbox(name, service):
    tutorial = LOADED.get(name)
    with service.open("sandbox") as session:
        run = run_tutorial(tutorial, session)
    failures = {line.step.id: line.error or line.outcome.failures() for line in run.steps if not line.passed}
    assert run.ok, failures
    assert len(run.steps) == len(tutorial.steps)
    assert run.report.planned == sum(1 for s in tutorial.steps if s.sends) == len(run.report.steps)
    assert "<failure" not in run.report.to_junit()


def test_a_step_signed_normally_fails_the_signing_lesson(service):
    """The breakage is what the checks see: without it, each broken step fails."""
    tutorial = LOADED.get("signing-explained")
    plain = replace(tutorial, steps=tuple(replace(s, signing=Signing()) for s in tutorial.steps))
    with service.open("sandbox") as session:
        run = run_tutorial(plain, session)
    failed = [line.step.id for line in run.steps if not line.passed]
    assert failed == ["wrong-region", "wrong-secret", "skewed-clock"]
    assert not run.ok and 'failures="3"' in run.report.to_junit()


def test_without_the_clock_moved_the_second_code_is_still_valid(service):
    tutorial = LOADED.get("otp")
    step = tutorial.step("expired-code")
    steps = tuple(replace(s, request=replace(s.request, draft=replace(s.request.draft, headers=())))
                  if s is step else s for s in tutorial.steps)
    with service.open("sandbox") as session:
        run = run_tutorial(replace(tutorial, steps=steps), session)
    [failed] = [line for line in run.steps if not line.passed]
    assert failed.step.id == "expired-code"
    assert any("VerificationResponse.Valid: expected false, got true" in f for f in failed.outcome.failures())


class _AwsSession:
    """An AWS environment's session, as far as the engine sees it (AWS itself cannot be reached
    from here): every send comes back unsent, and the drafts it was asked to send are kept."""

    def __init__(self):
        from workbench.core.environments.model import Environment

        self.environment = Environment(name="dev", region="us-east-1")
        self.sent = []

    def send(self, draft, **options):
        from workbench.core.common.errors import WorkbenchError
        from workbench.core.send.service import SendOutcome

        self.sent.append((draft.operation, options.get("credentials"), options.get("signed_at")))
        return SendOutcome(plan=None, error=WorkbenchError("AWS is not reachable from the tests"))


def test_against_aws_the_steps_only_the_sandbox_can_do_are_skipped_and_said():
    from workbench.core.tutorials import LessonNeedsSandbox

    session = _AwsSession()
    run = run_tutorial(LOADED.get("first-contact"), session)
    skipped = [line for line in run.steps if line.skipped]
    assert [line.step.id for line in skipped] == ["delete-denied"]
    assert "runs only in the local sandbox" in skipped[0].to_dict()["skipped"]
    assert ("pinpoint:DeleteApp", None, None) in session.sent  # the clean-up, with the environment's own identity
    assert all(credentials is None and at is None for _, credentials, at in session.sent)
    assert len(session.sent) == 6 and run.report.planned == 6
    assert ("pinpoint:DeleteApp", "destructive") in LOADED.get("first-contact").would_change()
    with pytest.raises(LessonNeedsSandbox, match="runs only in the local sandbox"):
        run_tutorial(LOADED.get("signing-explained"), _AwsSession())
