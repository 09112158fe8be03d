"""Which operations are paginated, and how: the input token, the output token, the result
keys and the limit key, as botocore's `paginators-1.json` gives them.

Two of the four APIs have no such file in botocore (`pinpoint`, `pinpoint-sms-voice`), yet
their list operations page the same way (GetApps: `token` and `page-size` in the query,
`NextToken` beside the one list in the answer). For them the facts are derived from the
service model by one rule, and marked `derived`: an input member `Token` or `NextToken`
with a `PageSize`, an output with `NextToken` and exactly one list. KPI and metric reads
that carry a token but no list to concatenate are left out.

Paths here are into the answer's body as it comes over the wire (for a REST API whose output
has a payload member, the payload itself: GetApps' body is `{"Item": [...], "NextToken": ...}`).

Reading four service models costs about a second, so the facts are kept, generated, in
`resources/paginators.json` (a test checks it against botocore: regenerate with
`python -m workbench.core.library.paginators --write` after a botocore bump).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import dataclass

from workbench.core.common.resources import RESOURCES_DIR
from workbench.core.library.apis import APIS, service_model

FACTS_FILE = RESOURCES_DIR / "paginators.json"


@dataclass(frozen=True)
class Paginator:
    api: str
    operation: str
    input_token: tuple[str, ...]  # input members carrying the token(s) (model member names)
    output_token: tuple[str, ...]  # paths in the answer's body, one per input token
    result_keys: tuple[str, ...]  # paths of the lists concatenated across pages
    limit_key: str | None  # input member bounding a page's size
    non_aggregate_keys: tuple[str, ...] = ()  # kept from the first page
    derived: bool = False  # from the model (botocore has no paginator for this API)

    @property
    def key(self) -> str:
        return f"{self.api}:{self.operation}"

    @property
    def source(self) -> str:
        return "derived from the service model" if self.derived else "botocore paginators-1.json"

    def to_dict(self) -> dict:
        data = {"input_token": list(self.input_token), "output_token": list(self.output_token),
                "result_keys": list(self.result_keys), "limit_key": self.limit_key}
        if self.non_aggregate_keys:
            data["non_aggregate_keys"] = list(self.non_aggregate_keys)
        if self.derived:
            data["derived"] = True
        return data

    @classmethod
    def from_dict(cls, api: str, operation: str, data: dict) -> "Paginator":
        return cls(api, operation, tuple(data["input_token"]), tuple(data["output_token"]),
                   tuple(data["result_keys"]), data.get("limit_key"), tuple(data.get("non_aggregate_keys", ())),
                   bool(data.get("derived", False)))


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _payload(api: str, operation: str) -> str | None:
    shape = service_model(api).operation_model(operation).output_shape
    return shape.serialization.get("payload") if shape is not None else None


def _on_the_wire(path: str, payload: str | None) -> str:
    """botocore's path into the parsed output -> the path into the body as sent."""
    if payload and path.startswith(payload + "."):
        return path[len(payload) + 1:]
    return path


def _botocore_config(api: str) -> dict:
    import botocore.exceptions
    import botocore.loaders

    loader = botocore.loaders.create_loader(os.environ.get("AWS_DATA_PATH"))
    try:
        return loader.load_service_model(api, "paginators-1").get("pagination", {})
    except botocore.exceptions.DataNotFoundError:
        return {}


def _from_botocore(api: str, operation: str, config: dict) -> Paginator:
    payload = _payload(api, operation)
    return Paginator(
        api, operation,
        input_token=_as_tuple(config["input_token"]),
        output_token=tuple(_on_the_wire(p, payload) for p in _as_tuple(config["output_token"])),
        result_keys=tuple(_on_the_wire(p, payload) for p in _as_tuple(config.get("result_key"))),
        limit_key=config.get("limit_key"),
        non_aggregate_keys=tuple(_on_the_wire(p, payload) for p in _as_tuple(config.get("non_aggregate_keys"))),
    )


def _derived(api: str, operation: str) -> Paginator | None:
    op = service_model(api).operation_model(operation)
    members = op.input_shape.members if op.input_shape is not None else {}
    token = next((name for name in ("Token", "NextToken") if name in members), None)
    if token is None or "PageSize" not in members or op.output_shape is None:
        return None
    payload = op.output_shape.serialization.get("payload")
    target = op.output_shape.members[payload] if payload else op.output_shape
    lists = [name for name, shape in target.members.items() if shape.type_name == "list"]
    if "NextToken" not in target.members or len(lists) != 1:
        return None
    return Paginator(api, operation, input_token=(token,), output_token=("NextToken",), result_keys=(lists[0],),
                     limit_key="PageSize", derived=True)


def compute(api: str) -> dict[str, Paginator]:
    """operation -> its Paginator, from botocore (slow: reads the service model)."""
    config = _botocore_config(api)
    if config:
        return {name: _from_botocore(api, name, item) for name, item in config.items()
                if name in service_model(api).operation_names}
    found = {}
    for name in service_model(api).operation_names:
        paginator = _derived(api, name)
        if paginator is not None:
            found[name] = paginator
    return found


def facts() -> dict:
    """What `resources/paginators.json` holds: {api: {operation: facts}}."""
    import botocore

    return {"_about": "Paginated operations of the four APIs: botocore's paginators-1.json; for pinpoint and "
                      "pinpoint-sms-voice (which have none) derived from the service model (derived: true). Paths are "
                      "into the body as sent. Generated by workbench.core.library.paginators --write.",
            "botocore_version": botocore.__version__,
            **{api: {name: p.to_dict() for name, p in sorted(compute(api).items())} for api in APIS}}


@functools.lru_cache(maxsize=1)
def _kept() -> dict:
    with open(FACTS_FILE, encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=None)
def paginators(api: str) -> dict[str, Paginator]:
    """operation -> its Paginator, for one of the four APIs (from the kept facts)."""
    return {name: Paginator.from_dict(api, name, data) for name, data in _kept().get(api, {}).items()}


def paginator_for(api: str, operation: str) -> Paginator | None:
    if api not in APIS:
        return None
    return paginators(api).get(operation)


def is_paginated(key: str) -> bool:
    """`key` ("api:Operation") is an operation whose answers come in pages."""
    api, _, operation = key.partition(":")
    return paginator_for(api, operation) is not None


def paginated_keys() -> frozenset[str]:
    return frozenset(p.key for api in APIS for p in paginators(api).values())


if __name__ == "__main__":  # python -m workbench.core.library.paginators [--write]
    text = json.dumps(facts(), indent=1, sort_keys=False) + "\n"
    if "--write" in sys.argv:
        FACTS_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {FACTS_FILE}")
    else:
        sys.stdout.write(text)
