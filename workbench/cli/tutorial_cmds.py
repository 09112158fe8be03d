"""`pinpoint-workbench tutorial list | show NAME | run NAME | reset [NAME]`: the onboarding
lessons (resources/tutorials/) from the command line.

`run` sends every step in order through the send service and checks it with the engine the
window uses, one line per step; exit 0 only when every check held (1 otherwise). Against an
environment that is not the sandbox it first says what the lesson would create, change, send
or delete, and goes on only with --yes.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.cli.context import CliContext, ExitStatus
from workbench.core.common.errors import WorkbenchError

DEFAULT_ENV = "sandbox"
LANGUAGE_HELP = ("texts in this language where translated: en, zh_CN or ko_KR (default: the locale, from LANGUAGE, "
                 "LC_ALL, LC_MESSAGES or LANG; else English)")
# What `tutorial show` prints around a lesson's texts; resources/i18n/tutorial_show.LANG.json translates it.
SHOW_WORDS = {
    "for": "For: {audience}", "about": "About {minutes} minutes, {steps} steps.", "guide": "Guide: {title} <{target}>",
    "passed": "(passed)", "request": "request: {what}", "variant": "{operation} (variant {variant})",
    "signing": "signing on purpose: {how}", "other_service": "on {service} (not sent by the workbench):",
    "carries": "carries: {variable} = {path}", "from_event": "(from the event)", "check": "check: {what}",
}


class LessonNotConfirmed(WorkbenchError):
    code = "confirm"
    fmt = ("{tutorial} would run against {environment!r}, which is not the local sandbox, and would {changes}. "
           "Nothing was sent.")
    remedy = "confirm"


def register(subparsers) -> None:
    parser = subparsers.add_parser("tutorial", help="onboarding lessons: list, show, run them against the sandbox",
                                   description="Lessons from the developer guide that send real requests and check "
                                               "what came back; they run in the local sandbox by default.")
    sub = parser.add_subparsers(dest="tutorial_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="every lesson, with your progress")
    listing.add_argument("--language", metavar="LANG", help=LANGUAGE_HELP)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="one lesson: its steps, requests and checks")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--language", metavar="LANG", help=LANGUAGE_HELP)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    run = sub.add_parser("run", help="send and check every step of a lesson, in order (exit 0 when all pass)")
    run.add_argument("name", metavar="NAME")
    run.add_argument("--env", default=DEFAULT_ENV, help=f"environment (default: {DEFAULT_ENV}, the local sandbox)")
    run.add_argument("--junit", metavar="FILE", help="write JUnit XML here")
    run.add_argument("--yes", action="store_true", help="run against an AWS environment: create, send and delete what the lesson does")
    run.add_argument("--json", action="store_true")
    run.set_defaults(handler=cmd_run)

    reset = sub.add_parser("reset", help="forget your progress in one lesson (or in all of them)")
    reset.add_argument("name", metavar="NAME", nargs="?")
    reset.add_argument("--json", action="store_true")
    reset.set_defaults(handler=cmd_reset)


def _language(args, ctx: CliContext) -> str:
    """--language, else the locale (list and show only: run and reset stay English, for
    scripts); a --language with no translation is said on stderr and English is used."""
    from workbench.core.common.i18n import resolve_language

    choice = resolve_language(args.language, ctx.environ)
    if choice.note and choice.source == "explicit":
        ctx.err(f"note: {choice.note}")
    return choice.code


def _show_words(language: str) -> dict[str, str]:
    from workbench.core.common.i18n import load_overlay

    overlay = load_overlay("tutorial_show", language)
    words = overlay.data.get("words") if isinstance(overlay.data.get("words"), dict) else {}
    return {key: overlay.text(words.get(key), text) for key, text in SHOW_WORDS.items()}


def _loaded(ctx: CliContext, language: str = "en", quiet: bool = False):
    from workbench.core.tutorials import load_tutorials

    loaded = load_tutorials(language=language)
    if not quiet:
        for problem in loaded.problems:
            ctx.err(f"{'warning' if problem.severity == 'warning' else 'error'}: tutorial {problem}")
    return loaded


def _progress(ctx: CliContext):
    from workbench.core.common.paths import config_dir
    from workbench.core.tutorials import ProgressStore

    store = ProgressStore.in_config_dir(config_dir(ctx.environ))
    if store.problem:
        ctx.err(f"warning: {store.problem}")
    return store


def cmd_list(args, ctx: CliContext) -> ExitStatus:
    loaded = _loaded(ctx, _language(args, ctx), quiet=args.json)
    store = _progress(ctx)
    rows = []
    for tutorial in loaded.tutorials:
        rows.append({**tutorial.summary_dict(), "progress": store.get(tutorial).summary(tutorial)})
    if args.json:
        ctx.out_json({"tutorials": rows, "problems": [p.to_dict() for p in loaded.problems]})
        return ExitStatus.OK if not loaded.errors else ExitStatus.ERROR
    width = max((len(r["id"]) for r in rows), default=10)
    for row in rows:
        progress = row["progress"]
        done = "done" if progress["done"] else f"{progress['passed']}/{progress['steps']}" if progress["passed"] else "new"
        ctx.out(f"{row['id']:<{width}}  {row['duration_minutes']:>3} min  {row['steps']:>2} steps  {done:<6} {row['title']}")
    if not rows:
        ctx.out("no tutorials could be read")
    return ExitStatus.OK if not loaded.errors else ExitStatus.ERROR


def cmd_show(args, ctx: CliContext) -> ExitStatus:
    language = _language(args, ctx)
    loaded = _loaded(ctx, language, quiet=True)
    tutorial = loaded.get(args.name)
    progress = _progress(ctx).get(tutorial)
    if args.json:
        ctx.out_json({**tutorial.to_dict(), "language": tutorial.language, "sandbox_only": tutorial.sandbox_only,
                      "would_change": [{"operation": op, "kind": kind} for op, kind in tutorial.would_change()],
                      "progress": progress.summary(tutorial)})
        return ExitStatus.OK
    said = _show_words(language)
    ctx.out(f"{tutorial.title}\n")
    ctx.out(tutorial.summary)
    ctx.out(said["for"].format(audience=tutorial.audience))
    ctx.out(said["about"].format(minutes=tutorial.duration_minutes, steps=len(tutorial.steps)))
    for item in tutorial.prerequisites:
        ctx.out(f"  - {item}")
    if tutorial.guide is not None:
        ctx.out(said["guide"].format(title=tutorial.guide.title, target=tutorial.guide.target))
    for number, step in enumerate(tutorial.steps, 1):
        passed = f"  {said['passed']}" if step.id in progress.passed else ""
        ctx.out(f"\n{number}. {step.title} [{step.id}]{passed}")
        for paragraph in step.text:
            ctx.out(f"   {paragraph}")
        if step.request is not None:
            draft = step.request.draft
            what = step.request.draft_file or (said["variant"].format(operation=draft.operation, variant=draft.variant)
                                               if draft.variant else draft.operation)
            ctx.out("   " + said["request"].format(what=what))
            if not step.signing.plain:
                ctx.out("   " + said["signing"].format(how=", ".join(f"{k}={v}" for k, v in step.signing.to_dict().items())))
        if step.other_service is not None:
            ctx.out("   " + said["other_service"].format(service=step.other_service.service))
            for command in step.other_service.commands:
                ctx.out(f"     {command}")
        for carry in step.carry:
            ctx.out("   " + said["carries"].format(variable=carry.variable, path=carry.path)
                    + (f" {said['from_event']}" if carry.source == "event" else ""))
        for check in step.checks:
            a = check.assertion
            what = " ".join(filter(None, (a.kind, a.path, "" if a.expected is None else json.dumps(a.expected, ensure_ascii=False))))
            ctx.out("   " + said["check"].format(what=what))
    return ExitStatus.OK


def cmd_run(args, ctx: CliContext) -> ExitStatus:
    from workbench.cli.interrupt import interrupt_cancels
    from workbench.cli.output import print_notes
    from workbench.cli.send_cmds import send_service
    from workbench.core.common.cancel import CancelToken
    from workbench.core.tutorials import run_tutorial

    tutorial = _loaded(ctx, quiet=True).get(args.name)
    service = send_service(ctx)
    for warning in service.store_warnings():
        ctx.err(f"warning: {warning}")
    cancel = CancelToken()
    total = len(tutorial.steps)
    width = max(len(step.id) for step in tutorial.steps)

    def show(line) -> None:
        if args.json:
            return
        number = tutorial.steps.index(line.step) + 1
        if not line.step.sends:
            where = f"on {line.step.other_service.service}" if line.step.other_service else "to read"
            ctx.out(f"-    {number:>2}/{total} {line.step.id:<{width}}  ({where}: nothing to send)")
            return
        if line.skipped:
            ctx.out(f"skip {number:>2}/{total} {line.step.id:<{width}}  ({line.skipped})")
            return
        mark = "ok  " if line.passed else "STOP" if line.cancelled else "FAIL"
        status = line.outcome.status if line.outcome is not None else None
        said = f"HTTP {status}" if status is not None else "not sent"
        ctx.out(f"{mark} {number:>2}/{total} {line.step.id:<{width}}  {line.step.request.operation}  {said}  "
                f"{line.elapsed_s * 1000:.0f} ms")
        for failure in ([line.error] if line.error else []) + (line.outcome.failures() if line.outcome else []):
            ctx.out(f"       {failure}")

    with interrupt_cancels(cancel), service.open(args.env, cancel=cancel) as session:
        if not session.environment.is_sandbox:
            changes = tutorial.would_change()
            if changes and not args.yes and not tutorial.sandbox_only:
                raise LessonNotConfirmed(tutorial=tutorial.id, environment=session.environment.name,
                                         changes=changes_in_words(changes))
        if not args.json:
            print_notes(ctx, session.notes)
        run = run_tutorial(tutorial, session, cancel=cancel, on_step=show)
        service.workspace.close()
    if args.junit:
        try:
            Path(args.junit).write_text(run.report.to_junit(), encoding="utf-8")
        except OSError as exc:
            raise WorkbenchError(f"--junit {args.junit}: {exc.strerror or exc}") from None
    if args.json:
        ctx.out_json(run.to_dict())
    else:
        summary = run.to_dict()
        if run.cancelled:
            ctx.out(f"interrupted after {len(run.steps)} of {total} steps")
        ctx.out(f"{tutorial.id}: {summary['passed']} of {summary['sent']} steps sent passed"
                + ("" if run.ok else "; the lesson did not pass"))
    return ExitStatus.OK if run.ok else ExitStatus.ERROR


CHANGE_WORDS = {"write": "create", "send": "send or pay for", "destructive": "overwrite or delete"}


def changes_in_words(changes) -> str:
    """[(operation, kind)] -> "create CreateApp; send or pay for SendOTPMessage, RequestPhoneNumber; ..." """
    grouped: dict[str, list[str]] = {}
    for operation, kind in changes:
        names = grouped.setdefault(kind, [])
        name = operation.rpartition(":")[2]
        if name not in names:
            names.append(name)
    return "; ".join(f"{CHANGE_WORDS[kind]} {', '.join(names)}" for kind, names in grouped.items())


def cmd_reset(args, ctx: CliContext) -> ExitStatus:
    store = _progress(ctx)
    if args.name is not None:
        _loaded(ctx, quiet=True).get(args.name)  # an unknown name is said, with what is close
    store.reset(args.name)
    if args.json:
        ctx.out_json({"reset": args.name or "all"})
    else:
        ctx.out(f"progress forgotten: {args.name or 'every lesson'}")
    return ExitStatus.OK
