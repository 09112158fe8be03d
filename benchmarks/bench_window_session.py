"""A long session in the window: its memory over 1,000 sends, and a send from the window
against the command line's in-process send, both in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window_session.py [SENDS]

One background sandbox (its own process, so its memory is not counted), temporary config and
data dirs. The window is built in this process (as `gui` does), GetApps is opened in one tab
and sent SENDS times (default 1,000), each waited for until its body is shown.
(a) resident memory (VmRSS) after every 100 sends: the growth per 100 sends over the last
    900, and the RSS at the end as a ratio to after the first 100 (goal: flat, 1.0x);
    SQLite's page cache, Qt's and Python's allocators settle in the first hundred.
(b) one send, window vs command line: Send -> body shown in the window, against
    `workbench.cli.main(["send", "GetApps", "--json"])` in this process (output captured),
    alternating, 40 each after a warm-up, medians (goal: within 1.2x).
Nothing is asserted.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def rss() -> int:
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1]) * 1024


def wait(app, condition, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.0005)


def main() -> None:
    sends = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        environ = dict(os.environ, HOME=tmp, PINPOINT_WORKBENCH_CONFIG_DIR=f"{tmp}/config",
                       PINPOINT_WORKBENCH_DATA_DIR=f"{tmp}/data", XDG_RUNTIME_DIR=f"{tmp}/run",
                       XDG_CACHE_HOME=f"{tmp}/cache", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.makedirs(f"{tmp}/run", mode=0o700)
        os.environ.update(environ)
        from workbench.core.sandbox.background import ensure_running, stop_background

        ensure_running(environ)
        try:
            run(environ, sends)
        finally:
            stop_background(environ)


def run(environ: dict, sends: int) -> None:
    from PySide6.QtWidgets import QApplication

    from workbench.cli import main as cli_main
    from workbench.cli.context import CliContext
    from workbench.ui.app import build
    from workbench.ui.app_context import AppContext

    app = QApplication.instance() or QApplication([])
    window, controller = build(AppContext.from_environ(environ), persist=False)
    window.resize(1280, 800)
    window.show()
    window.start()
    wait(app, lambda: window._library_ready and controller.current_env is not None)
    tab = window.open_operation("pinpoint:GetApps")
    wait(app, tab.isVisible)

    def window_send() -> float:
        tab.response_body = None
        start = time.perf_counter()
        window.send(tab)
        wait(app, lambda: tab.response_body is not None and not controller.is_busy(tab.tab_id))
        return time.perf_counter() - start

    def cli_send() -> float:
        out = io.StringIO()
        start = time.perf_counter()
        status = cli_main(["send", "GetApps", "--json"], CliContext(out, io.StringIO(), io.StringIO(), environ))
        elapsed = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"the command line's send failed: {out.getvalue()[-500:]}")
        return elapsed

    for _ in range(10):  # warm-up: connections, imports, caches
        window_send(), cli_send()
    ours, theirs = [], []
    for _ in range(40):
        ours.append(window_send())
        theirs.append(cli_send())
    w, c = statistics.median(ours), statistics.median(theirs)
    print(f"(b) one GetApps send, medians of {len(ours)}: window {w * 1000:.1f} ms, command line in-process "
          f"{c * 1000:.1f} ms -> {w / c:.2f}x (goal <= 1.2x)\n")

    samples = [rss()]
    for i in range(1, sends + 1):
        window_send()
        if i % 100 == 0:
            app.processEvents()
            samples.append(rss())
    print(f"(a) resident memory over {sends} window sends (MiB after each 100):")
    print("    " + " ".join(f"{s / 2**20:.1f}" for s in samples))
    if len(samples) > 2:
        steady = samples[1:]
        per_100 = (steady[-1] - steady[0]) / (len(steady) - 1)
        print(f"    growth after the first 100: {per_100 / 1024:+.0f} KiB per 100 sends "
              f"({per_100 / 100 / 1024:+.1f} KiB a send); RSS at {sends} / at 100: {steady[-1] / steady[0]:.3f}x "
              f"(goal: flat)")
    window.close()


if __name__ == "__main__":
    main()
