"""`send OPERATION` and `raw METHOD URL`: render, validate, sign, send, show.

`--dry-run` signs and shows the request without sending; `--inspect` shows what was
signed and how (canonical request, string to sign, credential scope, signed headers).
Exit status: 0 for 2xx, 3/4/5 for 3xx/4xx/5xx, 6 when no response came back.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from urllib.parse import parse_qsl

from workbench.cli.context import CliContext, ExitStatus
from workbench.cli.library_cmds import add_request_arguments, parse_vars, print_problems, read_body, request_variables, template_for
from workbench.core import transport
from workbench.core.body_preview import preview_body
from workbench.core.credentials import KeyringCredentialStore, resolve_credentials
from workbench.core.environments import SANDBOX_NAME, needs_confirmation, sandbox_environment
from workbench.core.errors import WorkbenchError
from workbench.core.library import QueryParam, RequestTemplate
from workbench.core.lifecycle import lifecycle_notes
from workbench.core.destination import check_destination
from workbench.core.send_flow import execute, prepare

DEFAULT_ENV = SANDBOX_NAME


def register(sub) -> None:
    send = sub.add_parser("send", help="render, validate, sign and send an operation")
    add_request_arguments(send)
    add_send_arguments(send)
    send.set_defaults(handler=cmd_send)

    raw = sub.add_parser("raw", help="sign and send any request (an operation botocore does not know yet)")
    raw.add_argument("method")
    raw.add_argument("url", help="full URL; {{ variables }} from the environment work here too")
    raw.add_argument("-H", "--header", action="append", default=[], metavar="'NAME: VALUE'")
    raw.add_argument("--body", metavar="FILE|-")
    raw.add_argument("--signing-name", required=True, help="mobiletargeting, sms-voice, ses...")
    raw.add_argument("--region", help="default: the environment's region")
    raw.add_argument("--var", action="append", default=[], metavar="NAME=VALUE")
    raw.add_argument("--json", action="store_true")
    add_send_arguments(raw)
    raw.set_defaults(handler=cmd_raw)


def add_send_arguments(parser) -> None:
    parser.add_argument("--env", default=DEFAULT_ENV, help=f"environment name (default: {DEFAULT_ENV}, the local sandbox)")
    parser.add_argument("--inspect", action="store_true", help="show what was signed and how")
    parser.add_argument("--dry-run", action="store_true", help="sign and show, do not send")
    parser.add_argument("--full-body", action="store_true", help="with --inspect or --dry-run: the whole body, not its first part")
    parser.add_argument("--yes", action="store_true", help="confirm a destructive or sending operation on a production environment")
    parser.add_argument("--allow-any-host", action="store_true", help="sign for a host outside the environment's AWS partition")
    parser.add_argument("--connect-timeout", type=float, default=10.0)
    parser.add_argument("--read-timeout", type=float, default=60.0)


@contextlib.contextmanager
def open_environment(name: str, ctx: CliContext):
    """The named environment; for the sandbox, a running sandbox (started for this command
    when none runs, and stopped after it; a dry run signs for its real address too)."""
    if name == SANDBOX_NAME:
        from workbench.core.sandbox.background import ensure_sandbox

        with ensure_sandbox(ctx.environ) as handle:
            if handle.started_here:
                ctx.err(
                    "note: started a local sandbox for this command only; nothing it stores is kept. "
                    "Run `pinpoint-workbench sandbox start` to keep one running between commands."
                )
            yield sandbox_environment(handle.url)
        return
    from workbench.cli.env_cmds import open_store

    yield open_store(ctx).get(name)


def confirm(env, operation: str, args, ctx: CliContext) -> None:
    if not needs_confirmation(env, operation) or args.yes or args.dry_run:
        return
    if hasattr(ctx.stdin, "isatty") and ctx.stdin.isatty():
        ctx.stderr.write(f"{env.name} is a production environment. Send {operation}? [y/N] ")
        ctx.stderr.flush()
        if ctx.stdin.readline().strip().lower() in ("y", "yes"):
            return
        raise WorkbenchError(f"cancelled: {operation} was not sent to production environment {env.name!r}")
    raise WorkbenchError(f"{operation} changes or sends on production environment {env.name!r}: confirm with --yes")


def cmd_send(args, ctx: CliContext) -> ExitStatus:
    template = template_for(args)
    body = read_body(args, template, ctx)
    with open_environment(args.env, ctx) as env:
        prepared = prepare(template, env, request_variables(args, template), body)
        return sign_and_send(prepared.rendered.request, template.signing_name, env, env.region, template.operation,
                             args, ctx, prepared.problems, lifecycle_notes(template))


def cmd_raw(args, ctx: CliContext) -> ExitStatus:
    headers = []
    for line in args.header:
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            raise WorkbenchError(f"-H {line!r}: expected 'NAME: VALUE'")
        headers.append((name.strip(), value.strip()))
    body = None
    if args.body == "-":
        body = ctx.stdin.read()
    elif args.body:
        try:
            body = Path(args.body).read_text(encoding="utf-8")
        except OSError as exc:
            raise WorkbenchError(f"--body {args.body}: {exc.strerror or exc}") from None
    url = args.url
    scheme = url.split("://", 1)[0] if "://" in url else "https"
    if scheme not in ("http", "https"):
        raise WorkbenchError(f"{url!r}: only http and https URLs")
    path_start = url.find("/", url.find("://") + 3) if "://" in url else url.find("/")
    base, _, query = url.partition("?")
    template = RequestTemplate(
        api="raw", operation=f"{args.method.upper()} request", group="", signing_name=args.signing_name,
        protocol="", method=args.method.upper(), url=base, headers=tuple(headers),
        query=tuple(QueryParam(name=k, value=v, required=True) for k, v in parse_qsl(query, keep_blank_values=True)),
        variables=(), lifecycle={}, documentation="",
    )
    with open_environment(args.env, ctx) as env:
        # a URL with a literal host keeps its own scheme; {{ endpoint }} takes the environment's
        host_is_variable = "{{" in url[: path_start if path_start > 0 else len(url)]
        own_scheme = None if host_is_variable else scheme
        prepared = prepare(template, env, parse_vars(args.var), body, validate_request=False, scheme=own_scheme)
        operation = template.operation
        return sign_and_send(prepared.rendered.request, args.signing_name, env, args.region or env.region, operation, args, ctx, ())


def sign_and_send(request, signing_name, env, region, operation, args, ctx: CliContext, problems, notes=()) -> ExitStatus:
    if not args.json:
        print_problems(ctx, problems)
        for note in notes:
            ctx.err(f"note: {note}")
    if not args.allow_any_host:
        check_destination(request, env)
    confirm(env, operation, args, ctx)
    store = KeyringCredentialStore.from_environ(ctx.environ) if env.credential_source.kind == "keyring" else None
    credentials = resolve_credentials(env, store, ctx.environ)
    options = transport.SendOptions(connect_timeout=args.connect_timeout, read_timeout=args.read_timeout)
    exchange = execute(request, credentials, env, signing_name=signing_name, region=region, problems=problems,
                       notes=notes, dry_run=args.dry_run, options=options)
    if args.json:
        ctx.out_json(exchange.to_dict(with_inspection=args.inspect))
    else:
        if args.inspect or args.dry_run:
            ctx.out(exchange.inspection.to_text(body=preview_body(request.body, full=args.full_body)))
        if not exchange.sent:
            ctx.out("(dry run: not sent)")
        elif exchange.response is None:
            ctx.err(f"error: {exchange.error}")
        else:
            print_response(ctx, exchange.response)
    if not exchange.sent:
        return ExitStatus.OK
    if exchange.response is None:
        return ExitStatus.NO_RESPONSE
    return ExitStatus.for_http_status(exchange.response.status)


def print_response(ctx: CliContext, response) -> None:
    ctx.out(f"HTTP {response.status} {response.reason}   ({response.elapsed_ms:.1f} ms, {response.size_bytes} bytes)")
    for name, value in response.headers:
        ctx.out(f"{name}: {value}")
    ctx.out("")
    if response.body_path:
        ctx.out(f"[body of {response.size_bytes} bytes saved to {response.body_path}; first part:]")
    parsed = response.json()
    ctx.out(json.dumps(parsed, indent=2, ensure_ascii=False) if parsed is not None else response.text())
