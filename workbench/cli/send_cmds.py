"""`send OPERATION` and `raw METHOD URL`: render, validate, sign, send, show.

`--dry-run` signs and shows the request without sending; `--inspect` shows what was
signed and how (canonical request, string to sign, credential scope, signed headers).
Exit status: 0 for 2xx, 3/4/5 for 3xx/4xx/5xx, 6 when no response came back.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from workbench.cli.context import CliContext, ExitStatus
from workbench.cli.library_cmds import add_request_arguments, parse_vars, print_problems, read_body, request_variables, template_for
from workbench.core import transport
from workbench.core.credentials import KeyringCredentialStore, resolve_credentials
from workbench.core.environments import SANDBOX_NAME, needs_confirmation, sandbox_environment
from workbench.core.errors import WorkbenchError
from workbench.core.library import QueryParam, RequestTemplate
from workbench.core.send_flow import check_destination, prepare
from workbench.core.signing import sign

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
    raise WorkbenchError(f"{operation} changes or sends on production environment {env.name!r}: confirm with --yes")


def cmd_send(args, ctx: CliContext) -> ExitStatus:
    template = template_for(args)
    body = read_body(args, template, ctx)
    with open_environment(args.env, ctx) as env:
        prepared = prepare(template, env, request_variables(args, template), body)
        explain_lifecycle(template, ctx)
        return sign_and_send(prepared.rendered.request, template.signing_name, env, env.region, template.operation, args, ctx, prepared.problems)


def explain_lifecycle(template: RequestTemplate, ctx: CliContext) -> None:
    """Pinpoint's engagement features ended support on 2026-10-30: say so before a send
    that will meet it, with where the feature went."""
    status = template.lifecycle_status
    if status.startswith("end-of-support"):
        ctx.err(
            f"note: {template.operation} belongs to an Amazon Pinpoint feature that reached end of support on "
            f"2026-10-30 ({template.lifecycle.get('area', 'engagement')}); AWS may refuse it."
        )
        if template.lifecycle.get("migration"):
            ctx.err(f"      Where it went: {template.lifecycle['migration']}")
    elif status == "unclear":
        ctx.err(
            f"note: AWS has not said clearly whether {template.operation} continues after Pinpoint's "
            f"end of support on 2026-10-30 ({template.lifecycle.get('area', '')})."
        )


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
        query=tuple(QueryParam(name=k, value=v, required=True) for k, _, v in (p.partition("=") for p in query.split("&") if p)),
        variables=(), lifecycle={}, documentation="",
    )
    with open_environment(args.env, ctx) as env:
        # a URL with a literal host keeps its own scheme; {{ endpoint }} takes the environment's
        host_is_variable = "{{" in url[: path_start if path_start > 0 else len(url)]
        own_scheme = None if host_is_variable else scheme
        prepared = prepare(template, env, parse_vars(args.var), body, validate_request=False, scheme=own_scheme)
        operation = template.operation
        return sign_and_send(prepared.rendered.request, args.signing_name, env, args.region or env.region, operation, args, ctx, ())


def sign_and_send(request, signing_name, env, region, operation, args, ctx: CliContext, problems) -> ExitStatus:
    if not args.json:
        print_problems(ctx, problems)
    if not args.allow_any_host:
        check_destination(request, env)
    confirm(env, operation, args, ctx)
    store = KeyringCredentialStore.from_environ(ctx.environ) if env.credential_source.kind == "keyring" else None
    credentials = resolve_credentials(env, store, ctx.environ)
    signed = sign(request, credentials, region=region, signing_name=signing_name)
    result = {"environment": env.name, "problems": [p.to_dict() for p in problems]}
    if args.inspect or args.dry_run:
        result["inspection"] = signed.inspection.to_dict()
    if args.dry_run:
        if args.json:
            ctx.out_json(result | {"sent": False})
        else:
            ctx.out(signed.inspection.to_text())
            ctx.out("(dry run: not sent)")
        return ExitStatus.OK
    options = transport.SendOptions(connect_timeout=args.connect_timeout, read_timeout=args.read_timeout)
    try:
        response = transport.send(signed.request, options)
    except transport.TransportError as exc:
        if args.json:
            ctx.out_json(result | {"status": None, "error": {"type": type(exc).__name__, "message": str(exc)}})
        else:
            if args.inspect:
                ctx.out(signed.inspection.to_text())
            ctx.err(f"error: {exc}")
        return ExitStatus.NO_RESPONSE
    if args.json:
        parsed = response.json()
        ctx.out_json(
            result
            | {
                "status": response.status,
                "reason": response.reason,
                "headers": dict(response.headers),
                "body": parsed if parsed is not None else response.text(),
                "body_path": response.body_path,
                "elapsed_ms": round(response.elapsed_ms, 3),
                "size_bytes": response.size_bytes,
            }
        )
    else:
        if args.inspect:
            ctx.out(signed.inspection.to_text())
        print_response(ctx, response)
    return ExitStatus.for_http_status(response.status)


def print_response(ctx: CliContext, response) -> None:
    ctx.out(f"HTTP {response.status} {response.reason}   ({response.elapsed_ms:.1f} ms, {response.size_bytes} bytes)")
    for name, value in response.headers:
        ctx.out(f"{name}: {value}")
    ctx.out("")
    if response.body_path:
        ctx.out(f"[body of {response.size_bytes} bytes saved to {response.body_path}; first part:]")
    parsed = response.json()
    ctx.out(json.dumps(parsed, indent=2, ensure_ascii=False) if parsed is not None else response.text())
