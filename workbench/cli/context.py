"""What a CLI command gets from outside: streams and the process environment (injected, so
tests run commands in-process and capture everything)."""

from __future__ import annotations

import enum
import json
import os
import re
import sys
from dataclasses import dataclass, field
from collections.abc import Mapping
from io import TextIOBase  # not typing.IO: typing is a tenth of --help

from workbench.core.common.errors import WorkbenchError

from workbench.core.environments.secret_variables import redact

_SURROGATE = re.compile("[\ud800-\udfff]")


class ExitStatus(enum.IntEnum):
    """Exit codes. HTTP responses map like this: 2xx -> OK, 3xx -> HTTP_3XX, 4xx -> HTTP_4XX,
    5xx -> HTTP_5XX; no response at all (refused, timeout, TLS...) -> NO_RESPONSE."""

    OK = 0
    ERROR = 1  # a workbench error: bad input, missing variable, unknown operation...
    USAGE = 2  # wrong command-line arguments
    HTTP_3XX = 3
    HTTP_4XX = 4
    HTTP_5XX = 5
    NO_RESPONSE = 6

    @classmethod
    def for_http_status(cls, status: int) -> "ExitStatus":
        if 200 <= status < 300:
            return cls.OK
        if 300 <= status < 400:
            return cls.HTTP_3XX
        if 400 <= status < 500:
            return cls.HTTP_4XX
        return cls.HTTP_5XX


@dataclass
class CliContext:
    stdout: TextIOBase
    stderr: TextIOBase
    stdin: TextIOBase
    environ: Mapping[str, str] = field(default_factory=dict)
    # secret values this command has seen: masked in everything it prints (secret_variables.redact)
    hidden: set = field(default_factory=set)

    @classmethod
    def from_process(cls) -> "CliContext":
        return cls(sys.stdout, sys.stderr, sys.stdin, dict(os.environ))

    def hide(self, values) -> None:
        """Mask these secret values in everything this command prints from now on."""
        self.hidden.update(values)

    def _printable(self, text: str) -> str:
        if self.hidden:
            text = redact(text, self.hidden)
        if _SURROGATE.search(text):  # bytes that were not UTF-8 (argv, files): shown escaped, never a crash
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        return text if text.endswith("\n") else text + "\n"

    def out(self, text: str = "") -> None:
        self.stdout.write(self._printable(text))

    def err(self, text: str) -> None:
        self.stderr.write(self._printable(text))

    def out_json(self, data) -> None:
        self.out(json.dumps(data, indent=2, ensure_ascii=False, default=str))


class BadArgument(WorkbenchError):
    """A command-line value in the wrong form (fields: flag, value)."""


MAX_WHOLE = 2**63 - 1  # the largest id or count SQLite (the history) can hold


def positive_int(text: str) -> int:
    """An argparse `type` for a count: a whole number from 1 to MAX_WHOLE (else a usage
    error; a 30-digit count never reaches the history as an OverflowError)."""
    value = entry_id(text)
    if value > MAX_WHOLE:
        import argparse

        raise argparse.ArgumentTypeError(f"expected a whole number of at most {MAX_WHOLE}, found {_shown(text)}")
    return value


def entry_id(text: str) -> int:
    """An argparse `type` for an id: a whole number of at least 1, of any size (the store
    says when no entry has it); not a number, or thousands of digits: a usage error."""
    import argparse

    try:
        value = int(text)
    except ValueError:  # not a number, or past the 4,300 digits Python reads
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found {_shown(text)}")
    return value


def _shown(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}... ({len(text)} characters)"


def limit_number(text: str) -> float:
    """An argparse `type` for a size or ratio limit: a number from 0 (no limit) to a million."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 1e6:  # NaN fails too
        raise argparse.ArgumentTypeError(f"expected a number from 0 (no limit) to 1000000, found {text[:40]}")
    return value


def answer_limits(args) -> dict:
    """What an answer may cost, from --max-decoded-mb, --max-decode-ratio and --output (a
    user who asked for the file gets all of it: no limit on the spooled body)."""
    return {"max_decoded_body": int(args.max_decoded_mb * 1024 * 1024) or None,
            "max_decode_ratio": args.max_decode_ratio or None,
            **({"max_spooled_body": None} if args.output else {})}


def parse_pairs(items: list[str], flag: str) -> dict[str, str]:
    """['a=1', 'b=x=y'] -> {'a': '1', 'b': 'x=y'}; a malformed item names its flag."""
    pairs: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise BadArgument(f"{flag} {item!r}: expected NAME=VALUE", flag=flag, value=item)
        pairs[name.strip()] = value
    return pairs


def open_store(ctx: CliContext):
    """The user's environment store; what was wrong with its file goes to stderr, once."""
    from workbench.core.environments.model import EnvironmentStore

    store = EnvironmentStore.at_default_location(ctx.environ)
    report = store.report()
    if report:
        ctx.err("warning: " + report)
    return store
