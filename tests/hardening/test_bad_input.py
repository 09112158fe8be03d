"""Bad input gets a typed, located error; nothing is lost; nothing crashes."""

from __future__ import annotations

import json
import os

import pytest

from workbench.core.common import safe_json
from workbench.core.environments.model import EnvironmentStore
from workbench.core.library.templates import default_library
from workbench.core.request.render import RenderLimits, TemplateLimitExceeded, render
from workbench.core.common.storage import STALE_TEMP_SECONDS


def error_of(result) -> str:
    """The `error:` line of a command's stderr (hints and warnings around it aside)."""
    return next(line for line in result.stderr.splitlines() if line.startswith("error:"))


@pytest.mark.parametrize(
    "text, message",
    [
        ("[" * 200_000 + "]" * 200_000, "f.json: nested deeper than 100 levels at line 1, column 101"),
        ('{"a": ' * 150 + "1" + "}" * 150, "f.json: nested deeper than 100 levels at line 1, column 601"),
        ("1" * 5000, "f.json: a number of 5000 characters (at most 100) at line 1, column 1"),
        ('{"n":\n  1' + "0" * 400 + ".5}", "f.json: the number of 403 characters is out of range at line 2, column 3"),
        ('[1e999]', "f.json: the number 1e999 is out of range at line 1, column 2"),
        ('{"x": NaN}', "f.json: NaN is not a JSON number at line 1, column 7"),
        ('{"name":\n "\\ud800"}', "f.json: not valid Unicode text (a lone surrogate such as \\ud800) at line 2, column 3"),
        (b'{"name": "\xff"}', "f.json: not UTF-8 text (byte 10 is 0xff) at line 1, column 11"),
        ("{nope", "f.json: invalid JSON at line 1, column 2: Expecting property name enclosed in double quotes"),
    ],
)
def test_safe_json_locates_what_pythons_parser_falls_over_on(text, message):
    with pytest.raises(safe_json.JsonInputError) as excinfo:
        safe_json.loads(text, "f.json")
    assert str(excinfo.value) == message


def test_safe_json_reads_what_is_fine():
    assert safe_json.loads('{"a": [1, 2.5, "\\ud83d\\ude00", null]}') == {"a": [1, 2.5, "😀", None]}
    assert safe_json.loads("[" * 100 + "]" * 100)  # exactly the limit


