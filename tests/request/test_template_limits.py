"""Templates run with real limits (issue 22, item 5): time and memory hold for everything a
template can call -- filters and globals included -- because a template that needs jinja
runs in a worker process that is stopped past them; and every error a template makes is a
located `template_error`, never a traceback."""

from __future__ import annotations

import os

import pytest

from workbench.core.library.templates import default_library
from workbench.core.request import template_worker
from workbench.core.request.render import RenderLimits, TemplateError, TemplateLimitExceeded, TemplateSyntaxProblem, render

CREATE_APP = default_library().find("CreateApp")
HOST = {"endpoint": "pinpoint.us-east-1.amazonaws.com"}
QUICK = RenderLimits(seconds=1.0)
STOPPED = ("it ran longer than 1 s (a loop too big?)", "it needed more than 512 MiB of memory")


def rendered_error(body: str, limits: RenderLimits = QUICK) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        render(CREATE_APP, HOST, body, limits=limits)
    assert info.value.code == "template_error" and info.value.fields["place"] == "body"
    return info.value


@pytest.mark.parametrize("body", [
    "{{ lipsum(n=3000000)|length }}",
    "{{ ('x' * 16000000)|list|unique|list|length }}",
    "{{ (range(100000)|list * 160)|sort|length }}",
    "{% set x = range(100000)|list %}{% for i in range(40) %}{{ x.extend(x) }}{% endfor %}",  # doubling a list
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
])
def test_work_inside_filters_and_globals_is_stopped_by_the_limits(body):
    error = rendered_error(body)
    assert isinstance(error, TemplateLimitExceeded) and error.fields["reason"] in STOPPED
    assert render(CREATE_APP, HOST, '{"Name": "{{ "still" ~ " works" }}"}').body_json == {"Name": "still works"}


@pytest.mark.parametrize("body, message", [
    ("{{ 1/0 }}", "body: template error: division by zero (ZeroDivisionError) (line 1)"),
    ("{{ 1 + 'a' }}", "body: template error: unsupported operand type(s) for +: 'int' and 'str' (TypeError) (line 1)"),
    ("{{ '%s'|format(1, 2) }}",
     "body: template error: not all arguments converted during string formatting (TypeError) (line 1)"),
    ('{\n  "Name": "{{ 1 // 0 }}"\n}', "body: template error: integer division or modulo by zero (ZeroDivisionError) (line 2)"),
    ("{{ 10 ** 5000 }}", "body: template stopped: 10 ** 5000 would have more than 4300 digits"),
    ("{{ (10 ** 3000) * (10 ** 3000) }}", "body: template error: a number of more than 4300 digits cannot be written out (line 1)"),
    ("{{ ''.__class__ }}", "body: template error: access to attribute '__class__' of 'str' object is unsafe. (line 1)"),
])
def test_every_template_error_is_located(body, message):
    assert str(rendered_error(body)) == message


def test_a_header_template_error_names_the_header():
    from workbench.core.request.render import render_text

    with pytest.raises(TemplateSyntaxProblem) as info:
        render_text("{{ 1/0 }}", {}, "header X-Test")
    assert str(info.value) == "header X-Test: template error: division by zero (ZeroDivisionError) (line 1)"


def test_the_worker_holds_no_credentials(monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "canary-secret-in-the-parent")
    template_worker._stop()  # the next template starts a worker now, with this environment around it
    assert render(CREATE_APP, HOST, '{"Name": "{{ "a" ~ "b" }}"}').body_json == {"Name": "ab"}
    with open(f"/proc/{template_worker._worker.process.pid}/environ", "rb") as handle:
        environ = handle.read()
    assert b"canary-secret" not in environ and b"AWS_" not in environ


def test_plain_substitution_never_starts_a_worker():
    template_worker._stop()
    render(CREATE_APP, HOST | {"name": "x"}, '{"Name": "{{ name }}"}')
    assert template_worker._worker is None


@pytest.mark.parametrize("body", ["{{ 1/0 }}", "{{ lipsum(n=3000000)|length }}", "{{ 10 ** 5000 }}"])
def test_the_command_line_says_where_and_exits_1(run_cli, tmp_path, body):
    path = tmp_path / "body.json"
    path.write_text(body)
    result = run_cli("render", "CreateApp", "--var", "endpoint=pinpoint.us-east-1.amazonaws.com", "--body", str(path))
    assert result.status == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: body: template ")
