"""`send OPERATION --all-pages [--max-items N] [--page-size N]`: every page of a paginated
operation, followed with the project's own signed send (core.send.pages), printed merged as
the AWS CLI prints it (result keys concatenated; `NextToken` kept when it stopped early).

`--json` prints the merged body plus `pages` (how many) and `items` (plus `stopped`, and
for a page that failed its `status`, `error` and `diagnoses`). Exit status: 0 when every
page came (or --max-items was reached), a failing page's (4, 5, 6), 1 when interrupted.
"""

from __future__ import annotations

import json

from workbench.cli.context import CliContext, ExitStatus, answer_limits
from workbench.cli.diagnose_cmds import print_diagnoses, print_unsent
from workbench.cli.interrupt import interrupt_cancels
from workbench.cli.library_cmds import print_problems
from workbench.cli.output import print_notes

REFUSED_WITH_ALL_PAGES = (("dry_run", "--dry-run"), ("save", "--save"), ("save_global", "--save-global"),
                          ("inspect", "--inspect"))


def add_arguments(parser) -> None:
    parser.add_argument("--all-pages", action="store_true",
                        help="follow the next-page token and print every page merged (paginated operations)")
    parser.add_argument("--max-items", type=int, metavar="N", help="with --all-pages: stop after N items")
    parser.add_argument("--page-size", type=int, metavar="N", help="with --all-pages: ask for N items per page")


def usage_error(args, ctx: CliContext, message: str) -> ExitStatus:
    """A wrong combination of arguments, said as argparse says its own (exit status 2)."""
    from workbench.cli import _usage_error

    parser = args._parser
    _usage_error(ctx, f"{parser.format_usage()}{parser.prog}: error: {message}\n", as_json=bool(getattr(args, "json", False)))
    return ExitStatus.USAGE


def misuse(args) -> str | None:
    """What is wrong with the --all-pages options as given (None: nothing)."""
    if not args.all_pages:
        for name, flag in (("max_items", "--max-items"), ("page_size", "--page-size")):
            if getattr(args, name) is not None:
                return f"{flag} goes with --all-pages"
        return None
    for name, flag in REFUSED_WITH_ALL_PAGES:
        if getattr(args, name, None):
            return f"{flag} cannot go with --all-pages (each page is in the history: `history show ID --page N` shows one)"
    for name, flag in (("max_items", "--max-items"), ("page_size", "--page-size")):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            return f"{flag} must be 1 or more (got {getattr(args, name)})"
    return None


def fetch(draft, args, ctx: CliContext) -> ExitStatus:
    from workbench.core.common.cancel import CancelToken
    from workbench.core.send import transport
    from workbench.core.send.pages import fetch_all_pages
    from workbench.core.send.service import SendService
    from workbench.core.send.workspace import Workspace

    options = transport.SendOptions(connect_timeout=args.connect_timeout, read_timeout=args.read_timeout,
                                    deadline=args.deadline, environ=ctx.environ, **answer_limits(args))

    def on_plan(plan) -> bool:  # paginated operations read: production asks nothing of them
        ctx.hide(session.hidden)
        if not args.json:
            print_problems(ctx, plan.problems)
            print_notes(ctx, plan.notes)
        return args.yes

    def on_page(progress) -> None:
        if args.progress:
            ctx.err(f"... page {progress.pages}: {progress.items} items so far")

    service = SendService(Workspace.from_environ(ctx.environ))
    for warning in service.store_warnings():
        ctx.err(f"warning: {warning}")
    cancel = CancelToken()
    with interrupt_cancels(cancel), service.open(args.env, cancel=cancel) as session:
        result = fetch_all_pages(session, draft, page_size=args.page_size, max_items=args.max_items, on_plan=on_plan,
                                 on_page=on_page, cancel=cancel, options=options, allow_any_host=args.allow_any_host,
                                 progress=_phases(ctx) if args.progress else None)
        service.workspace.close()
    ctx.hide(session.hidden)
    for warning in result.warnings:
        ctx.err(f"warning: {warning}")
    last = result.last_outcome
    if result.error is not None and len(result.pages) == 1:  # nothing was sent at all: said as `send` says it
        return _unsent(ctx, last, args)
    _keep(result, args.output)
    failed = result.failed_page
    if args.json:
        ctx.out_json(_json(result))
    else:
        _text(ctx, result)
    if failed is not None:
        if not args.json:
            print_diagnoses(ctx, failed.outcome.diagnoses)
        exchange = failed.outcome.exchange
        if exchange is None:
            return ExitStatus.ERROR
        return ExitStatus.NO_RESPONSE if exchange.response is None else ExitStatus.for_http_status(exchange.response.status)
    if result.stopped == "cancelled":
        ctx.err(f"interrupted: kept {len(result.pages)} pages, {result.items} items"
                + (f"; the next page starts at NextToken {result.next_token}" if result.next_token else ""))
        return ExitStatus.ERROR
    return ExitStatus.OK