@pytest.mark.parametrize(
    "body, reason",
    [
        ("{{ 'x' * 3000000000 }}", "1 x 3000000000 would make more than 16777216 characters"),
        ("{{ 'x'.ljust(10000000000) }}", "a width of 10000000000 would make more than 16777216 characters"),
        ("{{ 'x'|center(10000000000) }}", "a width of 10000000000 would make more than 16777216 characters"),
        ("{{ '{:>3000000000}'.format(1) }}", "a width of 3000000000 in a format would make more than 16777216 characters"),
        ("{{ '%3000000000d' % 1 }}", "a width of 3000000000 in a format would make more than 16777216 characters"),
        ("{{ '%.3000000000f' % 1 }}", "a width of 3000000000 in a format would make more than 16777216 characters"),
        ("{{ '{0:.3000000000f}'.format(1) }}", "a width of 3000000000 in a format would make more than 16777216 characters"),
        ("{{ ('x' * 9999999)|replace('x', 'xxxxxxxxxx') }}", "replacing 1 with 10 characters would make more than 16777216 characters"),
        ("{{ ('x' * 9999999).replace('x', 'xx') }}", "replacing 1 with 2 characters would make more than 16777216 characters"),
        ("{{ ('y' * 5000)|join('x' * 5000) }}", "joining 5000 items with 5000 characters would make more than 16777216 characters"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
         "it ran longer than 0.2 s (a loop too big?)"),
        ("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "it made more than 1000000 characters"),
    ],
)
def test_body_templates_stop_on_limits(body, reason):
    template = default_library().find("CreateApp")
    limits = RenderLimits(seconds=0.2, output_chars=1_000_000)
    with pytest.raises(TemplateLimitExceeded) as excinfo:
        render(template, {"endpoint": "pinpoint.us-east-1.amazonaws.com"}, body, limits=limits)
    assert str(excinfo.value) == f"body: template stopped: {reason}"


def test_numbers_in_format_strings_are_not_widths():
    template = default_library().find("CreateApp")
    body = '{"Name": "{{ "arn:aws:iam::123456789012:{}".format("x") }} {{ "%s-123456789012" % "y" }} {{ "{:>5}".format(1) }}"}'
    rendered = render(template, {"endpoint": "pinpoint.us-east-1.amazonaws.com"}, body)
    assert rendered.body_text == '{"Name": "arn:aws:iam::123456789012:x y-123456789012     1"}'


def test_a_runaway_body_template_is_an_error_on_the_command_line(run_cli, tmp_path):
    body = tmp_path / "body.json"
    body.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    result = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", str(body))
    assert result.status == 1
    assert error_of(result) == "error: body: template stopped: it ran longer than 2 s (a loop too big?)"


@pytest.mark.parametrize("url", ["https://pinpoint.us-east-1.amazonaws.com:99999/v1/apps", "https://{{ endpoint }}/v1/apps"])
def test_port_out_of_range_in_a_url(run_cli, url):
    result = run_cli("raw", "GET", url, "--signing-name", "mobiletargeting", "--env", "sandbox", "--dry-run",
                     "--var", "endpoint=127.0.0.1:99999")
    assert result.status == 1
    assert error_of(result) == "error: url host: port 99999 is out of range (1-65535)"


def test_port_out_of_range_in_env_add_is_not_saved(run_cli, tmp_path):
    result = run_cli("env", "add", "p", "--region", "us-east-1", "--host", "pinpoint=pinpoint.example.com:99999")
    assert result.status == 1
    assert error_of(result) == "error: environment p: hosts.pinpoint: pinpoint.example.com:99999: port 99999 is out of range (1-65535)"
    assert not (tmp_path / "config" / "pinpoint-workbench" / "environments.json").exists()


def test_an_already_saved_bad_port_is_reported_and_other_sends_work(run_cli, tmp_path):
    path = tmp_path / "config" / "pinpoint-workbench" / "environments.json"
    path.parent.mkdir(parents=True)
    good = {"name": "good", "region": "us-east-1", "credential_source": {"kind": "process"}}
    bad = {"name": "bad", "region": "us-east-1", "hosts": {"pinpoint": "a.example.com:99999"}}
    path.write_text(json.dumps({"schema_version": 1, "environments": [good, bad]}))
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}
    result = run_cli("send", "GetApps", "--env", "good", "--dry-run", env=keys)
    assert result.status == 0
    assert ("  $.environments[1].hosts.pinpoint: a.example.com:99999: port 99999 is out of range (1-65535) "
            "(environment 'bad' skipped; kept in the file unchanged)") in result.stderr
    assert error_of(run_cli("send", "GetApps", "--env", "bad", "--dry-run", env=keys)) == (
        "error: no environment named 'bad'; known: sandbox, good")
    assert any(bad["hosts"]["pinpoint"] in b.read_text() for b in path.parent.glob("environments.json.*.bak"))


@pytest.mark.parametrize(
    "argv, message",
    [
        (("env", "add", "bad\udcff", "--region", "us-east-1"),
         "error: environment bad\\udcff: name: not valid Unicode text (bytes that are not UTF-8, or a lone surrogate)"),
        (("env", "add", "ok", "--region", "us-east-1", "--var", "projectId=\ud800"),
         "error: environment ok: variables.projectId: not valid Unicode text (bytes that are not UTF-8, or a lone surrogate)"),
        (("env", "show", "\udcff"), "error: no environment named '\\udcff'; known: sandbox"),
        (("send", "GetApps", "--env", "dev\udcff", "--dry-run"), "error: no environment named 'dev\\udcff'; known: sandbox"),
    ],
)
def test_lone_surrogates_on_the_command_line(run_cli, argv, message):
    result = run_cli(*argv)
    assert (result.status, error_of(result)) == (1, message)


def test_lone_surrogate_in_a_body_variable(run_cli):
    result = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com",
                     "--body", "-", "--var", "n=\udcff", stdin='{"CreateApplicationRequest": {"Name": "{{ n }}"}}')
    assert result.status == 1
    assert error_of(result) == "error: variable n: not valid Unicode text (bytes that are not UTF-8?)"


def test_non_utf8_body_file(run_cli, tmp_path):
    body = tmp_path / "body.json"
    body.write_bytes(b'{"Name":\n "caf\xe9"}')
    result = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", str(body))
    assert result.status == 1
    assert error_of(result) == f"error: --body {body}: not UTF-8 text (byte 14 is 0xe9) at line 2, column 6"


