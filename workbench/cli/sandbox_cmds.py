"""`pinpoint-workbench sandbox start | stop | status | reset | events | coverage | scenario`:
the background local sandbox, its event log, what it serves, and the scenarios it replays
(scenario_cmds.py)."""

from __future__ import annotations

import json

from workbench.cli.context import ExitStatus


def _data_dir(ctx):
    from workbench.core.sandbox.store import sandbox_data_dir  # pickle, logging: not for --help

    return sandbox_data_dir(ctx.environ)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sandbox", help="run the local sandbox (moto behind a SigV4-verifying front)",
        description="The local sandbox answers the Pinpoint APIs on http://127.0.0.1:PORT for "
                    "the fixed sandbox credentials (no AWS account needed).")
    sub = parser.add_subparsers(dest="sandbox_command", metavar="ACTION", required=True)

    start = sub.add_parser("start", help="start the background sandbox (runs until `sandbox stop`)")
    start.add_argument("--tutorial-policy", action="store_true",
                       help="enforce the Postman tutorial's IAM policy (deletes are denied)")
    start.add_argument("--port", type=int, default=0, help="port to listen on (default: any free one)")
    start.add_argument("--json", action="store_true", help="print the status as JSON")
    start.set_defaults(handler=_start)

    stop = sub.add_parser("stop", help="stop the background sandbox")
    stop.add_argument("--json", action="store_true", help="print the result as JSON")
    stop.set_defaults(handler=_stop)

    status = sub.add_parser("status", help="is the background sandbox running? (exit 0 if so, 1 if not)")
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(handler=_status)

    reset = sub.add_parser("reset", help="empty the sandbox's kept state (apps, numbers, events...)")
    reset.add_argument("--json", action="store_true", help="print the result as JSON")
    reset.set_defaults(handler=_reset)

    events = sub.add_parser("events", help="the sandbox's event log: TEXT_*/VOICE_* records, "
                                           "verification and one-time codes")
    events.add_argument("--follow", "-f", action="store_true",
                        help="keep printing records as they arrive (Ctrl-C stops)")
    events.add_argument("--json", action="store_true", help="one JSON record per line")
    events.set_defaults(handler=_events)

    coverage = sub.add_parser("coverage", help="which operations the sandbox serves, per API")
    coverage.add_argument("--json", action="store_true", help="print the lists as JSON")
    coverage.set_defaults(handler=_coverage)

    from workbench.cli.scenario_cmds import register as register_scenarios

    register_scenarios(sub)


def _describe(status) -> str:
    record = status.record
    policy = "on" if record and record.tutorial_policy else "off"
    return f"{record.url} (pid {record.pid}, tutorial policy {policy})" if record else ""


def _note_stale(ctx, status) -> None:
    if status.stale_cleaned:
        ctx.err(f"note: removed a stale sandbox record ({status.stale_cleaned})")


def _start(args, ctx) -> ExitStatus:
    from workbench.core.sandbox.background import start_background

    status = start_background(ctx.environ, tutorial_policy=args.tutorial_policy, port=args.port)
    if args.json:
        ctx.out_json(status.to_dict())
        return ExitStatus.OK
    _note_stale(ctx, status)
    if status.already_running:
        ctx.out(f"The sandbox is already running at {_describe(status)}.")
        if status.record and status.record.tutorial_policy != args.tutorial_policy:
            ctx.err("note: it runs with a different tutorial-policy setting; "
                    "`sandbox stop` first to change it")
    else:
        ctx.out(f"Sandbox running at {_describe(status)}.")
    ctx.out(f"Its state is kept in {_data_dir(ctx)}.")
    ctx.out("Send to it with --env sandbox; stop it with: pinpoint-workbench sandbox stop")
    return ExitStatus.OK


def _stop(args, ctx) -> ExitStatus:
    from workbench.core.sandbox.background import stop_background

    status = stop_background(ctx.environ)
    if args.json:
        ctx.out_json({"stopped": status.running, **status.to_dict(), "running": False})
        return ExitStatus.OK
    _note_stale(ctx, status)
    if status.running:
        ctx.out(f"Stopped the sandbox at {_describe(status)}.")
    else:
        ctx.out("The sandbox was not running.")
    return ExitStatus.OK


