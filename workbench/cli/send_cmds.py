"""`send OPERATION` and `raw METHOD URL`: argv -> a RequestDraft -> core's plan -> print.

`--dry-run` signs and shows the request without sending; `--inspect` shows what was
signed and how (canonical request, string to sign, credential scope, signed headers).
Exit status: 0 for 2xx, 3/4/5 for 3xx/4xx/5xx, 6 when no response came back.
"""

from __future__ import annotations

import json
from dataclasses import replace
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a tenth of --help)

from workbench.cli import fetch_pages
from workbench.cli.context import BadArgument, CliContext, ExitStatus, answer_limits, limit_number, parse_pairs
from workbench.cli.diagnose_cmds import print_diagnoses
from workbench.cli.interrupt import interrupt_cancels, interrupt_raises
from workbench.cli.library_cmds import add_request_arguments, parse_vars, print_problems, read_body, read_body_option, template_for
from workbench.cli.output import hint, print_notes
from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.sandbox_identity import SANDBOX_NAME

if TYPE_CHECKING:  # the plan and what it needs (botocore, jinja2) load when a send runs, not for --help
    from workbench.core.request.drafts import RequestDraft
    from workbench.core.send.plan import SendPlan
    from workbench.core.send.send_flow import Exchange

DEFAULT_ENV = SANDBOX_NAME


def register(sub) -> None:
    send = sub.add_parser("send", help="render, validate, sign and send an operation")
    add_request_arguments(send)
    add_send_arguments(send)
    fetch_pages.add_arguments(send)
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
    parser.add_argument("--progress", action="store_true", help="say each phase of the send on stderr as it starts")
    parser.add_argument("--yes", action="store_true", help="confirm a destructive or sending operation on a production environment")
    parser.add_argument("--allow-any-host", action="store_true", help="sign for a host outside the environment's AWS partition")
    parser.add_argument("--connect-timeout", type=float, default=10.0)
    parser.add_argument("--read-timeout", type=float, default=60.0)
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds for the whole exchange")
    parser.add_argument("--output", metavar="FILE", help="write the whole response body, as received, to FILE "
                        "(a body of any size: without it, a body stops at 1 GiB)")
    parser.add_argument("--max-decoded-mb", type=limit_number, default=64, metavar="MB",
                        help="a gzip/deflate answer may decode to at most MB (default 64; 0: no limit)")
    parser.add_argument("--max-decode-ratio", type=limit_number, default=200, metavar="N",
                        help="... and to at most N times its size once past 1 MB (default 200; 0: no limit)")
    parser.add_argument("--save", action="append", default=[], metavar="NAME=JMESPATH",
                        help="keep a value of the response in the environment, e.g. projectId=ApplicationResponse.Id")
    parser.add_argument("--save-global", action="append", default=[], metavar="NAME=JMESPATH",
                        help="keep a value of the response in the globals (every environment sees it)")


