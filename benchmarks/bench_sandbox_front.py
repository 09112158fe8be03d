"""What an SDK client pays for the sandbox's front: pooled (keep-alive) POSTs, as a boto3
client pointed at the sandbox sends them, through the front vs straight to its moto.

    .venv/bin/python benchmarks/bench_sandbox_front.py [N]

One in-process `SandboxServer`; CreateApp N times (default 200) each way, interleaved
(every iteration runs both ways, in alternating order). Each way is botocore's own
`URLLib3Session` with its default socket options (no TCP_NODELAY on the client), one
connection kept alive and reused, requests signed with `SigV4Auth`. Straight to moto, the
signed Host header is the real API host, as the front sets it. Also shown: the SMS v2
DescribeAccountAttributes (served by the sandbox's own emulation) through the front.
Printed: medians and p95 in ms, and the ratio front / moto against the goal (1.3x).
Nothing is asserted.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.httpsession import URLLib3Session

from workbench.core.sandbox.server import SandboxServer
from workbench.core.environments.sandbox_identity import (SANDBOX_ACCESS_KEY_ID, SANDBOX_REGION,
                                             SANDBOX_SECRET_ACCESS_KEY)

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
WARMUP = 10
GOAL = 1.3
CREDENTIALS = Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY)


class PooledClient:
    """Signed POSTs over one kept-alive connection, as botocore sends them."""

    def __init__(self, base_url: str, signing_name: str, host: str | None = None):
        self.session = URLLib3Session()
        self.signer = SigV4Auth(CREDENTIALS, signing_name, SANDBOX_REGION)
        self.base_url, self.host = base_url, host

    def post(self, path: str, body: dict, headers: dict) -> int:
        headers = dict(headers, **({"Host": self.host} if self.host else {}))
        request = AWSRequest("POST", self.base_url + path, data=json.dumps(body).encode(),
                             headers=headers)
        self.signer.add_auth(request)
        response = self.session.send(request.prepare())
        response.content
        return response.status_code


def measure(calls: dict, n: int) -> dict[str, list[float]]:
    samples = {name: [] for name in calls}
    names = list(calls)
    for i in range(WARMUP + n):
        for name in (names if i % 2 else names[::-1]):
            start = time.perf_counter()
            calls[name](i)
            if i >= WARMUP:
                samples[name].append(time.perf_counter() - start)
    return samples


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main() -> None:
    json_headers = {"Content-Type": "application/json"}
    with SandboxServer() as sandbox:
        host, port = sandbox._moto.address  # private: no public accessor for moto's address
        front = PooledClient(sandbox.url, "mobiletargeting")
        moto = PooledClient(f"http://{host}:{port}", "mobiletargeting",
                            f"pinpoint.{SANDBOX_REGION}.amazonaws.com")
        sms = PooledClient(sandbox.url, "sms-voice")
        sms_headers = {"Content-Type": "application/x-amz-json-1.0",
                       "X-Amz-Target": "PinpointSMSVoiceV2.DescribeAccountAttributes"}

        def create_app(client):
            def call(i):
                status = client.post("/v1/apps", {"Name": f"bench-{i}"}, json_headers)
                assert status == 201, status
            return call

        def sms_call(i):
            assert sms.post("/", {}, sms_headers) == 200

        samples = measure({"front: CreateApp": create_app(front),
                           "moto: CreateApp": create_app(moto),
                           "front: SMS v2 DescribeAccountAttributes": sms_call}, N)
    print(f"pooled keep-alive POSTs, botocore URLLib3Session, {N} per way, ms per request")
    print(f"{'way':42} {'median':>8} {'p95':>8}")
    for name, values in samples.items():
        print(f"{name:42} {statistics.median(values) * 1000:8.3f} {p95(values) * 1000:8.3f}")
    ratio = statistics.median(samples["front: CreateApp"]) / \
        statistics.median(samples["moto: CreateApp"])
    print(f"front / straight to moto (CreateApp, medians): {ratio:.2f}x   goal <= {GOAL}x: "
          f"{'MET' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
