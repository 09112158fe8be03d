"""`send OPERATION` and `raw METHOD URL`: argv -> a RequestDraft -> core's plan -> print.

`--dry-run` signs and shows the request without sending; `--inspect` shows what was
signed and how (canonical request, string to sign, credential scope, signed headers).
Exit status: 0 for 2xx, 3/4/5 for 3xx/4xx/5xx, 6 when no response came back.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from workbench.cli.context import CliContext, ExitStatus, open_store, parse_pairs
from workbench.cli.diagnose_cmds import print_diagnoses
from workbench.cli.library_cmds import add_request_arguments, parse_vars, print_problems, read_body, template_for
from workbench.cli.output import print_notes
from workbench.core import transport
from workbench.core.diagnose import diagnose
from workbench.core.drafts import AwsV4Auth, RequestDraft
from workbench.core.environments import SANDBOX_NAME
from workbench.core.errors import WorkbenchError
from workbench.core.globals_store import GlobalsStore
from workbench.core.history import HistoryStore
from workbench.core.plan import SendPlan, build_plan, open_environment, run_plan
from workbench.core.saves import compile_saves, values_from_response
from workbench.core.send_flow import Exchange

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
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds for the whole exchange")
    parser.add_argument("--output", metavar="FILE", help="write the whole response body, as received, to FILE")
    parser.add_argument("--save", action="append", default=[], metavar="NAME=JMESPATH",
                        help="keep a value of the response in the environment, e.g. projectId=ApplicationResponse.Id")
    parser.add_argument("--save-global", action="append", default=[], metavar="NAME=JMESPATH",
                        help="keep a value of the response in the globals (every environment sees it)")


def cmd_send(args, ctx: CliContext) -> ExitStatus:
    template = template_for(args)
    draft = RequestDraft(
        operation=template.key,
        variant=args.variant or ("full" if args.full else None),
        variables=tuple(parse_vars(args.var).items()),
        body=read_body(args, template, ctx) if args.body else None,
    )
    return send_draft(draft, args, ctx)


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
    draft = RequestDraft(
        method=args.method, url=args.url, headers=tuple(headers), body=body,
        variables=tuple(parse_vars(args.var).items()),
        auth=AwsV4Auth(signing_name=args.signing_name, region=args.region or ""),
    )
    return send_draft(draft, args, ctx)


def send_draft(draft: RequestDraft, args, ctx: CliContext) -> ExitStatus:
    """Plan `draft` in `--env`, confirm if needed, send, keep what --save asks for, print;
    the exit status says how it went."""
    draft = replace(draft, saves=draft.saves + tuple(parse_pairs(args.save, "--save").items()))
    global_saves = tuple(parse_pairs(args.save_global, "--save-global").items())
    compile_saves(draft.saves + global_saves)  # a bad expression stops before anything is sent
    store = open_store(ctx)
    globals_store = GlobalsStore.at_default_location(ctx.environ)
    for problem in globals_store.problems:
        ctx.err(f"warning: {problem}")
    with open_environment(args.env, ctx.environ, store=store, start_sandbox=not args.dry_run) as opened:
        plan = build_plan(draft, opened.environment, globals_=globals_store.variables, notes=opened.notes)
        if not args.json:
            show_plan(ctx, plan)
        confirmed = args.yes or (plan.needs_confirmation and not args.dry_run and ask(ctx, plan))
        options = transport.SendOptions(connect_timeout=args.connect_timeout, read_timeout=args.read_timeout,
                                        deadline=args.deadline, environ=ctx.environ)
        try:
            exchange = run_plan(plan, environ=ctx.environ, options=options, dry_run=args.dry_run,
                                confirmed=confirmed, allow_any_host=args.allow_any_host)
        except WorkbenchError as exc:  # nothing was sent: say why, and how to fix it
            diagnoses = diagnose(exc, plan_or_context=plan, environments=store.list())
            if args.json:
                ctx.out_json({"error": exc.to_dict(), "diagnoses": [d.to_dict() for d in diagnoses]})
                return ExitStatus.ERROR
            print_diagnoses(ctx, diagnoses)
            raise
    if exchange.sent:
        record_history(ctx, plan, exchange)
    saved = values_from_response(exchange, draft.saves)
    saved_globally = values_from_response(exchange, global_saves)
    if saved.values:
        store.set_variables(plan.environment.name, saved.values)
    if saved_globally.values:
        globals_store.set_variables(saved_globally.values)
    status = show_exchange(ctx, exchange, args, plan, saved={"environment": saved, "globals": saved_globally},
                           environments=store.list())
    keep_body(exchange, args.output)
    for problem in saved.problems + saved_globally.problems:
        ctx.err(f"warning: {problem}")
    return status


def record_history(ctx: CliContext, plan: SendPlan, exchange: Exchange) -> None:
    """Keep the send in the history; a history that cannot be written costs a warning, not the send."""
    try:
        with HistoryStore.at_default_location(ctx.environ) as history:
            history.record(plan, exchange)
    except WorkbenchError as exc:
        ctx.err(f"warning: not kept in the history: {exc}")


def show_plan(ctx: CliContext, plan: SendPlan) -> None:
    print_problems(ctx, plan.problems)
    print_notes(ctx, plan.notes)


def ask(ctx: CliContext, plan: SendPlan) -> bool:
    """On a terminal, ask before a destructive or sending call on production."""
    if not (hasattr(ctx.stdin, "isatty") and ctx.stdin.isatty()):
        return False
    ctx.stderr.write(f"{plan.environment.name} is a production environment. Send {plan.operation}? [y/N] ")
    ctx.stderr.flush()
    return ctx.stdin.readline().strip().lower() in ("y", "yes")


def show_exchange(ctx: CliContext, exchange: Exchange, args, plan: SendPlan | None = None,
                  saved: dict | None = None, environments=()) -> ExitStatus:
    saved = {where: values for where, values in (saved or {}).items() if values.values}
    diagnoses = diagnose(exchange, plan_or_context=plan, environments=environments) if exchange.sent else []
    if args.json:
        data = exchange.to_dict(with_inspection=args.inspect)
        if saved:
            data["saved"] = {where: values.values for where, values in saved.items()}
        ctx.out_json(data | {"operation": exchange.operation, "diagnoses": [d.to_dict() for d in diagnoses]})
    else:
        for where, values in saved.items():
            target = f"environment {exchange.environment!r}" if where == "environment" else "the globals"
            for name, value in values.values.items():
                ctx.err(f"saved {name}={value} in {target}")
        if args.inspect or args.dry_run:
            ctx.out(exchange.inspection.to_text())
        if not exchange.sent:
            ctx.out("(dry run: not sent)")
        elif exchange.response is None:
            ctx.err(f"error: {exchange.error}")
        else:
            print_response(ctx, exchange.response, args.output)
        print_diagnoses(ctx, diagnoses)
    return exit_status(exchange)


def keep_body(exchange: Exchange, output: str | None) -> None:
    """Write the whole body to --output; the spooled copy of a large body goes either way."""
    if exchange.response is None:
        return
    try:
        if output:
            exchange.response.save_body(output)
    except OSError as exc:
        raise WorkbenchError(f"--output {output}: {exc.strerror or exc}") from None
    finally:
        exchange.response.discard()


def exit_status(exchange: Exchange) -> ExitStatus:
    if not exchange.sent:
        return ExitStatus.OK
    if exchange.response is None:
        return ExitStatus.NO_RESPONSE
    return ExitStatus.for_http_status(exchange.response.status)


def print_response(ctx: CliContext, response, output: str | None = None) -> None:
    ctx.out(f"HTTP {response.status} {response.reason}   ({response.elapsed_ms:.1f} ms, {response.size_bytes} bytes)")
    for name, value in response.headers:
        ctx.out(f"{name}: {value}")
    ctx.out("")
    if response.truncated:
        keep = f"all of it is written to {output}" if output else "--output FILE keeps all of it"
        ctx.out(f"[body of {response.size_bytes} bytes, only the first part shown; {keep}]")
    if response.body_note():
        ctx.out(f"[{response.body_note()}]")
    parsed = response.json()
    ctx.out(json.dumps(parsed, indent=2, ensure_ascii=False) if parsed is not None else response.text())
