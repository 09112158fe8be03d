"""Fuzz-style: families of bad input (environment files, Postman files, bodies, command-line
values and bytes; and since round two: template expressions that fail, ids and counts of
any size, answers cut anywhere, compressed answers of any size, damaged window sessions,
devices/pipes/folders/loops where a file is read) never reach the user as a traceback,
and never cost a file.

Each example runs real commands in-process (run_cli), argv bytes and binary stdin in a
subprocess. The tally (tests/hardening/conftest.py) prints how many inputs were tried and
how many tracebacks escaped; every test asserts there were none.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.fault_server import FaultServer, http_response

NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
KEYS = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-EXAMPLE", **NO_KEYRING}
# HARDEN_FUZZ_EXAMPLES=500 for a longer hunt than the suite's
FUZZ = settings(max_examples=int(os.environ.get("HARDEN_FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow, HealthCheck.data_too_large])

# ---------------------------------------------------------------- the families of bad JSON


def nested(depth: int, kind: str) -> str:
    return ('{"a": ' * depth + "1" + "}" * depth) if kind == "{" else ("[" * depth + "]" * depth)


surrogate_escape = st.integers(0xD800, 0xDFFF).map(lambda c: f"\\u{c:04x}")
bad_bytes = st.sampled_from([b"\xff", b"\xfe", b"\xc3", b"\xed\xa0\x80", b"\x80", b"\xf8\x88\x80\x80\x80", b"\x00"])
huge_number = st.integers(101, 12000).map(lambda n: "9" * n) | st.sampled_from(["1e999", "-1e400", "NaN", "Infinity", "1" * 400 + ".5"])
odd_host = st.sampled_from(["a.example.com:99999", "a.example.com:0", "a.example.com:-1", "169.254.169.254",
                            "[fd00:ec2::254]", "evil.example.com", "127.0.0.1:65536", "x" * 300, "a b", "", "é.example"])
json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_value = st.recursive(json_scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def spliced(document: str) -> st.SearchStrategy[bytes]:
    """A valid-looking document with one bad piece put at a JSON value position."""
    piece = (
        st.tuples(st.integers(101, 250_000), st.sampled_from("[{")).map(lambda t: nested(*t))
        | huge_number
        | surrogate_escape.map(lambda e: f'"{e}"')
        | odd_host.map(json.dumps)
        | json_value.map(json.dumps)
    )
    as_text = piece.map(lambda p: document.replace('"@@"', p).encode())
    with_bad_bytes = bad_bytes.map(lambda b: document.replace('"@@"', '"x').encode() + b + b'"}]}')
    return as_text | with_bad_bytes


ENV_DOCUMENT = json.dumps({"schema_version": 1, "environments": [
    {"name": "good", "region": "us-east-1", "credential_source": {"kind": "process"}},
    {"name": "fuzzed", "region": "us-east-1", "variables": {"projectId": "@@"}, "hosts": {"pinpoint": "@@"}},
]})
env_files = (
    spliced(ENV_DOCUMENT)
    | spliced(ENV_DOCUMENT.replace('"projectId"', '"@@"'))
    | st.fixed_dictionaries({"name": json_value | st.text(max_size=8), "region": st.sampled_from(["us-east-1", "", "mars-1"]) | json_value,
                             "hosts": st.fixed_dictionaries({"pinpoint": odd_host}) | json_value,
                             "confirmed_hosts": st.lists(odd_host, max_size=2) | json_value,
                             "secret_variables": st.lists(st.text(max_size=5), max_size=2) | json_value})
    .map(lambda entry: json.dumps({"schema_version": 1, "environments": [entry]}).encode())
    | st.binary(max_size=200)
)

POSTMAN_DOCUMENT = json.dumps({"name": "p", "_postman_variable_scope": "environment", "values": [
    {"key": "region", "value": "us-east-1", "type": "default"},
    {"key": "endpoint", "value": "@@", "type": "default"},
    {"key": "apiSecret", "value": "@@", "type": "secret"},
]})
postman_item = st.fixed_dictionaries({"key": st.text(max_size=10) | json_value, "value": st.text(max_size=20) | json_value | odd_host,
                                      "type": st.sampled_from(["default", "secret", "any"]), "enabled": st.booleans()})
postman_files = (
    spliced(POSTMAN_DOCUMENT)
    | spliced(POSTMAN_DOCUMENT.replace('"apiSecret"', '"@@"'))
    | st.lists(postman_item, max_size=5).map(
        lambda items: json.dumps({"name": "p", "values": [{"key": "region", "value": "us-east-1"}, *items]}).encode())
    | st.binary(max_size=200)
)

BODY_DOCUMENT = '{"CreateApplicationRequest": {"Name": "@@", "tags": {"k": "v"}}}'
body_templates = st.sampled_from([
    "{{ 'x' * 3000000000 }}", "{{ 'x'.ljust(99999999999) }}", "{{ '%099999999999d' % 1 }}", "{{ 9 ** 9 ** 9 ** 9 }}",
    "{{ 'a'|center(99999999999) }}", "{{ ''.__class__ }}", "{% for x in range(99999999) %}{% endfor %}",
    "{{ undefined_variable }}", "{{ unclosed", "{% if %}", "{{ [1] * 99999999999 }}", "{{ 'x'|indent(99999999999) }}",
])
bodies = spliced(BODY_DOCUMENT) | body_templates.map(str.encode) | st.binary(max_size=300)

# strings as they arrive from a non-UTF-8 command line (surrogateescape), or plain odd text
argv_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.binary(min_size=1, max_size=8).map(
    lambda b: b.decode("utf-8", "surrogateescape")) | st.sampled_from(["\ud800", "x\udcff", "-", "--", "sandbox", ".hidden", " "])


# ---------------------------------------------------------------- helpers


def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config" / "pinpoint-workbench"


def fresh(tmp_path: Path) -> Path:
    shutil.rmtree(tmp_path / "config", ignore_errors=True)
    directory = config_dir(tmp_path)
    directory.mkdir(parents=True)
    return directory


def no_traceback(result) -> bool:
    return result is not None and "Traceback" not in result.stdout + result.stderr and result.status in (0, 1, 2, 3, 4, 5, 6)


# ---------------------------------------------------------------- the tests


@FUZZ
@given(content=env_files)
def test_damaged_environment_files(run_cli, tmp_path, tally, content):
    directory = fresh(tmp_path)
    path = directory / "environments.json"
    path.write_bytes(content)
    listed = None
    for argv in (("env", "list", "--json"), ("env", "list"), ("env", "show", "fuzzed"),
                 ("send", "GetApps", "--env", "good", "--dry-run"), ("send", "GetApps", "--env", "fuzzed", "--dry-run"),
                 ("env", "add", "new", "--region", "us-east-1", "--from-process-env")):
        result = tally.attempt("environment file", content, lambda: run_cli(*argv, env=KEYS))
        assert no_traceback(result), (argv, result)
        if listed is None:
            listed = result.json
    if listed["problems"]:  # damaged: the original survives byte for byte, as itself or as a backup
        assert content in [p.read_bytes() for p in directory.iterdir() if p.is_file()]
    else:  # sound: every environment is still there after the add
        before = {env["name"] for env in listed["environments"]} - {"sandbox"}
        after = {env["name"] for env in json.loads(path.read_text())["environments"]}
        assert before | {"new"} == after
    assert not list(directory.glob(".environments.json.*.tmp"))


@FUZZ
@given(content=postman_files)
def test_damaged_postman_files(run_cli, tmp_path, tally, content):
    fresh(tmp_path)
    export = tmp_path / "export.postman_environment.json"
    export.write_bytes(content)
    for argv in (("env", "import", str(export), "--name", "imported"), ("env", "import", str(export), "--skip-secrets", "--json"),
                 ("env", "list", "--json")):
        result = tally.attempt("postman file", content, lambda: run_cli(*argv, env=NO_KEYRING))
        assert no_traceback(result), (argv, result)
    assert export.read_bytes() == content


@FUZZ
@given(content=bodies)
def test_bad_bodies(run_cli, tmp_path, tally, content):
    directory = fresh(tmp_path)
    (directory / "environments.json").write_text(json.dumps({"environments": [
        {"name": "dev", "region": "us-east-1", "credential_source": {"kind": "process"}}]}))
    body = tmp_path / "body.json"
    body.write_bytes(content)
    for argv in (("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", str(body)),
                 ("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", str(body), "--json"),
                 ("send", "CreateApp", "--env", "dev", "--dry-run", "--body", str(body), "--json"),
                 ("raw", "POST", "https://{{ endpoint }}/v1/apps", "--signing-name", "mobiletargeting", "--env", "dev",
                  "--dry-run", "--inspect", "--body", str(body))):
        result = tally.attempt("body", content, lambda: run_cli(*argv, env=KEYS))
        assert no_traceback(result), (argv, result)
    assert body.read_bytes() == content


@FUZZ
@given(name=argv_text, value=argv_text, host=odd_host | argv_text, port=st.integers(-10, 10**6) | st.just(99999),
       region=st.sampled_from(["us-east-1", "eu-west-1", "mars-1"]) | argv_text)
def test_odd_command_line_values(run_cli, tmp_path, tally, name, value, host, port, region):
    fresh(tmp_path)
    seen = len(tally.tracebacks)
    runs = [
        ("env", "add", name, "--region", region, "--from-process-env", "--var", f"projectId={value}", "--host", f"pinpoint={host}"),
        ("env", "add", "p", "--region", "us-east-1", "--host", f"pinpoint=h.example.com:{port}", "--trust-hosts"),
        ("env", "add", "q", "--region", "us-east-1", "--var", f"{value}=1", "--colour", value),
        ("env", "list"), ("env", "show", name),
        ("send", "GetApps", "--env", name, "--dry-run", "--var", f"projectId={value}"),
        ("send", "GetApp", "--env", "p", "--dry-run", "--var", f"projectId={value}"),
        ("raw", "GET", f"https://{host}:{port}/v1/apps", "--signing-name", "mobiletargeting", "--env", "p", "--dry-run"),
        ("raw", value, "https://pinpoint.us-east-1.amazonaws.com/v1/apps", "--signing-name", "mobiletargeting", "--env", "p", "--dry-run"),
        ("render", "GetApp", "--var", f"endpoint={host}", "--var", f"projectId={value}"),
        ("raw", "GET", "https://pinpoint.us-east-1.amazonaws.com/v1/apps", "--signing-name", value, "--region", name,
         "--env", "p", "--dry-run", "-H", f"X-{name}: {value}"),
    ]
    for argv in runs:
        if "sandbox" in argv[3:5] and argv[0] == "send":
            continue  # the sandbox environment starts a server: not what this test is about
        result = tally.attempt("command line", argv, lambda: run_cli(*argv, env=KEYS))
        assert no_traceback(result), (argv, result)
    assert len(tally.tracebacks) == seen, tally.tracebacks[-1][2]


def test_argv_bytes_and_binary_stdin_in_a_real_process(tmp_path, tally):
    environ = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
                   XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"), LC_ALL="C.UTF-8", **KEYS)
    environ.pop("PYTHONIOENCODING", None)
    cli = [sys.executable, "-c", "from workbench.cli import entry_point; entry_point()"]
    runs = [
        ([b"env", b"add", b"ok", b"--region", b"us-east-1", b"--from-process-env"], b""),
        ([b"env", b"add", b"caf\xe9", b"--region", b"us-east-1"], b""),
        ([b"env", b"add", b"ok2", b"--region", b"us-east-1", b"--var", b"projectId=\xff\xfe", b"--from-process-env"], b""),
        ([b"env", b"show", b"\xff"], b""),
        ([b"send", b"GetApps", b"--env", b"\xc3", b"--dry-run"], b""),
        ([b"render", b"GetApp", b"--var", b"endpoint=pinpoint.us-east-1.amazonaws.com", b"--var", b"projectId=\xed\xa0\x80"], b""),
        ([b"render", b"CreateApp", b"--var", b"endpoint=pinpoint.us-east-1.amazonaws.com", b"--body", b"-"], b"\xff\xfe\x00binary"),
        ([b"raw", b"POST", b"https://{{ endpoint }}/v1/apps", b"--signing-name", b"mobiletargeting", b"--env", b"ok",
          b"--dry-run", b"--body", b"-"], b'{"Name": "\xc3\x28"}'),
        ([b"raw", b"GET", b"https://pinpoint.us-east-1.amazonaws.com:99999/\xff", b"--signing-name", b"mobiletargeting",
          b"--env", b"ok", b"--dry-run"], b""),
        ([b"env", b"list", b"--json"], b""),
    ]
    for argv, stdin in runs:
        def run():
            done = subprocess.run(cli + argv, input=stdin, capture_output=True, env=environ, timeout=120)
            stderr = done.stderr.decode("utf-8", "replace")
            if b"Traceback" in done.stderr or done.returncode not in (0, 1, 2):
                raise AssertionError(f"exit {done.returncode}: {stderr}")
            return stderr
        stderr = tally.attempt("argv bytes / binary stdin", argv, run)
        assert stderr is not None, tally.tracebacks[-1][2]
    # the one environment that was valid is saved; nothing else was
    saved = json.loads((tmp_path / "config" / "pinpoint-workbench" / "environments.json").read_text())
    assert [env["name"] for env in saved["environments"]] == ["ok"]


server_bodies = spliced('{"ApplicationsResponse": {"Item": ["@@"]}}')


@FUZZ
@given(body=server_bodies)
def test_bad_json_from_a_server(run_cli, tmp_path, tally, body):
    """What comes back is input too: a response nested 200,000 deep, a 5,000-digit number or
    a lone surrogate is shown as text, never a traceback, in the output and in the history."""
    fresh(tmp_path)
    run_cli("env", "add", "local", "--region", "us-east-1", "--from-process-env", env=KEYS)

    def answer(conn, request, server):
        conn.sendall(http_response(200, "OK", body, [("Content-Type", "application/json")]))

    with FaultServer(answer) as server:
        for argv in (("raw", "GET", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "local",
                      "--allow-any-host"),
                     ("raw", "GET", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "local",
                      "--allow-any-host", "--json")):
            result = tally.attempt("server response", body, lambda: run_cli(*argv, env=KEYS))
            assert no_traceback(result), (argv, result)
    for argv in (("history", "list"), ("history", "list", "--json")):
        result = tally.attempt("server response", body, lambda: run_cli(*argv, env=KEYS))
        assert no_traceback(result), (argv, result)


COLLECTION_DOCUMENT = json.dumps({"info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                                  "item": [{"name": "GetApps", "request": {"method": "GET", "url": "https://{{endpoint}}/v1/apps",
                                                                           "body": {"mode": "raw", "raw": "@@"}}}]})
CLOUDTRAIL_DOCUMENT = json.dumps({"Records": [{"eventSource": "pinpoint.amazonaws.com", "eventName": "CreateApp",
                                               "awsRegion": "us-east-1", "requestParameters": {"Name": "@@"}}]})
BUNDLE_DOCUMENT = json.dumps({"format": "pinpoint-workbench-bundle", "version": 1, "draft": {"operation": "@@"}})
foreign_files = (spliced(COLLECTION_DOCUMENT) | spliced(CLOUDTRAIL_DOCUMENT) | spliced(BUNDLE_DOCUMENT)
                 | st.binary(max_size=200))


@FUZZ
@given(content=foreign_files)
def test_damaged_foreign_files(run_cli, tmp_path, tally, content):
    """Postman collections, CloudTrail records, bundles: other people's JSON, same rules."""
    fresh(tmp_path)
    given_file = tmp_path / "given.json"
    given_file.write_bytes(content)
    for argv in (("import", "postman", str(given_file), "--into", str(tmp_path / "drafts")),
                 ("import", "cloudtrail", str(given_file), "--json"), ("import", "curl", str(given_file)),
                 ("bundle", "open", str(given_file))):
        result = tally.attempt("foreign file", content, lambda: run_cli(*argv, env=KEYS))
        assert no_traceback(result), (argv, result)
    assert given_file.read_bytes() == content


