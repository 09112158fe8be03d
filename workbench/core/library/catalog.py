"""botocore service models -> Operation records for the four Pinpoint APIs.

Everything here is derived from the installed models (so it is complete by construction)
plus the lifecycle labels from the developer guide digest.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from workbench.core.library.apis import service_model
from workbench.core.library.apis import NAMES as APIS
from workbench.core.common.resources import load_reference


@dataclass(frozen=True)
class Member:
    name: str
    location: str  # "uri" | "querystring" | "header" | "body"
    location_name: str  # the name on the wire: {application-id}, page-size, X-Header...
    type_name: str  # botocore type: string, integer, list, structure...
    required: bool
    documentation: str = ""
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lifecycle:
    status: str = "unclear"  # supported | end-of-support-2026-10-30 | unclear
    area: str = ""
    migration: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Operation:
    api: str
    name: str
    method: str
    request_uri: str  # path template as in the model, query part included when fixed
    protocol: str  # rest-json | json
    signing_name: str
    target: str | None  # X-Amz-Target for the JSON protocol
    json_version: str | None
    members: tuple[Member, ...]
    payload_member: str | None  # REST: the member whose value is the whole body
    input_shape: str | None
    documentation: str
    lifecycle: Lifecycle = field(default_factory=Lifecycle)

    @property
    def key(self) -> tuple[str, str]:
        return (self.api, self.name)

    def members_at(self, location: str) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.location == location)

    @property
    def has_body(self) -> bool:
        return bool(self.members_at("body"))


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "li", "ul", "ol", "br", "note", "important", "dt", "dd", "h1", "h2", "h3"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(documentation: str | None) -> str:
    """Model documentation (HTML fragments) -> readable plain text."""
    if not documentation:
        return ""
    extractor = _TextExtractor()
    extractor.feed(documentation)
    text = html.unescape("".join(extractor.parts))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@lru_cache(maxsize=None)
def _lifecycle_index() -> dict[tuple[str, str], Lifecycle]:
    index = {}
    for row in load_reference("lifecycle"):
        index[(row["api"], row["operation"])] = Lifecycle(
            status=row.get("status", "unclear"),
            area=row.get("area") or "",
            migration=row.get("migration"),
            source=row.get("source"),
        )
    return index


def _member_location(shape) -> str:
    location = shape.serialization.get("location")
    return location or "body"


def _build_operation(api: str, name: str) -> Operation:
    model = service_model(api)
    op = model.operation_model(name)
    input_shape = op.input_shape
    members: list[Member] = []
    payload = None
    if input_shape is not None:
        payload = input_shape.serialization.get("payload")
        required = set(input_shape.required_members)
        for member_name, shape in input_shape.members.items():
            location = _member_location(shape)
            location_name = shape.serialization.get("name", member_name)
            members.append(
                Member(
                    name=member_name,
                    location=location,
                    location_name=location_name,
                    type_name=shape.type_name,
                    required=member_name in required,
                    documentation=plain_text(shape.documentation),
                    enum=tuple(getattr(shape, "enum", None) or ()),
                )
            )
    target = None
    if model.protocol == "json":
        target = f"{model.metadata['targetPrefix']}.{name}"
    return Operation(
        api=api,
        name=name,
        method=op.http.get("method", "POST"),
        request_uri=op.http.get("requestUri", "/"),
        protocol=model.protocol,
        signing_name=model.signing_name,
        target=target,
        json_version=model.metadata.get("jsonVersion"),
        members=tuple(members),
        payload_member=payload,
        input_shape=input_shape.name if input_shape is not None else None,
        documentation=plain_text(op.documentation),
        lifecycle=_lifecycle_index().get((api, name), Lifecycle()),
    )


@lru_cache(maxsize=None)
def operations(api: str) -> tuple[Operation, ...]:
    model = service_model(api)
    return tuple(_build_operation(api, name) for name in sorted(model.operation_names))


def all_operations() -> tuple[Operation, ...]:
    return tuple(op for api in APIS for op in operations(api))


@lru_cache(maxsize=None)
def get_operation(api: str, name: str) -> Operation:
    """One operation, built alone (sending one request does not build the other 120)."""
    if name not in service_model(api).operation_names:
        raise KeyError(f"{api}:{name}")
    return _build_operation(api, name)
