"""moto's server mode on 127.0.0.1, an ephemeral port, in a thread of this process.

moto's own IAM checks stay off (our front authenticates); its request log stays quiet.
The front calls moto's WSGI application in-process (`call`): no second HTTP hop (werkzeug
closes every connection, so each hop would cost a connect and a thread). The HTTP server
stays up for whoever wants moto itself (benchmarks, diagnosis).
Note: moto keeps its backends in process-wide state, so two sandboxes in one process share
their resources.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from werkzeug.serving import WSGIRequestHandler, make_server


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):  # no per-request lines on stderr
        pass


@dataclass
class MotoServer:
    host: str = "127.0.0.1"
    port: int = 0

    def __post_init__(self):
        self._server = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from moto import settings
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

        settings.INITIAL_NO_AUTH_ACTION_COUNT = float("inf")  # moto's IAM mode off
        app = DomainDispatcherApplication(create_backend_app)
        self.app = app
        self._server = make_server(self.host, self.port, app, threaded=True,
                                   request_handler=_QuietHandler)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="sandbox-moto", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def call(self, method: str, target: str, headers: dict, body: bytes):
        """(status, headers, body) from moto's application, as its HTTP server would answer."""
        from werkzeug.test import EnvironBuilder, run_wsgi_app

        path, _, query = target.partition("?")
        environ = EnvironBuilder(path=path, method=method, query_string=query, headers=headers,
                                 data=body, base_url=f"http://{headers.get('Host', self.host)}"
                                 ).get_environ()
        environ["REMOTE_ADDR"] = "127.0.0.1"
        app_iter, status, response_headers = run_wsgi_app(self.app, environ)
        try:
            data = b"".join(app_iter)
        finally:
            getattr(app_iter, "close", lambda: None)()
        return int(status.split(" ", 1)[0]), list(response_headers.items()), data

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port