# ---------------------------------------------------------------- round two (issue 22)

OPERANDS = ["0", "1", "-1", "10", "5000", "'a'", "'%s'", "[]", "{}", "none", "true", "range(3)", "(1, 2)", "'x' * 3",
            "lipsum", "dict()", "1.5", "'9' * 50"]
OPERATORS = [" / ", " // ", " % ", " ** ", " + ", " - ", " * ", " ~ ", " in ", "|format", "|int + ", "[", "|join(", "."]
template_expressions = st.tuples(st.sampled_from(OPERANDS), st.sampled_from(OPERATORS), st.sampled_from(OPERANDS)).map(
    lambda t: "{{ " + t[0] + t[1] + t[2] + ("]" if t[1] == "[" else ")" if t[1] == "|join(" else "") + " }}")
template_errors = st.sampled_from(["{{ 1/0 }}", "{{ 10**5000 }}", "{{ 1+'a' }}", "{{ '%s'|format(1,2) }}",
                                   "{{ (10 ** 3000) * (10 ** 3000) }}", "{{ ''.__class__ }}"]) | template_expressions


@FUZZ
@given(expression=template_errors, line=st.integers(0, 3))
def test_template_errors_are_located(run_cli, tmp_path, tally, expression, line):
    body = tmp_path / "body.json"
    body.write_text("\n" * line + '{"Name": "' + expression + '"}')
    argv = ("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", str(body), "--json")
    result = tally.attempt("template", expression, lambda: run_cli(*argv))
    assert no_traceback(result), (expression, result)
    if result.status:
        assert result.json["error"]["code"] in ("template_error", "missing_variable", "invalid_json"), result.json
        assert result.json["error"]["message"].startswith("body: ") or result.json["error"]["code"] != "template_error"


