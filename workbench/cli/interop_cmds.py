"""`import` and `export`: Postman collections and environments, curl, CloudTrail records,
code snippets. The conversions live in core/interop; this module reads files and prints."""

from __future__ import annotations

from pathlib import Path

from workbench.cli.context import CliContext, ExitStatus
from workbench.core.errors import WorkbenchError
from workbench.core.interop.draft_files import write_tree
from workbench.core.interop.postman_import import load_collection, tree_entries


def register(sub) -> None:
    imp = sub.add_parser("import", help="import Postman collections and environments, curl commands, CloudTrail records")
    imp_sub = imp.add_subparsers(dest="import_kind", metavar="KIND", required=True)

    p = imp_sub.add_parser("postman", help="a Postman collection (v2.0 or v2.1) -> a folder of request drafts")
    p.add_argument("file")
    p.add_argument("--into", required=True, metavar="DIR", help="the folder to write the drafts to")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import_postman)


def cmd_import_postman(args, ctx: CliContext) -> ExitStatus:
    result = load_collection(args.file)
    into = Path(args.into)
    if into.exists() and not into.is_dir():
        raise WorkbenchError(f"--into {into}: exists and is not a folder")
    written = write_tree(into, tree_entries(result.root), result.name, result.root.description)
    summary = result.summary() | {"into": str(into), "files": len(written)}
    if args.json:
        ctx.out_json(summary)
    else:
        if result.damage:
            ctx.err(f"warning: {args.file}: {result.damage}")
        ctx.out(f"imported {result.imported} requests ({result.linked} linked to library operations) into {into}")
        for note in result.notes:
            ctx.out(f"  note: {note}")
        for item in summary["notes"]:
            ctx.out(f"  {item['item']}:")
            for note in item["notes"]:
                ctx.out(f"    - {note}")
    return ExitStatus.ERROR if result.damage else ExitStatus.OK