def test_stale_temp_files_of_killed_saves_are_removed_at_start(tmp_path):
    path = tmp_path / "environments.json"
    old = tmp_path / ".environments.json.abc123.tmp"
    fresh = tmp_path / ".environments.json.def456.tmp"  # a save in progress elsewhere: kept
    unrelated = tmp_path / ".other.json.abc123.tmp"
    for temp in (old, fresh, unrelated):
        temp.write_text("{partial")
    long_ago = os.stat(old).st_mtime - STALE_TEMP_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(unrelated, (long_ago, long_ago))
    EnvironmentStore(path)
    assert not old.exists()
    assert fresh.exists() and unrelated.exists()


def test_lone_surrogate_in_the_environments_file_is_reported_and_kept(run_cli, tmp_path):
    path = tmp_path / "config" / "pinpoint-workbench" / "environments.json"
    path.parent.mkdir(parents=True)
    content = b'{"schema_version": 1, "environments": [{"name": "dev\\ud800", "region": "us-east-1"}]}'
    path.write_bytes(content)
    results = [run_cli(*argv) for argv in (("env", "list"), ("env", "list", "--json"), ("env", "add", "dev", "--region", "us-east-1"))]
    assert [r.status for r in results] == [0, 0, 0]
    assert "not valid Unicode text (a lone surrogate such as \\ud800) at line 1, column 53" in results[0].stderr
    assert [b.read_bytes() for b in path.parent.glob("environments.json.*.bak")] == [content]


@pytest.mark.parametrize(
    "values, detail",
    [
        ('[{"key": "region", "value": "us-east-1"}, {"key": "x\\udc80", "value": "v"}]',
         "not a Postman environment: not valid Unicode text (a lone surrogate such as \\ud800) at line 1, column 77"),
        ('[{"key": "endpoint", "value": "pinpoint.example.com:99999"}, {"key": "region", "value": "us-east-1"}]',
         "endpoint 'pinpoint.example.com:99999': port 99999 is out of range (1-65535)"),
        ('[' * 5000 + ']' * 5000, "not a Postman environment: nested deeper than 100 levels at line 1, column 124"),
    ],
)
def test_bad_postman_files_are_located_errors(run_cli, tmp_path, values, detail):
    export = tmp_path / "env.json"
    export.write_text('{"name": "p", "values": ' + values + "}")
    result = run_cli("env", "import", str(export))
    assert result.status == 1
    assert error_of(result) == f"error: {export}: {detail}"
    assert not (tmp_path / "config" / "pinpoint-workbench" / "environments.json").exists()


@pytest.mark.parametrize(
    "extra, message",
    [
        (("-H", "X-Test: €uro"), "error: header X-Test: character 1 ('€') cannot go in a header (control characters, "
                                 "and anything beyond Latin-1: percent-encode or base64 it)"),
        (("-H", "X-Test: a\x00b"), "error: header X-Test: character 2 ('\\x00') cannot go in a header (control characters, "
                                   "and anything beyond Latin-1: percent-encode or base64 it)"),
        (("-H", "X-Tést: 1"), "error: header 'X-Tést': a header name is ASCII letters, digits and !#$%&'*+-.^_`|~"),
        (("--region", "us-east-1\r\nX-Evil: 1"),
         "error: auth region: 'us-east-1\\r\\nX-Evil: 1' is not a signing name or region (lowercase letters, digits, -)"),
        (("--region", "\udcff"), "error: auth region: '\\udcff' is not a signing name or region (lowercase letters, digits, -)"),
    ],
)
def test_headers_and_credential_scope_parts_are_checked_before_signing(run_cli, extra, message):
    keys = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE"}
    assert run_cli("env", "add", "dev", "--region", "us-east-1", "--from-process-env").status == 0
    result = run_cli("raw", "GET", "https://pinpoint.us-east-1.amazonaws.com/v1/apps", "--signing-name", "mobiletargeting",
                     "--env", "dev", "--dry-run", *extra, env=keys)
    assert (result.status, error_of(result)) == (1, message)


def test_an_endless_body_is_refused_not_read_forever(run_cli):
    result = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", "/dev/zero")
    assert (result.status, error_of(result)) == (
        1, "error: --body /dev/zero: larger than 64 MiB, more than any Pinpoint request takes")
    directory = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", "/")
    assert (directory.status, error_of(directory)) == (1, "error: --body /: Is a directory")


def test_importing_an_endless_file_is_refused(run_cli):
    result = run_cli("env", "import", "/dev/zero")
    assert (result.status, error_of(result)) == (1, "error: /dev/zero: larger than 16 MiB: not a Postman environment export")
