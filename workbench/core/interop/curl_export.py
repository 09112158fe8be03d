"""An InspectionRecord as a `curl --aws-sigv4` command: curl signs it again itself, with
credentials read from the shell's environment variables, so no secret is ever in the text."""

from __future__ import annotations

import shlex

# Set by the signer (curl computes its own) or by curl itself.
_SKIP = {"authorization", "x-amz-date", "x-amz-security-token", "host", "content-length", "x-amz-content-sha256"}


def curl_command(inspection, body: str = "") -> str:
    lines = [
        f"curl -X {inspection.method} {shlex.quote(inspection.url)}",
        f"--aws-sigv4 {shlex.quote(f'aws:amz:{inspection.region}:{inspection.signing_name}')}",
        '--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"',
    ]
    if inspection.session_token_used:
        lines.append('-H "x-amz-security-token: $AWS_SESSION_TOKEN"')
    for name, value in inspection.headers:
        if name.lower() not in _SKIP:
            lines.append(f"-H {shlex.quote(f'{name}: {value}')}")
    if body:
        lines.append(f"--data-raw {shlex.quote(body)}")
    return " \\\n  ".join(lines)
