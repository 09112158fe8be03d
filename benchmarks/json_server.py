"""A loopback HTTP server answering every request with one fixed JSON body (for the large
response benchmark and the README's large-response picture)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def large_document(megabytes: float = 10.0) -> bytes:
    """A GetApps-shaped answer of about `megabytes` MB: many apps, each with some nesting."""
    item = {"Arn": "arn:aws:mobiletargeting:us-east-1:123456789012:apps/{id}", "Id": "{id}", "Name": "project-{i}",
            "CreationDate": "2026-01-01T00:00:00.000Z", "tags": {"team": "messaging", "stage": "test"},
            "Settings": {"Limits": {"Daily": 100, "Total": 1000, "MessagesPerSecond": 50},
                         "QuietTime": {"Start": "22:00", "End": "07:00"}, "Notes": "x" * 300}}
    one = len(json.dumps(item))
    count = int(megabytes * 1024 * 1024 / one)
    items = [json.loads(json.dumps(item).replace("{id}", f"{i:032x}").replace("{i}", str(i))) for i in range(count)]
    return json.dumps({"ApplicationsResponse": {"Item": items, "NextToken": None}}).encode()


class JsonServer:
    def __init__(self, body: bytes):
        payload = body

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
