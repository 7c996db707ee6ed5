"""Local receivers on 127.0.0.1 for the watch tests: an SMTP inbox and a webhook, each keeping
one copy of a message per idempotency key (as a deduplicating receiver does), and a TLS receiver
answering for Teams Workflows' and Slack's hosts."""

import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

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
    """A JSON webhook: bodies by idempotency key; it may answer 500 (``failing``, or to the first
    ``fail_first`` posts)."""

    def __init__(self) -> None:
        self.bodies: dict[str, dict] = {}
        self.arrivals = 0
        self.failing = False
        self.fail_first = 0
        self.hanging = 0.0  # seconds to wait before answering
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.arrivals += 1
                time.sleep(receiver.hanging)
                if receiver.failing or receiver.arrivals <= receiver.fail_first:
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


# Chat services on loopback ----------------------------------------------------------------------
# Apprise posts to Teams Workflows and Slack over https only, and to Slack at hooks.slack.com
# whatever the URL says. The tests let it: a throwaway certificate authority signs a certificate
# for the services' own host names, those names resolve to a TLS receiver on 127.0.0.1, and any
# other name, or a connection to anything but loopback, fails the test.
TEAMS_HOST = "prod-161.westeurope.logic.azure.com"  # a Workflows webhook's host, as Teams gives it
SLACK_HOST = "hooks.slack.com"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def _certificates(folder: Path, names: list[str]) -> tuple[Path, Path]:
    """A throwaway authority (its certificate file) and a key and certificate for ``names``."""
    now = datetime.now(UTC)

    def made(subject: str, key, issuer: str, signer, extensions) -> x509.Certificate:
        builder = x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
        builder = builder.public_key(key.public_key()).serial_number(x509.random_serial_number())
        builder = builder.not_valid_before(now - timedelta(hours=1))
        builder = builder.not_valid_after(now + timedelta(days=1))
        for extension, critical in extensions:
            builder = builder.add_extension(extension, critical=critical)
        return builder.sign(signer, hashes.SHA256())

    authority_key, server_key = (
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP256R1()),
    )
    authority = made(
        "watch tests CA",
        authority_key,
        "watch tests CA",
        authority_key,
        [(x509.BasicConstraints(ca=True, path_length=None), True)],
    )
    server = made(
        names[0],
        server_key,
        "watch tests CA",
        authority_key,
        [(x509.SubjectAlternativeName([x509.DNSName(name) for name in names]), False)],
    )
    authority_file, chain = folder / "authority.pem", folder / "server.pem"
    authority_file.write_bytes(authority.public_bytes(serialization.Encoding.PEM))
    key = server_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    chain.write_bytes(key + server.public_bytes(serialization.Encoding.PEM))
    return authority_file, chain


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


class Chat:
    """A TLS webhook for every chat service: each POST's path and JSON body, answered as Slack
    and Teams Workflows answer (200 "ok"); it may fail the first ``failures`` posts with 503."""

    def __init__(self, chain: Path) -> None:
        self.teams_host, self.slack_host = TEAMS_HOST, SLACK_HOST
        self.posts: list[tuple[str, dict]] = []
        self.arrivals = 0
        self.failures = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.arrivals += 1
                if receiver.arrivals <= receiver.failures:
                    self.send_response(503)
                    self.end_headers()
                    return
                receiver.posts.append((self.path, json.loads(body)))
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(chain)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]


@pytest.fixture
def chat(tmp_path, monkeypatch) -> Iterator[Chat]:
    """Teams Workflows' and Slack's hosts answered by one TLS receiver on 127.0.0.1, trusted
    through a throwaway authority; nothing may connect anywhere but loopback."""
    authority, chain = _certificates(tmp_path, [TEAMS_HOST, SLACK_HOST])
    receiver = Chat(chain)
    resolve, connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, port, *args, **kwargs):
        if host in (TEAMS_HOST, SLACK_HOST):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", receiver.port))]
        if host not in LOOPBACK:
            raise AssertionError(f"a test tried to reach {host}")
        return resolve(host, port, *args, **kwargs)

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOOPBACK:
            raise AssertionError(f"a test tried to connect to {address}")
        return connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(authority))  # requests then trusts it alone
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()