huge_ids = st.integers(-10**30, 10**30).map(str) | st.sampled_from(["0", "9" * 23, "1" * 5000, "1e9", "0x10", " 7", "٣"]) | argv_text


@FUZZ
@given(value=huge_ids)
def test_ids_and_counts_from_the_command_line(run_cli, tmp_path, tally, value):
    fresh(tmp_path)
    for argv in (("history", "show", value), ("history", "list", "--limit", value), ("history", "replay", value, "--dry-run"),
                 ("diagnose", "--history", value), ("bundle", "create", "--history", value, "--out", str(tmp_path / "b.json")),
                 ("send", "GetApps", "--env", "nosuch", "--dry-run", "--max-decoded-mb", value)):
        result = tally.attempt("id or count", argv, lambda: run_cli(*argv))
        assert no_traceback(result), (argv, result)


def _answers():
    import gzip as _gzip

    document = json.dumps({"ApplicationsResponse": {"Item": [{"Id": "a" * 40, "Name": "n"}] * 20}}).encode()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
    plain = head + f"Content-Length: {len(document)}\r\n\r\n".encode() + document
    zipped = _gzip.compress(document)
    gzipped = head + f"Content-Encoding: gzip\r\nContent-Length: {len(zipped)}\r\n\r\n".encode() + zipped
    chunked = head + b"Transfer-Encoding: chunked\r\n\r\n" + b"".join(
        f"{len(part):x}\r\n".encode() + part + b"\r\n" for part in (document[:100], document[100:])) + b"0\r\n"
    # (answer, where it is complete: a cut before that is not an answer)
    return [(plain, len(plain)), (gzipped, len(gzipped)), (chunked + b"\r\n", len(chunked))]


