"""What a template may cost and how it fails: the limits (time, output, memory) and the
located errors (code "template_error"). Light on purpose: imported with render, before
anything needs jinja."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.common.errors import WorkbenchError


@dataclass(frozen=True)
class RenderLimits:
    """How long one template may run, how much text it may make and how much memory it may
    use (a user's body template can loop, multiply strings or call costly filters; it must
    stop fast with a clear error, not run for minutes or take the machine)."""

    seconds: float = 2.0
    output_chars: int = 16 * 1024 * 1024
    memory_bytes: int = 512 * 1024 * 1024


DEFAULT_LIMITS = RenderLimits()


class TemplateError(WorkbenchError):
    """A template that could not be rendered, located: `place`, `reason`, and `line` (the
    template's line, when known)."""

    code = "template_error"
    fmt = "{place}: template error: {reason}"


class TemplateSyntaxProblem(TemplateError):
    """The template does not parse, or fails while it runs (1/0, 1 + 'a', a refused attribute)."""

    code = "template_error"


class TemplateLimitExceeded(TemplateError):
    """The template passed a limit (time, memory, output size)."""

    code = "template_error"
    fmt = "{place}: template stopped: {reason}"
