"""`health [--env NAME] [--json] [--html FILE] [--policy]`: the account health check.

Read-only calls (every page of each, several at once) through the send service, then the
findings grouped by area, each with its evidence and next step. `--json` prints
{"findings": [{code, severity, title, evidence, next}...], "calls": [...], "environment": {...}};
`--html FILE` also writes the report as HTML; `--policy` prints the read-only IAM policy the
check needs and sends nothing. Exit status 0 when no finding is an error, 1 otherwise (and on
Ctrl-C, which stops every call).
"""

from __future__ import annotations

import json

from workbench.cli.context import CliContext, ExitStatus
from workbench.cli.send_cmds import DEFAULT_ENV

MARKS = {"error": "ERROR", "warning": "WARN", "info": "note"}


def register(sub) -> None:
    p = sub.add_parser("health", help="account health check: tier, limits, numbers, identities, projects (read-only)")
    p.add_argument("--env", default=DEFAULT_ENV, help=f"environment name (default: {DEFAULT_ENV}, the local sandbox)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--html", metavar="FILE", help="also write the report as HTML to FILE")
    p.add_argument("--policy", action="store_true", help="print the read-only IAM policy the check needs; send nothing")
    p.add_argument("--progress", action="store_true", help="say each call as it finishes, on stderr")
    p.set_defaults(handler=cmd_health)


def cmd_health(args, ctx: CliContext) -> ExitStatus:
    if args.policy:
        return _policy(args, ctx)
    from workbench.cli.interrupt import interrupt_cancels
    from workbench.cli.send_cmds import check_output_path, send_service
    from workbench.core.common.cancel import CancelToken
    from workbench.core.health import run_health

    check_output_path(args.html)  # a report that could not be written is said before anything is sent
    service = send_service(ctx)
    for warning in service.store_warnings():
        ctx.err(f"warning: {warning}")
    cancel = CancelToken()

    def progress(step) -> None:
        if args.progress:
            ctx.err(f"... {step.text()}")

    with interrupt_cancels(cancel), service.open(args.env, cancel=cancel) as session:
        report = run_health(session, cancel=cancel, progress=progress)
        ctx.hide(session.hidden)
        service.workspace.close()
    if args.html:
        from workbench.core.health.html import write_html

        write_html(report, args.html)
    if args.json:
        ctx.out_json(report.to_dict())
    else:
        _text(ctx, report, args.html)
    return ExitStatus.OK if report.ok else ExitStatus.ERROR


def _policy(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.health.policy import required_policy

    region = account = ""
    if args.env != DEFAULT_ENV:
        from workbench.cli.context import open_store

        env = open_store(ctx).get(args.env)
        region, account = env.region, env.account_id or ""
    ctx.out_json(required_policy(region, account))
    return ExitStatus.OK


def _text(ctx: CliContext, report, html: str | None) -> None:
    from workbench.core.health.html import next_step_text
    from workbench.core.health.model import AREAS

    env, counts = report.environment, report.counts()
    account = f", account {env['account']}" if env.get("account") else ""
    ctx.out(f"Account health of {env['name']} ({env['region']}{account}): {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['info']} note(s); {len(report.calls)} calls in "
            f"{report.elapsed_ms / 1000:.1f} s")
    for area, findings in report.by_area().items():
        ctx.out(f"\n{AREAS[area]}")
        for item in findings:
            ctx.out(f"  {MARKS[item.severity]:<5} {item.title}  [{item.code}]")
            for evidence in item.evidence:
                ctx.out(f"        evidence: {evidence.text()}")
            step = item.next
            command = f"pinpoint-workbench troubleshoot show {step['guide']}" if step.get("guide") else next_step_text(step)
            ctx.out(f"        next: {command}")
    if html:
        ctx.err(f"report written to {html}")
    if not report.ok:
        ctx.err("some findings are errors (exit status 1)")
