"""Why a SigV4 signature did not match.

When the answer carries the canonical request and string to sign AWS computed (AWS does for
some APIs; the sandbox's front always does), they are compared line by line with ours (the
InspectionRecord) and the first difference is named. Otherwise the known causes are ranked,
those with evidence in this exchange first."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from workbench.core.library.apis import APIS
from workbench.core.diagnose.checks.base import MAX_SKEW_SECONDS, Finding, endpoint_region
from workbench.core.diagnose.checks.clock import response_skew
from workbench.core.diagnose.model import Evidence

EXPECTED = re.compile(
    r"Canonical String for this request should have been\s*'(?P<canonical>.*?)'\s*"
    r"The String-to-Sign should be\s*'(?P<sts>.*?)'", re.DOTALL)
REDACTED = "<redacted>"


def canonical_labels(lines: list[str]) -> list[str]:
    """A name for every line of a canonical request."""
    labels = ["HTTP method", "canonical URI (the path)", "canonical query string"]
    index = 3
    while index < len(lines) and lines[index] != "":
        labels.append(f"header {lines[index].split(':', 1)[0]}")
        index += 1
    labels += ["blank line after the headers", "signed headers list", "payload hash (SHA-256 of the body)"]
    return labels[: len(lines)] + ["(extra line)"] * max(0, len(lines) - len(labels))


STRING_TO_SIGN_LABELS = ["algorithm", "request timestamp (X-Amz-Date)", "credential scope (date/region/service)",
                         "hash of the canonical request"]

CAUSE_BY_LABEL = (
    ("HTTP method", "the method changed after signing"),
    ("canonical URI", "the path changed after signing, or was encoded differently than AWS encodes it (double-encoded characters, a trailing slash, a proxy rewriting it)"),
    ("canonical query", "the query string changed after signing or was encoded or ordered differently"),
    ("header ", "a signed header changed after signing (a proxy or client library rewriting it), or a header AWS received was not the one signed"),
    ("signed headers", "the set of signed headers differs: a header was added or dropped on the way"),
    ("payload hash", "the body changed after signing (re-serialised, re-encoded or trimmed), so its hash differs"),
    ("request timestamp", "the timestamp differs: the X-Amz-Date header changed after signing"),
    ("credential scope", "the credential scope differs: wrong region, signing name or date"),
)


def _cause_for(label: str) -> str:
    return next((cause for prefix, cause in CAUSE_BY_LABEL if label.startswith(prefix)), "this line differs")


def first_difference(ours: list[str], theirs: list[str], labels: list[str]) -> dict | None:
    for index in range(max(len(ours), len(theirs))):
        mine = ours[index] if index < len(ours) else None
        expected = theirs[index] if index < len(theirs) else None
        if mine is not None and REDACTED in mine:
            continue  # the session token line: ours is redacted
        if mine != expected:
            label = labels[index] if index < len(labels) else "(extra line)"
            return {"line": index + 1, "label": label, "ours": mine, "expected": expected}
    return None


def diff_lines(ours: list[str], theirs: list[str]) -> list[str]:
    out = []
    for index in range(max(len(ours), len(theirs))):
        mine = ours[index] if index < len(ours) else ""
        expected = theirs[index] if index < len(theirs) else ""
        if REDACTED in mine or mine == expected:
            out.append(f"  {mine}")
        else:
            out += [f"- {mine}   (we signed)", f"+ {expected}   (AWS expected)"]
    return out


def explain_mismatch(obs, ctx, now):
    inspection = obs.inspection or {}
    expected = EXPECTED.search(obs.message)
    if expected and inspection.get("canonical_request"):
        return _from_diff(inspection, expected.group("canonical"), expected.group("sts"))
    return _ranked(obs, ctx, now)


def _from_diff(inspection: dict, canonical: str, sts: str):
    ours = inspection["canonical_request"].split("\n")
    theirs = canonical.split("\n")
    difference = first_difference(ours, theirs, canonical_labels(theirs))
    part = "canonical request"
    lines = diff_lines(ours, theirs)
    if difference is None:
        ours_sts, theirs_sts = inspection.get("string_to_sign", "").split("\n"), sts.split("\n")
        difference = first_difference(ours_sts[:3], theirs_sts[:3], STRING_TO_SIGN_LABELS)
        part = "string to sign"
        lines = diff_lines(ours_sts, theirs_sts)
    if difference is None:
        cause = ("the secret access key is wrong: AWS computed the same canonical request and string to sign, "
                 "so the only input left is the secret key")
        return Finding(
            captures={"difference": "nothing: the canonical request and string to sign are identical", "likely": cause},
            evidence=[Evidence("message", "canonical request", "identical to ours")],
            steps=["Re-enter the secret access key that belongs to this access key ID (no spaces, not another key's)."],
            fixes=[{"action": "open_credentials", "environment": "{environment}"}],
            details={"diff": {"part": "canonical request", "identical": True, "lines": []},
                     "ranked_causes": [{"cause": cause, "why": "no line differs"}]},
        )
    cause = _cause_for(difference["label"])
    where = f"line {difference['line']} of the {part} ({difference['label']})"
    return Finding(
        captures={"difference": where, "likely": cause},
        evidence=[Evidence("inspection", f"{part} line {difference['line']} (we signed)", str(difference["ours"])),
                  Evidence("message", f"{part} line {difference['line']} (AWS expected)", str(difference["expected"]))],
        steps=[f"Compare {where}: we signed {difference['ours']!r}, AWS computed {difference['expected']!r}."],
        details={"diff": {"part": part, **difference, "lines": lines},
                 "ranked_causes": [{"cause": cause, "why": where}]},
    )


def _ranked(obs, ctx, now):
    from workbench.core.library import regions
    inspection = obs.inspection or {}
    backed, others, fixes = [], [], []
    host = urlsplit(inspection.get("url", "")).hostname or ""
    found = regions.api_region_from_host(host) if host else None
    signing_name = inspection.get("signing_name")
    if found and signing_name and APIS[found[0]].signing_name != signing_name:
        right = APIS[found[0]].signing_name
        backed.append({"cause": f"wrong signing name: signed for {signing_name!r}, {found[0]} expects {right!r}", "why": f"host {host}"})
        fixes.append({"action": "resign", "signing_name": right})
    region = endpoint_region(obs, ctx)
    if region and inspection.get("region") and inspection["region"] != region:
        backed.append({"cause": f"credential scope region {inspection['region']!r} is not the endpoint's ({region!r})", "why": f"scope {inspection.get('credential_scope', '')}"})
        fixes.append({"action": "resign", "region": region})
    skew = response_skew(obs, now)
    if skew is not None and abs(skew) > MAX_SKEW_SECONDS:
        backed.append({"cause": f"the local clock is {abs(skew) / 60:.1f} minutes off", "why": "response Date header"})
    others += [
        {"cause": "wrong secret access key for this access key ID", "why": ""},
        {"cause": "wrong signing name (mobiletargeting for Pinpoint, sms-voice for SMS and Voice, ses for Pinpoint Email)", "why": ""},
        {"cause": "the credential scope region is not the endpoint's region", "why": ""},
        {"cause": "the body or a signed header changed after signing (a proxy, or editing after signing)", "why": ""},
        {"cause": "clock skew of more than 5 minutes", "why": ""},
    ]
    ranked = backed + [c for c in others if not any(c["cause"].split(" ")[1] in b["cause"] for b in backed)]
    return Finding(
        captures={"difference": "not shown by AWS", "likely": ranked[0]["cause"]},
        fixes=fixes + [{"action": "open_credentials", "environment": "{environment}"}],
        details={"ranked_causes": ranked},
    )