ANSWERS = _answers()


@FUZZ
@given(which=st.integers(0, len(ANSWERS) - 1), data=st.data(), how=st.sampled_from(["reset", "closed"]))
def test_an_answer_cut_anywhere_is_never_taken_for_one(run_cli, tmp_path, tally, which, data, how):
    """Any prefix of a valid answer, ended by a reset or a close, is an error (exit 6), never
    a 200: in the head, in a Content-Length body, in a chunked one, in a gzip one."""
    from tests.helpers.fault_server import _end

    fresh(tmp_path)
    run_cli("env", "add", "local", "--region", "us-east-1", "--from-process-env", env=KEYS)
    answer, complete = ANSWERS[which]
    position = data.draw(st.integers(0, complete - 1), label="cut at")  # its ends are drawn often

    def cut_answer(conn, request, server):
        conn.sendall(answer[:position])
        _end(conn, how)

    with FaultServer(cut_answer) as server:
        argv = ("raw", "GET", server.url("/v1/apps"), "--signing-name", "mobiletargeting", "--env", "local",
                "--allow-any-host", "--json")
        result = tally.attempt("cut answer", (which, position, how), lambda: run_cli(*argv, env=KEYS))
    assert no_traceback(result), result
    assert result.status == 6, (which, position, how, result.stdout[:300])
    assert result.json["error"]["code"] == "connection_reset", result.json


