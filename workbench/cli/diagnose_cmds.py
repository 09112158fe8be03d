"""`diagnose FILE` (a saved exchange, as `send --json` writes it), `diagnose --history ID`, and
the troubleshooting guide:
`troubleshoot list | show ID | search WORDS`. Fixes are shown as commands to type."""

from __future__ import annotations

import json
import shlex

from workbench.cli.context import CliContext, ExitStatus, entry_id
from workbench.cli.output import hint
from workbench.core.common.errors import WorkbenchError

PROG = "pinpoint-workbench"


def _diag():
    """core.diagnose, loaded when a diagnosis is asked for (not for --help or a send's parsing)."""
    from workbench.core import diagnose
    return diagnose


def register(sub) -> None:
    parser = sub.add_parser("diagnose", help="explain a saved exchange or a send from the history: cause, evidence, steps, fixes")
    parser.add_argument("file", nargs="?", help="a JSON file as `send --json` writes it (- for stdin)")
    parser.add_argument("--history", type=entry_id, metavar="ID", help="a send kept in the history (see `history list`)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=cmd_diagnose)

    guide = sub.add_parser("troubleshoot", help="the troubleshooting guide: every known problem and its fix")
    actions = guide.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every known problem")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    show = actions.add_parser("show", help="one problem: symptoms, cause, steps, fixes")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    search = actions.add_parser("search", help="problems mentioning every word (an error code, a message...)")
    search.add_argument("words", nargs="+")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)
    for parser in (listing, show, search):
        parser.add_argument("--language", metavar="LANG", help="en, zh_CN or ko_KR (default: the locale, from "
                                                             "LANGUAGE, LC_ALL, LC_MESSAGES or LANG; else English)")


# --------------------------------------------------------------------------- fixes as commands


def fix_command(fix: dict) -> str:
    """What to type (or do) for one fix of a diagnosis."""
    action = fix["action"]
    if action == "switch_environment":
        return f"send again with --env NAME (environments: {PROG} env list)"
    if action == "open_credentials":
        return hint(f"store_credentials:{fix.get('environment', 'ENV')}")
    if action == "set_variable":
        return hint(f"set_variable:{fix['name']}")
    if action == "resign" and "region" in fix:
        return f"sign for {fix['region']}: use an environment in {fix['region']}, or `{PROG} raw ... --region {fix['region']}`"
    if action == "resign":
        return f"sign with the right signing name: `{PROG} raw ... --signing-name {fix['signing_name']}`"
    if action == "copy_policy":
        return "add this statement to the IAM policy: " + json.dumps(fix["statement"])
    if action == "open_operation":
        return f"{PROG} library show {shlex.quote(fix['operation'].split(':', 1)[-1])}"
    if action == "list_projects":
        return "; ".join(f"{PROG} send GetApps --env {shlex.quote(e)}" for e in fix["environments"])
    if action == "retry":
        waits = ", ".join(f"{s} s" for s in fix.get("backoff_seconds", ()))
        return f"send again, waiting {waits} between tries" if waits else "send again"
    if action == "start_sandbox":
        return hint("start_sandbox")
    return credential_fix_command(fix) or action


