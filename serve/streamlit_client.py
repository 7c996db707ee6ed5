"""A browser's part of Streamlit's websocket protocol, enough to run a page and read its elements.

A session opens ``/_stcore/stream`` (subprotocol "streamlit"), sends a BackMsg ``rerun_script``
with the page's path and query string, and reads ForwardMsgs until ``script_finished``. The text
of every element (metrics, markdown, headings, alerts, exceptions) is kept to check what was shown,
and so are the selectboxes (id and option labels), to change one as a browser does: the rerun
carries the widget states, a selectbox's as ``string_value``, its option's label. Cookies are sent
as a browser would, so nginx's sticky cookie routes the session. Used by serve/warm.py (a new
server's caches filled before the first visitor), tests/cluster and bench/capacity.py.
"""

import time
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import ClientConnection, connect

STICKY_COOKIE = "reaim_node"


@dataclass
class Run:
    """What one script run sent: element texts, exceptions and error boxes, how it ended."""

    texts: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    status: str = ""
    selectboxes: dict[str, list[str]] = field(default_factory=dict)  # widget id -> option labels

    def text(self) -> str:
        return "\n".join(self.texts)


def first_visit(base_url: str, path: str = "/", cookies: dict[str, str] | None = None) -> dict:
    """GET a page as a browser's first request; the cookies it ends up with (nginx's sticky one)."""
    jar = dict(cookies or {})
    request = urllib.request.Request(base_url + path, headers=_cookie_header(jar))
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=60) as response:
        if response.status != 200:
            raise RuntimeError(f"GET {path}: HTTP {response.status}")
        response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
    return jar


def _cookie_header(cookies: dict[str, str]) -> dict[str, str]:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}


class Session:
    """One browser tab: a websocket to ``base_url`` carrying ``cookies``.

    ``origin`` is the page's, as a browser sends it: ``base_url`` itself unless a test plays a
    page of another site or port.
    """

    def __init__(
        self,
        base_url: str,
        cookies: dict[str, str],
        timeout: float = 120,
        origin: str | None = None,
    ) -> None:
        self.timeout = timeout
        host = base_url.split("://", 1)[1]
        self._stack = ExitStack()
        self.socket: ClientConnection = self._stack.enter_context(
            connect(
                f"ws://{host}/_stcore/stream",
                subprotocols=["streamlit"],
                additional_headers=_cookie_header(cookies),
                origin=origin or base_url,
                open_timeout=timeout,
                max_size=None,  # the map page sends figures of several MB
                proxy=None,
            )
        )

    def run(self, page: str = "", query: str = "", widgets: dict[str, str] | None = None) -> Run:
        """Run ``page`` (its url path: "" for the map, "sources", "plan", …) to the end.

        ``widgets`` maps selectbox ids to the option label each shows; a browser sends every
        widget's state with each rerun, so a widget left out goes back to its default.
        """
        message = BackMsg()
        message.rerun_script.query_string = query
        message.rerun_script.page_name = page
        for widget_id, label in (widgets or {}).items():
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            state.string_value = label
        self.socket.send(message.SerializeToString())
        run = Run()
        deadline = time.monotonic() + self.timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"page {page!r} did not finish in {self.timeout} s")
            forward = ForwardMsg()
            forward.ParseFromString(self.socket.recv(timeout=remaining))
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                _collect(forward.delta.new_element, run)
            elif kind == "script_finished":
                run.status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                if run.status != "FINISHED_EARLY_FOR_RERUN":
                    return run

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _collect(element, run: Run) -> None:
    kind = element.WhichOneof("type")
    if kind == "metric":
        run.texts.append(f"{element.metric.label}: {element.metric.body}")
    elif kind in ("markdown", "heading"):
        run.texts.append(getattr(element, kind).body)
    elif kind == "alert":
        run.texts.append(element.alert.body)
        if element.alert.format == element.alert.ERROR:
            run.errors.append(element.alert.body)
    elif kind == "selectbox":
        run.selectboxes[element.selectbox.id] = list(element.selectbox.options)
    elif kind == "exception":
        run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
