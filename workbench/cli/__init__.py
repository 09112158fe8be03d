"""Headless entry point: argv -> core -> ExitStatus. Imports no Qt.

Each command group lives in its own module with `register(subparsers)`; a handler takes
`(args, ctx)` and returns an ExitStatus. `main()` never lets a WorkbenchError escape as a
traceback: it prints the message (and its remedy, worded as a command) on stderr, or with
--json as {"error": {code, message, fields, remedy}} on stdout, and returns ExitStatus.ERROR.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys

from workbench.cli.context import CliContext, ExitStatus
from workbench.core.errors import WorkbenchError

COMMAND_MODULES = (
    "workbench.cli.library_cmds",
    "workbench.cli.send_cmds",
    "workbench.cli.sandbox_cmds",
    "workbench.cli.env_cmds",
    "workbench.cli.history_cmds",
    "workbench.cli.interop_cmds",
    "workbench.cli.run_cmd",
    "workbench.cli.diagnose_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="pinpoint-workbench",
        description="Pinpoint Workbench: browse, render, sign and send Amazon Pinpoint API requests.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command group not written yet
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None, ctx: CliContext | None = None) -> ExitStatus:
    ctx = ctx or CliContext.from_process()
    _quiet_botocore()
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        # argparse prints help and usage errors itself: send them to the injected streams
        with contextlib.redirect_stdout(ctx.stdout), contextlib.redirect_stderr(ctx.stderr):
            args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse already printed usage/help
        return ExitStatus.OK if exc.code == 0 else ExitStatus.USAGE
    if not getattr(args, "handler", None):
        ctx.out(WELCOME)
        return ExitStatus.OK
    try:
        return ExitStatus(args.handler(args, ctx))
    except WorkbenchError as exc:
        from workbench.cli.output import print_error

        print_error(ctx, exc, as_json=bool(getattr(args, "json", False)))
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        ctx.err("interrupted")
        return ExitStatus.ERROR


def _quiet_botocore() -> None:
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