def cmd_send(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.request.drafts import RequestDraft

    template = template_for(args)
    draft = RequestDraft(
        operation=template.key,
        variant=args.variant or ("full" if args.full else None),
        variables=tuple(parse_vars(args.var).items()),
        body=read_body(args, template, ctx) if args.body else None,
    )
    wrong = fetch_pages.misuse(args)
    if wrong:
        return fetch_pages.usage_error(args, ctx, wrong)
    if args.all_pages:
        return fetch_pages.fetch(draft, args, ctx)
    return send_draft(draft, args, ctx)


def cmd_raw(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.request.drafts import AwsV4Auth, RequestDraft

    headers = []
    for line in args.header:
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            raise WorkbenchError(f"-H {line!r}: expected 'NAME: VALUE'")
        headers.append((name.strip(), value.strip()))
    body = read_body_option(args.body, ctx) if args.body else None
    draft = RequestDraft(
        method=args.method, url=args.url, headers=tuple(headers), body=body,
        variables=tuple(parse_vars(args.var).items()),
        auth=AwsV4Auth(signing_name=args.signing_name, region=args.region or ""),
    )
    return send_draft(draft, args, ctx)


def send_draft(draft: RequestDraft, args, ctx: CliContext) -> ExitStatus:
    """Send `draft` in `--env` through core's send service: show the plan, confirm if needed,
    print the exchange, the saves and the diagnoses; the exit status says how it went."""
    from workbench.core.common.cancel import CancelToken
    from workbench.core.send import transport
    from workbench.core.send.saves import compile_saves

    draft = replace(draft, saves=draft.saves + tuple(parse_pairs(args.save, "--save").items()))
    global_saves = tuple(parse_pairs(args.save_global, "--save-global").items())
    compile_saves(draft.saves + global_saves)  # a bad expression stops before anything starts
    check_output_path(args.output)  # so does a --output that could not be written
    options = transport.SendOptions(connect_timeout=args.connect_timeout, read_timeout=args.read_timeout,
                                    deadline=args.deadline, environ=ctx.environ, **answer_limits(args))

    def on_plan(plan: SendPlan) -> bool:
        ctx.hide(session.hidden)
        if not args.json:
            show_plan(ctx, plan)
        return args.yes or (plan.needs_confirmation and not args.dry_run and ask(ctx, plan))

    service = send_service(ctx)
    for warning in service.store_warnings():
        ctx.err(f"warning: {warning}")
    cancel = CancelToken()  # Ctrl-C cancels the step in flight, which then says which phase it stopped in
    with interrupt_cancels(cancel), service.open(args.env, cancel=cancel, start_sandbox=not args.dry_run) as session:
        outcome = session.send(draft, global_saves=global_saves, dry_run=args.dry_run, allow_any_host=args.allow_any_host,
                               options=options, on_plan=on_plan, cancel=cancel,
                               progress=phase_printer(ctx) if args.progress else None)
        service.workspace.close()
    ctx.hide(outcome.hidden)
    for warning in outcome.warnings:
        ctx.err(f"warning: {warning}")
    if outcome.error is not None:
        return show_unsent(ctx, outcome, args)
    status = show_exchange(ctx, outcome.exchange, args, outcome.plan, diagnoses=outcome.diagnoses,
                           saved={"environment": outcome.saved, "globals": outcome.saved_globally})
    keep_body(outcome.exchange, args.output)
    for problem in outcome.saved.problems + outcome.saved_globally.problems:
        ctx.err(f"warning: {problem}")
    return status


def phase_printer(ctx: CliContext):
    """A progress callback that says each phase once, as it starts ("... waiting: host")."""
    shown = []

    def show(progress) -> None:
        if not shown or shown[-1] != progress.phase:
            shown.append(progress.phase)
            ctx.err(f"... {progress.phase}" + (f": {progress.detail}" if progress.detail else ""))

    return show


def send_service(ctx: CliContext):
    """The send service over this user's stores (one per command)."""
    from workbench.core.send.service import SendService
    from workbench.core.send.workspace import Workspace

    return SendService(Workspace.from_environ(ctx.environ))


def show_unsent(ctx: CliContext, outcome, args) -> ExitStatus:
    """Nothing was sent: say why, and how to fix it."""
    error, plan = outcome.error, outcome.plan
    if args.json:  # the plan's notes (end of support...) still reach the reader, with the error
        notes = {"notes": [str(n) for n in plan.notes]} if plan.notes else {}
        ctx.out_json({"error": error.to_dict(), "diagnoses": [d.to_dict() for d in outcome.diagnoses]} | notes)
        return ExitStatus.ERROR
    if not outcome.diagnoses:
        raise error
    from workbench.cli.diagnose_cmds import print_unsent

    print_unsent(ctx, error, list(outcome.diagnoses))
    return ExitStatus.ERROR


def show_plan(ctx: CliContext, plan: SendPlan) -> None:
    print_problems(ctx, plan.problems)
    print_notes(ctx, plan.notes)


class Declined(WorkbenchError):
    code = "cancelled"
    fmt = "cancelled: {operation} was not sent to production environment {environment!r}"


def ask(ctx: CliContext, plan: SendPlan) -> bool:
    """On a terminal, ask before a destructive or sending call on production; a "no" is
    Declined. Without a terminal there is nobody to ask (False: core then asks for --yes)."""
    if not (hasattr(ctx.stdin, "isatty") and ctx.stdin.isatty()):
        return False
    ctx.stderr.write(f"{plan.environment.name} is a production environment. Send {plan.operation}? [y/N] ")
    ctx.stderr.flush()
    with interrupt_raises():
        answer = ctx.stdin.readline()
    if answer.strip().lower() in ("y", "yes"):
        return True
    raise Declined(operation=plan.operation, environment=plan.environment.name)


def show_exchange(ctx: CliContext, exchange: Exchange, args, plan: SendPlan | None = None,
                  saved: dict | None = None, diagnoses=()) -> ExitStatus:
    saved = {where: values for where, values in (saved or {}).items() if values.values}
    if args.json:
        data = exchange.to_dict(with_inspection=args.inspect)
        from workbench.core.sandbox.scenarios import scenario_of

        if scenario_of(exchange):  # a sandbox scenario answered, not the sandbox itself
            data["scenario"] = scenario_of(exchange)
        if saved:
            data["saved"] = {where: values.values for where, values in saved.items()}
        ctx.out_json(data | {"operation": exchange.operation, "diagnoses": [d.to_dict() for d in diagnoses]})
    else:
        for where, values in saved.items():
            target = f"environment {exchange.environment!r}" if where == "environment" else "the globals"
            for name, value in values.values.items():
                ctx.err(f"saved {name}={value} in {target}")
        if args.inspect or args.dry_run:
            from workbench.core.request.body_preview import preview_body

            ctx.out(exchange.inspection.to_text(body=preview_body(plan.request.body if plan else b"", full=args.full_body)))
        if not exchange.sent:
            ctx.out("(dry run: not sent)")
        elif exchange.response is None:
            ctx.err(f"error: {exchange.error}")
            if hint(getattr(exchange.error, "remedy", None)):  # e.g. how to raise a limit the answer passed
                ctx.err(f"hint: {hint(exchange.error.remedy)}")
        else:
            print_response(ctx, exchange.response, args.output)
        print_diagnoses(ctx, diagnoses)
    return exit_status(exchange)


def check_output_path(output: str | None) -> None:
    """--output into a folder that does not exist (or is not writable) is refused before sending."""
    if not output:
        return
    import os

    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        raise BadArgument(f"--output {output}: {folder} is not a writable folder; nothing was sent",
                          flag="--output", value=output)


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