def _status(args, ctx) -> ExitStatus:
    from workbench.core.sandbox.background import read_status

    status = read_status(ctx.environ)
    directory = str(_data_dir(ctx))
    if args.json:
        ctx.out_json({**status.to_dict(), "data_dir": directory})
    else:
        _note_stale(ctx, status)
        ctx.out(f"Sandbox running at {_describe(status)}." if status.running
                else "The sandbox is not running (start it with: pinpoint-workbench sandbox start).")
        ctx.out(f"Its state is kept in {directory}.")
    return ExitStatus.OK if status.running else ExitStatus.ERROR


def _reset(args, ctx) -> ExitStatus:
    from workbench.core.sandbox.background import reset_background

    existed, status = reset_background(ctx.environ)
    directory = str(_data_dir(ctx))
    if args.json:
        ctx.out_json({"emptied": existed, "data_dir": directory, **status.to_dict()})
        return ExitStatus.OK
    ctx.out(f"Emptied the sandbox's state in {directory}." if existed
            else f"The sandbox had no state to empty ({directory}).")
    if status.running:
        ctx.out(f"Sandbox running again at {_describe(status)}.")
    return ExitStatus.OK


def describe_event(record: dict) -> str:
    """One line for an event-log record."""
    if "code" in record:
        what = record.get("note", "code")
        return (f"#{record['sequence']} {what} {record['code']} for "
                f"{record.get('destinationPhoneNumber', '?')}")
    event = record.get("event", {})
    if "event_type" in event:  # Pinpoint's event stream format
        attributes = event.get("attributes", {})
        return (f"#{record['sequence']} {event['event_type']} "
                f"{attributes.get('record_status', '')} "
                f"{attributes.get('origination_phone_number') or '-'} -> "
                f"{attributes.get('destination_phone_number') or '-'} "
                f"message {attributes.get('message_id', '?')}")
    line = (f"#{record['sequence']} {event.get('eventType', '?')} "
            f"{event.get('originationPhoneNumber') or '-'} -> "
            f"{event.get('destinationPhoneNumber') or '-'} message {event.get('messageId', '?')}")
    if record.get("configurationSetName"):
        line += f" (configuration set {record['configurationSetName']})"
    return line


def _events(args, ctx) -> ExitStatus:
    from workbench.cli.interrupt import interrupt_cancels
    from workbench.core.common.cancel import CancelToken
    from workbench.core.sandbox.events import follow_events, read_events
    from workbench.core.sandbox.store import EVENTS_FILE

    path = _data_dir(ctx) / EVENTS_FILE

    def show(record: dict) -> None:
        ctx.out(json.dumps(record, ensure_ascii=False) if args.json else describe_event(record))
        ctx.stdout.flush()

    if not args.follow:
        count = 0
        for record in read_events(path):
            show(record)
            count += 1
        if not count and not args.json:
            ctx.err(f"The sandbox's event log is empty ({path}).")
        return ExitStatus.OK
    token = CancelToken()
    # Ctrl-C cancels the token from another thread: cancelling it in a KeyboardInterrupt
    # handler could wait forever on the token's lock, held by the code the signal interrupted
    with interrupt_cancels(token):
        for record in follow_events(path, token):
            show(record)
    return ExitStatus.OK


def _coverage(args, ctx) -> ExitStatus:
    from workbench.core.sandbox.emulation import coverage

    report = coverage()
    if args.json:
        ctx.out_json(report)
        return ExitStatus.OK
    for api, modes in report.items():
        counts = ", ".join(f"{len(names)} {mode}" for mode, names in modes.items())
        ctx.out(f"{api}: {counts}")
        for mode in ("stateful", "stateless", "refused"):
            if modes[mode]:
                ctx.out(f"  {mode}: {' '.join(modes[mode])}")
    return ExitStatus.OK
