"""`env` and `credentials` commands: argv -> the environment service (core) -> printed.

No command takes a secret on the command line (argv shows in `ps` and shell history): the
secret access key comes from a hidden prompt on a terminal, else from one line of stdin.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a tenth of --help)

from workbench.cli.context import BadArgument, CliContext, ExitStatus, open_store, parse_pairs
from workbench.cli.output import print_notes
from workbench.core.environments.secret_variables import MASK, mask_variables, secret_values

if TYPE_CHECKING:  # environments, credentials and regions load when a command uses them, not for --help
    from workbench.core.environments.credential_status import CredentialStatus
    from workbench.core.environments.environment import Environment
    from workbench.core.environments.service import EnvironmentService


def add_postman_env_import(subparsers, name: str, help_text: str) -> None:
    """`env import` and `import postman-env`: one command under two names."""
    p = subparsers.add_parser(name, help=help_text)
    p.add_argument("file")
    p.add_argument("--name", help="name of the new environment (default: the Postman name)")
    p.add_argument("--skip-secrets", action="store_true", help="do not import accessKey/secretAccessKey or other secret values")
    p.add_argument("--trust-hosts", action="store_true",
                   help="confirm an endpoint that is neither an AWS host nor this machine as a destination for credentials")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_import)


def register(subparsers) -> None:
    env = subparsers.add_parser("env", help="manage environments (region, account, credential source)")
    env_sub = env.add_subparsers(dest="env_command", metavar="ACTION", required=True)

    p = env_sub.add_parser("list", help="list environments")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_list)

    p = env_sub.add_parser("show", help="show one environment: hosts, variables, credential source")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_show)

    p = env_sub.add_parser("add", help="add an environment")
    p.add_argument("name")
    p.add_argument("--region", required=True, help="e.g. us-east-1")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--profile", help="take credentials from this AWS profile (SSO, assume-role, process...)")
    source.add_argument(
        "--from-process-env",
        action="store_true",
        help="take credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN",
    )
    p.add_argument("--account", dest="account_id", default="", help="12-digit AWS account ID")
    p.add_argument("--production", action="store_true", help="ask before destructive or sending operations")
    p.add_argument("--colour", "--color", dest="colour", default="", help="a colour for the UI, e.g. #c62828")
    p.add_argument("--var", action="append", default=[], metavar="KEY=VALUE", help="a free variable (repeatable)")
    p.add_argument("--host", action="append", default=[], metavar="API=HOST", help="override an API's host")
    p.add_argument("--force", action="store_true",
                   help="keep a region botocore does not know yet, or a profile not configured yet")
    p.add_argument("--trust-hosts", action="store_true",
                   help="confirm --host hosts that are neither AWS hosts nor this machine as destinations for credentials")
    p.add_argument("--ca-bundle", default="", metavar="PEM", help="CAs to trust for this environment (e.g. a corporate proxy's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_add)

    p = env_sub.add_parser("edit", help="change some fields of an environment (the rest is kept)")
    p.add_argument("name")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="rename it (its keyring entries follow)")
    p.add_argument("--region", help="e.g. eu-west-1")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--profile", help="take credentials from this AWS profile")
    source.add_argument("--from-process-env", action="store_true", help="take credentials from AWS_ACCESS_KEY_ID...")
    source.add_argument("--keyring", action="store_true", help="take credentials from the OS keyring")
    p.add_argument("--account", dest="account_id", help="12-digit AWS account ID (\"\" to clear it)")
    production = p.add_mutually_exclusive_group()
    production.add_argument("--production", dest="production", action="store_true", default=None)
    production.add_argument("--not-production", dest="production", action="store_false")
    p.add_argument("--colour", "--color", dest="colour", help="a colour for the UI (\"\" to clear it)")
    p.add_argument("--host", action="append", default=[], metavar="API=HOST",
                   help="override an API's host (API= to go back to AWS's host)")
    p.add_argument("--ca-bundle", metavar="PEM", help="CAs to trust for this environment (\"\" to clear it)")
    p.add_argument("--force", action="store_true",
                   help="keep a region botocore does not know yet, or a profile not configured yet")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_edit)

    p = env_sub.add_parser("duplicate", help="copy an environment into another region (credentials and secrets too)")
    p.add_argument("name")
    p.add_argument("new_name", metavar="NEW")
    p.add_argument("--region", required=True, help="the copy's region")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_duplicate)

    add_postman_env_import(env_sub, "import", "import a Postman environment export (secrets go to the keyring)")

    p = env_sub.add_parser("set", help="set free variables of an environment (the sandbox's too)")
    p.add_argument("name")
    p.add_argument("pairs", nargs="+", metavar="KEY=VALUE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_set)

    p = env_sub.add_parser("unset", help="remove free variables of an environment")
    p.add_argument("name")
    p.add_argument("keys", nargs="+", metavar="KEY")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_unset)

    p = env_sub.add_parser("trust", help="confirm the environment's hosts that are neither AWS hosts nor this machine")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_trust)

    p = env_sub.add_parser("remove", help="remove an environment (and its keyring entry)")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_remove)

    p = env_sub.add_parser("regions", help="regions where each API is offered, with hosts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_env_regions)


# --------------------------------------------------------------------------- helpers


def open_service(ctx: CliContext) -> EnvironmentService:
    """The environment service over the user's environments (a damaged file: a warning)."""
    from workbench.core.environments.service import EnvironmentService

    return EnvironmentService(open_store(ctx), ctx.environ)


