"""How the command line shows core's data: errors (with their remedy worded as a command),
notes and problems. Core never names a flag or a command; this module does.

With --json an error goes to stdout as {"error": {code, message, fields, remedy}} (the
exit status is the same as without --json).
"""

from __future__ import annotations


from workbench.cli.context import CliContext
from workbench.core.common.errors import WorkbenchError

# remedy code (before any ":ARGUMENT") -> the command-line wording; {arg} is the argument
REMEDY_HINTS = {
    "allow_any_host": "pass --allow-any-host to send anyway",
    "confirm_host": "if it is yours, confirm it as a destination for these credentials: pinpoint-workbench env trust {arg}",
    "set_variable": "pass --var {arg}=VALUE, or keep it in the environment: pinpoint-workbench env set ENV {arg}=VALUE",
    "store_credentials": "store them: pinpoint-workbench credentials set {arg} --access-key-id AKIA... "
                         "(the secret is prompted for, never passed as an argument)",
    "start_sandbox": "run `pinpoint-workbench sandbox start`",
    "stop_sandbox": "stop it with `pinpoint-workbench sandbox stop`",
    "confirm": "confirm with --yes",
    "pass_variables": "pass {vars}",
    "add_environment": "see `pinpoint-workbench env list`, or add one: pinpoint-workbench env add NAME --region REGION",
    "choose_name": "pass --name to use another name",
    "keep_unknown_region": "a region newer than botocore can be kept on purpose: add --force",
    "use_sandbox": "run it in the local sandbox: --env sandbox",
    "use_profile": "an environment can take its credentials from an AWS profile: "
                   "pinpoint-workbench env add NAME --region REGION --profile PROFILE",
    "raise_limit": "{limit}",
}
# raise_limit:LIMIT -> how to raise that limit of the transport's (SendOptions' names)
LIMIT_HINTS = {
    "max_decoded_body": "if you expect an answer that large, raise the limit: --max-decoded-mb MB (0: no limit)",
    "max_decode_ratio": "if the answer is genuine, raise the limit: --max-decode-ratio N (0: no limit)",
    "max_spooled_body": "--output FILE keeps an answer of any size",
}


def hint(remedy: str | None) -> str | None:
    """A remedy code ("store_credentials:dev") in command-line words, or None."""
    if not remedy:
        return None
    code, _, arg = remedy.partition(":")
    text = REMEDY_HINTS.get(code)
    if text is None:
        return None
    if code == "raise_limit":
        return LIMIT_HINTS.get(arg)
    import shlex  # only when a hint is worded

    if code == "pass_variables":
        return text.format(vars=" ".join(f"--var {shlex.quote(name)}=VALUE" for name in arg.split(",")))
    return text.format(arg=shlex.quote(arg) if arg else "NAME")


def print_error(ctx: CliContext, exc: WorkbenchError, as_json: bool = False) -> None:
    if as_json:
        ctx.out_json({"error": exc.to_dict()})
        return
    ctx.err(f"error: {exc}")
    text = hint(exc.remedy)
    if text:
        ctx.err(f"hint: {text}")


def print_notes(ctx: CliContext, notes) -> None:
    for note in notes:
        text = hint(getattr(note, "remedy", None))
        ctx.err(f"note: {note}" + (f" ({text})" if text else ""))
