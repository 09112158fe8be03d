"""Helpers shared by the sandbox tests."""

from __future__ import annotations

import boto3
from botocore.config import Config

from workbench.core.sandbox_identity import (SANDBOX_ACCESS_KEY_ID, SANDBOX_REGION,
                                              SANDBOX_SECRET_ACCESS_KEY)

NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=5,
                    read_timeout=30)


def make_client(url: str, api: str = "pinpoint", *, key: str = SANDBOX_ACCESS_KEY_ID,
                secret: str = SANDBOX_SECRET_ACCESS_KEY, region: str = SANDBOX_REGION,
                config: Config = NO_RETRIES):
    return boto3.client(api, endpoint_url=url, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key=secret, config=config)
