"""`run COLLECTION_DIR --env NAME [--folder F] [--junit FILE] [--json]`: the headless runner.

Exit status 0 when every request passed its assertions, 1 otherwise (or on a bad
collection); the JUnit XML is written either way. Ctrl-C (SIGINT) cancels the run: the
request in flight ends as cancelled (naming its phase), no later one starts, and the summary,
the --json report and the JUnit XML still give what ran; a second Ctrl-C stops at once.
"""

from __future__ import annotations

from pathlib import Path

from workbench.cli.context import CliContext, ExitStatus, parse_pairs
from workbench.cli.interrupt import interrupt_cancels
from workbench.cli.output import print_notes
from workbench.cli.send_cmds import DEFAULT_ENV
from workbench.core.common.errors import WorkbenchError


def register(sub) -> None:
    p = sub.add_parser("run", help="run a collection's requests in order (assertions, saved values, JUnit XML)")
    p.add_argument("collection", metavar="COLLECTION_DIR", help="a folder of request drafts (e.g. from `import postman`)")
    p.add_argument("--env", default=DEFAULT_ENV, help=f"environment name (default: {DEFAULT_ENV}, the local sandbox)")
    p.add_argument("--folder", help="run only this folder (e.g. Apps, or 'Email API/Email: Tags')")
    p.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                   help="a run variable (data: wins over the collection's and the environment's, not a draft's own)")
    p.add_argument("--junit", metavar="FILE", help="write JUnit XML here")
    p.add_argument("--yes", action="store_true", help="confirm destructive or sending operations on a production environment")
    p.add_argument("--json", action="store_true")
    p.add_argument("--read-timeout", type=float, default=60.0)
    p.set_defaults(handler=cmd_run)


def cmd_run(args, ctx: CliContext) -> ExitStatus:
    # the runner, the plan and the transport load when a run starts, not for --help
    from workbench.cli.send_cmds import send_service
    from workbench.core.common.cancel import CancelToken
    from workbench.core.environments.secret_variables import redact
    from workbench.core.interop.draft_files import read_collection_info, read_tree, select_folder
    from workbench.core.send import transport
    from workbench.core.send.runner import RunStep, run_steps

    root = Path(args.collection)
    stored = read_tree(root)
    if args.folder:
        stored = select_folder(stored, args.folder)
    if not stored:
        raise WorkbenchError(f"{root}: no requests to run")
    steps = [RunStep(s.folder, s.draft) for s in stored]
    collection_variables = read_collection_info(root).variables
    variables = parse_pairs(args.var, "--var")
    options = transport.SendOptions(read_timeout=args.read_timeout, environ=ctx.environ)

    def show(result) -> None:
        ctx.hide(session.hidden)  # what a step saw (a secret variable, an echoed token) is never printed
        if args.json:
            return
        mark = "ok  " if result.passed else "STOP" if result.cancelled else "FAIL"
        status = (f"HTTP {result.status}" if result.status is not None
                  else f"cancelled ({result.cancelled})" if result.cancelled else "no response")
        ctx.out(f"{mark} {'/'.join(result.folder + (result.name,))}  {status}  {result.elapsed_s * 1000:.0f} ms")
        for line in result.failures + ([result.error] if result.error else []):
            ctx.out(f"       {line}")

    service = send_service(ctx)
    for warning in service.store_warnings():
        ctx.err(f"warning: {warning}")
    cancel = CancelToken()
    with interrupt_cancels(cancel), service.open(args.env, cancel=cancel) as session:
        if not args.json:
            print_notes(ctx, session.notes)
        for warning in session.warnings:
            ctx.err(f"warning: {warning}")
        if any(not s.draft.unsigned and not (s.draft.auth and (s.draft.auth.access_key or s.draft.auth.secret_key))
               for s in steps):  # a step signs as the environment: what cannot sign stops the run before it starts
            session.credentials(cancel)
        report = run_steps(root.name, steps, session, variables=variables, collection_variables=collection_variables,
                           options=options, confirmed=args.yes, cancel=cancel, on_step=show)
        ctx.hide(session.hidden)
    service.workspace.close()
    if args.junit:
        try:
            Path(args.junit).write_text(redact(report.to_junit(), ctx.hidden), encoding="utf-8")
        except OSError as exc:
            raise WorkbenchError(f"--junit {args.junit}: {exc.strerror or exc}") from None
    if args.json:
        ctx.out_json(report.to_dict())
    else:
        if report.cancelled:
            ctx.out(f"interrupted: {report.planned - len(report.steps)} of {report.planned} requests not run")
        ctx.out(f"{len(report.steps)} requests, {report.failed} failed, {report.errors} without a response")
    return ExitStatus.OK if report.ok else ExitStatus.ERROR