session_values = json_value | st.integers() | st.text(max_size=5)


@FUZZ
@given(tabs=session_values | st.lists(session_values | st.fixed_dictionaries({"draft": session_values}), max_size=3),
       active=session_values, environment=session_values, raw=st.booleans(), junk=st.binary(max_size=50))
def test_damaged_window_session_files(tmp_path, tally, tabs, active, environment, raw, junk):
    from workbench.core.settings.window_session import load_session

    path = tmp_path / "window-session.json"
    path.write_bytes(junk if raw else json.dumps({"schema_version": 1, "tabs": tabs, "active": active,
                                                  "environment": environment}).encode())
    session = tally.attempt("window session", (tabs, active, environment), lambda: load_session(path))
    assert session is not None
    assert 0 <= session.active <= max(0, len(session.tabs) - 1) and isinstance(session.environment, str)


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"special-{kind}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        os.symlink(path.name, path)
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        os.symlink(f"/dev/{kind}", path)
    return path


@FUZZ
@given(kind=st.sampled_from(["zero", "null", "urandom", "fifo", "folder", "loop", "empty"]),
       role=st.sampled_from(["environments.json", "preferences.json", "globals.json", "draft", "postman", "diagnose", "curl"]))
def test_files_that_are_not_files(run_cli, tmp_path, tally, kind, role):
    """Every reader takes only a regular file of a sane size: a device, a pipe with no
    writer, a folder or a symlink loop in any place a file is read is a clear error or a
    reported problem at once (a read that never ends would hang this test)."""
    directory = fresh(tmp_path)
    shutil.rmtree(tmp_path / "coll", ignore_errors=True)
    special = _special(tmp_path / "config", kind)
    if role in ("environments.json", "preferences.json", "globals.json"):
        os.replace(special, directory / role)
        runs = [("env", "list", "--json"), ("send", "GetApps", "--env", "sandbox", "--dry-run")]
    elif role == "draft":
        (tmp_path / "coll").mkdir()
        os.replace(special, tmp_path / "coll" / "x.request.json")
        runs = [("export", "postman", str(tmp_path / "coll"), "--out", str(tmp_path / "out.json"))]
    else:
        runs = [{"postman": ("import", "postman", str(special), "--into", str(tmp_path / "d")),
                 "diagnose": ("diagnose", str(special)), "curl": ("import", "curl", str(special))}[role]]
    for argv in runs:
        result = tally.attempt("not a file", (kind, role), lambda: run_cli(*argv, env=KEYS))
        assert no_traceback(result), (kind, role, argv, result)


