"""What the bad-input guards cost, as ratios to the unguarded floor in the same run.

    .venv/bin/python benchmarks/bench_hardening.py [N]

- safe_json.loads vs json.loads: a SendMessages-sized body (about 2 KB) and a 4 MB one;
- a body template that needs jinja, rendered with the limits (operator/width guards, the
  output cap, and the worker process that enforces time and memory: one pipe round trip)
  vs the same template in a plain jinja2 SandboxedEnvironment in this process; and a plain
  {{ name }} template (substituted in this process: no worker) vs the same floor;
- check_destination (https, metadata/link-local, confirmed hosts) per request.

Medians and p95 per call; nothing is asserted.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from workbench.core.common import safe_json
from workbench.core.environments.destination import check_destination
from workbench.core.environments.model import Environment
from workbench.core.request.http import HttpRequest
from workbench.core.request.render import _Renderer


def timed(function, n: int) -> tuple[float, float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def row(label: str, floor, measured) -> None:
    print(f"{label:<44} floor {floor[0] * 1e6:9.1f} us  guarded {measured[0] * 1e6:9.1f} us"
          f"  (p95 {measured[1] * 1e6:9.1f})  ratio {measured[0] / floor[0]:5.2f}")


def main(n: int) -> None:
    small = json.dumps({"MessageRequest": {"Addresses": {f"+1555000{i:04d}": {"ChannelType": "SMS"} for i in range(20)},
                                           "MessageConfiguration": {"SMSMessage": {"Body": "hello " * 50}}}})
    big = json.dumps({"Items": [{"Id": i, "Name": f"item {i}", "Tags": {"a": "b"}, "Score": i * 1.5} for i in range(50_000)]})
    row("parse 2 KB body", timed(lambda: json.loads(small), n), timed(lambda: safe_json.loads(small), n))
    row(f"parse {len(big) // 1_000_000} MB body", timed(lambda: json.loads(big), max(5, n // 50)),
        timed(lambda: safe_json.loads(big), max(5, n // 50)))

    template = ('{"MessageRequest": {"Addresses": {"{{ phone }}": {"ChannelType": "SMS"}}, '
                '"MessageConfiguration": {"SMSMessage": {"Body": "{{ text }}", "OriginationNumber": "{{ origin }}"}}}}'
                '{% for i in range(20) %}{% endfor %}')
    variables = {"phone": "+15550001111", "text": "hello", "origin": "+15550002222"}
    plain = SandboxedEnvironment(undefined=jinja2.StrictUndefined).from_string(template)
    renderer = _Renderer(variables)
    renderer.render(template, "text", "body")  # compile once, as the cache does
    row("render a jinja body template (worker)", timed(lambda: plain.render(variables), n),
        timed(lambda: renderer.render(template, "text", "body"), n))
    simple = '{"Address": "{{ phone }}", "Body": "{{ text }}", "OriginationNumber": "{{ origin }}"}'
    plain_simple = SandboxedEnvironment(undefined=jinja2.StrictUndefined).from_string(simple)
    renderer.render(simple, "text", "body")
    row("render a plain {{ name }} template", timed(lambda: plain_simple.render(variables), n),
        timed(lambda: renderer.render(simple, "text", "body"), n))

    env = Environment("dev", "us-east-1", host_overrides={"pinpoint": "vpce-1.example.internal"},
                      confirmed_hosts=("vpce-1.example.internal",))
    request = HttpRequest("GET", "https://vpce-1.example.internal/v1/apps")
    check_destination(request, env)
    row("destination check (vs building the request)", timed(lambda: HttpRequest("GET", request.url), n),
        timed(lambda: check_destination(request, env), n))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
