"""--json for every outcome: each command the README shows, given input it must refuse,
answers on stdout with JSON carrying an "error", and exits as it does without --json."""

import json

import pytest

from tests.integration.test_readme import SHOWN

# a README command path -> arguments that make it fail (None: it takes no input that can fail)
FAILING = {
    ("bundle", "create"): ("GetApps", "--env", "nosuch", "--out", "{tmp}/repro.json"),
    ("bundle", "open"): ("{tmp}/nosuch.json",),
    ("credentials", "clear", "dev"): (),
    ("credentials", "set", "dev"): ("--access-key-id", "AKIAIOSFODNN7EXAMPLE"),
    ("credentials", "test", "dev"): (),
    ("diagnose",): ("{tmp}/nosuch.json",),
    ("env", "add", "dev"): ("--region", "eu-wset-1"),
    ("env", "duplicate", "dev"): ("dev-eu", "--region", "eu-west-1"),
    ("env", "edit", "dev"): ("--account", "12"),
    ("env", "import"): ("{tmp}/nosuch.json",),
    ("env", "list"): None,
    ("env", "set"): ("nosuch", "a=b"),
    ("env", "trust", "dev"): (),
    ("env", "unset"): ("nosuch", "a"),
    ("export", "curl"): ("NoSuchOperation",),
    ("export", "postman"): ("{tmp}/nosuch", "--out", "{tmp}/c.json"),
    ("export", "postman-env", "dev"): ("--out", "{tmp}/e.json"),
    ("history", "list"): ("--limit", "many"),
    ("history", "replay"): ("999",),
    ("history", "show"): ("999",),
    ("import", "cloudtrail"): ("{tmp}/nosuch.json",),
    ("import", "curl"): ("{tmp}/nosuch.sh",),
    ("import", "postman"): ("{tmp}/nosuch.json", "--into", "{tmp}/out"),
    ("import", "postman-env"): ("{tmp}/nosuch.json",),
    ("library", "list"): ("--api", "nosuch"),
    ("library", "search", "phone"): None,  # nothing found is an empty list, not an error
    ("library", "show"): ("NoSuchOperation",),
    ("raw",): ("GET", "https://example.com/v1/apps", "--signing-name", "mobiletargeting", "--env", "nosuch"),
    ("render",): ("NoSuchOperation",),
    ("run",): ("{tmp}/nosuch",),
    ("health", "dev"): ("--env", "nosuch"),  # the README's `health --env dev`: the words the table keys on
    ("sandbox", "coverage"): None,
    ("sandbox", "scenario", "list"): None,
    ("sandbox", "scenario", "load"): ("{tmp}/nosuch.json",),
    ("sandbox", "events"): None,
    ("sandbox", "start"): None,
    ("send",): ("NoSuchOperation",),
    ("troubleshoot", "list"): None,
    ("troubleshoot", "search", "security"): None,
    ("troubleshoot", "show", "signature-mismatch"): None,
    ("tutorial", "list"): None,
    ("tutorial", "reset"): ("nosuch",),
    ("tutorial", "run", "otp"): ("--env", "nosuch"),
    ("tutorial", "show", "otp"): ("--nosuch",),
}
# the snippet and export kinds the README names only once
MORE = [("export", kind) for kind in ("awscli", "boto3", "awscurl")] + [("troubleshoot", "show")]
FAILING |= {("export", kind): ("NoSuchOperation",) for kind in ("awscli", "boto3", "awscurl")}
FAILING[("troubleshoot", "show")] = ("no-such-problem",)


def test_every_readme_command_is_in_the_table():
    assert set(SHOWN) <= set(FAILING)


@pytest.mark.parametrize("path", [p for p in SHOWN + MORE if FAILING[p] is not None], ids=" ".join)
def test_a_refusal_under_json_is_a_json_error(run_cli, tmp_path, path):
    argv = path + tuple(arg.format(tmp=tmp_path) for arg in FAILING[path])
    plain = run_cli(*argv)
    assert plain.status != 0, plain.stdout + plain.stderr
    as_json = run_cli(*argv, "--json")
    assert as_json.status == plain.status, as_json.stderr
    assert "error" in json.loads(as_json.stdout), as_json.stdout


def test_exports_say_what_they_wrote_in_json(run_cli, tmp_path):
    assert run_cli("env", "add", "dev", "--region", "eu-west-1").status == 0
    out = tmp_path / "dev.postman_environment.json"
    answer = run_cli("export", "postman-env", "dev", "--out", str(out), "--json")
    assert (answer.status, answer.json) == (0, {"written": str(out), "environment": "dev"})
    assert out.is_file()
    collection = tmp_path / "apps.json"
    answer = run_cli("export", "postman", "pinpoint/Apps", "--out", str(collection), "--json")
    assert answer.status == 0 and answer.json["written"] == str(collection) and answer.json["requests"] > 0


def test_a_snippet_in_json_names_its_kind(run_cli):
    assert run_cli("env", "add", "dev", "--region", "eu-west-1").status == 0
    answer = run_cli("export", "curl", "GetApps", "--env", "dev", "--json")
    assert answer.status == 0, answer.stderr
    assert answer.json["kind"] == "curl" and answer.json["snippet"].startswith("curl ")
