"""`import` and `export`: Postman collections and environments, curl, CloudTrail records,
code snippets. The conversions live in core/interop; this module reads files and prints."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.cli.context import CliContext, ExitStatus, entry_id, open_store, parse_pairs
from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.sandbox_identity import SANDBOX_NAME


def register(sub) -> None:
    register_bundle(sub)
    imp = sub.add_parser("import", help="import Postman collections and environments, curl commands, CloudTrail records")
    imp_sub = imp.add_subparsers(dest="import_kind", metavar="KIND", required=True)

    p = imp_sub.add_parser("postman", help="a Postman collection (v2.0 or v2.1) -> a folder of request drafts")
    p.add_argument("file")
    p.add_argument("--into", required=True, metavar="DIR", help="the folder to write the drafts to")
    p.add_argument("--overwrite", action="store_true", help="replace drafts there that differ from the import (edited ones)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import_postman)

    from workbench.cli.env_cmds import add_postman_env_import

    add_postman_env_import(imp_sub, "postman-env", "a Postman environment export (secrets go to the keyring), like `env import`")

    p = imp_sub.add_parser("curl", help="a curl command line (from a file, or - for stdin) -> a request draft")
    p.add_argument("file", metavar="FILE|-")
    p.add_argument("--name", default="", help="the draft's name (default: the operation's)")
    p.add_argument("--out", metavar="FILE", help="save the draft here (default: print it)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import_curl)

    p = imp_sub.add_parser("cloudtrail", help="a Pinpoint CloudTrail event (or a Records file) -> request drafts in the matching environment")
    p.add_argument("file", metavar="FILE|-")
    p.add_argument("--into", metavar="DIR", help="save the drafts in this folder (default: print them)")
    p.add_argument("--overwrite", action="store_true", help="replace drafts there that differ from the import (edited ones)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import_cloudtrail)

    exp = sub.add_parser("export", help="export Postman collections and environments, curl commands, code snippets")
    exp_sub = exp.add_subparsers(dest="export_kind", metavar="KIND", required=True)

    p = exp_sub.add_parser("postman", help="a folder of drafts, or a library folder (pinpoint, pinpoint/Apps), as a Postman v2.1 collection")
    p.add_argument("source", metavar="DIR_OR_FOLDER")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--name", help="the collection's name (default: the folder's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_postman)

    p = exp_sub.add_parser("postman-env", help="an environment as a Postman environment (secrets as empty values typed secret)")
    p.add_argument("env", metavar="NAME")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_postman_env)

    for kind, what in (("curl", "curl --aws-sigv4"), ("awscli", "an AWS CLI command"), ("boto3", "a boto3 (Python) script"),
                       ("awscurl", "an awscurl command")):
        p = exp_sub.add_parser(kind, help=f"an operation (or a saved draft file) as {what}; credentials from AWS_* environment variables")
        p.add_argument("operation", metavar="OPERATION|DRAFT_FILE")
        p.add_argument("--env", default=SANDBOX_NAME, help="environment name (default: the local sandbox, which must be running)")
        p.add_argument("--var", action="append", default=[], metavar="NAME=VALUE")
        p.add_argument("--body", metavar="FILE|-", help="the request body (default: the draft's or the operation's minimal body)")
        p.add_argument("--variant", help="a worked example's body and values (ex-002...)")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=cmd_export_snippet, kind=kind)


def cmd_import_postman(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.postman_import import load_collection, tree_entries  # loaded when used, not for --help

    result = load_collection(args.file)
    into = Path(args.into)
    if into.exists() and not into.is_dir():
        raise WorkbenchError(f"--into {into}: exists and is not a folder")
    entries, secrets = keep_import_secrets(tree_entries(result.root), ctx)  # to the keyring, never the files
    info, info_secrets = keep_collection_secrets(result.info(), ctx)
    secrets = tuple({secret.name: secret for secret in (*secrets, *info_secrets)}.values())
    written = write_tree_or_refuse(into, entries, args, ctx, info=info)
    if written is None:
        return ExitStatus.ERROR
    summary = result.summary() | {"into": str(into), "files": len(written)}
    if secrets:
        summary["secrets"] = [secret.describe() for secret in secrets]
    if args.json:
        ctx.out_json(summary)
    else:
        if result.damage:
            ctx.err(f"warning: {args.file}: {result.damage}")
        ctx.out(f"imported {result.imported} requests ({result.linked} linked to library operations) into {into}")
        for note in [*result.notes, *(secret.describe() for secret in secrets)]:
            ctx.out(f"  note: {note}")
        for item in summary["notes"]:
            ctx.out(f"  {item['item']}:")
            for note in item["notes"]:
                ctx.out(f"    - {note}")
    return ExitStatus.ERROR if result.damage else ExitStatus.OK


def keep_import_secrets(entries, ctx: CliContext):
    """The imported drafts with their secrets (an x-api-key header, a password variable...)
    kept as secret globals in the keyring (request.draft_secrets), and those secrets."""
    from workbench.core.environments.globals_store import GlobalsStore
    from workbench.core.interop.draft_files import keep_secrets

    return keep_secrets(entries, GlobalsStore.at_default_location(ctx.environ).keep_draft_secrets)


def keep_collection_secrets(info, ctx: CliContext):
    """The collection's variables (its collection.json) with their secrets kept the same way."""
    from workbench.core.environments.globals_store import GlobalsStore
    from workbench.core.interop.draft_files import keep_collection_secrets as keep

    return keep(info, GlobalsStore.at_default_location(ctx.environ).keep_draft_secrets)


