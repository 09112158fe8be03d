"""Collections shaped like the official Pinpoint Postman collection, built from
tests/data/postman_collection_facts.json (the vendored facts of
"Amazon Pinpoint.postman_collection.json"), as Postman writes them in v2.0 and v2.1."""

from __future__ import annotations

import json
from pathlib import Path

FACTS = Path(__file__).resolve().parents[1] / "data" / "postman_collection_facts.json"
V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
V20 = "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"


def facts() -> dict:
    return json.loads(FACTS.read_text(encoding="utf-8"))


def script(pairs) -> list[dict]:
    lines = [f'pm.variables.set("{k}", "{v}");' for k, v in pairs]
    return [{"listen": "prerequest", "script": {"type": "text/javascript", "exec": lines}}] if lines else []


def official_shaped(schema: str = "v2.1") -> dict:
    """The official collection's 122 requests, folders, auth and scripts, as Postman writes
    them in `schema` (v2.1: auth as a key/value list, URL objects; v2.0: auth as an object
    map, URLs as strings)."""
    data = facts()
    auth = data["collection"]["auth"]["awsv4"]
    if schema == "v2.1":
        collection_auth = {"type": "awsv4", "awsv4": [{"key": k, "value": v, "type": "string"} for k, v in auth.items()]}
    else:
        collection_auth = {"type": "awsv4", "awsv4": dict(auth)}
    root: dict = {"info": {"name": data["collection"]["name"], "schema": V21 if schema == "v2.1" else V20},
                  "item": [], "auth": collection_auth}
    for fact in data["requests"]:
        items = root["item"]
        for folder in fact["folder"]:
            found = next((i for i in items if i.get("name") == folder and "item" in i), None)
            if found is None:
                found = {"name": folder, "item": []}
                items.append(found)
            items = found["item"]
        if schema == "v2.1":
            url = {"raw": fact["url"], "protocol": "https", "host": fact["host"], "path": fact["path"]}
            if fact["query"]:
                url["query"] = [{"key": k, "value": v} for k, v in fact["query"]]
        else:
            url = fact["url"]
        request = {"method": fact["method"], "header": [{"key": k, "value": v, "type": "text"} for k, v in fact["headers"]],
                   "body": {"mode": "raw", "raw": fact["body"]}, "url": url, "description": fact["description"]}
        items.append({"name": fact["name"], "event": script(fact["prerequest_variables"]), "request": request, "response": []})
    return root


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path
