"""The only code that touches the network: bounded, retried, host-checked HTTP downloads."""

import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import HTTPError as Urllib3Error

from etl.errors import EtlError
from etl.version import VERSION
from safeio.loopback import is_loopback

USER_AGENT = (
    f"reaim-dashboard-etl/{VERSION} "
    "(coverage dashboard of the REAIM 2023 Call to Action; python-requests)"
)
# Hosts the Dutch government publishes on; documents may be served from any of them.
OFFICIAL_DUTCH_HOSTS = ("government.nl", "rijksoverheid.nl", "overheid.nl")


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one download: timeouts, overall deadline, size cap, retries."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 120.0
    max_bytes: int = 25 * 2**20
    attempts: int = 3
    backoff: float = 1.0
    max_redirects: int = 5

    @classmethod
    def with_timeout(cls, seconds: float) -> "FetchPolicy":
        """A policy whose overall deadline is ``seconds`` (connect and read timeouts within it)."""
        return cls(
            connect_timeout=min(cls.connect_timeout, seconds),
            read_timeout=min(cls.read_timeout, seconds),
            deadline=seconds,
        )


@dataclass(frozen=True)
class Download:
    """The bytes of one HTTP response and what is known about how they were obtained."""

    final_url: str
    status: int
    content_type: str
    body: bytes
    retrieved_at: datetime


def _pause(seconds: float) -> None:
    """Wait between attempts (tests replace this to retry at once)."""
    time.sleep(seconds)


class _RetryableError(Exception):
    """A failure worth another attempt: connection errors, timeouts, 5xx."""


def host_allowed(host: str, allowed_hosts: set[str]) -> bool:
    """True for the given hosts and the official Dutch government hosts and their subdomains."""
    host = host.lower().rstrip(".")
    return host in allowed_hosts or any(
        host == suffix or host.endswith("." + suffix) for suffix in OFFICIAL_DUTCH_HOSTS
    )


def check_url(url: str, allowed_hosts: set[str]) -> None:
    """Refuse URLs that are not https (plain http only to loopback) or leave the allowed hosts."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        raise EtlError(f"not a web address: {url}", "pass an https:// URL with --url")
    if parts.scheme == "http" and not is_loopback(host):
        raise EtlError(
            f"refusing plain http for {host} ({url})", "use the https:// address of the page"
        )
    if not host_allowed(host, allowed_hosts):
        raise EtlError(
            f"refusing to follow {url}: {host} is neither {', '.join(sorted(allowed_hosts))} "
            "nor an official Dutch government host",
            "check the page in a browser; if the list really moved, pass its link with --url",
        )


class Fetcher:
    """Downloads with timeouts, an overall deadline, retries with backoff and a size cap."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.trust_env = False  # no proxies or netrc from the environment

    def get(self, url: str, allowed_hosts: set[str]) -> Download:
        """Download ``url``; redirects must stay on ``allowed_hosts`` or official Dutch hosts."""
        deadline_at = time.monotonic() + self.policy.deadline
        for attempt in range(1, self.policy.attempts + 1):
            try:
                return self._attempt(url, allowed_hosts, deadline_at)
            except _RetryableError as exc:
                delay = self.policy.backoff * 2 ** (attempt - 1)
                if attempt == self.policy.attempts or time.monotonic() + delay >= deadline_at:
                    raise EtlError(
                        f"{exc} (gave up after {attempt} attempt{'s' * (attempt > 1)})",
                        "the site may be down or unreachable from here; try again later, or "
                        "save the document in a browser and pass it with --from-file",
                    ) from exc
                _pause(delay)
        raise AssertionError("unreachable")

    def _attempt(self, url: str, allowed_hosts: set[str], deadline_at: float) -> Download:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            check_url(current, allowed_hosts)
            response = self._request(current, deadline_at)
            with response:
                if response.is_redirect:
                    current = urljoin(current, response.headers["Location"])
                    continue
                host = urlsplit(current).hostname
                if response.status_code >= 500:
                    raise _RetryableError(f"HTTP {response.status_code} from {host} for {current}")
                if response.status_code >= 400:
                    raise EtlError(
                        f"HTTP {response.status_code} {response.reason} for {current}",
                        "the page has moved or is gone: find it in a browser, pass it with --url",
                    )
                body = self._read(response, current, deadline_at)
                return Download(
                    final_url=current,
                    status=response.status_code,
                    content_type=response.headers.get("Content-Type", ""),
                    body=body,
                    retrieved_at=datetime.now(UTC).replace(microsecond=0),
                )
        raise EtlError(
            f"more than {self.policy.max_redirects} redirects from {url}",
            "open the URL in a browser and pass the final address with --url",
        )

    def _request(self, url: str, deadline_at: float) -> requests.Response:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise _RetryableError(f"no time left within the {self.policy.deadline:g} s deadline")
        timeout = (
            min(self.policy.connect_timeout, remaining),
            min(self.policy.read_timeout, remaining),
        )
        host = urlsplit(url).hostname
        try:
            return self.session.get(url, stream=True, allow_redirects=False, timeout=timeout)
        except requests.ConnectTimeout as exc:
            raise _RetryableError(
                f"connecting to {host} timed out after {timeout[0]:.2g} s"
            ) from exc
        except requests.ReadTimeout as exc:
            raise _RetryableError(f"{host} did not answer within {timeout[1]:.2g} s") from exc
        except requests.ConnectionError as exc:
            if _caused_by(exc, socket.gaierror):
                raise EtlError(
                    f"the host name {host} does not resolve",
                    "check the URL and this machine's network and DNS settings",
                ) from exc
            raise _RetryableError(f"could not connect to {host} (refused or unreachable)") from exc

    def _read(self, response: requests.Response, url: str, deadline_at: float) -> bytes:
        cap = self.policy.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise EtlError(
                f"{url} is {int(declared):,} bytes, over the {cap:,}-byte cap",
                "this is not the list document; check the URL",
            )
        body = bytearray()
        host = urlsplit(url).hostname
        try:
            while chunk := response.raw.read1(65536, decode_content=True):
                body += chunk
                if len(body) > cap:
                    raise EtlError(
                        f"{url} sent more than the {cap:,}-byte cap",
                        "this is not the list document; check the URL",
                    )
                if time.monotonic() > deadline_at:
                    raise EtlError(
                        f"{host} was still sending after the {self.policy.deadline:g} s deadline "
                        f"({len(body):,} bytes received)",
                        "the site is too slow right now; try again later or raise --timeout",
                    )
        except (Urllib3Error, OSError) as exc:
            raise _RetryableError(
                f"the download from {host} broke off ({type(exc).__name__})"
            ) from exc
        return bytes(body)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return True
        stack += [e for e in (current.__cause__, current.__context__) if e is not None]
        stack += [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
    return False
