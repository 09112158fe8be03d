"""`library list|search|show` and `render`: browse the templates, see the concrete request."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a tenth of --help)

from workbench.cli.context import CliContext, ExitStatus, parse_pairs
from workbench.cli.output import print_notes
from workbench.core.common.errors import WorkbenchError

if TYPE_CHECKING:  # the library loads when a command uses it, not for --help
    from workbench.core.library.templates import RequestTemplate


def register(sub) -> None:
    library = sub.add_parser("library", help="browse the request library")
    lib_sub = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    listing = lib_sub.add_parser("list", help="every operation, by API and group")
    listing.add_argument("--api", help="only this API (pinpoint, pinpoint-sms-voice-v2, ...)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    search = lib_sub.add_parser("search", help="find operations by words")
    search.add_argument("query", nargs="+")
    search.add_argument("--api")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)
    show = lib_sub.add_parser("show", help="one template: URL, variables, bodies, docs, variants")
    show.add_argument("operation", help="GetApps, or API:Operation when the name is in several APIs")
    show.add_argument("--api")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    rend = sub.add_parser("render", help="the concrete request a template makes, and its validation problems")
    add_request_arguments(rend)
    rend.set_defaults(handler=cmd_render)


def add_request_arguments(parser) -> None:
    parser.add_argument("operation", help="GetApps, or API:Operation when the name is in several APIs")
    parser.add_argument("--api")
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help="a variable (repeatable)")
    parser.add_argument("--variant", help="start from a named example variant instead of the minimal body")
    parser.add_argument("--full", action="store_true", help="start from the full body (every member)")
    parser.add_argument("--body", metavar="FILE|-", help="the body text from a file, or - for standard input")
    parser.add_argument("--json", action="store_true")


def parse_vars(pairs: list[str]) -> dict:
    return parse_pairs(pairs, "--var")


MAX_BODY_BYTES = 64 * 2**20


class UnreadableBody(WorkbenchError):
    """`--body FILE|-` that cannot be read, or is too large (field: source)."""


def read_body_option(body: str, ctx: CliContext) -> str:
    """The text of `--body FILE` or `--body -` (stdin), strictly UTF-8: bytes that are not
    are a located error, never a traceback."""
    from workbench.core.common.safe_json import decode_utf8

    source = "--body - (standard input)" if body == "-" else f"--body {body}"
    try:
        if body == "-":
            binary = getattr(ctx.stdin, "buffer", None)
            raw = binary.read(MAX_BODY_BYTES + 1) if binary is not None else ctx.stdin.read(MAX_BODY_BYTES + 1)
        else:
            with open(body, "rb") as handle:  # bounded: /dev/zero or an endless pipe must not eat the memory
                raw = handle.read(MAX_BODY_BYTES + 1)
    except OSError as exc:
        raise UnreadableBody(f"{source}: {exc.strerror or exc}", source=source) from None
    if len(raw) > MAX_BODY_BYTES:
        raise UnreadableBody(f"{source}: larger than {MAX_BODY_BYTES // 2**20} MiB, more than any Pinpoint request takes",
                             source=source)
    return raw if isinstance(raw, str) else decode_utf8(raw, source)


def read_body(args, template: RequestTemplate, ctx: CliContext) -> str | None:
    if args.body:
        return read_body_option(args.body, ctx)
    if args.variant:
        return template.body_text(args.variant)
    return template.body_text("full" if args.full else "minimal")


def template_for(args) -> RequestTemplate:
    from workbench.core.library.templates import find_template

    return find_template(args.operation, api=args.api)


def request_variables(args, template: RequestTemplate) -> dict:
    """Variant values < --var values (the command line is the request's own scope)."""
    variant_vars = template.variant(args.variant).variables if args.variant else {}
    return {**variant_vars, **parse_vars(args.var)}


def summary(template: RequestTemplate, environ) -> dict:
    """A template's summary plus whether the local sandbox serves it and whether it is paginated."""
    from workbench.core.library.lifecycle import lifecycle_of
    from workbench.core.library.paginators import is_paginated
    from workbench.core.sandbox.served import served_operations

    return template.summary() | {"lifecycle_label": lifecycle_of(template).label,
                                 "sandbox": template.key in served_operations(environ),
                                 "paginated": is_paginated(template.key)}


def cmd_list(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.library.templates import default_library
    from workbench.core.library.lifecycle import END_OF_SUPPORT_DATE, LABELS, SOURCE_FILE, status_mark
    from workbench.core.library.paginators import paginated_keys
    from workbench.core.sandbox.served import served_operations
    from workbench.core.library.apis import check_api

    library = default_library()
    served = served_operations(ctx.environ)
    paged = paginated_keys()
    tree = library.tree()
    if args.api:
        tree = {check_api(args.api): tree.get(args.api, {})}
    if args.json:
        ctx.out_json([summary(t, ctx.environ) for t in library.templates if not args.api or t.api == args.api])
        return ExitStatus.OK
    for api, groups in tree.items():
        ctx.out(f"{api}")
        for group, names in sorted(groups.items()):
            ctx.out(f"  {group}")
            for name in sorted(names):
                template = library.get(api, name)
                mark = (" [pages]" if template.key in paged else "") + (" [sandbox]" if template.key in served else "")
                ctx.out(f"    {name:<48} {template.method:<6}{mark}{status_mark(template.lifecycle_status)}")
    if any(library.get(api, name).lifecycle_status == "unclear" for api, groups in tree.items() for names in groups.values() for name in names):
        ctx.out(f"\n[{LABELS['unclear']}]: AWS has not said whether it continues after Pinpoint's end of support on "
                f"{END_OF_SUPPORT_DATE}; `library show NAME` says why, with the source ({SOURCE_FILE}).")
    if paged & {t.key for t in library.templates if not args.api or t.api == args.api}:
        ctx.out("\n[pages]: answers come in pages; `send NAME --all-pages` fetches them all.")
    for problem in library.problems:
        ctx.err(f"warning: {problem}")
    return ExitStatus.OK


def cmd_search(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.library.templates import default_library

    found = default_library().search(" ".join(args.query), api=args.api)
    if args.json:
        ctx.out_json([summary(t, ctx.environ) for t in found])
    elif not found:
        ctx.err("no operation matches")
    if not found:  # like grep: nothing found exits 1, with or without --json
        return ExitStatus.ERROR
    if args.json:
        return ExitStatus.OK
    for template in found:
        first_line = template.documentation.split("\n")[0][:80]
        ctx.out(f"{template.key:<55} {first_line}")
    return ExitStatus.OK


def cmd_show(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.library.lifecycle import lifecycle_of
    from workbench.core.library.paginators import paginator_for

    template = template_for(args)
    paginator = paginator_for(template.api, template.operation)
    if args.json:
        pagination = {"pagination": paginator.to_dict() | {"source": paginator.source}} if paginator else {}
        ctx.out_json(template.to_dict() | summary(template, ctx.environ) | {"lifecycle": lifecycle_of(template).to_dict()}
                     | pagination)
        return ExitStatus.OK
    ctx.out(f"{template.key}   ({template.group}; signs as {template.signing_name}; {template.protocol})")
    ctx.out(f"{template.method} {template.url}")
    for param in template.query:
        ctx.out(f"  ?{param.name}={{{{ {param.variable} }}}}{'' if param.required else '  (optional)'}")
    for name, value in template.headers:
        ctx.out(f"  {name}: {value}")
    print_lifecycle(ctx, template)
    if paginator is not None:
        ctx.out(f"\nPaginated: {' '.join(paginator.input_token)} -> {' '.join(paginator.output_token)}, "
                f"items in {', '.join(paginator.result_keys)}"
                + (f", page size {paginator.limit_key}" if paginator.limit_key else "") + f" ({paginator.source})")
        ctx.out(f"  send {template.operation} --all-pages [--max-items N] [--page-size N] fetches every page")
    if template.variables:
        ctx.out("\nVariables:")
        for v in template.variables:
            flag = "required" if v.required else "optional"
            ctx.out(f"  {v.name:<28} {v.location:<11} {v.type:<8} {flag:<8} {v.description[:70]}")
    if template.has_body:
        ctx.out("\nMinimal body:")
        ctx.out(template.body_text("minimal"))
    if template.variants:
        ctx.out("\nExample variants (--variant NAME):")
        for variant in template.variants:
            ctx.out(f"  {variant.name:<18} {variant.title}")
    ctx.out("\n" + template.documentation)
    return ExitStatus.OK


def cmd_render(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.library.lifecycle import lifecycle_notes
    from workbench.core.request.render import UnresolvedVariables, merge_scopes, render  # jinja2, botocore: only here
    from workbench.core.environments.secret_variables import secret_values
    from workbench.core.request.validation import validate

    template = template_for(args)
    body = read_body(args, template, ctx)
    variables = request_variables(args, template)
    ctx.hide(secret_values(variables))
    try:
        rendered = render(template, merge_scopes(request=variables), body)
    except UnresolvedVariables as exc:  # render has no environment: every missing name is a --var
        exc.remedy = "pass_variables:" + ",".join(exc.fields["variables"])
        raise
    problems = validate(rendered)
    notes = lifecycle_notes(template)
    if args.json:
        ctx.out_json({**rendered.to_dict(), "problems": [p.to_dict() for p in problems], "notes": list(notes)})
        return ExitStatus.OK
    print_request(ctx, rendered.request)
    print_problems(ctx, problems)
    print_notes(ctx, notes)
    return ExitStatus.OK


def print_lifecycle(ctx: CliContext, template: RequestTemplate) -> None:
    from workbench.core.library.lifecycle import SOURCE_FILE, lifecycle_of

    lifecycle = lifecycle_of(template)
    ctx.out(f"\nLifecycle: {lifecycle.label}" + (f" ({lifecycle.area})" if lifecycle.area else ""))
    if lifecycle.reason:
        ctx.out(f"  Why unclear: {lifecycle.reason}")
    if lifecycle.migration:
        ctx.out(f"  Migration: {lifecycle.migration}")
    if lifecycle.status != "supported":
        ctx.out(f"  Source: {lifecycle.source or 'no page named'} (label from {SOURCE_FILE})")


def print_request(ctx: CliContext, request) -> None:
    ctx.out(f"{request.method} {request.url}")
    for name, value in request.headers:
        ctx.out(f"{name}: {value}")
    if request.body:
        ctx.out("")
        ctx.out(request.body.decode("utf-8", errors="replace"))


def print_problems(ctx: CliContext, problems) -> None:
    if not problems:
        return
    ctx.err(f"{len(problems)} validation problem{'s' if len(problems) > 1 else ''} (not blocking):")
    for problem in problems:
        ctx.err(f"  {problem.path}: {problem.message}")
