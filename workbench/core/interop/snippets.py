"""Code snippets for a planned request: curl (--aws-sigv4), AWS CLI, boto3, awscurl.

Every snippet takes its credentials from the standard AWS environment variables
(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN): no secret is ever written
into one. The exception is the local sandbox: it accepts only its own fixed identity
(core/sandbox_identity, not a secret), so a sandbox snippet carries that identity whatever
AWS_* holds, and says that the sandbox must be running and where it was (its port changes
each time it starts). The AWS CLI and boto3 snippets are built from the operation's botocore model
(the params botocore validates, with botocore's own `xform_name` for the CLI/boto3 names),
so parameter names are right; curl and awscurl replay the rendered HTTP request.
"""

from __future__ import annotations

import json
import shlex
from urllib.parse import urlsplit

from botocore import xform_name

from workbench.core.common.errors import WorkbenchError
from workbench.core.send.plan import SendPlan
from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY
from workbench.core.request.validation import build_params

KINDS = ("curl", "awscli", "boto3", "awscurl")
SESSION_TOKEN_HEADER = '${AWS_SESSION_TOKEN:+-H "x-amz-security-token: $AWS_SESSION_TOKEN"}'


class SnippetError(WorkbenchError):
    fmt = "{kind}: {reason}"


def _ready(plan: SendPlan) -> None:
    if plan.error is not None:
        raise plan.error


def _endpoint_url(plan: SendPlan) -> str | None:
    """The endpoint to pass to the AWS CLI / boto3 when it is not botocore's own."""
    from workbench.core.library import regions
    parts = urlsplit(plan.request.url)
    api = plan.template.api
    try:
        default = regions.resolve_host(api, plan.region)
    except WorkbenchError:
        default = None
    if parts.scheme == "https" and parts.netloc == default:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _sandbox_comment(plan: SendPlan, mark: str = "#") -> str:
    """For the sandbox: the comment lines that say it must be running, where, and whose
    identity signs; "" for any other environment."""
    if not plan.environment.is_sandbox:
        return ""
    parts = urlsplit(plan.request.url)
    return (f"{mark} For the local Pinpoint Workbench sandbox, which must be running: it was at {parts.scheme}://{parts.netloc}\n"
            f"{mark} when this was made (its port changes each time it starts: make the snippet again after a restart).\n"
            f"{mark} Signed with the sandbox's own fixed identity (not a secret; the sandbox accepts no other).\n")


def _sandbox_env_prefix(plan: SendPlan) -> list[str]:
    """For the sandbox: run the command with its identity, not the caller's AWS_* or profile."""
    if not plan.environment.is_sandbox:
        return []
    return [f"env -u AWS_SESSION_TOKEN -u AWS_SECURITY_TOKEN -u AWS_PROFILE AWS_ACCESS_KEY_ID={SANDBOX_ACCESS_KEY_ID} "
            f"AWS_SECRET_ACCESS_KEY={shlex.quote(SANDBOX_SECRET_ACCESS_KEY)}"]


def _sent_headers(plan: SendPlan) -> list[tuple[str, str]]:
    return [(k, v) for k, v in plan.request.headers if k.lower() not in ("host", "content-length")]


def curl(plan: SendPlan) -> str:
    _ready(plan)
    request = plan.request
    lines = [f"curl -sS --aws-sigv4 {shlex.quote(f'aws:amz:{plan.region}:{plan.signing_name}')}"]
    if plan.unsigned:  # Postman's noauth: sent without a signature
        lines = ["curl -sS"]
    elif plan.environment.is_sandbox:
        lines.append(f"--user {shlex.quote(f'{SANDBOX_ACCESS_KEY_ID}:{SANDBOX_SECRET_ACCESS_KEY}')}")
    else:
        lines += ['--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"', SESSION_TOKEN_HEADER]
    lines.append(f"-X {request.method}")
    lines += [f"-H {shlex.quote(f'{k}: {v}')}" for k, v in _sent_headers(plan)]
    if request.body:
        lines.append(f"--data-raw {shlex.quote(request.body.decode('utf-8'))}")
    lines.append(shlex.quote(request.url))
    return _sandbox_comment(plan) + " \\\n  ".join(lines) + "\n"


def awscurl(plan: SendPlan) -> str:
    _ready(plan)
    request = plan.request
    lines = _sandbox_env_prefix(plan)
    lines += [f"awscurl --service {shlex.quote(plan.signing_name)} --region {shlex.quote(plan.region)}", f"-X {request.method}"]
    lines += [f"-H {shlex.quote(f'{k}: {v}')}" for k, v in _sent_headers(plan)]
    if request.body:
        lines.append(f"-d {shlex.quote(request.body.decode('utf-8'))}")
    lines.append(shlex.quote(request.url))
    return _sandbox_comment(plan) + " \\\n  ".join(lines) + "\n"


def _params(plan: SendPlan, kind: str) -> dict:
    _ready(plan)
    if plan.draft.is_raw:
        raise SnippetError(kind=kind, reason="a raw request has no botocore operation; export it as curl or awscurl")
    params, problems, _ = build_params(plan.prepared.rendered)
    if problems:
        raise SnippetError(kind=kind, reason="; ".join(str(p) for p in problems))
    return params


def _cli_value(value) -> str:
    if isinstance(value, (dict, list)):
        return shlex.quote(json.dumps(value, ensure_ascii=False))
    return shlex.quote(str(value))


def awscli(plan: SendPlan) -> str:
    params = _params(plan, "awscli")
    template = plan.template
    lines = _sandbox_env_prefix(plan) + [f"aws {template.api} {xform_name(template.operation, '-')}"]
    for member, value in params.items():
        flag = "--" + xform_name(member, "-")
        if isinstance(value, bool):
            lines.append(flag if value else "--no-" + flag[2:])
        else:
            lines.append(f"{flag} {_cli_value(value)}")
    lines.append(f"--region {shlex.quote(plan.region)}")
    endpoint = _endpoint_url(plan)
    if endpoint:
        lines.append(f"--endpoint-url {shlex.quote(endpoint)}")
    return _sandbox_comment(plan) + " \\\n  ".join(lines) + "\n"


def boto3(plan: SendPlan) -> str:
    params = _params(plan, "boto3")
    template = plan.template
    client_args = [repr(template.api), f"region_name={plan.region!r}"]
    endpoint = _endpoint_url(plan)
    if endpoint:
        client_args.append(f"endpoint_url={endpoint!r}")
    import_line = "import boto3  # credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or a profile"
    if plan.environment.is_sandbox:
        client_args += [f"aws_access_key_id={SANDBOX_ACCESS_KEY_ID!r}", f"aws_secret_access_key={SANDBOX_SECRET_ACCESS_KEY!r}"]
        import_line = "import boto3"
    call_args = "".join(f"\n    {member}={value!r}," for member, value in params.items())
    return (
        _sandbox_comment(plan)
        + "import json\n\n"
        f"{import_line}\n\n"
        f"client = boto3.client({', '.join(client_args)})\n"
        f"response = client.{xform_name(template.operation)}({call_args}{chr(10) if call_args else ''})\n"
        'response.pop("ResponseMetadata", None)\n'
        "print(json.dumps(response, indent=2, default=str))\n"
    )


SNIPPETS = {"curl": curl, "awscli": awscli, "boto3": boto3, "awscurl": awscurl}


def snippet(kind: str, plan: SendPlan) -> str:
    if kind not in SNIPPETS:
        raise SnippetError(kind=kind, reason=f"unknown snippet kind; kinds: {', '.join(KINDS)}")
    return SNIPPETS[kind](plan)