def _describe(env: Environment, status: CredentialStatus | None = None) -> dict:
    from workbench.core.environments.destination import unconfirmed_hosts

    data = env.to_dict()
    data["partition"] = env.partition
    data["scheme"] = env.scheme
    data["hosts"] = dict(sorted(env.hosts.items()))
    data["credential_source"] = env.credential_source.to_dict()
    if status is not None:
        data["credentials"] = status.to_dict()
    data["missing_apis"] = list(env.missing_apis)
    data["template_variables"] = mask_variables(dict(sorted(env.template_variables().items())))
    if env.variables:
        data["variables"] = mask_variables(data["variables"])
    data["unconfirmed_hosts"] = unconfirmed_hosts(env)
    data["builtin"] = env.is_sandbox
    return data


def _print_env(ctx: CliContext, env: Environment, status: CredentialStatus) -> None:
    from workbench.core.library import regions
    from workbench.core.environments.destination import unconfirmed_hosts

    ctx.out(f"{env.name}")
    ctx.out(f"  region       {env.region} ({regions.region_description(env.region)}, partition {env.partition})")
    if env.account_id:
        ctx.out(f"  account      {env.account_id}")
    ctx.out(f"  credentials  {status.describe()}")
    if env.production:
        ctx.out("  production   yes: destructive and sending operations ask first")
    if env.colour:
        ctx.out(f"  colour       {env.colour}")
    if env.ca_bundle:
        ctx.out(f"  CA bundle    {env.ca_bundle}")
    hosts = env.hosts
    for api, info in regions.APIS.items():
        host = hosts.get(api)
        shown = f"{env.scheme}://{host}" if host else "not offered in this region"
        if env.is_sandbox and not host:
            shown = "set when the sandbox runs"
        ctx.out(f"  {info.label:<17}{shown}")
    for key, value in sorted(mask_variables(env.variables).items()):
        ctx.out(f"  var {key} = {value}")
    for key in env.secret_variables:
        ctx.out(f"  var {key} = {MASK} (secret, in the OS keyring)")
    for host in unconfirmed_hosts(env):
        ctx.out(f"  not confirmed {host}: credentials are not signed for it")


def _show_notes(ctx: CliContext, notes, args) -> dict:
    """Notes on stderr, or (with --json) as the `notes` list of the JSON answer."""
    if args.json:
        return {"notes": [str(n) for n in notes]}
    print_notes(ctx, notes)
    return {}


