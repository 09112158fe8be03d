"""Pages for the list answers moto gives whole: GetApps (and any other paginated operation
moto serves) answered one page at a time, as AWS does, from the `page-size` and `token`
query parameters (the model's PageSize and Token). Without a page size and a token of its
own the answer stays whole, as moto gives it (so a token pasted from elsewhere gets what it
always got); a page size that is not a positive number is refused as AWS refuses it."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

from workbench.core.sandbox.aws_errors import AwsError


def _wire_names(api: str, operation: str, members) -> list[str | None]:
    from workbench.core.library.apis import service_model

    shape = service_model(api).operation_model(operation).input_shape
    return [shape.members[m].serialization.get("name", m) if m and m in shape.members else None for m in members]


def _read_token(token: str) -> int | None:
    """The offset a token this sandbox gave stands for; None for any other token."""
    try:
        text = base64.urlsafe_b64decode(token.encode()).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    if not text.startswith("offset:") or not text[7:].isdigit() or len(text) > 40:
        return None
    return int(text[7:])


def page(api: str | None, operation: str | None, raw_target: str, data: bytes) -> bytes:
    """`data` (moto's whole answer, JSON) cut to the page the query asks for."""
    from workbench.core.library.paginators import paginator_for

    paginator = paginator_for(api, operation) if api and operation else None
    if paginator is None or not paginator.derived or len(paginator.result_keys) != 1:
        return data
    token_name, size_name = _wire_names(api, operation, (paginator.input_token[0], paginator.limit_key))
    query = parse_qs(urlsplit(raw_target).query)
    size, token = query.get(size_name, [None])[0], query.get(token_name, [None])[0]
    start = _read_token(token) if token else 0
    if not size and not start:
        return data
    try:
        body = json.loads(data)
    except ValueError:
        return data
    items = body.get(paginator.result_keys[0]) if isinstance(body, dict) else None
    if not isinstance(items, list):
        return data
    start = start or 0
    if size is not None and not (size.isdigit() and int(size) > 0):
        raise AwsError(400, "BadRequestException", f"The page size {size!r} is not a positive number.")
    end = start + int(size) if size else len(items)
    body[paginator.result_keys[0]] = items[start:end]
    if end < len(items):
        body[paginator.output_token[0]] = base64.urlsafe_b64encode(f"offset:{end}".encode()).decode()
    else:
        body.pop(paginator.output_token[0], None)
    return json.dumps(body).encode()