@settings(max_examples=max(5, FUZZ.max_examples // 4), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(decoded_mib=st.integers(1, 300), max_mb=st.sampled_from(["1", "8", "64"]), ratio=st.sampled_from(["0", "10", "200"]))
def test_compressed_answers_of_any_size(run_cli, tmp_path, tally, decoded_mib, max_mb, ratio):
    """gzip answers from 1 to 300 MiB decoded, under various limits: an answer, or
    response_too_large naming the limit it passed -- never a traceback, never unbounded."""
    from tests.helpers.fault_server import gzip_bomb

    fresh(tmp_path)
    run_cli("env", "add", "local", "--region", "us-east-1", "--from-process-env", env=KEYS)
    with FaultServer(gzip_bomb(decoded_mib)) as server:
        argv = ("raw", "GET", server.url("/"), "--signing-name", "mobiletargeting", "--env", "local", "--allow-any-host",
                "--json", "--max-decoded-mb", max_mb, "--max-decode-ratio", ratio)
        result = tally.attempt("compressed answer", (decoded_mib, max_mb, ratio), lambda: run_cli(*argv, env=KEYS))
    assert no_traceback(result), result
    if decoded_mib > int(max_mb):
        assert result.status == 6 and result.json["error"]["code"] == "response_too_large"
    else:
        assert result.status in (0, 6)
        if result.status == 6:  # only the ratio can stop what fits the size
            assert "decoding-ratio limit" in result.json["error"]["message"]
