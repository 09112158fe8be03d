"""Which operations the sandbox serves, and how (`serving`):

- "stateful": our own emulation keeps state for it (smsv2, messaging, smsv1 modules);
- "moto": moto serves it (derived from moto itself: moto has a backend for the API's real
  host name, one of its URL patterns matches the operation's path as werkzeug would decode
  it, and the response class has the handler method moto dispatches to);
- "stateless": no handler of its own: answered from the model by the ledger (ledger.py),
  which keeps what such operations create and answers not-found for anything else;
- "refused": the operation belongs to a feature past its end of support (501).

A test checks this against real requests; `coverage()` is what `sandbox coverage` lists.
"""

from __future__ import annotations

import importlib
import re

from botocore import xform_name

from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION
from workbench.core.sandbox.routing import (API_NAMES, _LABEL, _rest_operations, api_spec,
                                             computed_once, service_model)


def _sample_path(uri: str) -> str:
    """A concrete, decoded path for a requestUri, as moto's Flask router would see it."""

    def value(match: re.Match) -> str:
        label = match.group(1)
        if "arn" in label.lower():
            return f"arn:aws:mobiletargeting:{SANDBOX_REGION}:{SANDBOX_ACCOUNT_ID}:apps/sample"
        return "sample/more" if match.group(2) else "sample"

    return _LABEL.sub(value, uri.split("?", 1)[0])


def _moto_backends_for_host(host: str) -> list[str]:
    from moto import backend_index

    return [name for name, pattern in backend_index.backend_url_patterns
            if pattern.match(f"https://{host}")]


def _handler_classes(handler) -> list[type]:
    owner = getattr(handler, "__self__", None)  # SomeResponse.dispatch (a classmethod)
    if isinstance(owner, type):
        return [owner]
    if owner is not None:
        return [type(owner)]
    closure = getattr(handler, "__closure__", None) or ()  # method_dispatch wrappers
    classes = []
    for cell in closure:
        content = cell.cell_contents
        if isinstance(content, type):
            classes.append(content)
        elif callable(content) and getattr(content, "__qualname__", "").count("."):
            cls_name = content.__qualname__.split(".")[0]
            module = importlib.import_module(content.__module__)
            if isinstance(getattr(module, cls_name, None), type):
                classes.append(getattr(module, cls_name))
    return classes


def _served_by(backend: str) -> list[tuple[re.Pattern, list[type]]]:
    urls = importlib.import_module(f"moto.{backend}.urls")
    served = []
    for pattern, handler in urls.url_paths.items():
        served.append((re.compile(pattern.replace("{0}", "")), _handler_classes(handler)))
    return served


@computed_once
def moto_operations() -> frozenset[tuple[str, str]]:
    """(api, operation) pairs the local sandbox answers through moto."""
    result = set()
    for api in API_NAMES:
        model = service_model(api)
        for backend in _moto_backends_for_host(api_spec(api).host()):
            served = _served_by(backend)
            for name in model.operation_names:
                http = model.operation_model(name).http
                path = _sample_path(http["requestUri"])
                method = xform_name(name)
                for regex, classes in served:
                    if regex.fullmatch(path) and any(hasattr(cls, method) for cls in classes):
                        result.add((api, name))
                        break
    return frozenset(result)


@computed_once
def stateful_operations() -> frozenset[tuple[str, str]]:
    from workbench.core.sandbox.emulator import EMULATIONS

    return frozenset((cls.API, name) for cls in EMULATIONS for name in cls.operations())


@computed_once
def _end_of_support() -> frozenset[tuple[str, str]]:
    from workbench.core.library.templates import default_library

    return frozenset((t.api, t.operation) for t in default_library().templates
                     if t.lifecycle_status.startswith("end-of-support"))


SERVING_MODES = ("stateful", "moto", "stateless", "refused")


def serving(api: str | None, operation: str | None) -> str:
    if not (api and operation):
        return "refused"
    if (api, operation) in stateful_operations():
        return "stateful"
    if (api, operation) in moto_operations():
        return "moto"
    if (api, operation) in _end_of_support():
        return "refused"
    return "stateless"


def warm_up() -> None:
    """Build every table a request needs (about a second, mostly moto's URL maps), so the
    first requests do not wait for it."""
    for api in API_NAMES:
        if api_spec(api).protocol == "rest-json":
            _rest_operations(api)
    stateful_operations(), moto_operations(), _end_of_support()


def is_emulated(api: str | None, operation: str | None) -> bool:
    """Whether the sandbox answers the operation (statefully, through moto or stateless)."""
    return serving(api, operation) != "refused"


@computed_once
def emulated_operations() -> frozenset[tuple[str, str]]:
    """(api, operation) pairs the sandbox answers at all: what the library marks [sandbox]."""
    return frozenset((api, name) for api in API_NAMES
                     for name in service_model(api).operation_names if is_emulated(api, name))


def coverage() -> dict[str, dict[str, list[str]]]:
    """Per API, its operations by serving mode (moto's count as stateful: they keep state)."""
    result = {}
    for api in API_NAMES:
        modes: dict[str, list[str]] = {"stateful": [], "stateless": [], "refused": []}
        for name in sorted(service_model(api).operation_names):
            mode = serving(api, name)
            modes["stateful" if mode == "moto" else mode].append(name)
        result[api] = modes
    return result
