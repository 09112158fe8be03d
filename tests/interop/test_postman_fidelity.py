"""Postman collections mean what Postman means by them (issue 20): per-request credentials,
Postman's variable scopes, noauth, base-URL variables, the collection's name, global-service
regions, unknown service names, JSON bodies' Content-Type, secret header values."""

from __future__ import annotations

import json

from tests.helpers.postman_shapes import V21, write_json
from workbench.core.interop.draft_files import read_collection_info, read_tree
from workbench.core.interop.postman_import import parse_collection
from workbench.core.request.drafts import AwsV4Auth

CANARY = "wJalrFIDELITYCANARYxxEXAMPLEKEY000000000"


def collection(items, auth=None, name="Mine", **extra) -> str:
    data = {"info": {"name": name, "schema": V21}, "item": items, **extra}
    if auth is not None:
        data["auth"] = auth
    return json.dumps(data)


def awsv4(**values) -> dict:
    return {"type": "awsv4", "awsv4": [{"key": k, "value": v, "type": "string"} for k, v in values.items()]}


def item(name, method, url, body=None, auth=None, headers=(), language=None):
    request = {"method": method, "url": url, "header": [{"key": k, "value": v} for k, v in headers]}
    if body is not None:
        request["body"] = {"mode": "raw", "raw": body}
        if language:
            request["body"]["options"] = {"raw": {"language": language}}
    if auth is not None:
        request["auth"] = auth
    return {"name": name, "request": request}


def imported(text):
    return {request.name: request for _, request in parse_collection(text).requests()}


def files_text(root) -> str:
    return "".join(p.read_text() for p in root.rglob("*") if p.is_file())


# -- per-request credentials ---------------------------------------------------------------

def test_per_request_credential_bindings_are_kept_for_the_send():
    own = awsv4(service="ses", region="{{region}}", accessKey="{{AccessKeyId}}", secretKey="{{SecretKey}}",
                sessionToken="{{SessionToken}}")
    requests = imported(collection([item("GetAccount", "GET", "https://email.{{region}}.amazonaws.com/v1/email/account",
                                         auth=own)], auth=awsv4(service="{{serviceName}}", accessKey="{{accessKey}}",
                                                                secretKey="{{secretAccessKey}}")))
    assert requests["GetAccount"].draft.auth == AwsV4Auth("", "", "{{AccessKeyId}}", "{{SecretKey}}", "{{SessionToken}}")


def test_literal_keys_are_bound_to_variables_one_set_per_identity_and_never_written(run_cli, tmp_path):
    first = awsv4(service="mobiletargeting", accessKey="AKIDFIRSTEXAMPLE", secretKey=CANARY)
    second = awsv4(service="mobiletargeting", accessKey="<AccessKey>", secretKey="<SecretKey>")
    source = write_json(tmp_path / "c.json", json.loads(collection([
        item("first", "GET", "https://{{endpoint}}/v1/apps", auth=first),
        item("again", "GET", "https://{{endpoint}}/v1/apps", auth=first),
        item("second", "GET", "https://{{endpoint}}/v1/apps", auth=second)])))
    result = run_cli("import", "postman", str(source), "--into", str(tmp_path / "out"), "--json")
    assert result.status == 0 and CANARY not in result.stdout
    assert CANARY not in files_text(tmp_path / "out") and "AKIDFIRSTEXAMPLE" not in files_text(tmp_path / "out")
    drafts = {s.draft.name: s.draft for s in read_tree(tmp_path / "out")}
    assert drafts["first"].auth == drafts["again"].auth == AwsV4Auth("", "", "{{importedAccessKey}}", "{{importedSecretKey}}")
    assert drafts["second"].auth == AwsV4Auth("", "", "{{importedAccessKey2}}", "{{importedSecretKey2}}")
    notes = {entry["item"]: entry["notes"] for entry in result.json["notes"]}
    assert any("signs with {{importedSecretKey}}: set it" in n for n in notes["first"])


# -- exports Postman signs with credentials -----------------------------------------------

