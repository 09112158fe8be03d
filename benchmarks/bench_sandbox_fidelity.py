"""What answering as AWS does costs the sandbox, as ratios to floors measured in the same run.

    .venv/bin/python benchmarks/bench_sandbox_fidelity.py [N]

- verify: the front's SigV4 check (canonical request rebuilt as the specification says,
  verify.verify) vs botocore computing the same request's canonical request, string to sign
  and signature (the floor: what the old verifier ran);
- ledger: a read of a kept thing (GetEmailIdentity), ListTagsForResource and a delete with
  1, 1k and 10k things kept (flat: each is a lookup, whatever is kept), vs generating the model's sample answer (the floor: what such an operation
  cost before it kept anything). Printed as medians per call and ratios; nothing is asserted.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials as BotocoreCredentials

from workbench.core.environments.credentials import SANDBOX_CREDENTIALS
from workbench.core.sandbox.codec import output_sample
from workbench.core.sandbox.emulator import Emulator
from workbench.core.sandbox.events import EventLog
from workbench.core.sandbox.store import SandboxStore
from workbench.core.sandbox.verify import ArrivedRequest, verify

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
URL = "http://127.0.0.1:9/v1/email/tags?ResourceArn=arn%3Aaws%3Ases%3Aus-east-1%3A123456789012%3Aidentity%2Fa%40example.com&TagKeys=k"


def median_us(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e6


def signed_request() -> tuple[AWSRequest, SigV4Auth]:
    request = AWSRequest("DELETE", URL)
    signer = SigV4Auth(BotocoreCredentials(SANDBOX_CREDENTIALS.access_key_id, SANDBOX_CREDENTIALS.secret_access_key),
                       "ses", "us-east-1")
    request.context["timestamp"] = WHEN.strftime("%Y%m%dT%H%M%SZ")
    request.headers["X-Amz-Date"] = request.context["timestamp"]
    request.headers["Host"] = "127.0.0.1:9"
    signer._inject_signature_to_request(request, signer.signature(signer.string_to_sign(request, signer.canonical_request(request)), request))
    return request, signer


def bench_verify(runs: int) -> None:
    request, signer = signed_request()
    arrived = ArrivedRequest("DELETE", URL.split("127.0.0.1:9", 1)[1], tuple(request.headers.items()), b"")

    def floor():
        signer.signature(signer.string_to_sign(request, signer.canonical_request(request)), request)

    ours = median_us(lambda: verify(arrived, SANDBOX_CREDENTIALS, region="us-east-1", service="ses", now=WHEN), runs)
    base = median_us(floor, runs)
    print(f"verify        {ours:8.1f} us   botocore's steps {base:8.1f} us   ratio {ours / base:5.2f}")


def bench_ledger(runs: int) -> None:
    floor = median_us(lambda: output_sample("pinpoint-email", "GetEmailIdentity"), runs)
    print(f"sample answer {floor:8.1f} us (floor)")
    for kept in (1, 1000, 10000):
        directory = Path(tempfile.mkdtemp())
        emulator = Emulator(SandboxStore(directory), EventLog(directory / "events.jsonl"))
        ledger = emulator.ledger
        for index in range(kept):
            ledger.records("pinpoint-email", "EmailIdentity")[f"id{index}.example.com"] = {"EmailIdentity": f"id{index}.example.com"}
        arn = "arn:aws:ses:us-east-1:123456789012:identity/id0.example.com"
        read = median_us(lambda: ledger._answer("pinpoint-email", "GetEmailIdentity", {"EmailIdentity": "id0.example.com"}), runs)
        tags = median_us(lambda: ledger._answer("pinpoint-email", "ListTagsForResource", {"ResourceArn": arn}),
                         max(10, runs // 10))
        records = ledger.records("pinpoint-email", "EmailIdentity")

        def delete_and_keep_again():
            ledger._answer("pinpoint-email", "DeleteEmailIdentity", {"EmailIdentity": "id0.example.com"})
            records["id0.example.com"] = {"EmailIdentity": "id0.example.com"}

        delete = median_us(delete_and_keep_again, runs)
        print(f"kept {kept:6d}   GetEmailIdentity {read:8.1f} us (ratio {read / floor:5.2f})"
              f"   ListTagsForResource {tags:7.1f} us (ratio {tags / floor:5.2f})"
              f"   DeleteEmailIdentity {delete:7.1f} us (ratio {delete / floor:5.2f})")


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    bench_verify(runs)
    bench_ledger(runs)
