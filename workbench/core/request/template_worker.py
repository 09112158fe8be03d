"""Templates evaluated in a worker process that can be stopped: the hard time and memory
limits for everything a template can call (filters and globals included).

The parent (`evaluate`) sends the template text and the variables as one JSON line and
waits at most `limits.seconds` for the answer; past that, the worker is killed (and a new
one started for the next template). The worker runs with its address space capped (the
memory limit on top of what it needs to start), so a template that builds gigabytes gets a
MemoryError there, not in the workbench. It starts with an empty environment (no
credentials in it) and stops when its parent goes (end of its input).

Only templates that need jinja come here: plain `{{ name }}` substitution, nearly every
template, never leaves the process (render._substitution).

    python -m workbench.core.request.template_worker   # the worker side (started by evaluate)
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Mapping

from workbench.core.request.template_errors import RenderLimits, TemplateError, TemplateLimitExceeded, TemplateSyntaxProblem

START_SECONDS = 60.0  # a worker starting on a loaded machine (not part of any template's time)
_ROOT = str(Path(__file__).resolve().parents[3])


class Undefined(Exception):
    """The template used a name or attribute that has no value (the caller names it)."""


class _Worker:
    """One worker process and the pipe to it; used under `_lock`, one template at a time."""

    def __init__(self) -> None:
        code = (f"import sys; sys.path.insert(0, {_ROOT!r}); "
                "from workbench.core.request.template_worker import serve; serve()")
        environ = {key: os.environ[key] for key in ("PATH", "SYSTEMROOT", "LANG", "LC_ALL") if key in os.environ}
        self.process = subprocess.Popen([sys.executable, "-I", "-c", code], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environ,
                                        close_fds=True)
        self.buffer = b""
        ready = self.read_line(START_SECONDS)
        if ready is None or json.loads(ready).get("ready") is not True:
            self.kill()
            raise TemplateError(place="template", reason="the template evaluator did not start")

    def ask(self, request: dict, seconds: float) -> dict | None:
        """The answer, or None when it did not come within `seconds` (or the worker died)."""
        try:
            self.process.stdin.write(json.dumps(request, ensure_ascii=True, default=str).encode() + b"\n")
            self.process.stdin.flush()
        except OSError:
            return None
        line = self.read_line(seconds)
        return json.loads(line) if line is not None else None

    def read_line(self, seconds: float) -> bytes | None:
        deadline = time.monotonic() + seconds
        fd = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            readable, _, _ = select.select([fd], [], [], left)
            if not readable:
                return None
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def kill(self) -> None:
        try:
            self.process.kill()
        except OSError:
            pass
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


_lock = threading.Lock()
_worker: _Worker | None = None


def evaluate(annotated: str, variables: Mapping, limits: RenderLimits, place: str) -> str:
    """Render `annotated` (a template text, its values already wrapped in their escaping
    filters) with `variables` in the worker. Raises TemplateLimitExceeded past a limit,
    TemplateSyntaxProblem for the template's own errors, Undefined for a missing value."""
    global _worker
    request = {"template": annotated, "variables": dict(variables), "output_chars": limits.output_chars,
               "memory_bytes": limits.memory_bytes, "place": place}
    with _lock:
        if _worker is None or _worker.process.poll() is not None:
            _worker = _Worker()
        answer = _worker.ask(request, limits.seconds)
        if answer is None or answer.get("restart"):
            died = _worker.process.poll() is not None
            _worker.kill()
            _worker = None
            if answer is None:
                reason = (f"it ran longer than {limits.seconds:g} s (a loop too big?)" if not died
                          else f"it stopped its evaluator (more than {limits.memory_bytes // 1048576} MiB of memory?)")
                raise TemplateLimitExceeded(place=place, reason=reason)
    if "text" in answer:
        return answer["text"]
    if answer.get("undefined"):
        raise Undefined()
    kind = TemplateLimitExceeded if answer.get("limit") else TemplateSyntaxProblem
    raise kind(place=place, reason=answer.get("reason", "failed"))


@atexit.register
def _stop() -> None:
    global _worker
    with _lock:
        if _worker is not None:
            _worker.kill()
            _worker = None


# ----------------------------------------------------------------------------- the worker side


def _cap_memory(total: int) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: the time limit still holds
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (total, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (ValueError, OSError):  # a platform that does not enforce it (macOS): the time limit still holds
        pass


def _address_space() -> int:
    """This process's address space now (Linux); a generous guess elsewhere."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 512 * 1024 * 1024


def serve() -> None:
    """Answer one JSON line per template until the input ends."""
    import jinja2

    from workbench.core.request.jinja_sandbox import ENV, run_template

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is for the parent: it stops us if it must
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but answers on the pipe
    capped = None
    compiled: dict[str, jinja2.Template] = {}
    out.write(b'{"ready": true}\n')
    out.flush()
    for line in sys.stdin.buffer:
        request = json.loads(line)
        place = request["place"]
        if capped != request["memory_bytes"]:
            capped = request["memory_bytes"]
            _cap_memory(_address_space() + capped)
        try:
            template = compiled.get(request["template"])
            if template is None:
                template = compiled.setdefault(request["template"], ENV.from_string(request["template"]))
            answer = {"text": run_template(template, request["variables"], request["output_chars"], place)}
        except jinja2.UndefinedError:
            answer = {"undefined": True}
        except MemoryError:
            answer = {"limit": True, "restart": True,
                      "reason": f"it needed more than {request['memory_bytes'] // 1048576} MiB of memory"}
        except TemplateError as exc:
            answer = {"limit": isinstance(exc, TemplateLimitExceeded), "reason": exc.fields.get("reason", str(exc))}
        except Exception as exc:  # noqa: BLE001 - whatever a template does is its error, never the worker's end
            answer = {"reason": f"{exc} ({type(exc).__name__})"}
        if len(compiled) > 256:
            compiled.clear()
        out.write(json.dumps(answer, ensure_ascii=True).encode() + b"\n")
        out.flush()
        if answer.get("restart"):
            return


if __name__ == "__main__":
    serve()