def test_a_request_with_its_own_auth_exports_a_whole_auth(run_cli, tmp_path):
    pinned = awsv4(service="ses", region="us-west-2")
    source = write_json(tmp_path / "c.json", json.loads(collection(
        [item("GetAccount", "GET", "https://email.us-west-2.amazonaws.com/v1/email/account", auth=pinned),
         item("mine", "GET", "https://{{endpoint}}/v1/apps", auth=awsv4(accessKey="{{ak}}", secretKey="{{sk}}"))],
        auth=awsv4(service="{{serviceName}}", region="{{region}}", accessKey="{{accessKey}}", secretKey="{{secretAccessKey}}"))))
    assert run_cli("import", "postman", str(source), "--into", str(tmp_path / "out")).status == 0
    assert run_cli("export", "postman", str(tmp_path / "out"), "--out", str(tmp_path / "x.json")).status == 0
    items = {i["name"]: i for i in json.loads((tmp_path / "x.json").read_text())["item"]}
    pinned_auth = {p["key"]: p["value"] for p in items["GetAccount"]["request"]["auth"]["awsv4"]}
    assert pinned_auth == {"service": "{{serviceName}}", "region": "us-west-2", "accessKey": "{{accessKey}}",
                           "secretKey": "{{secretAccessKey}}", "sessionToken": "{{sessionToken}}"}
    mine = {p["key"]: p["value"] for p in items["mine"]["request"]["auth"]["awsv4"]}
    assert (mine["accessKey"], mine["secretKey"]) == ("{{ak}}", "{{sk}}") and "sessionToken" not in mine


# -- base-URL variables ---------------------------------------------------------------------

def test_a_base_url_variable_is_kept_as_written_through_import_and_export(run_cli, tmp_path):
    from workbench.core.environments.model import Environment
    from workbench.core.send.plan import build_plan

    object_form = {"raw": "{{URL}}/api/things?x=1", "host": ["{{URL}}"], "path": ["api", "things"],
                   "query": [{"key": "x", "value": "1"}]}
    source = write_json(tmp_path / "c.json", json.loads(collection([
        item("things", "GET", object_form, auth=awsv4(service="execute-api")),
        item("string form", "POST", "{{URL}}/api/x", body="{}", auth=awsv4(service="execute-api"))])))
    assert run_cli("import", "postman", str(source), "--into", str(tmp_path / "out")).status == 0
    drafts = {s.draft.name: s.draft for s in read_tree(tmp_path / "out")}
    assert drafts["things"].url == "{{URL}}/api/things" and drafts["things"].query == (("x", "1"),)
    assert drafts["string form"].url == "{{URL}}/api/x"
    env = Environment("dev", "us-east-1", variables={"URL": "https://abc.execute-api.us-east-1.amazonaws.com/prod"})
    plan = build_plan(drafts["things"], env)
    assert plan.request.url == "https://abc.execute-api.us-east-1.amazonaws.com/prod/api/things?x=1"
    assert run_cli("export", "postman", str(tmp_path / "out"), "--out", str(tmp_path / "x.json")).status == 0
    urls = {i["name"]: i["request"]["url"] for i in json.loads((tmp_path / "x.json").read_text())["item"]}
    assert urls["string form"]["raw"] == "{{URL}}/api/x" and "protocol" not in urls["string form"]
    assert urls["things"]["raw"] == "{{URL}}/api/things?x=1"


# -- scopes ---------------------------------------------------------------------------------

def test_collection_variables_stay_in_the_collection_scope_and_export_as_collection_variables(run_cli, tmp_path):
    source = write_json(tmp_path / "c.json", json.loads(collection(
        [item("GetApp", "GET", "https://{{endpoint}}/v1/apps/{{projectId}}")], name="Scoped",
        variable=[{"key": "projectId", "value": "from-collection"}, {"key": "off", "value": "x", "disabled": True}])))
    assert run_cli("import", "postman", str(source), "--into", str(tmp_path / "out")).status == 0
    [stored] = read_tree(tmp_path / "out")
    assert stored.draft.variables == ()  # not a request variable: it would hide the environment's
    assert read_collection_info(tmp_path / "out").variables == (("projectId", "from-collection"),)
    assert run_cli("export", "postman", str(tmp_path / "out"), "--out", str(tmp_path / "x.json")).status == 0
    exported = json.loads((tmp_path / "x.json").read_text())
    assert exported["variable"] == [{"key": "projectId", "value": "from-collection", "type": "string"}]
    assert "projectId" not in json.dumps(exported["item"][0].get("event", []))


# -- noauth, the collection's name, global regions, unknown services, JSON bodies ------------