def credential_fix_command(fix: dict) -> str | None:
    """The fixes that fit an environment's credential source (not `credentials set`, which
    only a keyring environment takes)."""
    action, env = fix["action"], shlex.quote(fix.get("environment", "ENV"))
    if action == "unlock_keyring":
        return "unlock the OS keyring (or start one: gnome-keyring, KWallet), then send again"
    if action == "use_profile":
        return hint("use_profile")
    if action == "session_credentials":
        return ("keep the keys for this session only: the desktop window's credentials dialog offers it; on the "
                f"command line: {PROG} env add NAME --region REGION --from-process-env, with the keys in AWS_ACCESS_KEY_ID "
                "and AWS_SECRET_ACCESS_KEY")
    if action == "check_profile":
        profile = shlex.quote(fix["profile"])
        return (f"check the AWS profile: aws configure list --profile {profile} (it must be in ~/.aws/config or "
                f"~/.aws/credentials and give credentials); then {PROG} credentials test {env}")
    if action == "sso_login":
        return f"aws sso login --profile {shlex.quote(fix['profile'])}"
    if action == "set_process_credentials":
        names = " and ".join(fix.get("names") or ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"))
        return (f"set {names} (and AWS_SESSION_TOKEN for temporary keys) in the environment {PROG} runs in; "
                f"then {PROG} credentials test {env}")
    return None


def print_diagnoses(ctx: CliContext, diagnoses, said: str = "") -> None:
    """The diagnoses on stderr (stdout keeps the response, for pipes); a fix an earlier
    diagnosis gave is not repeated, nor the error just `said` as evidence."""
    shown: list[str] = []
    for number, diagnosis in enumerate(diagnoses):
        if number:  # a blank line between diagnoses, none before the first
            ctx.err("")
        ctx.err(diagnosis_text(diagnosis, shown, said))


def print_unsent(ctx: CliContext, error: WorkbenchError, diagnoses) -> None:
    """What stopped a send before anything went out: the error once, then its diagnoses; the
    error's hint only when no diagnosis already gives that fix."""
    ctx.err(f"error: {error}")
    fixes = [fix_command(fix) for diagnosis in diagnoses for fix in diagnosis.fixes]
    worded = hint(error.remedy)
    print_diagnoses(ctx, diagnoses, said=str(error))
    if worded and worded not in fixes:
        ctx.err(f"hint: {worded}")


def diagnosis_text(diagnosis, shown: list | None = None, said: str = "") -> str:
    lines = [f"diagnosis [{diagnosis.id}] {diagnosis.title}", f"  {diagnosis.summary}", f"  cause: {diagnosis.cause}"]
    for evidence in diagnosis.evidence:
        if said and evidence.kind == "error" and evidence.value == said:
            continue
        value = evidence.value.splitlines()[0][:160] if evidence.value else ""
        lines.append(f"  evidence: {' '.join(filter(None, (evidence.kind, evidence.name)))}: {value}")
    diff = diagnosis.details.get("diff", {})
    if diff.get("lines"):
        lines.append(f"  {diff['part']} (- we signed, + AWS expected):")
        lines += [f"    {line}" for line in diff["lines"]]
    for rank, cause in enumerate(diagnosis.details.get("ranked_causes", ()), 1):
        lines.append(f"  likely cause {rank}: {cause['cause']}")
    lines += [f"  {n}. {step}" for n, step in enumerate(diagnosis.steps, 1)]
    shown = [] if shown is None else shown
    for fix in diagnosis.fixes:
        worded = fix_command(fix)
        if worded not in shown:
            lines.append(f"  fix: {worded}")
            shown.append(worded)
    return "\n".join(lines)


# --------------------------------------------------------------------------- diagnose FILE


def read_saved(path: str, ctx: CliContext):
    """A saved exchange (one JSON object), or event records (one JSON object per line, like
    the sandbox's events.jsonl or an event stream export)."""
    from workbench.core.common.storage import MAX_FILE_BYTES, read_text_limited

    try:
        text = ctx.stdin.read(MAX_FILE_BYTES + 1) if path == "-" else read_text_limited(path)
    except OSError as exc:
        raise WorkbenchError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:  # stdin that is not UTF-8
        raise WorkbenchError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if len(text) > MAX_FILE_BYTES:
        raise WorkbenchError(f"{path}: more than {MAX_FILE_BYTES // 1048576} MB; not a saved exchange")
    try:
        return json.loads(text)
    except RecursionError:
        raise WorkbenchError(f"{path}: the JSON is nested too deeply to read") from None
    except ValueError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            records = [json.loads(line) for line in lines]
        except ValueError:
            raise WorkbenchError(f"{path}: not JSON ({exc}); expected what `send --json` writes, "
                                 "or event records one per line") from None
        if len(records) < 2 or not all(isinstance(r, dict) for r in records):
            raise WorkbenchError(f"{path}: not JSON ({exc}); expected what `send --json` writes") from None
        return records


def user_environments(ctx: CliContext) -> list:
    """The user's environments (to look for a missing project in their other regions)."""
    from workbench.cli.context import open_store

    try:
        return open_store(ctx).list()
    except WorkbenchError:
        return []


def event_of(data) -> dict | None:
    """The event record in `data`: itself (eventType / event_type at the top), or the `event`
    it wraps (the sandbox's log adds sequence, api and destinations around it)."""
    if isinstance(data, dict) and isinstance(data.get("event"), dict):
        data = data["event"]
    if isinstance(data, dict) and ("eventType" in data or "event_type" in data):
        return data
    return None


def cmd_diagnose(args, ctx: CliContext) -> ExitStatus:
    if (args.file is None) == (args.history is None):
        raise WorkbenchError("diagnose: give a saved exchange FILE or --history ID (one of them)")
    if args.history is not None:
        from workbench.core.send.history import HistoryStore

        with HistoryStore.at_default_location(ctx.environ) as store:
            entry = store.get(args.history)
        found = _diag().diagnose_history_entry(entry, environments=user_environments(ctx))
    else:
        saved = read_saved(args.file, ctx)
        if isinstance(saved, list) or event_of(saved) is not None:
            return show_events(ctx, saved if isinstance(saved, list) else [saved], args.json)
        found = _diag().diagnose(_diag().from_saved(saved, where=args.file), environments=user_environments(ctx))
    if args.json:
        ctx.out_json({"diagnoses": [d.to_dict() for d in found]})
    elif not found:
        ctx.out("No known problem found in this exchange.")
    else:
        for diagnosis in found:
            ctx.out(diagnosis_text(diagnosis) + "\n")
    return ExitStatus.OK


def show_events(ctx: CliContext, records: list, as_json: bool) -> ExitStatus:
    """Each event record that shows a problem, with its diagnoses."""
    results = []
    for number, record in enumerate(records, 1):
        event = event_of(record)
        if event is None:
            continue
        found = _diag().diagnose_event(event)
        if found:
            attributes = event.get("attributes") if isinstance(event.get("attributes"), dict) else {}
            results.append({"record": record.get("sequence", number), "event_type": event.get("eventType") or event.get("event_type"),
                            "message_id": event.get("messageId") or attributes.get("message_id"), "diagnoses": found})
    if as_json:
        ctx.out_json({"events": [r | {"diagnoses": [d.to_dict() for d in r["diagnoses"]]} for r in results]})
    elif not results:
        ctx.out("No event record shows a known problem.")
    for result in [] if as_json else results:
        ctx.out(f"event {result['record']}: {result['event_type']} (message {result['message_id']})")
        for diagnosis in result["diagnoses"]:
            ctx.out(diagnosis_text(diagnosis) + "\n")
    return ExitStatus.OK


# --------------------------------------------------------------------------- the guide


def _language(args, ctx: CliContext) -> str:
    """The guide's language: --language, else the locale; a --language with no translation
    is said on stderr (English is used). The rest of the command line stays English."""
    from workbench.core.common.i18n import resolve_language

    choice = resolve_language(args.language, ctx.environ)
    if choice.note and choice.source == "explicit":
        ctx.err(f"note: {choice.note}")
    for problem in _diag().overlay_problems(choice.code):
        ctx.err(f"warning: the {choice.name} troubleshooting guide could not be read ({problem}); English is shown")
    return choice.code


def _summary_line(item: dict) -> str:
    return f"{item['id']:<36} {item['area']:<10} {item['title']}"


def cmd_list(args, ctx: CliContext) -> ExitStatus:
    items = _diag().catalogue(_language(args, ctx))
    if args.json:
        ctx.out_json(items)
    else:
        for item in items:
            ctx.out(_summary_line(item))
    return ExitStatus.OK


def cmd_show(args, ctx: CliContext) -> ExitStatus:
    language = _language(args, ctx)
    item = _diag().entry(args.id, language)
    if args.json:
        ctx.out_json(item)
        return ExitStatus.OK
    label = _diag().guide_words(language, "labels")
    ctx.out(f"{item['title']}  [{item['id']}, {item['area']}]")
    ctx.out(f"{label['symptoms']}: " + "; ".join(item["symptoms"]))
    ctx.out(f"{label['cause']}: {item['cause']}")
    for n, step in enumerate(item["steps"], 1):
        ctx.out(f"  {n}. {step}")
    for fix in item["fixes"]:
        ctx.out(f"  {label['fix']}: {_diag().localized_fix_label(fix, language)}")
    ctx.out(f"{label['source']}: {item['source']}")
    return ExitStatus.OK


def cmd_search(args, ctx: CliContext) -> ExitStatus:
    language = _language(args, ctx)
    items = _diag().search(" ".join(args.words), language)
    if args.json:
        ctx.out_json(items)
    elif not items:
        ctx.out(_diag().guide_words(language, "labels")["nothing_found"])
    else:
        for item in items:
            ctx.out(_summary_line(item))
    return ExitStatus.OK
