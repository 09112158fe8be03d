"""The sandbox's own error (a light module: the command line imports it without the server)."""

from __future__ import annotations

from workbench.core.common.errors import WorkbenchError


class SandboxError(WorkbenchError):
    fmt = "sandbox: {message}"