def test_noauth_imports_exports_and_reimports_as_unsigned(run_cli, tmp_path):
    source = write_json(tmp_path / "c.json", json.loads(collection(
        [item("public", "GET", "https://api.example.com/health", auth={"type": "noauth"})],
        name="Public API", auth=awsv4(service="execute-api"))))
    source_data = json.loads(source.read_text())
    source_data["info"]["description"] = "What the team calls"
    write_json(source, source_data)
    assert run_cli("import", "postman", str(source), "--into", str(tmp_path / "out")).status == 0
    [stored] = read_tree(tmp_path / "out")
    assert stored.draft.unsigned and stored.draft.auth is None
    exported = run_cli("export", "postman", str(tmp_path / "out"), "--out", str(tmp_path / "x.json"))
    assert exported.status == 0, exported.stderr
    data = json.loads((tmp_path / "x.json").read_text())
    assert data["item"][0]["request"]["auth"] == {"type": "noauth"}
    assert (data["info"]["name"], data["info"]["description"]) == ("Public API", "What the team calls")
    again = imported(json.dumps(data))
    assert again["public"].draft.unsigned


def test_a_global_service_with_no_region_signs_in_us_east_1_and_an_unknown_service_is_flagged():
    requests = imported(collection([
        item("GetCallerIdentity", "POST", "https://sts.amazonaws.com/", body="Action=GetCallerIdentity&Version=2011-06-15",
             auth=awsv4(service="sts", region="")),
        item("regional", "GET", "https://{{endpoint}}/v1/apps", auth=awsv4(service="mobiletargeting")),
        item("ListStacks", "POST", "https://cloudformation.us-east-1.amazonaws.com/", auth=awsv4(service="CloudFormation")),
    ]))
    sts = requests["GetCallerIdentity"]
    assert sts.draft.auth.region == "us-east-1"
    assert any("global service sts: signed for us-east-1" in n for n in sts.notes)
    assert requests["regional"].draft.auth is None  # the environment's region
    flagged = requests["ListStacks"]
    assert any("'CloudFormation' is not a signing name AWS knows" in n and "Did you mean: cloudformation?" in n
               for n in flagged.notes)


def test_a_json_body_gets_the_content_type_postman_sends():
    requests = imported(collection([
        item("json", "POST", "https://api.example.com/x", body='{"a": 1}', language="json", auth=awsv4(service="execute-api")),
        item("text", "POST", "https://api.example.com/x", body="a=1", auth=awsv4(service="execute-api")),
        item("own type", "POST", "https://api.example.com/x", body="{}", language="json",
             headers=[("Content-Type", "application/vnd.api+json")], auth=awsv4(service="execute-api")),
    ]))
    assert ("Content-Type", "application/json") in requests["json"].draft.headers
    assert not any(k.lower() == "content-type" for k, _ in requests["text"].draft.headers)
    assert requests["own type"].draft.headers == (("Content-Type", "application/vnd.api+json"),)


def test_import_curl_never_prints_or_keeps_a_secret_header_value(run_cli, tmp_path):
    # the secret goes to the keyring (draft_secrets); with no keyring nothing is written,
    # and in neither case is the value printed, with or without --json
    command = tmp_path / "cmd.sh"
    command.write_text(f"curl -H 'x-api-key: {CANARY}' -H 'X-Trace: t-1' https://api.example.com/things")
    for args in (("--json",), (), ("--out", str(tmp_path / "d.json"))):
        result = run_cli("import", "curl", str(command), *args)
        assert CANARY not in result.stdout + result.stderr
    assert not (tmp_path / "d.json").exists() or CANARY not in (tmp_path / "d.json").read_text()


# -- the send: the identity a request names, unsigned requests, scopes ------------------------

ENV_KEYS = {"AWS_ACCESS_KEY_ID": "AKIAENVIRONMENTEXAMPLE", "AWS_SECRET_ACCESS_KEY": "environment-secret-EXAMPLE"}
OWN_AUTH = awsv4(service="mobiletargeting", accessKey="{{AccessKeyId}}", secretKey="{{SecretKey}}",
                 sessionToken="{{SessionToken}}")


def _capture_env():
    from workbench.core.environments.credentials import CredentialSource
    from workbench.core.environments.model import Environment

    return Environment("lo", "us-east-1", credential_source=CredentialSource("process"))


def _send(draft, env, **kwargs):
    from workbench.core.send.plan import build_plan, run_plan

    plan = build_plan(draft, env, **{k: v for k, v in kwargs.items() if k == "collection"})
    return plan, run_plan(plan, environ=ENV_KEYS, allow_any_host=True) if plan.error is None else None


