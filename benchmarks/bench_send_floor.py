"""Sign + send, as a ratio to the floor of raw botocore sign + send, on loopback.

    .venv/bin/python benchmarks/bench_send_floor.py

Floor: `SigV4Auth.add_auth` on an `AWSRequest`, then botocore's own `URLLib3Session.send`.
Ours:  `workbench.core.send.signing.sign` (+ InspectionRecord), then `workbench.core.send.transport.send`
(worker thread, timeouts, cancel, progress support). Both talk to the same HTTP/1.1
loopback server, compared like with like twice:
  fresh   one connection per request (the floor adds `Connection: close`; ours keep_alive=False)
  pooled  connections kept alive and reused (urllib3's pool; ours the transport's pool)
Each figure is the median per-request time over several rounds, measured in this run.
"""

from __future__ import annotations

import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials as BotocoreCredentials
from botocore.httpsession import URLLib3Session

from workbench.core.environments.credentials import Credentials
from workbench.core.request.http import HttpRequest
from workbench.core.send.signing import sign
from workbench.core.send.transport import POOL, SendOptions, send

ROUNDS = 7
PER_ROUND = 50
BODY = b'{"ApplicationsResponse": {"Item": []}}'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive unless the client says close
    disable_nagle_algorithm = True  # headers and body go out at once, as from a real server

    def do_GET(self):  # noqa: N802 (http.server API)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        if self.headers.get("Connection", "").lower() == "close":
            self.send_header("Connection", "close")  # so the client's pool does not keep it either
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


def per_request_ms(fn) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(PER_ROUND):
            fn()
        samples.append((time.perf_counter() - start) * 1000 / PER_ROUND)
    return statistics.median(samples)


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1/apps"
    creds = Credentials("AKIDEXAMPLE", "bench-secret", "bench-token")
    session = URLLib3Session()
    signer = SigV4Auth(BotocoreCredentials("AKIDEXAMPLE", "bench-secret", "bench-token"), "mobiletargeting", "us-east-1")

    def floor(fresh: bool):
        request = AWSRequest(method="GET", url=url, headers={"Accept": "application/json"})
        signer.add_auth(request)
        if fresh:
            request.headers["Connection"] = "close"  # unsigned; framing only
        response = session.send(request.prepare())
        assert response.status_code == 200 and response.content == BODY

    def ours(fresh: bool):
        request = HttpRequest("GET", url, (("Accept", "application/json"),))
        signed = sign(request, creds, region="us-east-1", signing_name="mobiletargeting")
        response = send(signed.request, SendOptions(keep_alive=not fresh))
        assert response.status == 200 and response.body == BODY

    for fresh in (True, False):
        floor(fresh), ours(fresh)  # warm up
        floor_ms = per_request_ms(lambda: floor(fresh))
        ours_ms = per_request_ms(lambda: ours(fresh))
        kind = "fresh connection per request" if fresh else "pooled (kept-alive) connections"
        print(f"== {kind}")
        print(f"floor  botocore add_auth + URLLib3Session.send : {floor_ms:8.3f} ms/request")
        print(f"ours   sign() + transport.send()                : {ours_ms:8.3f} ms/request")
        print(f"ratio  ours / floor                             : {ours_ms / floor_ms:8.2f}x")
    POOL.clear()
    server.shutdown()


if __name__ == "__main__":
    main()
