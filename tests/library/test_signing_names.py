"""The region a global service signs in comes from a small table derived from botocore's
endpoints.json, kept in the user cache: the same answers as reading endpoints.json itself,
and a later process does not parse endpoints.json (1.2 MB) to send."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys

import botocore.loaders

from workbench.core.library.signing_names import global_signing_region


@functools.lru_cache(maxsize=1)
def aws_services() -> dict:
    data = botocore.loaders.create_loader().load_data("endpoints")
    return next(p for p in data["partitions"] if p["partition"] == "aws")["services"]


def reference(name: str, host: str) -> str | None:
    """What endpoints.json says, read directly (the rule before the table)."""
    service = aws_services().get(name)
    if not service or not service.get("partitionEndpoint"):
        return None
    endpoint = service.get("endpoints", {}).get(service["partitionEndpoint"], {})
    host = host.lower().split(":", 1)[0]
    if service.get("isRegionalized") is False or "{{" in host or host == endpoint.get("hostname"):
        return endpoint.get("credentialScope", {}).get("region")
    return None


def test_every_service_signs_where_endpoints_json_says():
    services = aws_services()
    assert global_signing_region("sts", "sts.amazonaws.com") == "us-east-1"
    assert global_signing_region("iam", "iam.amazonaws.com") == "us-east-1"
    assert global_signing_region("mobiletargeting", "pinpoint.us-east-1.amazonaws.com") is None
    for name, service in services.items():
        hostname = service.get("endpoints", {}).get(service.get("partitionEndpoint", ""), {}).get("hostname", "")
        for host in (hostname or "", f"{name}.eu-west-1.amazonaws.com", "{{endpoint}}", ""):
            assert global_signing_region(name, host) == reference(name, host), (name, host)


CODE = ("import json, sys; from workbench.core.library.signing_names import global_signing_region\n"
        "print(json.dumps([global_signing_region('sts', 'sts.amazonaws.com'), 'botocore.loaders' in sys.modules]))")


def test_a_later_process_reads_the_table_and_a_damaged_one_is_built_again(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))

    def run():
        return json.loads(subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True,
                                         check=True).stdout)
    assert run() == ["us-east-1", True]
    assert run() == ["us-east-1", False]
    (tmp_path / "cache" / "pinpoint-workbench" / "global-endpoints.json").write_text('{"format": 1, "fingerprint": [], "da')
    assert run() == ["us-east-1", True]
    assert run() == ["us-east-1", False]
