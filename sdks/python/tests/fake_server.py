"""A scripted plain-HTTP server on 127.0.0.1 for behaviour the real server cannot be made to show on demand
(429s, 503s, slow answers, errored actions). It answers requests in order from a script and records them."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

from cloudnexus import CloudNexus


@dataclass(frozen=True)
class Reply:
    status: int
    body: Optional[object] = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


class FakeServer:
    def __init__(self, script: list[Reply], repeat_last: bool) -> None:
        self.script = script
        self.repeat_last = repeat_last
        self.received: list[Received] = []
        self._lock = threading.Lock()

    def next_reply(self, request: Received) -> Reply:
        with self._lock:
            self.received.append(request)
            index = len(self.received) - 1
        if index < len(self.script):
            return self.script[index]
        if self.repeat_last:
            return self.script[-1]
        return Reply(500, {"error": {"code": 500, "message": "fake server script exhausted", "details": []}})


def _handler(fake: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Received(
                method=self.command,
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length),
                at=time.monotonic(),
            )
            reply = fake.next_reply(request)
            time.sleep(reply.delay)
            payload = b"" if reply.body is None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("X-Request-Id", f"req_fake{len(fake.received)}")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:  # quiet: pytest shows failures anyway
            pass

    return Handler


@contextmanager
def fake_server(script: list[Reply], *, repeat_last: bool = False) -> Iterator[tuple[FakeServer, str]]:
    """Yields the fake and its base URL (http://127.0.0.1:PORT/v2)."""
    fake = FakeServer(script, repeat_last)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake, f"http://127.0.0.1:{httpd.server_address[1]}/v2"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@contextmanager
def scripted_client(
    script: list[Reply], *, repeat_last: bool = False, **options: Any
) -> Iterator[tuple[FakeServer, CloudNexus]]:
    """A sync client talking to a fresh fake server that answers with `script`."""
    with fake_server(script, repeat_last=repeat_last) as (fake, base_url):
        client = CloudNexus(api_key="k", base_url=base_url, **options)
        with client:
            yield fake, client
