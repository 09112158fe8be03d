"""Start-up work that a command does not need is not done: sending one request reads one
template file, and what the sandbox serves is worked out once (moto is imported for it),
then read from the user cache by later processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import workbench.core.library.templates as library_module
from workbench.core.library.templates import find_template

SERVED = ("import json, sys; from workbench.core.sandbox.served import served_operations; "
          "print(json.dumps({'served': sorted(served_operations()), 'moto': 'moto' in sys.modules}))")


def test_finding_one_operation_reads_one_template(monkeypatch):
    parsed = []
    real = library_module.template_from_dict
    monkeypatch.setattr(library_module, "template_from_dict", lambda data, path="": parsed.append(path) or real(data, path))
    assert find_template("get-apps").key == "pinpoint:GetApps"
    assert find_template("pinpoint-email:CreateConfigurationSet").api == "pinpoint-email"
    assert find_template("SendTextMessage", api="pinpoint-sms-voice-v2").operation == "SendTextMessage"
    assert parsed == ["pinpoint/apps/GetApps.json", "pinpoint-email/configuration-sets/CreateConfigurationSet.json",
                      "pinpoint-sms-voice-v2/messages/SendTextMessage.json"]


def test_find_template_keeps_the_librarys_messages():
    import pytest

    from workbench.core.library.templates import UnknownOperation

    with pytest.raises(UnknownOperation, match="exists in several APIs; name one: pinpoint-email:CreateConfigurationSet"):
        find_template("CreateConfigurationSet")
    with pytest.raises(UnknownOperation, match="Did you mean: GetApps, GetApp"):
        find_template("get-aps")


def test_what_the_sandbox_serves_is_cached_across_processes(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    first = json.loads(subprocess.run([sys.executable, "-c", SERVED], env=env, capture_output=True, text=True, check=True).stdout)
    second = json.loads(subprocess.run([sys.executable, "-c", SERVED], env=env, capture_output=True, text=True, check=True).stdout)
    assert first["moto"] is True and second["moto"] is False
    assert first["served"] == second["served"] and "pinpoint:GetApps" in first["served"]
    assert (tmp_path / "cache" / "pinpoint-workbench" / "sandbox-served.json").exists()


def test_the_partition_of_every_region_agrees_with_botocores_endpoint_data():
    """Environments check their region, and sends their destination, against partitions.json
    (7 KB), not endpoints.json (1.2 MB)."""
    import botocore.loaders
    import botocore.regions

    from workbench.core.library import regions
    data = botocore.loaders.create_loader().load_data("endpoints")
    resolver = botocore.regions.EndpointResolver(data)
    named = [code for partition in data["partitions"] for code in partition["regions"]]
    for region in named + ["eu-west-9", "us-gov-east-7", "cn-northwest-5", "ap-southeast-9"]:
        assert regions.partition_of(region) == resolver.get_partition_for_region(region), region
    for partition in resolver.get_available_partitions():
        assert regions.dns_suffix(partition) == resolver.get_partition_dns_suffix(partition), partition


HEAVY = ("botocore", "jinja2", "moto", "werkzeug", "PySide6")
IMPORTED = "import json, sys; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(%r))))" % (HEAVY,)


def _heavy_modules_after(code: str, env: dict) -> list[str]:
    result = subprocess.run([sys.executable, "-c", f"{code}\n{IMPORTED}"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_the_command_line_parser_imports_nothing_heavy(tmp_path):
    """`--help` and argument parsing register every command without botocore, jinja2 or moto."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert _heavy_modules_after("from workbench.cli import build_parser; build_parser()", env) == []


def test_library_list_imports_no_botocore_jinja2_or_moto(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PINPOINT_WORKBENCH_CONFIG_DIR=str(tmp_path / "config"))
    code = ("import io, os; from workbench.cli import main; from workbench.cli.context import CliContext\n"
            "out = io.StringIO(); assert main(['library', 'list'], CliContext(out, io.StringIO(), io.StringIO(), dict(os.environ))) == 0\n"
            "assert 'GetApps' in out.getvalue() and '[sandbox]' in out.getvalue()")
    _heavy_modules_after(code, env)  # the first run works out what the sandbox serves (moto) and caches it
    assert _heavy_modules_after(code, env) == []


def test_the_service_models_are_botocores():
    """apis.service_model skips building a botocore session; the model is the same."""
    import botocore.session

    from workbench.core.library.apis import APIS, service_model

    session = botocore.session.get_session()
    for api in APIS:
        ours, theirs = service_model(api), session.get_service_model(api)
        assert (ours.service_name, ours.api_version, ours.signing_name) == (theirs.service_name, theirs.api_version, theirs.signing_name)
        assert ours._service_description == theirs._service_description  # the model data itself


def test_the_top_level_help_built_without_the_commands_arguments_is_the_whole_parsers_help():
    """`--help` registers only the commands' names and help (their 300 arguments unbuilt): what
    it prints is what the parser of every command prints."""
    import io

    from workbench.cli import build_parser, main
    from workbench.cli.context import CliContext

    out = io.StringIO()
    assert main(["--help"], CliContext(out, io.StringIO(), io.StringIO(), {"COLUMNS": "100"})) == 0
    whole = build_parser().format_help()
    assert "troubleshoot" in whole and build_parser(names_only=True).format_help() == whole
    assert out.getvalue().splitlines()[0] == whole.splitlines()[0]
