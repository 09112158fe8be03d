"""The window and a terminal writing environments at once: nothing lost, the file stays
valid, and a store hears when another process changed the file."""

import json
import subprocess
import sys
import textwrap

from workbench.core.environments.model import Environment, EnvironmentStore

WRITER = textwrap.dedent("""
    import sys
    from workbench.core.environments.model import Environment, EnvironmentStore
    path, prefix = sys.argv[1], sys.argv[2]
    print("ready", flush=True)
    sys.stdin.readline()  # both start together
    store = EnvironmentStore(path)
    for round in range(50):
        store.add(Environment(f"{prefix}-{round}", "us-east-1"))
        store.set_variables(f"{prefix}-{round}", {"round": str(round)})
""")


def test_two_processes_adding_environments_lose_nothing(tmp_path):
    path = tmp_path / "environments.json"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), prefix], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True) for prefix in ("window", "terminal")]
    for writer in writers:
        assert writer.stdout.readline() == "ready\n"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        writer.stdin.close()
        assert writer.wait(timeout=120) == 0
        writer.stdout.close()
    document = json.loads(path.read_text())
    names = sorted(e["name"] for e in document["environments"])
    assert names == sorted(f"{p}-{r}" for p in ("window", "terminal") for r in range(50))
    assert all(e["variables"]["round"] == e["name"].split("-")[1] for e in document["environments"])
    assert EnvironmentStore(path).problems == []


def test_a_listener_hears_a_change_made_by_another_writer(tmp_path):
    path = tmp_path / "environments.json"
    window, terminal = EnvironmentStore(path), EnvironmentStore(path)
    heard = []
    window.add_listener(lambda store: heard.append(store.names()))
    assert window.poll() is False
    terminal.add(Environment("dev", "eu-west-1"))
    assert window.poll() is True
    assert heard == [["sandbox", "dev"]]
    assert window.poll() is False  # told once per change
    window.add(Environment("prod", "us-east-1"))  # its own write is not news to it...
    assert window.poll() is False and terminal.poll() is True  # ...but it is to the other
    assert "dev" in window and "prod" in terminal