def test_a_request_with_its_own_credentials_is_signed_as_that_identity(tmp_path):
    from dataclasses import replace

    from tests.helpers import fault_server as fs

    with fs.FaultServer(fs.json_ok) as server:
        [(_, request)] = parse_collection(collection([item("things", "GET", f"http://{server.host}/things",
                                                           auth=OWN_AUTH)])).requests()
        draft = replace(request.draft, variables=(("AccessKeyId", "AKIAREQUESTOWNEXAMPLE"), ("SecretKey", "own-secret-EXAMPLE"),
                                                  ("SessionToken", "own-session-token-EXAMPLE")))
        plan, exchange = _send(draft, _capture_env())
        arrived = server.requests[0]
    assert exchange.response.status == 200
    assert "Credential=AKIAREQUESTOWNEXAMPLE/" in arrived.header("Authorization")
    assert arrived.header("X-Amz-Security-Token") == "own-session-token-EXAMPLE"
    assert plan.to_dict()["signs_as"] == {"access key": "{{AccessKeyId}}", "secret key": "{{SecretKey}}",
                                          "session token": "{{SessionToken}}"}
    assert "own-secret-EXAMPLE" not in repr(plan.identity) + json.dumps(plan.identity.to_dict())


def test_a_credential_binding_nobody_set_refuses_the_send_naming_it(tmp_path):
    from tests.helpers import fault_server as fs

    with fs.FaultServer(fs.json_ok) as server:
        [(_, request)] = parse_collection(collection([item("things", "GET", f"http://{server.host}/things",
                                                           auth=OWN_AUTH)])).requests()
        plan, exchange = _send(request.draft, _capture_env())
        assert server.requests == []  # nothing went out, as the environment's identity or any other
    assert exchange is None and plan.error.code == "missing_variable"
    assert "AccessKeyId (used in auth access key {{AccessKeyId}})" in str(plan.error)
    assert "SecretKey (used in auth secret key {{SecretKey}})" in str(plan.error)


def test_run_signs_each_request_with_the_identity_it_names_even_with_var(run_cli, tmp_path):
    source = write_json(tmp_path / "c.json", json.loads(collection(
        [item("own", "GET", "https://{{endpoint}}/v1/apps", auth=OWN_AUTH),
         item("environment's", "GET", "https://{{endpoint}}/v1/apps")],
        auth=awsv4(service="{{serviceName}}", region="{{region}}", accessKey="{{accessKey}}", secretKey="{{secretAccessKey}}"))))
    assert run_cli("import", "postman", str(source), "--into", str(tmp_path / "col")).status == 0
    unset = run_cli("run", str(tmp_path / "col"), "--env", "sandbox", "--json").json["steps"]
    assert unset[0]["status"] is None and "missing variable" in unset[0]["error"] and "{{AccessKeyId}}" in unset[0]["error"]
    assert unset[1]["status"] == 200
    other = run_cli("run", str(tmp_path / "col"), "--env", "sandbox", "--json", "--var", "AccessKeyId=AKIAOTHERIDENTITY01",
                    "--var", "SecretKey=other-secret-EXAMPLE", "--var", "SessionToken=other-token").json["steps"]
    # the sandbox knows only its own identity: the request's foreign one is refused by the
    # sandbox, which proves it was signed with it and not with the environment's
    assert other[0]["status"] == 403 and "security token included in the request is invalid" in other[0]["failures"][0]
    assert other[1]["status"] == 200


def test_an_unsigned_request_goes_out_without_a_signature_only_where_allowed(tmp_path):
    from tests.helpers import fault_server as fs
    from workbench.core.send.plan import build_plan, run_plan

    with fs.FaultServer(fs.json_ok) as server:
        [(_, request)] = parse_collection(collection([item("health", "GET", f"http://{server.host}/health",
                                                           auth={"type": "noauth"})])).requests()
        assert request.draft.unsigned
        plan = build_plan(request.draft, _capture_env())
        assert plan.destination is not None  # plain http to an unconfirmed host: not without the user's say-so
        exchange = run_plan(plan, environ={}, allow_any_host=True)  # no credentials needed, none fetched
        arrived = server.requests[0]
    assert exchange.response.status == 200 and plan.to_dict()["unsigned"] is True
    assert arrived.header("Authorization") is None and arrived.header("X-Amz-Date") is None
    assert exchange.inspection.notes == ("sent unsigned (Postman's noauth): no credentials, no signature",)
    from workbench.core.interop.snippets import curl

    assert curl(plan).startswith("curl -sS \\\n") and "--aws-sigv4" not in curl(plan) and "--user" not in curl(plan)


