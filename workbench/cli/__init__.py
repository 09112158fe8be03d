"""Headless entry point: argv -> core -> ExitStatus. Imports no Qt.

Each command group lives in its own module with `register(subparsers)`; a handler takes
`(args, ctx)` and returns an ExitStatus. `main()` never lets a WorkbenchError escape as a
traceback: it prints the message (and its remedy, worded as a command) on stderr, or with
--json as {"error": {code, message, fields, remedy}} on stdout, and returns ExitStatus.ERROR.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys

from workbench.cli.context import CliContext, ExitStatus
from workbench.core.common.errors import WorkbenchError

COMMAND_MODULES = (
    "workbench.cli.library_cmds",
    "workbench.cli.send_cmds",
    "workbench.cli.sandbox_cmds",
    "workbench.cli.env_cmds",
    "workbench.cli.credentials_cmds",
    "workbench.cli.history_cmds",
    "workbench.cli.interop_cmds",
    "workbench.cli.run_cmd",
    "workbench.cli.diagnose_cmds",
    "workbench.cli.health_cmds",
    "workbench.cli.tutorial_cmds",
)


def build_parser(command: str | None = None, *, names_only: bool = False) -> argparse.ArgumentParser:
    """The parser of every command; with `command` (the first word of argv), command modules
    are registered in order only until one provides it (`library list` imports no module
    of `send`); with `names_only`, the commands without their arguments (_NamesOnly): all
    the top-level help shows."""
    import importlib

    parser = _Parser(
        prog="pinpoint-workbench",
        description="Pinpoint Workbench: browse, render, sign and send Amazon Pinpoint API requests.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    registered = _NamesOnly(sub) if names_only else sub
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command group not written yet
            if exc.name == name:
                continue
            raise
        module.register(registered)
        if command in sub.choices:
            break
    _remember_parsers(parser)
    return parser


class _NamesOnly:
    """What the command modules register into when argv names no command (`--help`, or
    nothing: the welcome): each command with its name and help, as the top-level help lists
    them, and nothing of what their own parsers would hold. Building those (65 parsers, 315
    arguments, each asking gettext for its words) was two thirds of `--help`."""

    def __init__(self, subparsers):
        self._subparsers = subparsers

    def add_parser(self, name, **kwargs):
        self._subparsers.add_parser(name, help=kwargs.get("help"), add_help=False)
        return _Unbuilt()


class _Unbuilt:
    """A command's parser that is never used: whatever is asked of it, it takes and ignores."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: self


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, with the terminal's width found as `shutil.get_terminal_size` finds it
    ($COLUMNS, the terminal, else 80) without importing shutil, which imports bz2 and lzma:
    a tenth of `--help`."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            try:
                width = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                try:
                    width = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (AttributeError, ValueError, OSError):
                    width = 80
            width -= 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """argparse's parser with `_HelpFormatter` by default; subcommands' parsers are made of
    the same class, so they have it too (argparse makes a formatter for every argument added)."""

    def __init__(self, *args, formatter_class=_HelpFormatter, **kwargs):
        super().__init__(*args, formatter_class=formatter_class, **kwargs)


def _command_word(argv: list[str]) -> str | None:
    """The command argv names (its first word), or None for the top-level help."""
    for word in argv:
        if not word.startswith("-"):
            return word
        if word in ("-h", "--help"):
            return None
    return None


def _remember_parsers(parser: argparse.ArgumentParser) -> None:
    """Each subcommand's parser in its parsed arguments (`_parser`), so an argument only
    noticed after parsing gets that subcommand's usage, not the top-level one."""
    parser.set_defaults(_parser=parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                _remember_parsers(child)


def main(argv: list[str] | None = None, ctx: CliContext | None = None) -> ExitStatus:
    ctx = ctx or CliContext.from_process()
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = _command_word(args_list)
    parser = build_parser(command, names_only=command is None)
    usage = io.StringIO()
    try:
        # argparse prints help and usage errors itself: send them to the injected streams
        with contextlib.redirect_stdout(ctx.stdout), contextlib.redirect_stderr(usage):
            args, extra = parser.parse_known_args(args_list)
            if extra:
                args._parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # argparse printed help, or the subcommand's usage and the error
        if exc.code == 0:
            return ExitStatus.OK
        _usage_error(ctx, usage.getvalue(), as_json="--json" in args_list)
        return ExitStatus.USAGE
    if not getattr(args, "handler", None):
        ctx.out(WELCOME)
        return ExitStatus.OK
    _quiet_botocore()
    try:
        return ExitStatus(args.handler(args, ctx))
    except WorkbenchError as exc:
        from workbench.cli.output import print_error

        print_error(ctx, exc, as_json=bool(getattr(args, "json", False)))
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        ctx.err("interrupted")
        return ExitStatus.ERROR


def _usage_error(ctx: CliContext, text: str, as_json: bool) -> None:
    """argparse's "usage: ...\nPROG: error: MESSAGE" as it came, or (with --json) as
    {"error": {"code": "usage", "message", "fields": {"usage"}}} on stdout."""
    if not as_json:
        ctx.stderr.write(text)
        return
    usage, _, message = text.rstrip("\n").rpartition("\n")
    message = message.split(" error: ", 1)[-1]
    ctx.out_json({"error": {"code": "usage", "message": message, "fields": {"usage": usage}, "remedy": None}})


def _quiet_botocore() -> None:
    import logging

    # botocore logs the canonical request and signature at DEBUG: never let them reach
    # a handler, whatever the root logger's level is.
    for name in ("botocore", "botocore.auth", "boto3"):
        logging.getLogger(name).setLevel(logging.WARNING)


def entry_point() -> None:
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `pinpoint-workbench library list | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = ExitStatus.OK
    sys.exit(int(status))


WELCOME = """\
Pinpoint Workbench, command line (`pinpoint-workbench` alone or `pinpoint-workbench gui` opens the window)

Start here:
  pinpoint-workbench library list                 every Pinpoint operation, by API and group
  pinpoint-workbench library search sms           find operations
  pinpoint-workbench library show GetApps         one template: URL, variables, bodies, docs
  pinpoint-workbench render CreateApp --var endpoint=pinpoint.us-east-1.amazonaws.com
  pinpoint-workbench send GetApps --env sandbox   a signed request to the local sandbox

Every command takes --help and --json.
"""
