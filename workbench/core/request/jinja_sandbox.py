"""The jinja2 sandbox that renders templates plain substitution cannot (filters, loops,
expressions): jinja's SandboxedEnvironment plus limits on the text any operator, method or
filter may build, and a watchdog that stops a template running too long.

Imported only when a template needs it (render.py): most templates are plain `{{ name }}`
substitutions, and jinja2's import was a tenth of the command line's start-up.
"""

from __future__ import annotations

import math
import re
import sys
import time

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from workbench.core.request.render import (DEFAULT_LIMITS, RenderLimits, TemplateLimitExceeded, json_in_string,
                                           json_value, path_segment)


class _LimitedEnvironment(SandboxedEnvironment):
    """The sandbox, plus: no operator, method or filter may be asked to build more text
    than the output limit (`'x' * 3000000000`, `'x'.ljust(10**10)`, `center(10**10)`,
    `'%3000000000d' % 1`, `9 ** 10 ** 9`)."""

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


def _environment() -> SandboxedEnvironment:
    env = _LimitedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters.update({name: _width_guarded(env.filters[name]) for name in _WIDTH_FILTERS})
    env.filters["format"] = _format_guarded(env.filters["format"])
    env.filters["replace"] = _replace_guarded(env.filters["replace"])
    env.filters["join"] = _join_guarded(env.filters["join"])
    env.filters.update(json_in_string=json_in_string, json_value=json_value, path_segment=path_segment)
    return env


def _format_guarded(function):
    def guarded(value, *args, **kwargs):
        _check_format(str(value))
        return function(value, *args, **kwargs)

    return guarded


class Watchdog:
    """Stops a template that runs past `limits.seconds`: a trace function on the rendering
    thread that counts lines run in template code (only there) and checks the clock every
    1024 of them. The previous trace function (a debugger, coverage) is restored after."""

    def __init__(self, limits: RenderLimits, place: str):
        self.limits, self.place, self.lines = limits, place, 0
        self.deadline = time.monotonic() + limits.seconds

    def __enter__(self):
        self.previous = sys.gettrace()
        sys.settrace(self._on_call)
        return self

    def __exit__(self, *exc):
        sys.settrace(self.previous)

    def _on_call(self, frame, event, arg):
        return self._on_line if frame.f_code.co_filename == "<template>" else None

    def _on_line(self, frame, event, arg):
        self.lines += 1
        if not self.lines & 1023 and time.monotonic() > self.deadline:
            raise TemplateLimitExceeded(place=self.place, reason=f"it ran longer than {self.limits.seconds:g} s (a loop too big?)")
        return self._on_line


ENV = _environment()
