"""Planning a draft (render + validate, as `build_plan` does) per operation, as a ratio to
botocore's own parameter validator + request serializer for the same input, over every
operation of the library. Printed, never asserted.

    .venv/bin/python benchmarks/bench_plan.py [ROUNDS]

For each of the 278 operations: a draft of the operation with every declared variable filled
and its full body. The floor, for the same operation: the botocore params that draft means
(`validation.build_params`, computed once, outside the timing) through
`botocore.validate.ParamValidator().validate` + the protocol's
`botocore.serialize.create_serializer(...).serialize_to_request`. Rounds interleave the two
ways operation by operation, so drift lands on both alike.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time

from botocore.serialize import create_serializer
from botocore.validate import ParamValidator

from workbench.core.library.apis import service_model
from workbench.core.request.drafts import RequestDraft
from workbench.core.environments.model import Environment
from workbench.core.library.templates import default_library
from workbench.core.send.plan import build_plan
from workbench.core.request.validation import build_params

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
ENV = Environment("bench", "us-east-1")
FILLER = {"integer": "3", "long": "3", "boolean": "true", "timestamp": "2026-01-01T00:00:00Z", "list": "a,b", "double": "1.5"}


def cases():
    found, skipped = [], []
    for template in default_library().templates:
        values = {v.name: (v.enum[0] if v.enum else FILLER.get(v.type, f"{v.name}-value")) for v in template.variables}
        draft = RequestDraft(operation=template.key, variant="full", variables=tuple(values.items()))
        plan = build_plan(draft, ENV)
        if not plan.ready:
            skipped.append((template.key, str(plan.error)))
            continue
        params, _, _ = build_params(plan.prepared.rendered)
        model = service_model(template.api)
        operation = model.operation_model(template.operation)
        serializer = create_serializer(model.metadata["protocol"], include_validation=False)
        try:
            serializer.serialize_to_request(params, operation)
        except Exception as exc:  # botocore cannot serialize what the draft means: no floor
            skipped.append((template.key, f"botocore serializer: {exc}"))
            continue
        found.append((template.key, draft, params, operation, serializer))
    return found, skipped


def main() -> None:
    found, skipped = cases()
    validator = ParamValidator()
    ours: dict[str, list[float]] = {key: [] for key, *_ in found}
    floor: dict[str, list[float]] = {key: [] for key, *_ in found}
    gc.collect()
    for round_ in range(ROUNDS):
        for key, draft, params, operation, serializer in found:
            first_ours = round_ % 2 == 0
            for way in ("ours", "floor") if first_ours else ("floor", "ours"):
                start = time.perf_counter()
                if way == "ours":
                    build_plan(draft, ENV)
                else:
                    validator.validate(params, operation.input_shape)
                    serializer.serialize_to_request(params, operation)
                (ours if way == "ours" else floor)[key].append(time.perf_counter() - start)
    med_ours = {k: statistics.median(v) for k, v in ours.items()}
    med_floor = {k: statistics.median(v) for k, v in floor.items()}
    ratios = sorted(med_ours[k] / med_floor[k] for k in med_ours)
    total_ours, total_floor = sum(med_ours.values()), sum(med_floor.values())
    print(f"{len(found)} operations planned ({len(skipped)} without a botocore floor), {ROUNDS} rounds; python {sys.version.split()[0]}")
    for key, why in skipped:
        print(f"  skipped {key}: {why[:100]}")
    print(f"all operations, sum of medians: plan {total_ours * 1000:.2f} ms, botocore validate+serialize "
          f"{total_floor * 1000:.2f} ms, ratio {total_ours / total_floor:.2f}x")
    print(f"per operation ratio: median {statistics.median(ratios):.2f}x, p90 {ratios[int(len(ratios) * 0.9)]:.2f}x, "
          f"max {ratios[-1]:.2f}x")
    worst = sorted(med_ours, key=lambda k: med_ours[k] / med_floor[k])[-5:]
    for key in reversed(worst):
        print(f"  {key:60} {med_ours[key] * 1e6:8.1f} us vs {med_floor[key] * 1e6:8.1f} us  {med_ours[key] / med_floor[key]:.2f}x")


if __name__ == "__main__":
    main()
