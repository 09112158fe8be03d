"""A sandbox whose Pinpoint projects are only the test's own. moto keeps its backends
process-wide, so every in-process sandbox of a test run shares the apps earlier tests made:
a test that counts them starts from `forget_moto_apps()`. And botocore clients pointed at a
sandbox, for setting up state through the API quickly."""

from __future__ import annotations

import boto3
from botocore.config import Config

from workbench.core.environments.sandbox_identity import SANDBOX_ACCESS_KEY_ID, SANDBOX_REGION, SANDBOX_SECRET_ACCESS_KEY


def forget_moto_apps() -> None:
    from moto.pinpoint.models import pinpoint_backends

    pinpoint_backends.reset()


def client(url: str, api: str):
    return boto3.client(api, endpoint_url=url, region_name=SANDBOX_REGION, aws_access_key_id=SANDBOX_ACCESS_KEY_ID,
                        aws_secret_access_key=SANDBOX_SECRET_ACCESS_KEY,
                        config=Config(retries={"max_attempts": 1, "mode": "standard"}, read_timeout=30))
