"""`env` and `credentials` commands: environments on disk, secrets in the keyring.

No command takes a secret on the command line (argv shows in `ps` and shell history): the
secret access key comes from a hidden prompt on a terminal, else from one line of stdin.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.cli.context import BadArgument, CliContext, ExitStatus, open_store, parse_pairs
from workbench.cli.output import print_notes
from workbench.core.common.errors import WorkbenchError
from workbench.core.environments.secret_variables import (
    MASK,
    SecretVariableStore,
    is_secret,
    is_secret_name,
    keep_secret_values,
    mask_variables,
    secret_values,
)

if TYPE_CHECKING:  # environments, credentials and regions load when a command uses them, not for --help
    from workbench.core.environments.credential_status import CredentialStatus
    from workbench.core.environments.credentials import Credentials, KeyringCredentialStore
    from workbench.core.environments.model import Environment


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

    cred = subparsers.add_parser("credentials", help="store, clear or test an environment's credentials")
    cred_sub = cred.add_subparsers(dest="credentials_command", metavar="ACTION", required=True)

    p = cred_sub.add_parser(
        "set",
        help="store an access key in the OS keyring (the secret is prompted for, or read from stdin)",
        description="The secret access key is never an argument: it is read from a hidden prompt "
        "on a terminal, else from the first line of stdin (the session token, with "
        "--session-token-stdin, from the next line).",
    )
    p.add_argument("name")
    p.add_argument("--access-key-id", required=True)
    p.add_argument("--session-token-stdin", action="store_true", help="also read a session token")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_credentials_set)

    p = cred_sub.add_parser("clear", help="delete the environment's keyring entry")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_credentials_clear)

    p = cred_sub.add_parser("test", help="resolve the environment's credentials and show where they come from")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_credentials_test)


# --------------------------------------------------------------------------- helpers


def open_credential_store(ctx: CliContext) -> KeyringCredentialStore:
    from workbench.core.environments.credentials import KeyringCredentialStore

    return KeyringCredentialStore.from_environ(ctx.environ)


def _credential_status(env: Environment, ctx: CliContext, keyring: list) -> CredentialStatus:
    """The status of `env`'s credentials; `keyring` holds one store shared by a listing."""
    from workbench.core.environments.credential_status import credential_status

    if env.credential_source.kind == "keyring" and not keyring:
        keyring.append(open_credential_store(ctx))
    return credential_status(env, keyring[0] if keyring else None, ctx.environ)


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


def _confirm_hosts(env: Environment, trust: bool, ctx: CliContext) -> Environment:
    """Record the hosts the user confirmed with --trust-hosts; otherwise say which hosts
    credentials will not be signed for."""
    from workbench.core.environments.destination import unconfirmed_hosts

    pending = unconfirmed_hosts(env)
    if pending and trust:
        return replace(env, confirmed_hosts=env.confirmed_hosts + tuple(pending))
    for host in pending:
        ctx.err(f"note: {host} is neither an AWS host nor this machine: sends with this environment's credentials "
                f"are refused until you confirm it: pinpoint-workbench env trust {_quote(env.name)}")
    return env


def _read_secret(ctx: CliContext, prompt: str) -> str:
    isatty = getattr(ctx.stdin, "isatty", None)
    if isatty is not None and isatty():
        import getpass  # termios: only when a secret is typed

        return getpass.getpass(prompt, stream=ctx.stderr)
    line = ctx.stdin.readline()
    return line.rstrip("\r\n")


def _offering_notes(env: Environment) -> list[str]:
    from workbench.core.library import regions
    missing = env.missing_apis
    if not missing or env.is_sandbox:
        return []
    return [f"not offered in {env.region}: {', '.join(regions.APIS[a].label for a in missing)}"]


def _show_notes(ctx: CliContext, notes: list, args) -> dict:
    """Notes on stderr, or (with --json) as the `notes` list of the JSON answer."""
    if args.json:
        return {"notes": [str(n) for n in notes]}
    print_notes(ctx, notes)
    return {}


# --------------------------------------------------------------------------- env


def cmd_env_list(args, ctx: CliContext) -> ExitStatus:
    store = open_store(ctx)
    envs = store.list()
    keyring: list = []
    statuses = [_credential_status(env, ctx, keyring) for env in envs]
    if args.json:
        ctx.out_json(
            {
                "file": str(store.path),
                "environments": [_describe(env, status) for env, status in zip(envs, statuses)],
                "problems": [p.to_dict() for p in store.problems],
                "backups": [str(b) for b in store.backups],
            }
        )
        return ExitStatus.OK
    width = max(len(env.name) for env in envs)
    for env, status in zip(envs, statuses):
        flags = " production" if env.production else ""
        ctx.out(f"{env.name:<{width}}  {env.region:<15} {status.describe()}{flags}")
    return ExitStatus.OK


def cmd_env_show(args, ctx: CliContext) -> ExitStatus:
    env = open_store(ctx).get(args.name)
    status = _credential_status(env, ctx, [])
    if args.json:
        ctx.out_json(_describe(env, status))
    else:
        _print_env(ctx, env, status)
    return ExitStatus.OK


