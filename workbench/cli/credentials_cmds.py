"""`credentials` commands: store, clear or test an environment's access key.

No command takes a secret on the command line (argv shows in `ps` and shell history): the
secret access key comes from a hidden prompt on a terminal, else from one line of stdin.
Storing and clearing go through the environment service; `test` is a signed harmless read.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a tenth of --help)

from workbench.cli.context import CliContext, ExitStatus
from workbench.cli.env_cmds import open_service

if TYPE_CHECKING:
    from workbench.core.environments.credentials import Credentials
    from workbench.core.environments.environment import Environment


def register(subparsers) -> None:
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


def _read_secret(ctx: CliContext, prompt: str) -> str:
    isatty = getattr(ctx.stdin, "isatty", None)
    if isatty is not None and isatty():
        import getpass  # termios: only when a secret is typed

        return getpass.getpass(prompt, stream=ctx.stderr)
    line = ctx.stdin.readline()
    return line.rstrip("\r\n")


def cmd_credentials_set(args, ctx: CliContext) -> ExitStatus:
    from workbench.core.environments.credentials import Credentials, CredentialsError, mask_access_key_id

    service = open_service(ctx)
    key_id = args.access_key_id.strip()
    env = service.can_store_credentials(args.name, key_id)  # before asking for a secret that could not be kept
    secret = _read_secret(ctx, f"Secret access key for {key_id}: ").strip()
    if not secret:
        raise CredentialsError("no secret access key given (type it at the prompt or pipe it on stdin)")
    token = None
    if args.session_token_stdin:
        token = _read_secret(ctx, "Session token: ").strip()
        if not token:
            raise CredentialsError("--session-token-stdin: no session token on the line after the secret")
    service.store_credentials(env.name, Credentials(key_id, secret, token, "keyring"))
    with_token = " with a session token" if token else ""
    masked = mask_access_key_id(key_id)
    if args.json:
        ctx.out_json({"environment": env.name, "stored": True, "access_key_id": masked, "session_token": bool(token)})
    else:
        ctx.out(f"stored {masked}{with_token} for {env.name!r} in the keyring")
    return ExitStatus.OK


def cmd_credentials_clear(args, ctx: CliContext) -> ExitStatus:
    existed = open_service(ctx).clear_credentials(args.name)
    if args.json:
        ctx.out_json({"environment": args.name, "keyring_entry_deleted": existed})
    else:
        ctx.out(f"deleted the keyring entry of {args.name!r}" if existed else f"no keyring entry for {args.name!r}")
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


