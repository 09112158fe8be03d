"""The jinja2 environment user templates run in, and the limits they run under.

Sandboxed (a template cannot reach Python objects), strict (an undefined name is an
error), and guarded: no operator, method or filter may be asked to build more text than
the output limit (`'x' * 3000000000`, `'x'.ljust(10**10)`, `center(10**10)`,
`'%3000000000d' % 1`, `9 ** 10 ** 9`, a number too long to write out). These guards give
a precise message early; the hard limits -- time and memory for *everything* a template
can call, filters and globals included (`lipsum(n=3000000)`, `list|unique` of 16 million
items, sorting a list of 16 million) -- come from running the template in a worker process
that is stopped when it passes them (`template_worker`).

Every failure is a located `TemplateError` (template_errors; code "template_error"): where
(`place`: body, url path, header X...), what, and the template's line when it is known.
Imported only when a template needs jinja (jinja2's import is a tenth of the command line's
start-up; most templates are plain `{{ name }}` substitutions).
"""

from __future__ import annotations

import math
import re
import jinja2
from jinja2.sandbox import SandboxedEnvironment

from workbench.core.request.escaping import ESCAPING_FILTERS
from workbench.core.request.template_errors import DEFAULT_LIMITS, TemplateLimitExceeded, TemplateSyntaxProblem

MAX_DIGITS = 4300  # Python writes out no longer integer (sys.get_int_max_str_digits)


class _LimitedEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and _is_int(times):
                    _check_size(len(seq) * times, f"{len(seq)} x {times}")
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            _check_size(len(left) + len(right), f"{len(left) + len(right)} items")
        elif operator == "**" and _is_int(left) and _is_int(right) and abs(left) > 1:
            _check_size(int(right * math.log2(abs(left)) / 8), f"{left} ** {right}")
            if right * math.log10(abs(left)) > MAX_DIGITS:
                raise TemplateLimitExceeded(place="template", reason=f"{left} ** {right} would have more than "
                                                                     f"{MAX_DIGITS} digits")
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - jinja's signature
        owner, name = getattr(__obj, "__self__", None), getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in _WIDTH_METHODS:
            _check_widths(args, kwargs)
        elif isinstance(owner, str) and name == "replace" and len(args) >= 2:
            _check_replace(owner, *args[:2])
        elif isinstance(owner, str) and name == "join" and args:
            _check_join(owner, args[0])
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        if getattr(value, "__name__", "") in ("format", "format_map") and isinstance(getattr(value, "__self__", None), str):
            _check_format(value.__self__)
        return super().wrap_str_format(value)


_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})
_WIDTH_FILTERS = frozenset({"center", "indent", "truncate", "wordwrap"})
# a width or precision of 9+ digits in a format spec: "{:>3000000000}", "{0:.999999999f}", "%3000000000d"
_HUGE_WIDTH = re.compile(r"\{[^{}]*:[^{}\d]*(\d{9,})[^{}]*\}|%[-#0 +]*(\d{9,})|%[-#0 +]*\d*\.(\d{9,})")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_size(size: int, what: str) -> None:
    if size > DEFAULT_LIMITS.output_chars:
        raise TemplateLimitExceeded(
            place="template", reason=f"{what} would make more than {DEFAULT_LIMITS.output_chars} characters"
        )


def _check_widths(args, kwargs) -> None:
    for value in (*args, *kwargs.values()):
        if _is_int(value):
            _check_size(abs(value), f"a width of {value}")


def _check_format(text: str) -> None:
    match = _HUGE_WIDTH.search(text)
    if match:
        width = next(group for group in match.groups() if group)
        _check_size(int(width), f"a width of {width} in a format")


def _check_replace(text, old, new) -> None:
    """`text.replace(old, new)` grows by len(new) - len(old) per occurrence: bound it before."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        occurrences = len(text) + 1 if not old else text.count(old)
        _check_size(len(text) + occurrences * (len(new) - len(old)), f"replacing {len(old)} with {len(new)} characters")


def _check_join(separator, items) -> None:
    if isinstance(separator, str) and isinstance(items, (str, list, tuple)):
        _check_size(len(separator) * len(items), f"joining {len(items)} items with {len(separator)} characters")


def _replace_guarded(function):
    def guarded(eval_ctx, value, old, new, *args, **kwargs):
        _check_replace(str(value), str(old), str(new))
        return function(eval_ctx, value, old, new, *args, **kwargs)

    guarded.jinja_pass_arg = function.jinja_pass_arg
    return guarded


def _join_guarded(function):
    def guarded(eval_ctx, value, d="", *args, **kwargs):
        _check_join(str(d), value if isinstance(value, (str, list, tuple)) else ())
        return function(eval_ctx, value, d, *args, **kwargs)

    guarded.jinja_pass_arg = function.jinja_pass_arg
    return guarded


def _width_guarded(function):
    def guarded(value, *args, **kwargs):
        _check_widths(args, kwargs)
        return function(value, *args, **kwargs)

    return guarded


def _format_guarded(function):
    def guarded(value, *args, **kwargs):
        _check_format(str(value))
        return function(value, *args, **kwargs)

    return guarded


def limited_environment(escaping_filters: dict) -> SandboxedEnvironment:
    """The environment templates are parsed and run in; `escaping_filters` are the filters
    that place a value where it lands (json_value, path_segment...)."""
    env = _LimitedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters.update({name: _width_guarded(env.filters[name]) for name in _WIDTH_FILTERS})
    env.filters["format"] = _format_guarded(env.filters["format"])
    env.filters["replace"] = _replace_guarded(env.filters["replace"])
    env.filters["join"] = _join_guarded(env.filters["join"])
    env.filters.update(escaping_filters)
    return env


ENV = limited_environment(ESCAPING_FILTERS)


def run_template(template: jinja2.Template, variables, output_chars: int, place: str) -> str:
    """Render in this process under the output limit and the guards (the worker process
    calls this; time and memory are its parent's to enforce). Raises TemplateError, or
    jinja2.UndefinedError for a name or attribute with no value."""
    parts, size = [], 0
    try:
        for part in template.generate(variables):
            size += len(part)
            if size > output_chars:
                raise TemplateLimitExceeded(place=place, reason=f"it made more than {output_chars} characters")
            parts.append(part)
    except TemplateLimitExceeded as exc:
        raise TemplateLimitExceeded(place=place, reason=exc.reason) from None
    except jinja2.UndefinedError:
        raise
    except (OverflowError, RecursionError) as exc:
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise TemplateLimitExceeded(place=place, reason=reason) from None
    except MemoryError:
        raise
    except Exception as exc:  # 1/0, 1 + 'a', '%s' % (1, 2), a refused attribute: the template's error, located
        raise TemplateSyntaxProblem(place=place, reason=_reason(exc) + _line_of(exc)) from None
    return "".join(parts)


def _reason(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, ValueError) and text.startswith("Exceeds the limit"):  # str() of a huge int
        return f"a number of more than {MAX_DIGITS} digits cannot be written out"
    if isinstance(exc, jinja2.TemplateError):
        return text
    return f"{text} ({type(exc).__name__})" if text else type(exc).__name__


def _line_of(exc: BaseException) -> str:
    """' (line N)' for the template line the error came from (jinja rewrites the traceback
    so that template frames carry the template's line numbers), else ''."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return f" (line {line})" if line is not None else ""
