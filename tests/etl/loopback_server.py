"""A scriptable HTTP server on 127.0.0.1 for fetch tests: routes, failures, slowness, redirects."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    fail_first: int = 0  # answer 500 this many times before succeeding
    fail_status: int = 500
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between single bytes of the body
    hold: threading.Event | None = None  # the body waits until this is set (at most a minute)
    hits: int = 0


class _Handler(BaseHTTPRequestHandler):
    server: "LoopbackServer"

    def log_message(self, *args) -> None:
        return

    def do_GET(self) -> None:
        route = self.server.routes.get(self.path.split("?")[0])
        self.server.requests.append(self.path)
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        if route is None:
            self.send_error(404, "Not Found")
            return
        route.hits += 1
        if route.delay:
            time.sleep(route.delay)
        if route.hits <= route.fail_first:
            self.send_error(route.fail_status)
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if not route.drip:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        if route.hold:
            route.hold.wait(60)
        try:
            if route.drip:
                for byte in route.body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(route.drip)
            else:
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            return


class LoopbackServer(ThreadingHTTPServer):
    """An HTTP server bound to 127.0.0.1 on a free port, serving :class:`Route` objects."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.user_agents: list[str] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serving() -> Iterator[LoopbackServer]:
    """Run a :class:`LoopbackServer` in a thread for the duration of the block."""
    server = LoopbackServer()
    # Polled often, so that leaving the block does not wait out the default half second.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