def cmd_env_add(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.environments.credentials import CredentialSource
    from workbench.core.environments.model import Environment
    from workbench.core.environments.credentials import check_profile
    from workbench.core.library.regions import check_region

    store = open_store(ctx)
    check_region(args.region, allow_unknown=args.force)
    if args.profile and not args.force:
        check_profile(args.profile, ctx.environ)
    if args.profile:
        source = CredentialSource("profile", args.profile)
    elif args.from_process_env:
        source = CredentialSource("process")
    else:
        source = CredentialSource("keyring")
    _check_colour_and_ca_bundle(args)
    variables = parse_pairs(args.var, "--var")
    ctx.hide(secret_values(variables))
    secrets = {k: v for k, v in variables.items() if is_secret_name(k)}
    env = Environment(
        name=args.name,
        region=args.region,
        host_overrides=parse_pairs(args.host, "--host"),
        account_id=args.account_id,
        variables={k: v for k, v in variables.items() if k not in secrets},
        colour=args.colour,
        production=args.production,
        credential_source=source,
        secret_variables=tuple(secrets),
        ca_bundle=os.path.abspath(args.ca_bundle) if args.ca_bundle else "",
    )
    env = _confirm_hosts(env, args.trust_hosts, ctx)
    secret_store = None
    if secrets:
        secret_store = SecretVariableStore(open_credential_store(ctx))
        secret_store.keyring.check()  # no keyring: refuse before writing anything
    store.add(env)
    kept_secret = []
    if secret_store is not None:
        secret_store.set(env.name, secrets)
        kept_secret = [f"{', '.join(sorted(secrets))}: secret; the value went to the OS keyring, not the environments file"]
    notes = _show_notes(ctx, [*kept_secret, *_offering_notes(env)], args)
    if args.json:
        ctx.out_json(_describe(env) | notes)
    else:
        ctx.out(f"added environment {env.name!r} ({env.region}) to {store.path}")
        if source.kind == "keyring":
            ctx.out(f"next: pinpoint-workbench credentials set {_quote(env.name)} --access-key-id AKIA...")
    return ExitStatus.OK


def _check_colour_and_ca_bundle(args) -> None:
    """--colour and --ca-bundle are checked now, not at the first send."""
    from workbench.core.common.colours import colour_problem

    if args.colour and (problem := colour_problem(args.colour)):
        raise BadArgument(f"--colour: {problem}", flag="--colour")
    if args.ca_bundle:
        from workbench.core.send.transport import tls_context_for

        tls_context_for(os.path.abspath(args.ca_bundle))


def cmd_env_import(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.environments.importing import import_postman_environment

    credential_store = None if args.skip_secrets else open_credential_store(ctx)
    result = import_postman_environment(args.file, open_store(ctx), credential_store,
                                        name=args.name, skip_secrets=args.skip_secrets, trust_hosts=args.trust_hosts)
    env = result.environment
    skipped = ["--skip-secrets: the access key was not imported"] if result.credentials_skipped else []
    if result.secrets_skipped:
        skipped.append(f"--skip-secrets: {', '.join(result.secrets_skipped)} not imported")
    _confirm_hosts(env, False, ctx)
    notes = _show_notes(ctx, [*result.notes, *skipped, *_offering_notes(env)], args)
    if args.json:
        ctx.out_json(_describe(env) | {"credentials_stored": result.credentials_stored} | notes)
    else:
        stored = " and its access key to the keyring" if result.credentials_stored else ""
        ctx.out(f"imported environment {env.name!r} ({env.region}){stored}")
    return ExitStatus.OK


def cmd_env_set(args, ctx: CliContext) -> ExitStatus:
    pairs = parse_pairs(args.pairs, "env set")
    ctx.hide(secret_values(pairs))
    store = open_store(ctx)
    env = store.get(args.name)
    secrets = {k: v for k, v in pairs.items() if is_secret(k, env.secret_variables)}
    if secrets and env.is_sandbox:
        raise WorkbenchError(f"{', '.join(sorted(secrets))}: secret values are kept per saved environment, "
                             "and the sandbox keeps none; pass them with --var for one send")
    if secrets:
        env = keep_secret_values(store, env, secrets, open_credential_store(ctx))
        ctx.err(f"note: {', '.join(sorted(secrets))}: secret; the value went to the OS keyring, not the environments file")
    plain = {k: v for k, v in pairs.items() if k not in secrets}
    if plain or not secrets:
        env = store.set_variables(args.name, plain)
    return _show_variables(ctx, env, args)


def cmd_env_unset(args, ctx: CliContext) -> ExitStatus:
    env = open_store(ctx).unset_variables(args.name, args.keys)
    return _show_variables(ctx, env, args)


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
    from workbench.core.environments.destination import unconfirmed_hosts

    store = open_store(ctx)
    env = store.get(args.name)
    pending = unconfirmed_hosts(env)
    if pending:
        store.update(_confirm_hosts(env, True, ctx))
    if args.json:
        ctx.out_json({"environment": env.name, "confirmed": list(pending)})
        return ExitStatus.OK
    for host in pending:
        ctx.out(f"confirmed {host} as a destination for the credentials of {env.name!r}")
    if not pending:
        ctx.out(f"{env.name!r} has no host to confirm (its hosts are AWS hosts or this machine)")
    return ExitStatus.OK


def cmd_env_remove(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.environments.credentials import KeyringUnavailable

    store = open_store(ctx)
    env = store.remove(args.name)
    cleared, warnings = False, []
    try:
        if env.credential_source.kind == "keyring":
            cleared = open_credential_store(ctx).clear(env.name)
        if env.secret_variables:
            SecretVariableStore(open_credential_store(ctx)).clear(env.name)
    except KeyringUnavailable as exc:
        warnings.append(f"could not delete the keyring entry of {env.name!r}: {exc.reason}")
    notes = _show_notes(ctx, warnings, args)
    if args.json:
        ctx.out_json({"removed": env.name, "keyring_entry_deleted": cleared} | notes)
    else:
        extra = " and its keyring entry" if cleared else ""
        ctx.out(f"removed environment {env.name!r}{extra}")
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


# --------------------------------------------------------------------------- credentials


def cmd_credentials_set(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.environments.credentials import Credentials, CredentialsError, check_access_key_id, mask_access_key_id

    env = open_store(ctx).get(args.name)
    if env.credential_source.kind != "keyring":
        raise CredentialsError(
            f"environment {env.name!r} takes its credentials from the {env.credential_source.describe()}; "
            "only keyring environments store an access key"
        )
    check_access_key_id(args.access_key_id.strip())
    keyring_store = open_credential_store(ctx)
    keyring_store.check()  # before asking for a secret that could not be kept
    secret = _read_secret(ctx, f"Secret access key for {args.access_key_id}: ").strip()
    if not secret:
        raise CredentialsError("no secret access key given (type it at the prompt or pipe it on stdin)")
    token = None
    if args.session_token_stdin:
        token = _read_secret(ctx, "Session token: ").strip()
        if not token:
            raise CredentialsError("--session-token-stdin: no session token on the line after the secret")
    keyring_store.set(env.name, Credentials(args.access_key_id.strip(), secret, token, "keyring"))
    with_token = " with a session token" if token else ""
    masked = mask_access_key_id(args.access_key_id.strip())
    if args.json:
        ctx.out_json({"environment": env.name, "stored": True, "access_key_id": masked, "session_token": bool(token)})
    else:
        ctx.out(f"stored {masked}{with_token} for {env.name!r} in the keyring")
    return ExitStatus.OK


def cmd_credentials_clear(args, ctx: CliContext) -> ExitStatus:
    env = open_store(ctx).get(args.name)
    existed = open_credential_store(ctx).clear(env.name)
    if args.json:
        ctx.out_json({"environment": env.name, "keyring_entry_deleted": existed})
    else:
        ctx.out(f"deleted the keyring entry of {env.name!r}" if existed else f"no keyring entry for {env.name!r}")
    return ExitStatus.OK


def cmd_credentials_test(args, ctx: CliContext) -> ExitStatus:
    from workbench.cli.send_cmds import send_service
    from workbench.core.send.credentials_probe import check_credentials

    service = send_service(ctx)
    try:  # a probe leaves nothing running (start_sandbox=False), and is not kept in the history
        with service.open(args.name, start_sandbox=False) as session:
            probe = check_credentials(session)
    finally:
        service.workspace.close()
    ctx.hide(probe.hidden)
    env, creds = probe.environment, probe.credentials
    report = credentials_report(env, creds)
    report["check"] = probe.report
    check = report["check"]
    if args.json:
        ctx.out_json(report)
    else:
        token = " + session token" if creds.session_token else ""
        ctx.out(f"{env.name}: {creds.masked_access_key_id}{token} from {creds.source}")
        outcome = f"HTTP {check['status']}" if check.get("status") else "no response"
        ctx.out(f"{check['operation']} at {check['host']} ({check['region']}): {outcome}" + (" - credentials work" if check["ok"] else ""))
        if check.get("identity"):
            ctx.out(f"identity: {check['identity']}")
        if check.get("error"):
            ctx.err(f"error: {check['error']}")
    # the same codes as `send`: 3/4/5 for what AWS answered, 6 when nothing came back
    return ExitStatus.NO_RESPONSE if check["status"] is None else ExitStatus.for_http_status(check["status"])


def credentials_report(env: Environment, creds: Credentials) -> dict:
    """What `credentials test` shows: never the secret or the token, only that they exist."""

    return {
        "environment": env.name,
        "source": creds.source,
        "access_key_id": creds.masked_access_key_id,
        "session_token": bool(creds.session_token),
        "region": env.region,
    }


def _quote(name: str) -> str:
    import shlex

    return shlex.quote(name)

