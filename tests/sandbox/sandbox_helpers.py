"""Helpers shared by the sandbox tests."""

from __future__ import annotations

import urllib.error
import urllib.request
from email.message import Message

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from workbench.core.environments.sandbox_identity import (SANDBOX_ACCESS_KEY_ID, SANDBOX_REGION,
                                              SANDBOX_SECRET_ACCESS_KEY)

NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=5,
                    read_timeout=30)


def make_client(url: str, api: str = "pinpoint", *, key: str = SANDBOX_ACCESS_KEY_ID,
                secret: str = SANDBOX_SECRET_ACCESS_KEY, region: str = SANDBOX_REGION,
                config: Config = NO_RETRIES):
    return boto3.client(api, endpoint_url=url, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key=secret, config=config)


def send_raw(url: str, signing_name: str, method: str, path: str, target: str | None,
             body: bytes) -> tuple[int, Message, bytes]:
    """(status, headers: case-insensitive as HTTP names are, body)"""
    headers = {"Content-Type": "application/x-amz-json-1.0" if target else "application/json"}
    if target:
        headers["X-Amz-Target"] = target
    request = AWSRequest(method, url + path, data=body, headers=headers)
    SigV4Auth(Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY), signing_name,
              "us-east-1").add_auth(request)
    prepared = urllib.request.Request(request.url, data=body, method=method,
                                      headers=dict(request.headers.items()))
    try:
        with urllib.request.urlopen(prepared, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
