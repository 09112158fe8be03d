"""`sandbox scenario load FILE... [--history ID...] | list | clear [NAME...]`: the sandbox
replays recorded answers and injects faults (core.sandbox.scenarios), after checking the
signature as always; what no rule matches is answered as before.

FILE is a reproduction bundle, a rules file, or the name of a shipped scenario (`list`
shows them: throttling, spend-limit-reached, ...). Scenarios are kept beside the sandbox's
state, so the running background sandbox uses them at once, and after a restart.
"""

from __future__ import annotations

from workbench.cli.context import CliContext, ExitStatus


def register(sub) -> None:
    scenario = sub.add_parser("scenario", help="replay recorded answers and inject faults (throttling, 5xx, drops...)")
    actions = scenario.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)

    load = actions.add_parser("load", help="load scenarios: bundles, rules files, shipped names, history entries")
    load.add_argument("files", nargs="*", metavar="FILE", help="a reproduction bundle, a rules file or a shipped name")
    load.add_argument("--history", nargs="+", type=int, default=[], metavar="ID",
                      help="replay the answers of these history entries")
    load.add_argument("--json", action="store_true")
    load.set_defaults(handler=_load)

    listing = actions.add_parser("list", help="the loaded scenarios and their rules, and the shipped ones")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    clear = actions.add_parser("clear", help="unload scenarios (all, or those named)")
    clear.add_argument("names", nargs="*", metavar="NAME")
    clear.add_argument("--json", action="store_true")
    clear.set_defaults(handler=_clear)


def _directory(ctx: CliContext):
    from workbench.core.sandbox.store import sandbox_data_dir

    return sandbox_data_dir(ctx.environ)


def _running(ctx: CliContext) -> bool:
    from workbench.core.sandbox.background import read_status

    return read_status(ctx.environ).running


def _describe(scenario) -> dict:
    return {"name": scenario.name, "description": scenario.description, "source": scenario.source,
            "rules": [rule.summary() for rule in scenario.rules]}


def _load(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.scenario_files import read_scenario_file, scenario_from_history
    from workbench.core.sandbox import scenarios

    if not args.files and not args.history:
        from workbench.cli.fetch_pages import usage_error

        return usage_error(args, ctx, "name at least one FILE (or --history ID)")
    new = [read_scenario_file(scenarios.resolve(name)) for name in args.files]  # every file checked before any is kept
    if args.history:
        from workbench.core.send.history import HistoryStore

        with HistoryStore.at_default_location(ctx.environ) as store:
            entries = [store.get(entry_id) for entry_id in args.history]
        new.append(scenario_from_history(entries))
    everything = scenarios.load(_directory(ctx), new)
    running = _running(ctx)
    if args.json:
        ctx.out_json({"loaded": [_describe(s) for s in new], "scenarios": [s.name for s in everything],
                      "sandbox_running": running})
        return ExitStatus.OK
    for scenario in new:
        ctx.out(f"loaded {scenario.name}: {scenario.description or scenario.source}")
        for rule in scenario.rules:
            ctx.out(f"  {rule.summary()}")
    if not running:
        ctx.err("note: the sandbox is not running; the scenarios apply once it runs (pinpoint-workbench sandbox start)")
    return ExitStatus.OK


def _list(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.sandbox import scenarios

    current = scenarios.loaded(_directory(ctx))
    shipped = sorted(scenarios.shipped())
    if args.json:
        ctx.out_json({"scenarios": [_describe(s) for s in current], "shipped": shipped})
        return ExitStatus.OK
    if not current:
        ctx.out("No scenario is loaded: the sandbox answers every request itself.")
    for scenario in current:
        ctx.out(f"{scenario.name}: {scenario.description or scenario.source}")
        for rule in scenario.rules:
            ctx.out(f"  {rule.summary()}")
    ctx.out(f"\nShipped (load one by name: sandbox scenario load NAME): {', '.join(shipped)}")
    return ExitStatus.OK


def _clear(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.sandbox import scenarios

    gone = scenarios.clear(_directory(ctx), args.names)
    if args.json:
        ctx.out_json({"cleared": gone})
    else:
        ctx.out(f"unloaded {', '.join(gone)}" if gone else "No scenario was loaded.")
    return ExitStatus.OK