def _phases(ctx: CliContext):
    """Each phase of a page's send, once, as it starts ("... waiting: host")."""
    shown = []

    def show(progress) -> None:
        if not shown or shown[-1] != progress.phase:
            shown.append(progress.phase)
            ctx.err(f"... {progress.phase}" + (f": {progress.detail}" if progress.detail else ""))

    return show


def _unsent(ctx: CliContext, outcome, args) -> ExitStatus:
    """Nothing was sent: why, and how to fix it (as `send` says it)."""
    if args.json:
        ctx.out_json({"error": outcome.error.to_dict(), "diagnoses": [d.to_dict() for d in outcome.diagnoses]})
        return ExitStatus.ERROR
    if not outcome.diagnoses:
        raise outcome.error
    print_unsent(ctx, outcome.error, list(outcome.diagnoses))
    return ExitStatus.ERROR


def _json(result) -> dict:
    from workbench.core.sandbox.scenarios import scenario_of

    data = result.to_dict()
    if result.history_id is not None:
        data["history_id"] = result.history_id
    failed = result.failed_page
    if failed is not None:
        outcome = failed.outcome
        exchange = outcome.exchange
        data["failed_page"] = failed.number
        if exchange is not None:
            answer = exchange.to_dict(with_inspection=False)
            data["status"] = answer.get("status")
            if "error" in answer:  # nothing came back
                data["error"] = answer["error"]
            else:
                data["error_body"] = answer.get("body")
        elif outcome.error is not None:
            data["error"] = outcome.error.to_dict()
        data["diagnoses"] = [d.to_dict() for d in outcome.diagnoses]
    scenarios = [s for s in (scenario_of(p.outcome.exchange) for p in result.pages) if s]
    if scenarios:
        data["scenario"] = scenarios[-1]
    return data


def _text(ctx: CliContext, result) -> None:
    stopped = {"max-items": "stopped at --max-items", "cancelled": "interrupted", "failed": "a page failed",
               "repeated-token": "the service gave the same token twice"}.get(result.stopped or "", "every page")
    where = f"; history #{result.history_id}" if result.history_id is not None else ""
    ctx.err(f"{result.operation}: {len(result.pages)} page{'s' if len(result.pages) != 1 else ''}, "
            f"{result.items} items ({stopped}{where})")
    failed = result.failed_page
    if failed is not None and failed.outcome.exchange is not None and failed.outcome.exchange.response is not None:
        response = failed.outcome.exchange.response
        ctx.err(f"page {failed.number}: HTTP {response.status} {response.reason}")
        parsed = response.json()
        ctx.err(json.dumps(parsed, indent=2, ensure_ascii=False) if parsed is not None else response.text())
    ctx.out(json.dumps(result.merged, indent=2, ensure_ascii=False))


def _keep(result, output: str | None) -> None:
    """--output FILE: the merged result; each page's spooled body goes either way."""
    from workbench.core.common.errors import WorkbenchError

    try:
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                json.dump(result.merged, handle, indent=2, ensure_ascii=False)
    except OSError as exc:
        raise WorkbenchError(f"--output {output}: {exc.strerror or exc}") from None
    finally:
        for page in result.pages:
            exchange = page.outcome.exchange
            if exchange is not None and exchange.response is not None:
                exchange.response.discard()
