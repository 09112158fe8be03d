"""`history list | show | replay`: every send, kept in SQLite under the user data dir."""

from __future__ import annotations

import json

from workbench.cli.context import CliContext, ExitStatus, entry_id, positive_int
from workbench.cli.send_cmds import add_send_arguments, send_draft


def _open_history(ctx: CliContext):
    from workbench.core.send.history import HistoryStore  # sqlite3: only for a history command

    return HistoryStore.at_default_location(ctx.environ)


def register(subparsers) -> None:
    history = subparsers.add_parser("history", help="the sends you made: list, show, replay")
    sub = history.add_subparsers(dest="history_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="the newest sends first")
    p.add_argument("--limit", type=positive_int, default=20, help="how many (default: 20)")
    p.add_argument("--env", metavar="NAME", help="only the sends in this environment")
    p.add_argument("--operation", metavar="API:NAME", help="only this operation's sends (as listed, e.g. pinpoint:GetApps)")
    p.add_argument("--status", choices=("2xx", "3xx", "4xx", "5xx", "no-response"), help="only this status class")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history_list)

    p = sub.add_parser("show", help="one send: request, what was signed, the response")
    p.add_argument("id", type=entry_id)
    p.add_argument("--page", type=positive_int, metavar="N", help="one page of a multi-page fetch (send --all-pages)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history_show)

    p = sub.add_parser("replay", help="send a recorded request again (in its environment, or --env)")
    p.add_argument("id", type=entry_id)
    p.add_argument("--json", action="store_true")
    add_send_arguments(p)
    p.set_defaults(handler=cmd_history_replay, env=None)


def _notes(ctx: CliContext, store) -> None:
    """What opening or reading the history recovered from, on stderr."""
    for note in store.notes:
        ctx.err(f"note: {note}")
    if store.skipped:
        ids = ", ".join(str(i) for i in store.skipped)
        ctx.err(f"note: history {'entries' if len(store.skipped) > 1 else 'entry'} {ids} "
                f"{'are' if len(store.skipped) > 1 else 'is'} damaged and cannot be read: skipped")


def cmd_history_list(args, ctx: CliContext) -> ExitStatus:
    status = args.status.replace("-", " ") if args.status else None
    with _open_history(ctx) as store:
        entries = store.list(args.limit, environment=args.env, operation=args.operation, status_class=status)
        _notes(ctx, store)
        pages = store.page_counts(e.id for e in entries)
    if args.json:
        ctx.out_json([e.summary() | ({"pages": pages[e.id]} if e.id in pages else {}) for e in entries])
        return ExitStatus.OK
    for e in entries:
        outcome = str(e.status) if e.status is not None else ("dry run" if not e.sent else "no response")
        fetch = f"  [{pages[e.id]} pages]" if e.id in pages else ""
        ctx.out(f"{e.id:>5}  {e.when}  {e.environment:<12} {outcome:<11} {e.operation:<40} {e.method} {e.url}{fetch}")
    if not entries:
        ctx.err("no sends recorded yet")
    return ExitStatus.OK


def cmd_history_show(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.common.errors import WorkbenchError

    with _open_history(ctx) as store:
        _notes(ctx, store)
        entry = store.get(args.id)
        pages = store.pages(args.id)
    if args.page is not None:
        if args.page > len(pages):
            raise WorkbenchError(f"history entry {args.id} has {len(pages) or 'no'} pages" +
                                 ("" if pages else " (it is a single send)"))
        page = pages[args.page - 1].to_dict()
        ctx.out_json(page) if args.json else ctx.out(json.dumps(page, indent=2, ensure_ascii=False))
        return ExitStatus.OK
    if args.json:
        summaries = [{k: v for k, v in p.to_dict().items() if k not in ("inspection", "response_headers", "response_body")}
                     for p in pages]
        ctx.out_json(entry.to_dict() | ({"pages": summaries} if pages else {}))
        return ExitStatus.OK
    ctx.out(f"#{entry.id} {entry.when}  {entry.operation} in {entry.environment} ({entry.region})")
    ctx.out(f"{entry.method} {entry.url}")
    if pages:
        ctx.out(f"a fetch of {len(pages)} page{'s' if len(pages) != 1 else ''} (the answer below is them merged; --page N shows one):")
        for p in pages:
            token = f", next token {p.next_token}" if p.next_token else ""
            ctx.out(f"  page {p.number}: HTTP {p.status if p.status is not None else '-'}, {p.items} items{token}")
    if entry.status is not None:
        ctx.out(f"HTTP {entry.status}   ({entry.elapsed_ms:.1f} ms, {entry.response_bytes} bytes)")
    elif entry.error:
        ctx.out(f"no response: {entry.error.get('message')}")
    for name, value in entry.response_headers:
        ctx.out(f"{name}: {value}")
    if entry.response_body:
        ctx.out("")
        data = entry.to_dict()["response_body"]
        ctx.out(data if isinstance(data, str) else json.dumps(data, indent=2, ensure_ascii=False))
        if entry.body_truncated:
            ctx.out(f"[only the first {len(entry.response_body)} bytes are kept]")
    return ExitStatus.OK


def cmd_history_replay(args, ctx: CliContext) -> ExitStatus:
    with _open_history(ctx) as store:
        entry = store.get(args.id)
    args.env = args.env or entry.environment
    return send_draft(entry.draft, args, ctx)
