"""Sandbox start-up and keyring reads, as ratios to floors measured in the same run.

    .venv/bin/python benchmarks/bench_sandbox_keyring.py

(a) Time from "start the sandbox" to the first successful GetApps (send_flow.prepare +
    signing.sign + transport.send, answered 200), then stop (stop time printed apart):
      floor        a bare http.server.ThreadingHTTPServer on loopback, one GET answered;
      floor child  a fresh `python -c` child starting that same server, one GET answered
                   (what any "sandbox in its own process" pays before importing anything);
      in-process   SandboxServer().start(): cold = in a fresh interpreter each time (what one
                   CLI command pays: moto is imported then), warm = again in this process;
      background   start_background()/stop_background() with XDG_RUNTIME_DIR and
                   XDG_CACHE_HOME in a temp dir (a detached child: interpreter + imports).
    REPEATS runs each, median (and min/max).

(b) KeyringCredentialStore reads: the first read of a fresh store (backend selection + one
    keyring call + parse) vs a cached read, against the raw backend.get_password as floor.
    Needs a Secret Service: without DBUS_SESSION_BUS_ADDRESS, this script re-runs part (b)
    under `dbus-run-session` with a throwaway gnome-keyring-daemon (the approach of
    tests/environments/conftest.py: temp HOME/XDG dirs, login collection unlocked from
    stdin). If that is not possible, it falls back to an in-memory backend (printed).
Nothing is asserted.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPEATS = 5
KEYRING_REPEATS = 30
ROOT = Path(__file__).resolve().parents[1]


def summary(samples: list[float]) -> str:
    return (f"median {statistics.median(samples) * 1000:9.2f} ms   "
            f"min {min(samples) * 1000:9.2f}   max {max(samples) * 1000:9.2f}")


def summary_us(samples: list[float]) -> str:
    return (f"median {statistics.median(samples) * 1e6:11.2f} us   "
            f"min {min(samples) * 1e6:11.2f}   max {max(samples) * 1e6:11.2f}")


# --------------------------------------------------------------------------- (a) start-up


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def floor_start() -> tuple[float, float]:
    start = time.perf_counter()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/", timeout=10) as r:
        assert r.status == 200 and r.read() == b"{}"
    ready = time.perf_counter() - start
    start = time.perf_counter()
    server.shutdown()
    server.server_close()
    thread.join()
    return ready, time.perf_counter() - start


CHILD_FLOOR = r"""
import sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"{}")
    def log_message(self, *a): pass
s = ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
threading.Thread(target=s.serve_forever, daemon=True).start()
sys.stdin.read()
"""


def floor_child_start() -> tuple[float, float]:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD_FLOOR], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)
    port = int(child.stdout.readline())
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
        assert r.status == 200
    ready = time.perf_counter() - start
    start = time.perf_counter()
    child.stdin.close()
    child.wait()
    child.stdout.close()
    return ready, time.perf_counter() - start


def get_apps(url: str) -> None:
    """One GetApps the workbench way; raises unless it is answered 200."""
    from workbench.core.send import send_flow
    from workbench.core.send import signing
    from workbench.core.send import transport
    from workbench.core.environments.model import sandbox_environment
    from workbench.core.library.templates import default_library
    from workbench.core.environments.credentials import SANDBOX_CREDENTIALS

    env = sandbox_environment(url)
    prepared = send_flow.prepare(default_library().find("pinpoint:GetApps"), env, {}, None)
    signed = signing.sign(prepared.rendered.request, SANDBOX_CREDENTIALS, region=env.region,
                          signing_name="mobiletargeting")
    response = transport.send(signed.request)
    if response.status != 200:
        raise RuntimeError(f"GetApps: HTTP {response.status}: {response.text()[:200]}")


def in_process_start() -> tuple[float, float]:
    from workbench.core.sandbox.server import SandboxServer

    start = time.perf_counter()
    server = SandboxServer().start()
    get_apps(server.url)
    ready = time.perf_counter() - start
    start = time.perf_counter()
    server.stop()
    return ready, time.perf_counter() - start


COLD_IN_PROCESS = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[1] + "/benchmarks")
import bench_sandbox_keyring as b
# what a CLI command has imported before it starts a sandbox: the send path, not moto
from workbench.core.send import send_flow, signing, transport  # noqa: F401
from workbench.core.library.templates import default_library
default_library()
print(json.dumps(b.in_process_start()))
"""