def test_scopes_collection_below_environment_below_data_below_the_requests_own(run_cli, tmp_path):
    from workbench.core.environments.model import Environment

    env = Environment("dev", "us-east-1", variables={"fromEnv": "environment", "shadowed": "environment"})
    draft = parse_collection(collection([item("GetApp", "GET", "https://{{endpoint}}/v1/apps/{{projectId}}")])).requests()[0][1].draft
    from dataclasses import replace

    from workbench.core.send.plan import build_plan

    collection_scope = {"projectId": "collection", "shadowed": "collection", "onlyCollection": "c"}
    plan = build_plan(draft, env, collection=collection_scope)
    assert plan.request.url.endswith("/v1/apps/collection")
    variables = plan.prepared.rendered.variables
    assert (variables["shadowed"], variables["onlyCollection"], variables["fromEnv"]) == ("environment", "c", "environment")
    own = build_plan(replace(draft, variables=(("projectId", "own"),)), env, collection=collection_scope)
    assert own.request.url.endswith("/v1/apps/own")


def test_run_data_ranks_below_the_drafts_own_and_a_saved_value_above_both(run_cli, tmp_path):
    from workbench.core.interop.draft_files import CollectionInfo, write_tree
    from workbench.core.request.drafts import Assertion, RequestDraft

    steps = [
        ("request", RequestDraft(name="own", operation="pinpoint:CreateApp", body='{"Name": "{{appName}}"}',
                                 variables=(("appName", "from-draft"),), assertions=(Assertion("equals", "Name", "from-draft"),))),
        ("request", RequestDraft(name="data", operation="pinpoint:CreateApp", body='{"Name": "{{appName}}"}',
                                 saves=(("projectId", "Id"),), assertions=(Assertion("equals", "Name", "from-data"),))),
        ("request", RequestDraft(name="saved", operation="pinpoint:GetApp", variables=(("projectId", "stale"),),
                                 assertions=(Assertion("equals", "Name", "from-data"),))),
    ]
    write_tree(tmp_path / "flow", steps, info=CollectionInfo("flow", variables=(("appName", "from-collection"),)))
    result = run_cli("run", str(tmp_path / "flow"), "--env", "sandbox", "--json", "--var", "appName=from-data")
    assert result.status == 0, json.dumps(result.json, indent=1)
    only_collection = run_cli("run", str(tmp_path / "flow"), "--env", "sandbox", "--json")
    assert only_collection.json["steps"][1]["failures"] == ['Name: expected "from-data", got "from-collection"']


def test_the_send_service_needs_no_environment_credentials_for_unsigned_or_own_identity_sends(tmp_path):
    """Through the one send service every front end calls: an environment with no usable
    credentials (no keyring here) still sends an unsigned request, and one that names its
    own identity, and refuses only the request that would sign as the environment."""
    from dataclasses import replace

    from tests.helpers import fault_server as fs
    from workbench.core.environments.model import Environment, EnvironmentStore
    from workbench.core.send.service import SendService
    from workbench.core.send.workspace import Workspace

    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
               "HOME": str(tmp_path / "home"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    workspace = Workspace.from_environ(environ)
    EnvironmentStore(workspace.config_dir / "environments.json").add(Environment("nokeys", "us-east-1"))
    service = SendService(workspace)
    with fs.FaultServer(fs.json_ok) as server:
        requests = imported(collection([
            item("open", "GET", f"http://{server.host}/open", auth={"type": "noauth"}),
            item("own", "GET", f"http://{server.host}/own", auth=OWN_AUTH),
            item("environment's", "GET", f"http://{server.host}/env", auth=awsv4(service="execute-api"))]))
        own = replace(requests["own"].draft, variables=(("AccessKeyId", "AKIAREQUESTOWNEXAMPLE"),
                                                        ("SecretKey", "own-secret-EXAMPLE"), ("SessionToken", "own-token-EXAMPLE")))
        with service.open("nokeys") as session:
            outcomes = {name: session.send(draft, allow_any_host=True)
                        for name, draft in (("open", requests["open"].draft), ("own", own),
                                            ("environment's", requests["environment's"].draft))}
        arrived = {r.target: r for r in server.requests}
    workspace.close()
    assert outcomes["open"].error is None and arrived["/open"].header("Authorization") is None
    assert outcomes["own"].error is None and "Credential=AKIAREQUESTOWNEXAMPLE/" in arrived["/own"].header("Authorization")
    assert outcomes["environment's"].error is not None and "/env" not in arrived
    assert {"own-secret-EXAMPLE", "own-token-EXAMPLE"} <= outcomes["own"].hidden