# --------------------------------------------------------------------------- env


def cmd_env_list(args, ctx: CliContext) -> ExitStatus:
    service = open_service(ctx)
    envs = service.list()
    statuses = [service.credential_status(env) for env in envs]
    if args.json:
        ctx.out_json(
            {
                "file": str(service.store.path),
                "environments": [_describe(env, status) for env, status in zip(envs, statuses)],
                "problems": [p.to_dict() for p in service.store.problems],
                "backups": [str(b) for b in service.store.backups],
            }
        )
        return ExitStatus.OK
    width = max(len(env.name) for env in envs)
    for env, status in zip(envs, statuses):
        flags = " production" if env.production else ""
        ctx.out(f"{env.name:<{width}}  {env.region:<15} {status.describe()}{flags}")
    return ExitStatus.OK


def cmd_env_show(args, ctx: CliContext) -> ExitStatus:
    service = open_service(ctx)
    env = service.get(args.name)
    status = service.credential_status(env)
    if args.json:
        ctx.out_json(_describe(env, status))
    else:
        _print_env(ctx, env, status)
    return ExitStatus.OK


def cmd_env_add(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.environments.credentials import CredentialSource

    if args.profile:
        source = CredentialSource("profile", args.profile)
    elif args.from_process_env:
        source = CredentialSource("process")
    else:
        source = CredentialSource("keyring")
    variables = parse_pairs(args.var, "--var")
    ctx.hide(secret_values(variables))
    service = open_service(ctx)
    saved = service.add(dict(name=args.name, region=args.region, host_overrides=parse_pairs(args.host, "--host"),
                             account_id=args.account_id, variables=variables, colour=args.colour,
                             production=args.production, credential_source=source, ca_bundle=args.ca_bundle),
                        force=args.force, trust_hosts=args.trust_hosts)
    env = saved.environment
    notes = _show_notes(ctx, saved.notes, args)
    if args.json:
        ctx.out_json(_describe(env) | notes)
    else:
        ctx.out(f"added environment {env.name!r} ({env.region}) to {service.store.path}")
        if source.kind == "keyring":
            ctx.out(f"next: pinpoint-workbench credentials set {_quote(env.name)} --access-key-id AKIA...")
    return ExitStatus.OK


def cmd_env_edit(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.environments.credentials import CredentialSource

    service = open_service(ctx)
    changes = {key: value for key, value in (("name", args.new_name), ("region", args.region),
                                             ("account_id", args.account_id), ("colour", args.colour),
                                             ("production", args.production), ("ca_bundle", args.ca_bundle))
               if value is not None}
    if args.profile or args.from_process_env or args.keyring:
        kind = "profile" if args.profile else "process" if args.from_process_env else "keyring"
        changes["credential_source"] = CredentialSource(kind, args.profile)
    if args.host:
        hosts = {**service.get(args.name).host_overrides, **parse_pairs(args.host, "--host")}
        changes["host_overrides"] = {api: host for api, host in hosts.items() if host}
    if not changes:
        raise BadArgument("nothing to change: pass --name, --region, --account, --colour, --production, --host, "
                          "--ca-bundle or a credential source", flag="env edit")
    return _show_saved(ctx, service.edit(args.name, changes, force=args.force), args, "saved")


def cmd_env_duplicate(args, ctx: CliContext) -> ExitStatus:
    saved = open_service(ctx).duplicate(args.name, args.new_name, args.region)
    return _show_saved(ctx, saved, args, f"duplicated {args.name!r} as")


def _show_saved(ctx: CliContext, saved, args, verb: str) -> ExitStatus:
    env = saved.environment
    notes = _show_notes(ctx, saved.notes, args)
    if args.json:
        ctx.out_json(_describe(env) | notes)
    else:
        ctx.out(f"{verb} environment {env.name!r} ({env.region})")
    return ExitStatus.OK


def cmd_env_import(args, ctx: CliContext) -> ExitStatus:
    result = open_service(ctx).import_postman(args.file, name=args.name, skip_secrets=args.skip_secrets,
                                              trust_hosts=args.trust_hosts)
    env = result.environment
    skipped = ["--skip-secrets: the access key was not imported"] if result.credentials_skipped else []
    if result.secrets_skipped:
        skipped.append(f"--skip-secrets: {', '.join(result.secrets_skipped)} not imported")
    notes = _show_notes(ctx, [*result.notes, *skipped], args)
    if args.json:
        ctx.out_json(_describe(env) | {"credentials_stored": result.credentials_stored} | notes)
    else:
        stored = " and its access key to the keyring" if result.credentials_stored else ""
        ctx.out(f"imported environment {env.name!r} ({env.region}){stored}")
    return ExitStatus.OK


def cmd_env_set(args, ctx: CliContext) -> ExitStatus:
    pairs = parse_pairs(args.pairs, "env set")
    service = open_service(ctx)
    ctx.hide(secret_values(pairs, service.get(args.name).secret_variables))
    saved = service.set_variables(args.name, pairs)
    print_notes(ctx, saved.notes)
    return _show_variables(ctx, saved.environment, args)


def cmd_env_unset(args, ctx: CliContext) -> ExitStatus:
    return _show_variables(ctx, open_service(ctx).unset_variables(args.name, args.keys).environment, args)


def _show_variables(ctx: CliContext, env: Environment, args) -> ExitStatus:
    shown = mask_variables(dict(sorted(env.variables.items())), env.secret_variables)
    if args.json:
        ctx.out_json({"environment": env.name, "variables": shown})
    else:
        for key, value in shown.items():
            ctx.out(f"{env.name}: {key} = {value}")
        if not env.variables:
            ctx.out(f"{env.name}: no variables")
    return ExitStatus.OK


def cmd_env_trust(args, ctx: CliContext) -> ExitStatus:
    saved = open_service(ctx).trust(args.name)
    env = saved.environment
    if args.json:
        ctx.out_json({"environment": env.name, "confirmed": list(saved.confirmed)})
        return ExitStatus.OK
    for host in saved.confirmed:
        ctx.out(f"confirmed {host} as a destination for the credentials of {env.name!r}")
    if not saved.confirmed:
        ctx.out(f"{env.name!r} has no host to confirm (its hosts are AWS hosts or this machine)")
    return ExitStatus.OK


def cmd_env_remove(args, ctx: CliContext) -> ExitStatus:
    removed = open_service(ctx).remove(args.name)
    notes = _show_notes(ctx, removed.notes, args)
    if args.json:
        ctx.out_json({"removed": removed.name, "keyring_entry_deleted": removed.credentials_deleted} | notes)
    else:
        extra = " and its keyring entry" if removed.credentials_deleted else ""
        ctx.out(f"removed environment {removed.name!r}{extra}")
    return ExitStatus.OK


def cmd_env_regions(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.library import regions
    table = regions.region_table()
    if args.json:
        ctx.out_json(
            [
                {
                    "region": r.code,
                    "description": r.description,
                    "partition": r.partition,
                    "tutorial": r.tutorial,
                    "hosts": r.hosts,
                    "missing_apis": list(r.missing_apis),
                }
                for r in table
            ]
        )
        return ExitStatus.OK
    for r in table:
        missing = ", ".join(regions.APIS[a].label for a in r.missing_apis)
        mark = "*" if r.tutorial else " "
        ctx.out(f"{mark} {r.code:<16} {r.partition:<11} {r.description}" + (f"  [no {missing}]" if missing else ""))
    ctx.out("* a region of the developer guide's Postman tutorial")
    return ExitStatus.OK


def _quote(name: str) -> str:
    import shlex

    return shlex.quote(name)

