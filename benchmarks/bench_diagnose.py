"""Diagnosing an answer, as ratios to the floor of parsing it (json.loads of the saved exchange).

    .venv/bin/python benchmarks/bench_diagnose.py

Each measurement is the median of several runs in this process; the floor is measured in
the same run. The catalogue is loaded once before timing (as in the app).
"""

from __future__ import annotations

import json
import statistics
import time

from workbench.core.diagnose import catalogue, diagnose, search

REPEATS = 9
ROUNDS = 50
DATE = {"Date": "Wed, 25 Nov 2026 16:00:00 GMT"}
INSPECTION = {"method": "GET", "url": "https://pinpoint.us-east-1.amazonaws.com/v1/apps/abc", "timestamp": "20261125T160000Z",
              "region": "us-east-1", "signing_name": "mobiletargeting", "canonical_request": "", "string_to_sign": ""}


def rest(status, code, message):
    return {"environment": "dev", "status": status, "inspection": INSPECTION,
            "headers": {"Content-Type": "application/json", "x-amzn-ErrorType": code, **DATE}, "body": {"message": message}}


EXCHANGES = {
    "200 with nothing wrong": {"environment": "dev", "status": 200, "headers": DATE, "inspection": INSPECTION,
                               "body": {"ApplicationsResponse": {"Item": [{"Id": "abc", "Name": "x"}] * 20}}},
    "404 NotFoundException": rest(404, "NotFoundException", "Resource not found"),
    "403 not authorized": rest(403, "ForbiddenException", "User: arn:aws:iam::123456789012:user/u is not authorized to perform: "
                               "mobiletargeting:GetApps on resource: arn:aws:mobiletargeting:us-east-1:123456789012:*"),
    "200 SendMessages, 100 recipients, 10 failed": {
        "environment": "dev", "status": 200, "headers": DATE, "inspection": INSPECTION,
        "body": {"ApplicationId": "abc", "Result": {f"+1206555{i:04d}": {"DeliveryStatus": "PERMANENT_FAILURE" if i % 10 == 0 else "SUCCESSFUL",
                                                                        "StatusCode": 400 if i % 10 == 0 else 200} for i in range(100)}}},
}


def median_seconds(fn) -> float:
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(ROUNDS):
            fn()
        samples.append((time.perf_counter() - start) / ROUNDS)
    return statistics.median(samples)


def main() -> None:
    catalogue()
    for name, exchange in EXCHANGES.items():
        text = json.dumps(exchange)
        floor = median_seconds(lambda: json.loads(text))
        cost = median_seconds(lambda: diagnose(json.loads(text)))
        ids = [d.id for d in diagnose(json.loads(text))]
        print(f"{name:<46} floor {floor * 1e6:8.1f} us   diagnose {cost * 1e6:8.1f} us  {cost / floor:6.1f}x  {ids}")
    text = json.dumps(catalogue())
    floor = median_seconds(lambda: json.loads(text))
    cost = median_seconds(lambda: search("security token"))
    print(f"{'search the guide (security token)':<46} floor {floor * 1e6:8.1f} us   search   {cost * 1e6:8.1f} us  {cost / floor:6.1f}x")


if __name__ == "__main__":
    main()
