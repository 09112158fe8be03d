"""A loopback server that echoes every request back as JSON (a server that repeats what it
was sent: the headers, a session token among them, and the body, the token again in an
`X-Echo-Token` header), plus whatever extra members a test gives it: a server that knows a
secret and says it. For tests that check an echoed secret never reaches an output or a
file. `tls=` (a server-side SSLContext, e.g. ThrowawayCa.server_context) makes it https.

    with echo_server({"note": f"your key is {secret}"}) as server:
        ... send to server.url("/v1/apps") ...
"""

from __future__ import annotations

import contextlib
import json

from tests.helpers.fault_server import FaultServer, http_response


@contextlib.contextmanager
def echo_server(extra: dict | None = None, tls=None):
    def echo(conn, request, server):
        answer = {"method": request.method, "target": request.target,
                  "headers": {key: value for key, value in request.headers},
                  "body": request.body.decode("utf-8", errors="replace"), **(extra or {})}
        body = json.dumps(answer).encode()
        conn.sendall(http_response(200, "OK", body, [("Content-Type", "application/json"),
                                                     ("X-Echo-Token", request.header("X-Amz-Security-Token") or "")]))

    with FaultServer(echo, tls=tls) as server:
        yield server