def in_process_cold_start() -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", COLD_IN_PROCESS, str(ROOT)], check=True,
                         capture_output=True, text=True).stdout
    ready, stop = json.loads(out.strip().splitlines()[-1])
    return ready, stop


def background_start(environ: dict) -> tuple[float, float]:
    from workbench.core.sandbox.background import start_background, stop_background

    start = time.perf_counter()
    status = start_background(environ)
    if status.already_running:
        raise RuntimeError("a background sandbox was already running in the temp dir")
    get_apps(status.url)
    ready = time.perf_counter() - start
    start = time.perf_counter()
    stop_background(environ)
    return ready, time.perf_counter() - start


def part_a() -> None:
    print(f"== (a) sandbox start -> first GetApps answered 200 ({REPEATS} runs each) ==")
    results: dict[str, tuple[list[float], list[float]]] = {}

    def measure(name: str, fn) -> None:
        ready, stop = [], []
        for _ in range(REPEATS):
            r, s = fn()
            ready.append(r)
            stop.append(s)
        results[name] = (ready, stop)

    floor_start()  # warm the http.server/urllib imports
    measure("floor: ThreadingHTTPServer", floor_start)
    measure("floor child: python -c server", floor_child_start)
    measure("in-process cold (fresh python)", in_process_cold_start)
    # first in this process is cold too (imports moto), so run one outside the samples
    first_here, _ = in_process_start()
    measure("in-process warm (same process)", in_process_start)
    with tempfile.TemporaryDirectory(prefix="bench-sandbox-") as tmp:
        runtime = Path(tmp) / "run"
        runtime.mkdir(mode=0o700)
        environ = dict(os.environ, XDG_RUNTIME_DIR=str(runtime),
                       XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        measure("background (start_background)", lambda: background_start(environ))

    floor = statistics.median(results["floor: ThreadingHTTPServer"][0])
    child_floor = statistics.median(results["floor child: python -c server"][0])
    print(f"{'':32} start -> first answer")
    for name, (ready, _) in results.items():
        med = statistics.median(ready)
        print(f"{name:32} {summary(ready)}   {med / floor:8.1f}x floor"
              f"   {med / child_floor:6.1f}x child floor")
    print(f"(in-process, first start in this process incl. importing moto: "
          f"{first_here * 1000:.2f} ms)")
    print(f"{'':32} stop")
    for name, (_, stop) in results.items():
        print(f"{name:32} {summary(stop)}")


# --------------------------------------------------------------------------- (b) keyring


def _name_has_owner(name: str) -> bool:
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(bus="SESSION") as conn:
        reply = conn.send_and_get_reply(message_bus.NameHasOwner(name), timeout=5)
    return bool(reply.body[0])


def _start_gnome_keyring(base: Path):
    """A throwaway gnome-keyring-daemon on this (private) session bus, or None."""
    daemon = shutil.which("gnome-keyring-daemon")
    if daemon is None or _name_has_owner("org.freedesktop.secrets"):
        return None  # none installed, or a real one already runs: never touch a real keyring
    runtime = base / "run"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, HOME=str(base / "home"), XDG_DATA_HOME=str(base / "data"),
               XDG_CONFIG_HOME=str(base / "config"), XDG_RUNTIME_DIR=str(runtime))
    proc = subprocess.Popen([daemon, "--foreground", "--unlock", "--components=secrets"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    proc.stdin.write(b"bench-login-password")  # creates + unlocks the "login" collection
    proc.stdin.close()
    deadline = time.monotonic() + 15
    while not _name_has_owner("org.freedesktop.secrets"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            return None
        time.sleep(0.05)
    return proc


def _memory_backend():
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        """In-memory stand-in (no Secret Service reachable): measures our overhead only."""

        priority = 1

        def __init__(self):
            super().__init__()
            self._data: dict = {}

        def get_password(self, service, username):
            return self._data.get((service, username))

        def set_password(self, service, username, password):
            self._data[(service, username)] = password

        def delete_password(self, service, username):
            self._data.pop((service, username), None)

    return MemoryKeyring()


def measure_keyring(backend, label: str) -> None:
    from workbench.core.environments.credentials import Credentials, KeyringCredentialStore

    service = f"pinpoint-workbench-bench-{uuid.uuid4().hex[:12]}"
    names = [f"env-{i}" for i in range(KEYRING_REPEATS)]
    writer = KeyringCredentialStore(service, backend=backend)
    for name in names:
        writer.set(name, Credentials("AKIABENCHEXAMPLE0001", "bench/secret/EXAMPLE", "bench-token"))
    try:
        backend.get_password(service, names[0])  # warm the connection / unlock path
        raw, first, cached = [], [], []
        for name in names:
            start = time.perf_counter()
            assert backend.get_password(service, name) is not None
            raw.append(time.perf_counter() - start)
        for name in names:
            store = KeyringCredentialStore(service, backend=backend)  # fresh: empty cache
            start = time.perf_counter()
            assert store.get(name) is not None
            first.append(time.perf_counter() - start)
            start = time.perf_counter()
            for _ in range(100):
                store.get(name)
            cached.append((time.perf_counter() - start) / 100)
        floor = statistics.median(raw)
        print(f"backend: {label}")
        print(f"{'floor: backend.get_password':36} {summary_us(raw)}   1.00000x")
        for name, samples in (("store.get, first read (fresh store)", first),
                              ("store.get, cached read", cached)):
            print(f"{name:36} {summary_us(samples)}  {statistics.median(samples) / floor:8.5f}x")
        print(f"first / cached: {statistics.median(first) / statistics.median(cached):.0f}x")
    finally:
        for name in names:
            try:
                writer.clear(name)
            except Exception:  # noqa: BLE001 - best-effort cleanup of a throwaway keyring
                pass


def part_b_here() -> bool:
    """Measure against a Secret Service on this session bus; False if none could be used."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    with tempfile.TemporaryDirectory(prefix="bench-keyring-") as tmp:
        proc = _start_gnome_keyring(Path(tmp))
        if proc is None:
            return False
        try:
            from keyring.backends import SecretService

            backend = SecretService.Keyring()
            measure_keyring(backend, "SecretService via a throwaway gnome-keyring-daemon "
                                     "(private dbus-run-session)")
            # keyring's own choice, as the CLI gets it without PYTHON_KEYRING_BACKEND
            from workbench.core.environments.credentials import KeyringCredentialStore

            start = time.perf_counter()
            KeyringCredentialStore(f"bench-{uuid.uuid4().hex[:8]}").get("absent")
            print(f"first read of a store with keyring's own backend choice (first in this "
                  f"process, includes keyring's backend discovery): "
                  f"{(time.perf_counter() - start) * 1000:.2f} ms")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return True


def part_b() -> None:
    print(f"\n== (b) KeyringCredentialStore reads ({KEYRING_REPEATS} entries) ==")
    if part_b_here():
        return
    runner = shutil.which("dbus-run-session")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and runner and \
            shutil.which("gnome-keyring-daemon"):
        done = subprocess.run([runner, "--", sys.executable, __file__, "--keyring-only"])
        if done.returncode == 0:
            return
        print(f"(the dbus-run-session run failed with {done.returncode})")
    print("NOTE: no Secret Service reachable (no D-Bus session / gnome-keyring-daemon): "
          "using an in-memory keyring backend; this shows only our own overhead.")
    measure_keyring(_memory_backend(), "in-memory stand-in")


def main() -> None:
    if "--keyring-only" in sys.argv:
        sys.exit(0 if part_b_here() else 1)
    part_a()
    part_b()


if __name__ == "__main__":
    main()
