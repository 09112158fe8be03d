"""Drafts -> a Postman collection (schema v2.1); an environment -> a Postman environment.

The collection signs with `awsv4` bound to environment variables ({{accessKey}},
{{secretAccessKey}}, {{sessionToken}}, {{region}}, {{serviceName}} set per request by a
one-line pre-request script, the official collection's convention). A request with awsv4
values of its own carries a complete auth (what it does not set itself is the
collection's), since Postman's request auth replaces the collection's whole: one with only
a service and a region would sign with no keys. A request sent unsigned exports as
`noauth`. No secret value is ever written. The collection keeps its name, description and
variables (its collection scope); a base-URL variable (`{{URL}}/api/x`) is written as it
is. Importing the export gives back the same drafts.
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

from workbench.core.request.drafts import BASE_URL_VARIABLE, AwsV4Auth, RequestDraft
from workbench.core.environments.model import Environment
from workbench.core.interop.postman_tests import to_script
from workbench.core.library.templates import Library, RequestTemplate, default_library
from workbench.core.send.plan import draft_body, template_for_draft

SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
DEFAULT_AUTH = AwsV4Auth("{{serviceName}}", "{{region}}", "{{accessKey}}", "{{secretAccessKey}}", "{{sessionToken}}")
AUTH_KEYS = {"signing_name": "service", "region": "region", "access_key": "accessKey", "secret_key": "secretKey", "session_token": "sessionToken"}
SECRET_VARIABLES = ("accessKey", "secretAccessKey", "sessionToken")


def _postman_vars(text: str) -> str:
    """`{{ endpoint }}` (the library's spelling) -> `{{endpoint}}` (Postman's)."""
    import re

    return re.sub(r"\{\{\s*([\w.-]+)\s*\}\}", r"{{\1}}", text)


def _auth(auth: AwsV4Auth) -> dict:
    return {"type": "awsv4", "awsv4": [
        {"key": AUTH_KEYS[name], "value": value, "type": "string"} for name, value in vars(auth).items() if value
    ]}


def _own_auth(auth: AwsV4Auth) -> AwsV4Auth:
    """A request's auth made whole: Postman does not merge it with the collection's."""
    own_keys = bool(auth.access_key or auth.secret_key)
    return AwsV4Auth(
        signing_name=auth.signing_name or DEFAULT_AUTH.signing_name,
        region=auth.region or DEFAULT_AUTH.region,
        access_key=auth.access_key or DEFAULT_AUTH.access_key,
        secret_key=auth.secret_key or DEFAULT_AUTH.secret_key,
        session_token=auth.session_token or ("" if own_keys else DEFAULT_AUTH.session_token),
    )


def _url(template: RequestTemplate, draft: RequestDraft) -> dict:
    url = _postman_vars(template.url)
    base = BASE_URL_VARIABLE.match(url) if "://" not in url else None
    if base:  # {{URL}}/api/x: as written, no scheme of ours
        scheme, rest = "", url
    else:
        scheme, _, rest = url.partition("://") if "://" in url else ("https", "", url)
    host, slash, path = rest.partition("/")
    query = []
    variables = draft.variables_dict()
    for param in template.query:
        if param.value is not None:
            query.append({"key": param.name, "value": param.value})
        elif param.variable and (param.required or param.variable in variables):
            query.append({"key": param.name, "value": "{{" + param.variable + "}}"})
    raw = f"{scheme}://{host}{slash}{path}" if scheme else f"{host}{slash}{path}"
    if query:
        raw += "?" + "&".join(f"{quote(q['key'], safe='-_.~')}={q['value']}" for q in query)
    data = {"raw": raw, **({"protocol": scheme} if scheme else {}),
            "host": host.split(".") if "{{" not in host else [host],
            "path": [segment for segment in path.split("/") if segment]}
    if query:
        data["query"] = query
    return data


def draft_item(draft: RequestDraft, library: Library | None = None) -> dict:
    """One Postman request item for `draft`."""
    template = template_for_draft(draft, library)
    body = draft_body(draft, template)
    variables = list(draft.variables)
    auth = _own_auth(draft.auth) if draft.auth is not None and any(vars(draft.auth).values()) else None
    if not draft.is_raw and not draft.unsigned and (auth is None or auth.signing_name == DEFAULT_AUTH.signing_name) \
            and "serviceName" not in dict(variables):
        variables.insert(0, ("serviceName", template.signing_name))
    request: dict = {
        "method": template.method,
        "header": [{"key": k, "value": _postman_vars(v), "type": "text"} for k, v in template.headers + tuple(draft.headers)],
        "body": {"mode": "raw", "raw": body or ""},
        "url": _url(template, draft),
    }
    if draft.unsigned:
        request["auth"] = {"type": "noauth"}
    elif auth is not None and auth != DEFAULT_AUTH:
        request["auth"] = _auth(auth)
    if draft.description:
        request["description"] = draft.description
    content_type = next((v for k, v in template.headers + tuple(draft.headers) if k.lower() == "content-type"), "")
    if body and "json" in content_type.lower():  # Postman sends a JSON body as application/json
        request["body"]["options"] = {"raw": {"language": "json"}}
    item: dict = {"name": draft.name or template.operation, "request": request, "response": []}
    events = []
    if variables:
        lines = [f"pm.variables.set({json.dumps(k, ensure_ascii=False)}, {json.dumps(v, ensure_ascii=False)});" for k, v in variables]
        events.append({"listen": "prerequest", "script": {"type": "text/javascript", "exec": lines}})
    if draft.saves or draft.assertions:
        events.append({"listen": "test", "script": {"type": "text/javascript", "exec": to_script(draft.saves, draft.assertions)}})
    if events:
        item["event"] = events
    return item


def export_collection(name: str, requests, library: Library | None = None, description: str = "",
                      variables: tuple[tuple[str, str], ...] = ()) -> dict:
    """`requests`: (folder path, draft) pairs in order -> a v2.1 collection with those folders;
    `variables`: its collection scope."""
    library = library or default_library()
    root: list = []
    for folder, draft in requests:
        items = root
        for part in folder:
            found = next((i for i in items if i.get("name") == part and "item" in i), None)
            if found is None:
                found = {"name": part, "item": []}
                items.append(found)
            items = found["item"]
        items.append(draft_item(draft, library))
    info = {"_postman_id": str(uuid.uuid5(uuid.NAMESPACE_URL, "pinpoint-workbench:" + name)), "name": name, "schema": SCHEMA_V21}
    if description:
        info["description"] = description
    collection = {"info": info, "item": root, "auth": _auth(DEFAULT_AUTH)}
    if variables:
        collection["variable"] = [{"key": k, "value": v, "type": "string"} for k, v in variables]
    return collection


def library_requests(selector: str, library: Library | None = None) -> list[tuple[tuple[str, ...], RequestDraft]]:
    """Drafts for a library folder: "pinpoint" (an API) or "pinpoint/Apps" (one group)."""
    from workbench.core.library.templates import UnknownOperation

    library = library or default_library()
    api, _, group = selector.strip("/").partition("/")
    tree = library.tree()
    if api not in tree:
        raise UnknownOperation(f"no library folder {selector!r}; APIs: {', '.join(sorted(tree))}")
    groups = tree[api] if not group else {g: ops for g, ops in tree[api].items() if g.lower() == group.lower()}
    if not groups:
        raise UnknownOperation(f"no group {group!r} in {api}; groups: {', '.join(sorted(tree[api]))}")
    return [((api, g), RequestDraft(name=op, operation=f"{api}:{op}")) for g, ops in groups.items() for op in ops]


def export_environment(env: Environment) -> dict:
    """A Postman environment: region, account, each API's host, free variables, and the
    credential variables as empty values typed `secret` (secrets stay in the keyring)."""
    values = []
    for key, value in env.template_variables().items():
        values.append({"key": key, "value": value, "type": "default", "enabled": True})
    for key in SECRET_VARIABLES:
        values.append({"key": key, "value": "", "type": "secret", "enabled": True})
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "pinpoint-workbench-env:" + env.name)),
        "name": env.name,
        "values": values,
        "_postman_variable_scope": "environment",
        "_postman_exported_using": "Pinpoint Workbench",
    }
