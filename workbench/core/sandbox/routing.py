"""Which API and operation an incoming request is, read from botocore's service models.

REST APIs are matched on method + requestUri (on the raw, percent-encoded path, so an ARN
label with encoded slashes stays one segment); the JSON API on its X-Amz-Target header.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass, field
from urllib.parse import unquote

from workbench.core.library.apis import APIS, path_prefixes, service_model  # noqa: F401 - service_model re-exported for emulation
from workbench.core.environments.sandbox_identity import SANDBOX_REGION

_PATH_PREFIXES = path_prefixes()  # the REST APIs, most specific path prefix first (library.apis: one table)
# The APIs the sandbox fronts: the JSON ones (matched on X-Amz-Target), then the REST ones.
API_NAMES = tuple(api for api, info in APIS.items() if info.protocol == "json") + tuple(api for api, _ in _PATH_PREFIXES)
_LABEL = re.compile(r"\{([^}]+?)(\+?)\}")
_TABLES_LOCK = threading.RLock()


def computed_once(function):
    """A cache that computes each value once even when many threads ask at once (the
    front's workers all arrive together on a cold start; plain lru_cache lets each of them
    compute the same table)."""
    cached = functools.lru_cache(maxsize=None)(function)

    @functools.wraps(function)
    def wrapper(*args):
        with _TABLES_LOCK:
            return cached(*args)

    return wrapper


@dataclass(frozen=True)
class ApiSpec:
    name: str  # botocore name
    signing_name: str
    protocol: str  # "rest-json" | "json"
    endpoint_prefix: str
    target_prefix: str | None

    def host(self, region: str = SANDBOX_REGION) -> str:
        return f"{self.endpoint_prefix}.{region}.amazonaws.com"

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "signing_name": self.signing_name,
            "protocol": self.protocol,
            "host": self.host(),
        }


@computed_once
def api_spec(api: str) -> ApiSpec:
    meta = service_model(api).metadata
    return ApiSpec(
        name=api,
        signing_name=meta.get("signingName") or meta["endpointPrefix"],
        protocol=meta["protocol"],
        endpoint_prefix=meta["endpointPrefix"],
        target_prefix=meta.get("targetPrefix"),
    )


@dataclass(frozen=True)
class Route:
    """What a request is: api None = not one of ours; operation None = not in the model."""

    api: str | None
    operation: str | None = None
    uri_template: str | None = None
    params: dict = field(default_factory=dict)  # URI label -> decoded value

    @property
    def signing_name(self) -> str | None:
        return api_spec(self.api).signing_name if self.api else None

    @property
    def protocol(self) -> str:
        return api_spec(self.api).protocol if self.api else "rest-json"

    def to_dict(self) -> dict:
        return {"api": self.api, "operation": self.operation, "uri_template": self.uri_template,
                "params": dict(self.params)}


@dataclass(frozen=True)
class _RestOp:
    method: str
    regex: re.Pattern
    name: str
    template: str
    labels: tuple[str, ...]
    weight: tuple[int, int]


def _uri_regex(uri: str) -> tuple[re.Pattern, tuple[str, ...], tuple[int, int]]:
    path = uri.split("?", 1)[0]
    parts, labels, pos, greedy = [], [], 0, 0
    for match in _LABEL.finditer(path):
        parts.append(re.escape(path[pos:match.start()]))
        labels.append(match.group(1))
        if match.group(2):
            greedy += 1
            parts.append("(.+)")
        else:
            parts.append("([^/]+)")
        pos = match.end()
    parts.append(re.escape(path[pos:]))
    literal = len(_LABEL.sub("", path))
    # Prefer more literal text, then fewer greedy labels.
    return re.compile("".join(parts)), tuple(labels), (-literal, greedy)


@computed_once
def _rest_operations(api: str) -> tuple[_RestOp, ...]:
    model = service_model(api)
    ops = []
    for name in model.operation_names:
        http = model.operation_model(name).http
        regex, labels, weight = _uri_regex(http["requestUri"])
        ops.append(_RestOp(http["method"].upper(), regex, name, http["requestUri"], labels, weight))
    return tuple(sorted(ops, key=lambda op: op.weight))


def identify(method: str, raw_target: str, target_header: str | None = None) -> Route:
    """The route of a request: `raw_target` is the request line's path?query as received."""
    path = raw_target.split("?", 1)[0]
    if target_header:
        prefix, _, op = target_header.partition(".")
        for api in API_NAMES:
            spec = api_spec(api)
            if spec.target_prefix and spec.target_prefix == prefix:
                known = op in service_model(api).operation_names
                return Route(api, op if known else None)
        return Route(None)
    for api, prefix in _PATH_PREFIXES:
        if not path.startswith(prefix) and path != prefix.rstrip("/"):
            continue
        for op in _rest_operations(api):
            if op.method != method.upper():
                continue
            match = op.regex.fullmatch(path)
            if match:
                params = {label: unquote(value) for label, value in zip(op.labels, match.groups())}
                return Route(api, op.name, op.template, params)
        return Route(api)
    return Route(None)