def write_tree_or_refuse(into: Path, entries, args, ctx: CliContext, info=None) -> list[Path] | None:
    """write_tree; None (the refusal printed, with the flag that allows it) when it would
    replace drafts that differ from the import."""
    from workbench.cli.output import print_error
    from workbench.core.interop.draft_files import WouldOverwrite, write_tree

    try:
        return write_tree(into, entries, overwrite=args.overwrite, info=info)
    except WouldOverwrite as exc:
        print_error(ctx, exc, args.json)
        if not args.json:
            ctx.err("hint: nothing was written; pass --overwrite to replace them, or import --into another folder")
        return None


def write_json_file(path: str, data, flag: str = "--out") -> None:
    import json

    try:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise WorkbenchError(f"{flag} {path}: {exc.strerror or exc}") from None


def cmd_export_postman(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.draft_files import read_collection_info, read_tree
    from workbench.core.interop.postman_export import export_collection, library_requests  # the plan: not for --help

    source = Path(args.source)
    description, variables = "", ()
    if source.is_dir():
        requests = [(s.folder, s.draft) for s in read_tree(source)]
        info = read_collection_info(source)
        name, description, variables = args.name or info.name, info.description, info.variables
    else:
        requests = library_requests(args.source)
        name = args.name or f"Pinpoint Workbench: {args.source}"
    collection = export_collection(name, requests, description=description, variables=variables)
    write_json_file(args.out, collection)
    if args.json:
        ctx.out_json({"written": args.out, "requests": len(requests)})
        return ExitStatus.OK
    ctx.out(f"exported {len(requests)} requests to {args.out} (Postman collection v2.1; no secret values)")
    return ExitStatus.OK


def cmd_export_postman_env(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.postman_export import export_environment


    env = open_store(ctx).get(args.env)
    write_json_file(args.out, export_environment(env))
    if args.json:
        ctx.out_json({"written": args.out, "environment": env.name})
        return ExitStatus.OK
    ctx.out(f"exported environment {env.name!r} to {args.out} (credentials as empty secret values)")
    return ExitStatus.OK


def read_input(path: str, ctx: CliContext, flag: str = "FILE") -> str:
    """A file (a regular one, of a bounded size) or stdin (-), as UTF-8 text."""
    from workbench.core.common.storage import MAX_FILE_BYTES, StorageError, read_text_limited

    try:
        text = ctx.stdin.read(MAX_FILE_BYTES + 1) if path == "-" else read_text_limited(path)
    except StorageError as exc:
        raise WorkbenchError(f"{flag} {path}: {exc.detail}") from None
    except WorkbenchError as exc:  # not UTF-8, located
        raise WorkbenchError(f"{flag} {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError(f"{flag} {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if len(text) > MAX_FILE_BYTES:
        raise WorkbenchError(f"{flag} {path}: more than {MAX_FILE_BYTES // 1048576} MB; not read")
    return text


def cmd_import_curl(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.curl_import import parse_curl

    result = parse_curl(read_input(args.file, ctx), name=args.name)
    [(_, draft)], secrets = keep_import_secrets([("request", result.draft)], ctx)  # to the keyring, never a file
    result = replace(result, draft=draft, notes=result.notes + tuple(secret.describe() for secret in secrets))
    if args.out:
        write_json_file(args.out, result.draft.to_dict())
    if args.json:
        ctx.out_json(result.to_dict())
    else:
        if not args.out:
            ctx.out_json(result.draft.to_dict())
        for note in result.notes:
            ctx.err(f"note: {note}")
    return ExitStatus.OK


def environment_for_export(name: str, ctx: CliContext):
    """The named environment; the sandbox only when one is running (a snippet must point at it)."""
    from workbench.core.environments.model import sandbox_environment

    if name != SANDBOX_NAME:
        return open_store(ctx).get(name)
    from workbench.core.sandbox.background import read_status

    status = read_status(ctx.environ)
    if not status.running:
        raise WorkbenchError("the local sandbox is not running; start it with `pinpoint-workbench sandbox start` "
                             "so the snippet can point at it, or pass --env NAME")
    return sandbox_environment(status.url)


def cmd_export_snippet(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.snippets import snippet
    from workbench.core.send.plan import build_plan

    draft = draft_from_argument(args, ctx)
    plan = build_plan(draft, environment_for_export(args.env, ctx))
    text = snippet(args.kind, plan).rstrip("\n")
    if args.json:
        ctx.out_json({"kind": args.kind, "snippet": text})
    else:
        ctx.out(text)
    return ExitStatus.OK


def register_bundle(sub) -> None:
    bundle = sub.add_parser("bundle", help="reproduction bundles: one secret-free file with a request, its response and context")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)

    p = bundle_sub.add_parser("create", help="send an operation (or a draft file) and bundle the exchange, or bundle a history entry")
    p.add_argument("operation", nargs="?", metavar="OPERATION|DRAFT_FILE")
    p.add_argument("--history", type=entry_id, metavar="ID", help="bundle this history entry instead of sending")
    p.add_argument("--env", default=SANDBOX_NAME)
    p.add_argument("--var", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--body", metavar="FILE|-")
    p.add_argument("--yes", action="store_true", help="confirm a destructive or sending operation on a production environment")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_bundle_create)

    p = bundle_sub.add_parser("open", help="show a bundle; --replay sends its request again in your environment")
    p.add_argument("file")
    p.add_argument("--replay", action="store_true")
    p.add_argument("--env", default=SANDBOX_NAME, help="where to replay (default: the local sandbox)")
    p.add_argument("--yes", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_bundle_open)


def draft_from_argument(args, ctx: CliContext):
    """A draft from OPERATION or DRAFT_FILE, with --var values and --body on top."""
    from workbench.core.request.drafts import RequestDraft
    from workbench.core.interop.draft_files import read_draft
    from workbench.core.library.templates import default_library

    source = Path(args.operation)
    if source.suffix == ".json" and source.is_file():
        draft = read_draft(source)
    else:
        template = default_library().find(args.operation)
        draft = RequestDraft(name=template.operation, operation=template.key)
    variables = draft.variables_dict() | parse_pairs(args.var, "--var")
    draft = replace(draft, variables=tuple(variables.items()), variant=getattr(args, "variant", None) or draft.variant)
    if args.body:
        draft = replace(draft, body=read_input(args.body, ctx, "--body"))
    return draft


def cmd_bundle_create(args, ctx: CliContext) -> ExitStatus:
    from workbench.cli.send_cmds import show_plan
    from workbench.core.interop.bundle import bundle_from_history, bundle_from_outcome

    if args.history is not None:
        from workbench.core.send.history import HistoryStore

        with HistoryStore.at_default_location(ctx.environ) as history:
            entry = history.get(args.history)
        account = ""
        if entry.environment != SANDBOX_NAME:
            store = open_store(ctx)
            account = store.get(entry.environment).account_id if entry.environment in store else ""
        data = bundle_from_history(entry, account)
    else:
        if not args.operation:
            raise WorkbenchError("name an OPERATION or a DRAFT_FILE to send, or pass --history ID")
        draft = draft_from_argument(args, ctx)

        def on_plan(plan) -> bool:
            if not args.json:
                show_plan(ctx, plan)  # the same problems and notes as `send`
            return args.yes

        outcome = _send_for_bundle(args.env, draft, ctx, on_plan)
        data = bundle_from_outcome(outcome)
    write_json_file(args.out, data)
    if args.json:
        ctx.out_json({"written": args.out, "operation": data["operation"], "outcome": bundle_outcome(data)})
        return ExitStatus.OK
    ctx.out(f"bundle written to {args.out} ({data['operation']}, {bundle_outcome(data)}; no secrets)")
    return ExitStatus.OK


def _send_for_bundle(env: str, draft, ctx: CliContext, on_plan=None):
    """Send `draft` in `env` through the send service (recorded in the history like any send;
    a reproduction changes no variable: saves are not kept). What stops it raises."""
    from workbench.cli.send_cmds import send_service

    service = send_service(ctx)
    for warning in service.store_warnings():
        ctx.err(f"warning: {warning}")
    try:
        with service.open(env) as session:
            outcome = session.send(draft, keep_saves=False, on_plan=on_plan)
    finally:
        service.workspace.close()
    ctx.hide(outcome.hidden)
    for warning in outcome.warnings:
        ctx.err(f"warning: {warning}")
    if outcome.error is not None:
        raise outcome.error
    return outcome


def bundle_outcome(data: dict) -> str:
    """"HTTP 201", or "no response: <why>" for a bundle of a send that got no answer."""
    status = (data.get("response") or {}).get("status")
    if status is not None:
        return f"HTTP {status}"
    error = data.get("error")
    reason = error.get("message") if isinstance(error, dict) else error
    return f"no response: {reason or 'none recorded'}"


def cmd_bundle_open(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.bundle import read_bundle

    data, draft = read_bundle(read_input(args.file, ctx), source=args.file)
    was = (data.get("response") or {}).get("status")
    report = {"operation": data.get("operation"), "environment": data.get("environment"), "versions": data.get("versions"),
              "status": was, "diagnosis": data.get("diagnosis")}
    if args.replay:
        exchange = _send_for_bundle(args.env, draft, ctx, on_plan=lambda plan: args.yes).exchange
        now = exchange.response.status if exchange.response is not None else None
        report["replay"] = {"environment": args.env, "status": now, "same_status": now == was,
                            "body": exchange.response.json() if exchange.response is not None else None}
    if args.json:
        ctx.out_json(report)
    else:
        env = data.get("environment") or {}
        ctx.out(f"{data.get('operation')} in {env.get('name')} ({env.get('region')}, account {env.get('account')}): {bundle_outcome(data)}")
        versions = data.get("versions") or {}
        ctx.out(f"made with Pinpoint Workbench {versions.get('app')}, botocore {versions.get('botocore')}")
        for item in data.get("diagnosis") or []:
            ctx.out(f"diagnosis: {item.get('title')}")
        if args.replay:
            replay = report["replay"]
            ctx.out(f"replayed in {args.env}: HTTP {replay['status']}" + ("" if replay["same_status"] else f" (the bundle had {was})"))
    return ExitStatus.OK


def cmd_import_cloudtrail(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.interop.cloudtrail import read_events

    imported, problems = read_events(read_input(args.file, ctx), source=args.file, environments=open_store(ctx).list())
    status = ExitStatus.ERROR if problems else ExitStatus.OK
    if args.into and imported:
        if write_tree_or_refuse(Path(args.into), [("request", item.draft) for item in imported], args, ctx) is None:
            return ExitStatus.ERROR
    if args.json:
        ctx.out_json({"imported": len(imported), "events": [item.to_dict() for item in imported], "problems": problems})
        return status
    for problem in problems:
        ctx.err(f"error: {problem}")
    for item in imported:
        where = f"environment {item.environment}" if item.environment else "no matching environment"
        ctx.out(f"{item.draft.operation} in {item.region or '?'} ({where})")
        if not args.into:
            ctx.out_json(item.draft.to_dict())
        for note in item.notes:
            ctx.err(f"note: {note}")
    return status
