"""Local receivers on 127.0.0.1 for the watch tests: an SMTP inbox and a webhook, each keeping
one copy of a message per idempotency key (as a deduplicating receiver does)."""

import json
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from serve.cluster import free_port

KEY = "Idempotency-Key"


class Inbox:
    """An SMTP server's handler: messages by idempotency key, and every arrival."""

    def __init__(self) -> None:
        self.messages: dict[str, object] = {}
        self.arrivals = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.arrivals += 1
        self.messages.setdefault(message.get(KEY) or str(self.arrivals), message)
        return "250 OK"


class Webhook:
    """A JSON webhook: bodies by idempotency key; it may answer 500 (``failing``)."""

    def __init__(self) -> None:
        self.bodies: dict[str, dict] = {}
        self.arrivals = 0
        self.failing = False
        self.hanging = 0.0  # seconds to wait before answering
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.arrivals += 1
                time.sleep(receiver.hanging)
                if receiver.failing:
                    self.send_response(500)
                else:
                    key = self.headers.get(KEY) or str(receiver.arrivals)
                    try:
                        receiver.bodies.setdefault(key, json.loads(body))
                    except ValueError:
                        receiver.bodies.setdefault(key, {"form": body.decode()})
                    self.send_response(200)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    """An SMTP inbox on 127.0.0.1 and its port."""
    handler, port = Inbox(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    """A webhook receiver on 127.0.0.1."""
    hook = Webhook()
    thread = threading.Thread(target=hook.server.serve_forever, daemon=True)
    thread.start()
    yield hook
    hook.server.shutdown()
    hook.server.server_close()
